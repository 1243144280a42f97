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
import org.hibernate.annotations.EmbeddedColumnNaming;

/** One change to a certificate: append-only, never updated. */
@Entity
@Table(name = "certificate_history")
public class CertificateHistory {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "certificate_id", nullable = false, updatable = false)
    public Long certificateId;

    /** Created, Amended or StatusChanged. */
    @Column(nullable = false, length = 16, updatable = false)
    @Enumerated(EnumType.STRING)
    public RecordAction action;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16, updatable = false)
    public CertificateStatus status;

    @Column(updatable = false)
    public String note;

    /** Who changed it, and when. */
    @Embedded
    @EmbeddedColumnNaming("changed_%s")
    public StampColumns changed;
}
