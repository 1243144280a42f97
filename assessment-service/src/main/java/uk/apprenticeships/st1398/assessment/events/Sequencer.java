package uk.apprenticeships.st1398.assessment.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import uk.apprenticeships.st1398.platform.events.DomainEvent;
import uk.apprenticeships.st1398.platform.events.EventAudience;
import uk.apprenticeships.st1398.platform.events.EventTypes;

/**
 * Moves events from the outbox into the event log, giving each its feed position, and creates one delivery per
 * matching subscription, all in one transaction.
 *
 * <p>Why one sequencer: positions from a database sequence, taken by concurrent transactions, commit out of order,
 * and a feed reader who has seen position 12 would skip an 11 committed a moment later. Here every position is
 * given by the transaction that holds the advisory lock {@link #LOCK} and inserts the rows; the next holder starts
 * after it committed. So a reader sees a prefix of the log, never a gap that fills later. Several replicas may run
 * the sequencer: the lock makes them take turns.
 */
@ApplicationScoped
public class Sequencer {

    static final long LOCK = 1_398_000_012L;
    private static final int BATCH = 500;

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;

    public Sequencer(EntityManager em, ObjectMapper json, Clock clock) {
        this.em = em;
        this.json = json;
        this.clock = clock;
    }

    @Scheduled(
            every = "${events.sequencer.every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        try {
            while (sequence() == BATCH) {
                Log.debug("Sequencer: more events waiting");
            }
        } catch (RuntimeException e) {
            Log.warnf("Sequencer round failed (retried on the next round): %s", e.toString());
        }
    }

    /** Sequences up to one batch of outbox events; answers how many outbox rows it took. */
    @Transactional
    public int sequence() {
        em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(?1)) l")
                .setParameter(1, LOCK)
                .getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select seq, event_id, body from event_outbox order by seq limit ?1")
                .setParameter(1, BATCH)
                .getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        // After retention emptied the log, positions continue after the last one removed (never reused).
        long next = ((Number) em.createNativeQuery(
                                        "select greatest(coalesce(max(position), 0), (select pruned_through from event_log_pruned where id = 1))"
                                                + " from event_log")
                                .getSingleResult())
                        .longValue()
                + 1;
        List<Subscription> subscriptions = subscriptions();
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Long> taken = new ArrayList<>();
        for (Object[] row : rows) {
            taken.add(((Number) row[0]).longValue());
            UUID id = (UUID) row[1];
            String body = (String) row[2];
            boolean known = !em.createNativeQuery("select 1 from event_log where event_id = ?1")
                    .setParameter(1, id)
                    .getResultList()
                    .isEmpty();
            if (known) {
                continue; // sent again by a relay after it was sequenced: at most once in the log
            }
            DomainEvent event = read(body);
            String owner = EventTypes.WEBHOOK_DISABLED.equals(event.type())
                    ? (String) event.data().get("owner")
                    : null;
            long position = next++;
            em.createNativeQuery("insert into event_log (position, event_id, type, occurred_at, recorded_at,"
                            + " ordering_key, provider_ukprn, employer_id, epao_id, uln, owner_subject, body)"
                            + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)")
                    .setParameter(1, position)
                    .setParameter(2, id)
                    .setParameter(3, event.type())
                    .setParameter(4, event.occurredAt().atOffset(java.time.ZoneOffset.UTC))
                    .setParameter(5, now)
                    .setParameter(6, event.orderingKey())
                    .setParameter(7, event.scope().providerUkprn())
                    .setParameter(8, event.scope().employerId())
                    .setParameter(9, event.scope().epaoId())
                    .setParameter(10, event.scope().uln())
                    .setParameter(11, owner)
                    .setParameter(12, body)
                    .executeUpdate();
            for (Subscription s : subscriptions) {
                if (s.wants(event, owner)) {
                    Deliveries.insert(em, s.id(), position, event.orderingKey(), now, false);
                }
            }
        }
        em.createNativeQuery("delete from event_outbox where seq in (?1)")
                .setParameter(1, taken)
                .executeUpdate();
        return rows.size();
    }

    private DomainEvent read(String body) {
        try {
            return json.readValue(body, DomainEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An outbox event is not a DomainEvent", e);
        }
    }

    private List<Subscription> subscriptions() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select id, owner_subject, event_types, audience_all, provider_ukprn,"
                                + " employer_id, epao_id, uln from webhook_subscription where status = 'active'")
                .getResultList();
        List<Subscription> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new Subscription(
                    (UUID) r[0],
                    (String) r[1],
                    Set.copyOf(Arrays.asList(((String) r[2]).split(","))),
                    new EventAudience((Boolean) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7])));
        }
        return out;
    }

    /** An active subscription: which events it receives. */
    record Subscription(UUID id, String owner, Set<String> types, EventAudience audience) {

        boolean wants(DomainEvent event, String eventOwner) {
            if (!types.contains(event.type())) {
                return false;
            }
            return eventOwner != null ? eventOwner.equals(owner) : audience.sees(event.scope());
        }
    }
}
