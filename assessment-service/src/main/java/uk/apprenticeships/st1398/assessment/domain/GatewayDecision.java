package uk.apprenticeships.st1398.assessment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The assessment organisation's decision on one component of a gateway submission. Recorded once, never changed. */
@Entity
@Table(name = "gateway_decision")
public class GatewayDecision {

    public static final String ITEM_KEY = "gateway_decision_item_key";
    public static final String ACCEPTED = "accepted";
    public static final String REJECTED = "rejected";

    @Id
    public UUID id;

    @Column(name = "submission_id", nullable = false)
    public UUID submissionId;

    @Column(nullable = false)
    public String item;

    @Column(nullable = false)
    public String decision;

    public String reason;

    @Column(name = "decided_at", nullable = false)
    public OffsetDateTime decidedAt;

    /** The decider's token subject. */
    @Column(name = "decided_by", nullable = false)
    public String decidedBy;

    @Column(name = "decided_by_name", nullable = false)
    public String decidedByName;
}
