package uk.apprenticeships.st1398.assessment.events;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Removes events older than {@code events.retention} (default 90 days) from the feed, with their deliveries and
 * attempts, and remembers the last position removed: a cursor before it answers 410 {@code cursor-expired}.
 */
@ApplicationScoped
public class EventRetention {

    private final EntityManager em;
    private final Clock clock;
    private final EventsConfig config;

    public EventRetention(EntityManager em, Clock clock, EventsConfig config) {
        this.em = em;
        this.clock = clock;
        this.config = config;
    }

    @Scheduled(
            cron = "${events.retention-cron:0 17 3 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        prune();
    }

    /** Answers how many events it removed. */
    @Transactional
    public int prune() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).minus(config.retention());
        Object last = em.createNativeQuery("select max(position) from event_log where recorded_at < ?1")
                .setParameter(1, cutoff)
                .getSingleResult();
        if (last == null) {
            return 0;
        }
        long through = ((Number) last).longValue();
        int removed = em.createNativeQuery("delete from event_log where position <= ?1")
                .setParameter(1, through)
                .executeUpdate();
        em.createNativeQuery("update event_log_pruned set pruned_through = greatest(pruned_through, ?1) where id = 1")
                .setParameter(1, through)
                .executeUpdate();
        Log.infof("Event retention removed %d events through position %d", removed, through);
        return removed;
    }
}
