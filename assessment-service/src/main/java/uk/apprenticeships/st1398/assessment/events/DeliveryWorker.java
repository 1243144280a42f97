package uk.apprenticeships.st1398.assessment.events;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Delivers due webhook deliveries, off the request path. Every replica runs one; {@link DeliveryStore#claim} takes
 * rows with {@code FOR UPDATE SKIP LOCKED}, so two workers never take the same delivery, and only the oldest
 * undelivered event of each (subscription, apprentice) is ever due, so an apprentice's events arrive in order.
 */
@ApplicationScoped
public class DeliveryWorker {

    private final DeliveryStore store;
    private final WebhookSender sender;
    private final EventsConfig config;

    public DeliveryWorker(DeliveryStore store, WebhookSender sender, EventsConfig config) {
        this.store = store;
        this.sender = sender;
        this.config = config;
    }

    @Scheduled(
            every = "${events.delivery.every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        try {
            while (runOnce() == config.delivery().batchSize()) {
                Log.debug("Delivery worker: more deliveries due");
            }
        } catch (RuntimeException e) {
            Log.warnf("Delivery round failed (retried on the next round): %s", e.toString());
        }
    }

    /** Claims one batch of due deliveries and attempts each; answers how many it claimed. */
    public int runOnce() {
        List<DeliveryStore.Claimed> claimed = store.claim(config.delivery().batchSize());
        for (DeliveryStore.Claimed c : claimed) {
            WebhookSender.Outcome outcome = sender.send(c.url(), c.secret(), c.eventId(), c.body());
            store.complete(c, outcome);
        }
        return claimed.size();
    }
}
