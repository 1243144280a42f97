package uk.apprenticeships.st1398.standards.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import uk.apprenticeships.st1398.platform.events.DomainEvent;
import uk.apprenticeships.st1398.platform.events.EventIngestClient;

/**
 * Hands outbox rows to the hub, oldest first, and deletes exactly the rows the hub acknowledged. A crash between
 * the two sends them again; the hub stores each event id once.
 */
@ApplicationScoped
public class EventRelay {

    private final EntityManager em;
    private final EventsConfig config;
    private final ObjectMapper json;
    private final EventIngestClient client;

    public EventRelay(EntityManager em, EventsConfig config, ObjectMapper json, Clock clock) {
        this.em = em;
        this.config = config;
        this.json = json;
        this.client = config.ingestSecret()
                .map(secret -> new EventIngestClient(
                        config.hubUrl(), secret, config.relay().timeout(), json, clock))
                .orElse(null);
    }

    @Scheduled(
            every = "${events.relay.every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        if (client == null || !config.relay().enabled()) {
            return;
        }
        try {
            relay(client);
        } catch (Exception e) {
            Log.warnf("Event relay round failed (the events stay and are sent again): %s", e.toString());
        }
    }

    /** One round; answers how many events it sent. */
    public int relay(EventIngestClient to) throws Exception {
        List<Object[]> rows = pending();
        if (rows.isEmpty()) {
            return 0;
        }
        List<DomainEvent> events = new ArrayList<>();
        List<Long> seqs = new ArrayList<>();
        for (Object[] row : rows) {
            seqs.add(((Number) row[0]).longValue());
            events.add(read((String) row[1]));
        }
        to.send(events);
        delete(seqs);
        return events.size();
    }

    @Transactional
    List<Object[]> pending() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select seq, body from event_outbox order by seq limit ?1")
                .setParameter(1, config.relay().batchSize())
                .getResultList();
        return rows;
    }

    @Transactional
    void delete(List<Long> seqs) {
        em.createNativeQuery("delete from event_outbox where seq in (?1)")
                .setParameter(1, seqs)
                .executeUpdate();
    }

    private DomainEvent read(String body) {
        try {
            return json.readValue(body, DomainEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
