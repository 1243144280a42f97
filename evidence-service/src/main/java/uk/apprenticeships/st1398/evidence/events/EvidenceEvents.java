package uk.apprenticeships.st1398.evidence.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.types.ObjectId;
import uk.apprenticeships.st1398.evidence.domain.Apprentice;
import uk.apprenticeships.st1398.evidence.domain.ApprenticeTombstone;
import uk.apprenticeships.st1398.evidence.domain.Evidence;
import uk.apprenticeships.st1398.evidence.domain.OffTheJobEntry;
import uk.apprenticeships.st1398.evidence.domain.ProgressReview;
import uk.apprenticeships.st1398.evidence.domain.Provider;
import uk.apprenticeships.st1398.evidence.domain.WorkflowAction;
import uk.apprenticeships.st1398.evidence.repository.ApprenticeRepository;
import uk.apprenticeships.st1398.platform.events.DomainEvent;
import uk.apprenticeships.st1398.platform.events.EventTypes;
import uk.apprenticeships.st1398.platform.events.RelayConfig;

/**
 * evidence-service's domain events. MongoDB here gives no multi-document transactions, so an event is not written
 * to a collection of its own: it is added to the changed document's {@code outbox} array, and the service's one
 * write of that document (a conditional replace, an insert, or an update that also pushes the event) stores change
 * and event together or neither. {@link EventRelay} hands them to the hub. Call these just before the write; a
 * write that is refused leaves no event behind, because the event only ever existed in the refused document.
 */
@ApplicationScoped
public class EvidenceEvents {

    static final String SOURCE = "evidence-service";

    private final ObjectMapper json;
    private final Clock clock;
    private final ApprenticeRepository apprentices;
    private final RelayConfig config;

    public EvidenceEvents(ObjectMapper json, Clock clock, ApprenticeRepository apprentices, RelayConfig config) {
        this.json = json;
        this.clock = clock;
        this.apprentices = apprentices;
        this.config = config;
    }

    /** Adds an apprentice event to {@code a.outbox} and answers the events added (for an update that pushes them). */
    public List<String> apprentice(Apprentice a, String type, Object... data) {
        if (a.id == null) {
            a.id = new ObjectId(); // the event names the id the insert will store
        }
        Map<String, Object> payload = map("apprenticeId", a.id.toHexString());
        payload.putAll(map(data));
        return stage(a, type, new DomainEvent.Subject("apprentice", a.id.toHexString()), a, payload);
    }

    /**
     * {@code apprentice.erased}, staged on the tombstone that the erasure inserts. Its scope has no ULN: the tombstone
     * keeps none, and receivers delete their copy by the apprentice id.
     */
    public void erased(ApprenticeTombstone t, Apprentice a) {
        Apprentice withoutUln = new Apprentice();
        withoutUln.id = a.id;
        withoutUln.providerUkprn = a.providerUkprn;
        withoutUln.employerId = a.employerId;
        withoutUln.assessmentOrganisationId = a.assessmentOrganisationId;
        stage(
                t,
                EventTypes.APPRENTICE_ERASED,
                new DomainEvent.Subject("apprentice", a.id.toHexString()),
                withoutUln,
                map("apprenticeId", a.id.toHexString()));
    }

    /**
     * Events waiting in an erased apprentice's records, as the tombstone keeps them: the same events without the ULN
     * in their scope (the tombstone keeps no ULN; receivers match the apprentice by its id).
     */
    public List<String> withoutUln(List<String> texts) {
        List<String> kept = new ArrayList<>();
        for (String text : texts) {
            try {
                DomainEvent e = json.readValue(text, DomainEvent.class);
                DomainEvent.Scope s = e.scope();
                DomainEvent stripped = new DomainEvent(
                        e.id(),
                        e.type(),
                        e.occurredAt(),
                        e.source(),
                        e.subject(),
                        e.apprenticeId(),
                        s == null ? null : new DomainEvent.Scope(s.providerUkprn(), s.employerId(), s.epaoId(), null),
                        e.data());
                kept.add(json.writeValueAsString(stripped));
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException("An outbox entry is not a DomainEvent", ex);
            }
        }
        return kept;
    }

