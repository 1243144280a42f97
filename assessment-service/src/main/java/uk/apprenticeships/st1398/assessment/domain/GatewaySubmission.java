package uk.apprenticeships.st1398.assessment.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.EmbeddedColumnNaming;

/**
 * One attempt at the gateway to completion: a component per applicable readiness item and the readiness check as it
 * stood. Never changed; its status follows from its {@link GatewayDecision}s.
 */
@Entity
@Table(name = "gateway_submission")
public class GatewaySubmission {

    public static final String ATTEMPT_KEY = "gateway_submission_attempt_key";

    @Id
    public UUID id;

    @Column(name = "assessment_id", nullable = false)
    public UUID assessmentId;

    /** 1 for the first submission, then one more per resubmission after a rejection. */
    @Column(nullable = false)
    public int attempt;

    public String note;

    /** The readiness check at submission, as JSON. */
    @Column(nullable = false)
    public String readiness;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "gateway_component", joinColumns = @JoinColumn(name = "submission_id"))
    @OrderColumn(name = "position")
    public List<Component> components = new ArrayList<>();

    /** Who submitted it, and when. */
    @Embedded
    @EmbeddedColumnNaming("submitted_%s")
    public StampColumns submitted;

    /** A readiness item submitted for the assessment organisation's decision. */
    @Embeddable
    public static class Component {

        @Column(nullable = false)
        public String item;

        @Column(name = "readiness_status", nullable = false)
        @Convert(converter = ReadinessStatus.Column.class)
        public ReadinessStatus readinessStatus;

        public Component() {}

        public Component(String item, ReadinessStatus readinessStatus) {
            this.item = item;
            this.readinessStatus = readinessStatus;
        }
    }
}
