package uk.apprenticeships.st1398.assessment.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import uk.apprenticeships.st1398.platform.events.DomainEvent;

/**
 * Writes events into the outbox ({@code event_outbox}). {@link #record} joins the caller's transaction, so the
 * event commits or rolls back with the change it describes; {@link #ingest} stores the other services' events,
 * each id once.
 */
@ApplicationScoped
public class EventRecorder {

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;
    private final EventsConfig config;

    public EventRecorder(EntityManager em, ObjectMapper json, Clock clock, EventsConfig config) {
        this.em = em;
        this.json = json;
        this.clock = clock;
        this.config = config;
    }

    /** Records the event in the current transaction (there must be one: an event outside it could be lost). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(DomainEvent event) {
        if (config.enabled()) {
            insert(event);
        }
    }

    /** Stores events another service sent; an id already stored (a batch sent twice) is skipped. */
    @Transactional
    public int ingest(List<DomainEvent> events) {
        int stored = 0;
        for (DomainEvent event : events) {
            stored += insert(event);
        }
        return stored;
    }

    private int insert(DomainEvent event) {
        try {
            return em.createNativeQuery("insert into event_outbox (event_id, body, received_at) values (?1, ?2, ?3)"
                            + " on conflict (event_id) do nothing")
                    .setParameter(1, UUID.fromString(event.id()))
                    .setParameter(2, json.writeValueAsString(event))
                    .setParameter(3, OffsetDateTime.now(clock))
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + event.id() + " cannot be written as JSON", e);
        }
    }
}
