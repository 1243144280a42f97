package uk.apprenticeships.st1398.assessment.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The event hub: recording, ingest from the other services, webhook deliveries and the feed (docs/events.md). */
@ConfigMapping(prefix = "events")
public interface EventsConfig {

    /**
     * Whether changes record events at all. Only the bench's reference run turns this off (bench/events.sh), to
     * measure the same writes without the outbox.
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * The secret (whsec_...) evidence-service and standards-service sign their event batches with; unset, the
     * ingest endpoint refuses every batch.
     */
    Optional<String> ingestSecret();

    /** How long events stay in the feed and the delivery log. */
    @WithDefault("P90D")
    Duration retention();

    /** When the retention clean-up runs (a Quartz-style cron; daily by default). */
    @WithDefault("0 17 3 * * ?")
    String retentionCron();

    Sequencer sequencer();

    Delivery delivery();

    interface Sequencer {

        /** How often the sequencer moves outbox events into the log (read by {@code @Scheduled}). */
        @WithDefault("1s")
        String every();
    }

    interface Delivery {

        /** How often each replica's worker looks for due deliveries (read by {@code @Scheduled}). */
        @WithDefault("1s")
        String every();

        /** Deliveries one worker claims per round. */
        @WithDefault("20")
        int batchSize();

        /** Connect and response timeout of one delivery attempt. */
        @WithDefault("PT10S")
        Duration timeout();

        /** How long a claimed delivery stays with its worker before another may take it over (worker died). */
        @WithDefault("PT2M")
        Duration lease();

        /**
         * Waits before each retry; after the last one the delivery is given up and the subscription disabled. The
         * default sums to about 23.6 hours.
         */
        @WithDefault("PT5S,PT5M,PT30M,PT2H,PT5H,PT8H,PT8H")
        List<Duration> retrySchedule();

        /** Each wait is multiplied by a random factor in [1 - jitter, 1 + jitter]. */
        @WithDefault("0.2")
        double jitter();

        /**
         * Whether subscribers' URLs may resolve to loopback, private or link-local addresses. Off in production (no
         * calls into the cluster's own network); on in development and tests, whose receivers listen on loopback.
         */
        @WithDefault("false")
        boolean allowPrivateTargets();
    }
}
