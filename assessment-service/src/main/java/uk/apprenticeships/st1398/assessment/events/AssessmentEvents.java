package uk.apprenticeships.st1398.assessment.events;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import uk.apprenticeships.st1398.assessment.domain.Assessment;
import uk.apprenticeships.st1398.assessment.domain.AssessmentAttempt;
import uk.apprenticeships.st1398.assessment.domain.AssessmentBooking;
import uk.apprenticeships.st1398.assessment.domain.Certificate;
import uk.apprenticeships.st1398.assessment.domain.EpaRecord;
import uk.apprenticeships.st1398.assessment.domain.GatewayRecord;
import uk.apprenticeships.st1398.assessment.domain.GatewaySubmission;
import uk.apprenticeships.st1398.assessment.domain.RecordAction;
import uk.apprenticeships.st1398.platform.events.DomainEvent;
import uk.apprenticeships.st1398.platform.events.EventTypes;

/**
 * assessment-service's domain events, one method per kind of change, each called by the service in the
 * transaction that makes the change. Payloads carry ids, states, dates and grades: never the family name, given
 * names or the certificate's contact details.
 */
@ApplicationScoped
public class AssessmentEvents {

    static final String SOURCE = "assessment-service";

    private final EventRecorder recorder;
    private final Clock clock;

    public AssessmentEvents(EventRecorder recorder, Clock clock) {
        this.recorder = recorder;
        this.clock = clock;
    }

    public void registered(Assessment a) {
        record(
                EventTypes.ASSESSMENT_REGISTERED,
                a,
                data(
                        "assessmentId", a.id,
                        "standardVersion", a.standardVersion,
                        "epaoId", a.organisation.epaoId,
                        "gatewayDate", a.gatewayDate,
                        "periodEnd", a.periodEnd));
    }

    public void attemptGraded(Assessment a, AssessmentAttempt attempt) {
        record(
                EventTypes.ATTEMPT_GRADED,
                a,
                data(
                        "assessmentId", a.id,
                        "attemptId", attempt.id,
                        "methodCode", attempt.methodCode,
                        "kind", attempt.kind,
                        "date", attempt.date,
                        "grade", attempt.grade,
                        "correctsAttemptId", attempt.correctsId));
    }

    /** The overall result, when it changed ({@code before} is the overall grade before the change). */
    public void resultIfChanged(Assessment a, String before) {
        if (!Objects.equals(before, a.overallGrade)) {
            record(
                    EventTypes.ASSESSMENT_RESULT,
                    a,
                    data(
                            "assessmentId", a.id,
                            "overallGrade", a.overallGrade,
                            "previousOverallGrade", before,
                            "gradedOn", a.overallGradedOn));
        }
    }

    public void gatewayDecided(Assessment a, int submission, String item, Object decision, Object submissionStatus) {
        record(
                EventTypes.GATEWAY_DECIDED,
                a,
                data(
                        "assessmentId", a.id,
                        "submission", submission,
                        "item", item,
                        "decision", decision,
                        "submissionStatus", submissionStatus,
                        "gatewayDate", a.gatewayDate));
    }

    /** The assessor assigned to the assessment (their id; the assessor's name is not in the event). */
    public void assessorAssigned(Assessment a) {
        record(EventTypes.ASSESSOR_ASSIGNED, a, data("assessmentId", a.id, "assessorId", a.assessor.id));
    }

    /**
     * A booking made ({@code action} {@code booked}) or cancelled ({@code cancelled}): ids, method, kind, date and
     * time; not the location, note or cancellation reason (free text).
     */
    public void booking(Assessment a, AssessmentBooking b, String action) {
        record(
                EventTypes.BOOKING_CHANGED,
                a,
                data(
                        "assessmentId", a.id,
                        "bookingId", b.id,
                        "action", action,
                        "status", b.status(),
                        "methodCode", b.methodCode,
                        "kind", b.kind,
                        "date", b.date,
                        "startTime", b.startTime,
                        "assessorId", b.assessorId));
    }

