package uk.apprenticeships.st1398.assessment.events;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import uk.apprenticeships.st1398.platform.events.DomainEvent;
import uk.apprenticeships.st1398.platform.events.EventTypes;

/** Claims due deliveries and records each attempt's outcome (short transactions; the HTTP call is outside them). */
@ApplicationScoped
public class DeliveryStore {

    /** A claimed delivery, with what sending it needs. */
    public record Claimed(
            UUID id, int attempt, UUID subscriptionId, String url, String secret, String eventId, String body) {}

    private final EntityManager em;
    private final Clock clock;
    private final EventsConfig config;
    private final EventRecorder recorder;

    public DeliveryStore(EntityManager em, Clock clock, EventsConfig config, EventRecorder recorder) {
        this.em = em;
        this.clock = clock;
        this.config = config;
        this.recorder = recorder;
    }

    /**
     * Takes up to {@code limit} due deliveries: pending ones whose time has come, and claimed ones whose worker's
     * lease ran out (it died mid-attempt). Only a delivery with no earlier undelivered delivery of the same
     * subscription and ordering key (apprentice) is due, so per apprentice the order holds; rows another worker is
     * claiming right now are skipped, not waited for.
     */
    @Transactional
    public List<Claimed> claim(int limit) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("with due as ("
                        + " select d.id from webhook_delivery d"
                        + " join webhook_subscription s on s.id = d.subscription_id and s.status = 'active'"
                        + " where ((d.status = 'pending' and d.next_attempt_at <= ?1)"
                        + "     or (d.status = 'sending' and d.lease_until < ?1))"
                        + " and not exists (select 1 from webhook_delivery p"
                        + "     where p.subscription_id = d.subscription_id and p.ordering_key = d.ordering_key"
                        + "     and p.position < d.position and p.status in ('pending', 'sending'))"
                        + " order by d.position limit ?2 for update of d skip locked)"
                        + " update webhook_delivery w set status = 'sending', attempts = w.attempts + 1,"
                        + " lease_until = ?3, last_attempt_at = ?1"
                        + " from due where w.id = due.id"
                        + " returning w.id, w.attempts, w.subscription_id, w.position")
                .setParameter(1, now)
                .setParameter(2, limit)
                .setParameter(3, now.plus(config.delivery().lease()))
                .getResultList();
        List<Claimed> claimed = new ArrayList<>();
        for (Object[] r : rows) {
            Object[] detail = (Object[]) em.createNativeQuery("select s.url, s.secret, e.event_id, e.body"
                            + " from webhook_subscription s, event_log e where s.id = ?1 and e.position = ?2")
                    .setParameter(1, r[2])
                    .setParameter(2, ((Number) r[3]).longValue())
                    .getSingleResult();
            claimed.add(new Claimed(
                    (UUID) r[0],
                    ((Number) r[1]).intValue(),
                    (UUID) r[2],
                    (String) detail[0],
                    (String) detail[1],
                    detail[2].toString(),
                    (String) detail[3]));
        }
        return claimed;
    }

    /** Records the attempt: delivered, due again after the schedule's wait, or given up (subscription disabled). */
    @Transactional
    public void complete(Claimed c, WebhookSender.Outcome outcome) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        em.createNativeQuery("insert into webhook_attempt (delivery_id, attempt, started_at, status_code, error,"
                        + " latency_ms) values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, c.id())
                .setParameter(2, c.attempt())
                .setParameter(3, now.minus(Duration.ofMillis(outcome.latencyMs())))
                .setParameter(4, outcome.statusCode())
                .setParameter(5, outcome.error())
                .setParameter(6, (int) outcome.latencyMs())
                .executeUpdate();
        List<Duration> schedule = config.delivery().retrySchedule();
        String status;
        OffsetDateTime next = now;
        if (outcome.delivered()) {
            status = "delivered";
        } else if (c.attempt() <= schedule.size()) {
            status = "pending";
            next = now.plus(jittered(schedule.get(c.attempt() - 1)));
        } else {
            status = "failed";
        }
        em.createNativeQuery("update webhook_delivery set status = ?2, next_attempt_at = ?3, lease_until = null,"
                        + " last_status_code = ?4, last_error = ?5, last_latency_ms = ?6 where id = ?1")
                .setParameter(1, c.id())
                .setParameter(2, status)
                .setParameter(3, next)
                .setParameter(4, outcome.statusCode())
                .setParameter(5, outcome.error())
                .setParameter(6, (int) outcome.latencyMs())
                .executeUpdate();
        if (status.equals("failed")) {
            disable(c, now);
        }
    }

    private void disable(Claimed c, OffsetDateTime now) {
        String reason = "Delivery " + c.id() + " of event " + c.eventId() + " failed " + c.attempt()
                + " times over the retry schedule; re-enable the subscription to resume.";
        Object owner = em
                .createNativeQuery("update webhook_subscription set status = 'disabled', disabled_reason = ?2,"
                        + " updated_at = ?3 where id = ?1 and status = 'active' returning owner_subject")
                .setParameter(1, c.subscriptionId())
                .setParameter(2, reason)
                .setParameter(3, now)
                .getResultList()
                .stream()
                .findFirst()
                .orElse(null);
        if (owner == null) {
            return; // already disabled
        }
        Log.warnf("Webhook subscription %s disabled: %s", c.subscriptionId(), reason);
        recorder.record(new DomainEvent(
                UUID.randomUUID().toString(),
                EventTypes.WEBHOOK_DISABLED,
                now.toInstant(),
                "assessment-service",
                new DomainEvent.Subject(
                        "webhook-subscription", c.subscriptionId().toString()),
                null,
                DomainEvent.Scope.PUBLIC,
                Map.of(
                        "subscriptionId", c.subscriptionId().toString(),
                        "owner", owner.toString(),
                        "failedDeliveryId", c.id().toString(),
                        "failedEventId", c.eventId(),
                        "reason", reason)));
    }

    private Duration jittered(Duration wait) {
        return jittered(wait, config.delivery().jitter());
    }

    /** {@code wait} times a random factor in [1 - jitter, 1 + jitter). */
    static Duration jittered(Duration wait, double jitter) {
        double factor = 1 + (jitter == 0 ? 0 : ThreadLocalRandom.current().nextDouble(-jitter, jitter));
        return Duration.ofMillis(Math.max(0, Math.round(wait.toMillis() * factor)));
    }
}
