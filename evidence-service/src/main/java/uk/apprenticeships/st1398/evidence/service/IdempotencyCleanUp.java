package uk.apprenticeships.st1398.evidence.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import uk.apprenticeships.st1398.evidence.repository.IdempotencyRepository;

/**
 * Deletes expired {@code Idempotency-Key} records on a schedule ({@code evidence.idempotency.clean-up-interval}).
 * Works on real MongoDB and on the wire-protocol server alike, unlike a TTL index; lookups ignore expired records
 * anyway, so a late clean-up only costs space.
 */
@ApplicationScoped
public class IdempotencyCleanUp {

    private final IdempotencyRepository keys;

    public IdempotencyCleanUp(IdempotencyRepository keys) {
        this.keys = keys;
    }

    @Scheduled(
            identity = "idempotency-clean-up",
            every = "${evidence.idempotency.clean-up-interval:PT1H}",
            delayed = "PT1M",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        cleanUp();
    }

    /** Deletes the expired keys now; the number deleted. */
    public long cleanUp() {
        long deleted = keys.deleteOlderThan(keys.cutoff());
        if (deleted > 0) {
            Log.infof("Deleted %d expired idempotency keys", deleted);
        }
        return deleted;
    }
}