    /** A gateway submission: its number, the items to decide and the gateway date if it passed at once. */
    public void gatewaySubmitted(Assessment a, GatewaySubmission s) {
        record(
                EventTypes.GATEWAY_SUBMITTED,
                a,
                data(
                        "assessmentId", a.id,
                        "submission", s.attempt,
                        "items", s.components.stream().map(c -> c.item).toList(),
                        "gatewayDate", a.gatewayDate));
    }

    /**
     * A gateway declaration, waiver or waiver withdrawal: item, kind and the declaration's date; not who declared
     * it, its reference or any reason or note (free text).
     */
    public void gatewayRecorded(Assessment a, GatewayRecord r) {
        record(
                EventTypes.GATEWAY_RECORDED,
                a,
                data(
                        "assessmentId", a.id,
                        "recordId", r.id,
                        "item", r.item,
                        "kind", r.kind,
                        "declaredOn", r.declaredOn));
    }

    /**
     * {@code assessment-organisation.changed}: {@code action} {@code created}, {@code updated}, {@code approved} or
     * {@code approval-withdrawn} (with {@code standardVersion}). Scope: the organisation (its assessors; admins and
     * regulators see every event).
     */
    public void organisation(String epaoId, String action, String standardVersion) {
        recorder.record(new DomainEvent(
                UUID.randomUUID().toString(),
                EventTypes.ORGANISATION_CHANGED,
                clock.instant(),
                SOURCE,
                new DomainEvent.Subject("assessment-organisation", epaoId),
                null,
                new DomainEvent.Scope(null, null, epaoId, null),
                data("epaoId", epaoId, "action", action, "standardVersion", standardVersion)));
    }

    /**
     * {@code assessor.changed}: {@code action} {@code registered}, {@code conflict-declared} or
     * {@code conflict-removed}. The assessor's name and the provider or employer of a conflict are not in the event.
     */
    public void assessor(String epaoId, UUID assessorId, String action) {
        recorder.record(new DomainEvent(
                UUID.randomUUID().toString(),
                EventTypes.ASSESSOR_CHANGED,
                clock.instant(),
                SOURCE,
                new DomainEvent.Subject("assessor", assessorId.toString()),
                null,
                new DomainEvent.Scope(null, null, epaoId, null),
                data("epaoId", epaoId, "assessorId", assessorId, "action", action)));
    }

    public void epaRecord(EpaRecord r) {
        Assessment a = r.assessment;
        List<Map<String, Object>> epas = r.epas.stream()
                .map(e -> data("date", e.date, "outcome", e.outcome, "resit", e.resit, "retake", e.retake))
                .toList();
        record(
                EventTypes.EPA_RECORD_CHANGED,
                a,
                data(
                        "assessmentId", a.id,
                        "epaReference", r.epaReference,
                        "epaRecordId", r.id,
                        "action", r.action,
                        "deleted", r.action == RecordAction.Deleted,
                        "epas", epas));
    }

    public void certificate(Certificate c, Object action) {
        recorder.record(new DomainEvent(
                UUID.randomUUID().toString(),
                EventTypes.CERTIFICATE_STATUS_CHANGED,
                clock.instant(),
                SOURCE,
                new DomainEvent.Subject("certificate", c.reference),
                null,
                new DomainEvent.Scope(c.providerUkprn, c.employerId, c.organisation.epaoId, c.uln),
                data(
                        "certificateReference", c.reference,
                        "status", c.status,
                        "action", action,
                        "standardReference", c.standardReference,
                        "version", c.version,
                        "overallGrade", c.overallGrade,
                        "achievementDate", c.achievementDate)));
    }

    private void record(String type, Assessment a, Map<String, Object> data) {
        recorder.record(new DomainEvent(
                UUID.randomUUID().toString(),
                type,
                clock.instant(),
                SOURCE,
                new DomainEvent.Subject("assessment", a.id.toString()),
                a.apprenticeId,
                new DomainEvent.Scope(a.providerUkprn, a.employerId, a.organisation.epaoId, a.uln),
                data));
    }

    /** An ordered map of the pairs, values as JSON-friendly strings, nulls left out. */
    static Map<String, Object> data(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            if (value == null) {
                continue;
            }
            map.put(
                    (String) pairs[i],
                    value instanceof Number || value instanceof Boolean || value instanceof List<?>
                            ? value
                            : value.toString());
        }
        return map;
    }
}
