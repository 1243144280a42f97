package uk.apprenticeships.st1398.platform.events;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One change a service made, as integrators receive it in a webhook body and in the change feed (docs/events.md).
 * It names the record by id and says what changed; it never carries names, e-mail addresses or other personal data
 * beyond the ids the subscriber can already read.
 *
 * @param id unique event id (a UUID), also the {@code webhook-id} of every delivery of it
 * @param type the event type ({@link EventTypes}), e.g. {@code evidence.accepted}
 * @param occurredAt when the change was committed by the service
 * @param source the service that made the change
 * @param subject the record changed
 * @param apprenticeId the apprentice the record belongs to (evidence-service's apprentice id), or null when unknown
 * @param scope who may see the event: the same tenant keys the record's own read rules use
 * @param data what changed: ids, states, dates, grades; never names
 */
public record DomainEvent(
        String id,
        String type,
        Instant occurredAt,
        String source,
        Subject subject,
        String apprenticeId,
        Scope scope,
        Map<String, Object> data) {

    /** The record an event is about. */
    public record Subject(String kind, String id) {}

    /**
     * The tenant keys of the record: its training provider, employer, assessment organisation and apprentice (ULN).
     * An event whose scope is empty concerns public data (the standards catalogue) and is visible to every reader.
     */
    public record Scope(String providerUkprn, String employerId, String epaoId, String uln) {

        public static final Scope PUBLIC = new Scope(null, null, null, null);

        public boolean isPublic() {
            return providerUkprn == null && employerId == null && epaoId == null && uln == null;
        }
    }

    public DomainEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(subject, "subject");
        scope = scope == null ? Scope.PUBLIC : scope;
        data = data == null ? Map.of() : data;
    }

    /**
     * The key events are delivered in order by: the apprentice (evidence-service's apprentice id, which every
     * evidence event and the assessment records linked to it carry; else the ULN), or for events about no apprentice
     * the subject record.
     */
    public String orderingKey() {
        if (apprenticeId != null) {
            return "apprentice:" + apprenticeId;
        }
        if (scope.uln() != null) {
            return "uln:" + scope.uln();
        }
        return subject.kind() + ":" + subject.id();
    }
}