    /**
     * The event of the workflow step just added to the evidence (its last history entry), scoped by the evidence's
     * apprentice as the caller read them in the same request (their provider and employer).
     */
    public void evidence(Evidence e, Apprentice apprentice) {
        WorkflowAction action = e.history.get(e.history.size() - 1).action;
        String type = switch (action) {
            case CREATED -> EventTypes.EVIDENCE_CREATED;
            case FILE_UPLOADED -> EventTypes.EVIDENCE_FILE_UPLOADED;
            case SUBMITTED, RESUBMITTED -> EventTypes.EVIDENCE_SUBMITTED;
            case ACCEPTED -> EventTypes.EVIDENCE_ACCEPTED;
            case REFERRED_BACK -> EventTypes.EVIDENCE_REFERRED_BACK;
            case REVISED -> EventTypes.EVIDENCE_REVISED;
            case UPDATED, CONFIRMED -> EventTypes.EVIDENCE_CHANGED;
        };
        stage(
                e,
                type,
                new DomainEvent.Subject("evidence", e.id.toHexString()),
                apprentice,
                map(
                        "evidenceId",
                        e.id.toHexString(),
                        "apprenticeId",
                        e.apprenticeId.toHexString(),
                        "action",
                        action.value(),
                        "status",
                        e.status.value(),
                        "revision",
                        e.revision,
                        "version",
                        e.version));
    }

    /**
     * {@code evidence.withdrawn}: the draft made from an xAPI statement is withdrawn because the statement was
     * voided. Staged on {@code e.outbox}; answers the event for the update that marks the draft withdrawn.
     */
    public List<String> evidenceWithdrawn(Evidence e) {
        return stage(
                e,
                EventTypes.EVIDENCE_WITHDRAWN,
                new DomainEvent.Subject("evidence", e.id.toHexString()),
                apprenticeOf(e.apprenticeId),
                map(
                        "evidenceId",
                        e.id.toHexString(),
                        "apprenticeId",
                        e.apprenticeId.toHexString(),
                        "action",
                        "withdrawn",
                        "status",
                        e.status.value(),
                        "revision",
                        e.revision,
                        "version",
                        e.version));
    }

    /**
     * An off-the-job entry logged ({@code off-the-job.created}), changed ({@code .changed}) or deleted
     * ({@code .deleted}; {@code action} {@code deleted} through the API, {@code withdrawn} by a voided xAPI
     * statement). Staged on {@code e.outbox}; answers the event (for an update that pushes it). The activity text
     * is not in the event.
     */
    public List<String> offTheJob(OffTheJobEntry e, String type, String action) {
        return offTheJob(e, type, action, apprenticeOf(e.apprenticeId));
    }

    /** The same, scoped by the entry's apprentice as the caller read them in the same request. */
    public List<String> offTheJob(OffTheJobEntry e, String type, String action, Apprentice apprentice) {
        return stage(
                e,
                type,
                new DomainEvent.Subject("off-the-job-entry", e.id.toHexString()),
                apprentice,
                map(
                        "entryId",
                        e.id.toHexString(),
                        "apprenticeId",
                        e.apprenticeId.toHexString(),
                        "action",
                        action,
                        "status",
                        e.status.value(),
                        "date",
                        e.date,
                        "hours",
                        e.hundredths / 100.0));
    }

    /**
     * {@code off-the-job.approved} or {@code off-the-job.rejected}, by the entry's new status; scoped by its apprentice
     * as the caller read them.
     */
    public void offTheJobDecided(OffTheJobEntry e, Apprentice apprentice) {
        String type = switch (e.status) {
            case APPROVED -> EventTypes.OFF_THE_JOB_APPROVED;
            default -> EventTypes.OFF_THE_JOB_REJECTED;
        };
        offTheJob(e, type, null, apprentice); // the same data without an action (map() leaves out null values)
    }

