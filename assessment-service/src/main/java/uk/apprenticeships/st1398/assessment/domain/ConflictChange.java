package uk.apprenticeships.st1398.assessment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.EmbeddedColumnNaming;

/** One declaration or removal of an assessor's conflict of interest; written once, never changed. */
@Entity
@Table(name = "assessor_conflict_change")
public class ConflictChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "assessor_id", nullable = false)
    public UUID assessorId;

    /** provider or employer. */
    @Column(nullable = false)
    @Enumerated(EnumType.STRING)
    public ConflictKind kind;

    /** The provider's UKPRN or the employer's id. */
    @Column(nullable = false)
    public String value;

    /** Declared or Removed. */
    @Column(nullable = false)
    @Enumerated(EnumType.STRING)
    public ConflictAction action;

    public String reason;

    /** Who changed it, and when. */
    @Embedded
    @EmbeddedColumnNaming("changed_%s")
    public StampColumns changed;
}
