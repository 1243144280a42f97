package uk.apprenticeships.st1398.assessment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.EmbeddedColumnNaming;

/** The assessment organisation's decision on one component of a gateway submission. Recorded once, never changed. */
@Entity
@Table(name = "gateway_decision")
public class GatewayDecision {

    public static final String ITEM_KEY = "gateway_decision_item_key";

    @Id
    public UUID id;

    @Column(name = "submission_id", nullable = false)
    public UUID submissionId;

    @Column(nullable = false)
    public String item;

    @Column(nullable = false)
    @Enumerated(EnumType.STRING)
    public ComponentDecision decision;

    public String reason;

    /** Who decided it, and when. */
    @Embedded
    @EmbeddedColumnNaming("decided_%s")
    public StampColumns decided;
}
