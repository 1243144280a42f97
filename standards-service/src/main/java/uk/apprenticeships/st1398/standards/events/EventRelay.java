package uk.apprenticeships.st1398.standards.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import uk.apprenticeships.st1398.platform.events.DomainEvent;
import uk.apprenticeships.st1398.platform.events.EventIngestClient;
import uk.apprenticeships.st1398.platform.events.OutboxRelay;
import uk.apprenticeships.st1398.platform.events.RelayConfig;

/**
 * Hands outbox rows to the hub, oldest first, and deletes exactly the rows the hub acknowledged. A crash between
 * the two sends them again; the hub stores each event id once.
 */
@Singleton
public class EventRelay extends OutboxRelay {

    private final EntityManager em;

    public EventRelay(EntityManager em, RelayConfig config, ObjectMapper json, Clock clock) {
        super(config, json, clock);
        this.em = em;
    }

    @Scheduled(
            every = "${events.relay.every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        round();
    }

    @Override
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
}
