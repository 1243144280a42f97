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
    /** Draft evidence withdrawn (deleted) because the xAPI statement it was made from was voided. */
    public static final String EVIDENCE_WITHDRAWN = "evidence.withdrawn";

    public static final String OFF_THE_JOB_CREATED = "off-the-job.created";
    public static final String OFF_THE_JOB_CHANGED = "off-the-job.changed";
    /** A pending entry deleted through the API, or withdrawn because its xAPI statement was voided. */
    public static final String OFF_THE_JOB_DELETED = "off-the-job.deleted";

    public static final String OFF_THE_JOB_APPROVED = "off-the-job.approved";
    public static final String OFF_THE_JOB_REJECTED = "off-the-job.rejected";
    public static final String REVIEW_CREATED = "review.created";
    /** A progress review edited before anyone signed it. */
    public static final String REVIEW_CHANGED = "review.changed";

    public static final String REVIEW_SIGNED = "review.signed";
    /** A training provider added to the provider register or renamed. */
    public static final String PROVIDER_CHANGED = "provider.changed";

    // assessment-service
    public static final String ASSESSMENT_REGISTERED = "assessment.registered";
    public static final String GATEWAY_DECIDED = "assessment.gateway-decided";
    public static final String ATTEMPT_GRADED = "assessment.attempt-graded";
    public static final String ASSESSMENT_RESULT = "assessment.result";
    public static final String EPA_RECORD_CHANGED = "epa-record.changed";
    public static final String CERTIFICATE_STATUS_CHANGED = "certificate.status-changed";
    public static final String ASSESSOR_ASSIGNED = "assessment.assessor-assigned";
    /** An assessment organisation added or changed, or approved (or no longer) for a standard version. */
    public static final String ORGANISATION_CHANGED = "assessment-organisation.changed";
    /** An assessor registered, or a conflict of interest declared or removed (which one is not in the event). */
    public static final String ASSESSOR_CHANGED = "assessor.changed";
    /** An assessment booked or a booking cancelled. */
    public static final String BOOKING_CHANGED = "assessment.booking-changed";
    /** The provider submitted the apprentice for the gateway (with the components to decide). */
    public static final String GATEWAY_SUBMITTED = "assessment.gateway-submitted";
    /** A gateway declaration, waiver or waiver withdrawal was recorded. */
    public static final String GATEWAY_RECORDED = "assessment.gateway-recorded";

    // standards-service
    public static final String STANDARD_VERSION_IMPORTED = "standard-version.imported";
    public static final String STANDARD_VERSION_CHANGED = "standard-version.changed";
    /** A standard's own (headline) fields created or changed: {@code POST} / {@code PUT /api/v1/standards}. */
    public static final String STANDARD_CHANGED = "standard.changed";

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
            EVIDENCE_WITHDRAWN,
            OFF_THE_JOB_CREATED,
            OFF_THE_JOB_CHANGED,
            OFF_THE_JOB_DELETED,
            OFF_THE_JOB_APPROVED,
            OFF_THE_JOB_REJECTED,
            REVIEW_CREATED,
            REVIEW_CHANGED,
            REVIEW_SIGNED,
            PROVIDER_CHANGED,
            ASSESSMENT_REGISTERED,
            GATEWAY_DECIDED,
            ATTEMPT_GRADED,
            ASSESSMENT_RESULT,
            EPA_RECORD_CHANGED,
            CERTIFICATE_STATUS_CHANGED,
            ASSESSOR_ASSIGNED,
            BOOKING_CHANGED,
            GATEWAY_SUBMITTED,
            GATEWAY_RECORDED,
            ORGANISATION_CHANGED,
            ASSESSOR_CHANGED,
            STANDARD_VERSION_IMPORTED,
            STANDARD_VERSION_CHANGED,
            STANDARD_CHANGED,
            WEBHOOK_DISABLED);

    private static final Set<String> KNOWN = Set.copyOf(ALL);

    public static boolean isKnown(String type) {
        return KNOWN.contains(type);
    }

    private EventTypes() {}
}
