package uk.apprenticeships.st1398.platform.events;

import java.util.List;
import java.util.Set;

/** Every event type the platform records, the one place their names are written (catalogue: docs/events.md). */
public final class EventTypes {

    // evidence-service
    public static final String APPRENTICE_ENROLLED = "apprentice.enrolled";
    public static final String APPRENTICE_CHANGED = "apprentice.changed";
    public static final String APPRENTICE_STATUS_CHANGED = "apprentice.status-changed";
    public static final String APPRENTICE_ERASED = "apprentice.erased";
    public static final String EVIDENCE_CREATED = "evidence.created";
    public static final String EVIDENCE_SUBMITTED = "evidence.submitted";
    public static final String EVIDENCE_ACCEPTED = "evidence.accepted";
    public static final String EVIDENCE_REFERRED_BACK = "evidence.referred-back";
    public static final String EVIDENCE_REVISED = "evidence.revised";
    /** Content edited while a draft, or confirmed by the employer: the evidence changed without a workflow step. */
    public static final String EVIDENCE_CHANGED = "evidence.changed";

    public static final String EVIDENCE_FILE_UPLOADED = "evidence.file-uploaded";
    public static final String OFF_THE_JOB_APPROVED = "off-the-job.approved";
    public static final String OFF_THE_JOB_REJECTED = "off-the-job.rejected";
    public static final String REVIEW_SIGNED = "review.signed";

    // assessment-service
    public static final String ASSESSMENT_REGISTERED = "assessment.registered";
    public static final String GATEWAY_DECIDED = "assessment.gateway-decided";
    public static final String ATTEMPT_GRADED = "assessment.attempt-graded";
    public static final String ASSESSMENT_RESULT = "assessment.result";
    public static final String EPA_RECORD_CHANGED = "epa-record.changed";
    public static final String CERTIFICATE_STATUS_CHANGED = "certificate.status-changed";

    // standards-service
    public static final String STANDARD_VERSION_IMPORTED = "standard-version.imported";
    public static final String STANDARD_VERSION_CHANGED = "standard-version.changed";

    // the hub itself
    /** A subscription was disabled after its deliveries kept failing. */
    public static final String WEBHOOK_DISABLED = "webhook.disabled";
    /** The test ping ({@code POST /api/v1/webhooks/{id}/ping}); never recorded in the feed. */
    public static final String WEBHOOK_PING = "webhook.ping";

    /** Every type a subscription may ask for, in catalogue order. */
    public static final List<String> ALL = List.of(
            APPRENTICE_ENROLLED,
            APPRENTICE_CHANGED,
            APPRENTICE_STATUS_CHANGED,
            APPRENTICE_ERASED,
            EVIDENCE_CREATED,
            EVIDENCE_SUBMITTED,
            EVIDENCE_ACCEPTED,
            EVIDENCE_REFERRED_BACK,
            EVIDENCE_REVISED,
            EVIDENCE_CHANGED,
            EVIDENCE_FILE_UPLOADED,
            OFF_THE_JOB_APPROVED,
            OFF_THE_JOB_REJECTED,
            REVIEW_SIGNED,
            ASSESSMENT_REGISTERED,
            GATEWAY_DECIDED,
            ATTEMPT_GRADED,
            ASSESSMENT_RESULT,
            EPA_RECORD_CHANGED,
            CERTIFICATE_STATUS_CHANGED,
            STANDARD_VERSION_IMPORTED,
            STANDARD_VERSION_CHANGED,
            WEBHOOK_DISABLED);

    private static final Set<String> KNOWN = Set.copyOf(ALL);

    public static boolean isKnown(String type) {
        return KNOWN.contains(type);
    }

    private EventTypes() {}
}
