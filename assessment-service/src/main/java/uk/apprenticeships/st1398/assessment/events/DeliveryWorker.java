package uk.apprenticeships.st1398.assessment.events;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

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
        // At most one delivery per (subscription, apprentice) is ever claimed, so the batch may go out at once.
        List<CompletableFuture<WebhookSender.Outcome>> sent = new ArrayList<>();
        for (DeliveryStore.Claimed c : claimed) {
            sent.add(sender.sendAsync(c.url(), c.secret(), c.eventId(), c.body()));
        }
        for (int i = 0; i < claimed.size(); i++) {
            store.complete(claimed.get(i), sent.get(i).join());
        }
        return claimed.size();
    }
}