    /**
     * {@code review.created} or {@code review.changed} (edited before any signature): ids and the review's date; its
     * summary and next steps (free text) are not in the event. Scoped by the review's apprentice as the caller read
     * them in the same request.
     */
    public void review(ProgressReview r, String type, String action, Apprentice apprentice) {
        stage(
                r,
                type,
                new DomainEvent.Subject("review", r.id.toHexString()),
                apprentice,
                map(
                        "reviewId",
                        r.id.toHexString(),
                        "apprenticeId",
                        r.apprenticeId.toHexString(),
                        "action",
                        action,
                        "date",
                        r.date,
                        "version",
                        r.version));
    }

    /**
     * {@code provider.changed}: a provider added to the register ({@code created}) or renamed ({@code updated}). Its
     * scope is the provider, so its tutors and LMS clients (and admins) receive it; the name is not in the event.
     */
    public void provider(Provider p, String action) {
        stage(
                p,
                EventTypes.PROVIDER_CHANGED,
                new DomainEvent.Subject("provider", p.ukprn),
                null,
                new DomainEvent.Scope(p.ukprn, null, null, null),
                map("ukprn", p.ukprn, "action", action));
    }

    /**
     * {@code review.signed}: one party signed; {@code fullySigned} once all three have. Scoped by the review's
     * apprentice as the caller read them.
     */
    public void reviewSigned(ProgressReview r, String party, Apprentice apprentice) {
        boolean full = r.apprenticeSignOff != null && r.providerSignOff != null && r.employerSignOff != null;
        stage(
                r,
                EventTypes.REVIEW_SIGNED,
                new DomainEvent.Subject("review", r.id.toHexString()),
                apprentice,
                map(
                        "reviewId",
                        r.id.toHexString(),
                        "apprenticeId",
                        r.apprenticeId.toHexString(),
                        "party",
                        party,
                        "fullySigned",
                        full));
    }

    private Apprentice apprenticeOf(ObjectId id) {
        return apprentices.findByIdOptional(id).orElse(null);
    }

    private List<String> stage(
            Object entity, String type, DomainEvent.Subject subject, Apprentice a, Map<String, Object> data) {
        return stage(
                entity,
                type,
                subject,
                a == null ? null : a.id.toHexString(),
                a == null
                        ? DomainEvent.Scope.PUBLIC
                        : new DomainEvent.Scope(a.providerUkprn, a.employerId, a.assessmentOrganisationId, a.uln),
                data);
    }

    private List<String> stage(
            Object entity,
            String type,
            DomainEvent.Subject subject,
            String apprenticeId,
            DomainEvent.Scope scope,
            Map<String, Object> data) {
        if (!config.enabled()) {
            return List.of();
        }
        DomainEvent event = new DomainEvent(
                UUID.randomUUID().toString(), type, clock.instant(), SOURCE, subject, apprenticeId, scope, data);
        String text;
        try {
            text = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        List<String> outbox = outboxOf(entity);
        outbox.add(text);
        return List.of(text);
    }

    private static List<String> outboxOf(Object entity) {
        if (entity instanceof Apprentice a) {
            return a.outbox == null ? (a.outbox = new ArrayList<>()) : a.outbox;
        } else if (entity instanceof Evidence e) {
            return e.outbox == null ? (e.outbox = new ArrayList<>()) : e.outbox;
        } else if (entity instanceof OffTheJobEntry o) {
            return o.outbox == null ? (o.outbox = new ArrayList<>()) : o.outbox;
        } else if (entity instanceof ProgressReview r) {
            return r.outbox == null ? (r.outbox = new ArrayList<>()) : r.outbox;
        } else if (entity instanceof Provider p) {
            return p.outbox == null ? (p.outbox = new ArrayList<>()) : p.outbox;
        } else if (entity instanceof ApprenticeTombstone t) {
            return t.outbox == null ? (t.outbox = new ArrayList<>()) : t.outbox;
        }
        throw new IllegalArgumentException("No outbox on " + entity.getClass().getName());
    }

    /** An ordered map of the pairs, dates as ISO strings, nulls left out. */
    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            if (value != null) {
                map.put(
                        (String) pairs[i],
                        value instanceof Number || value instanceof Boolean ? value : value.toString());
            }
        }
        return map;
    }
}
