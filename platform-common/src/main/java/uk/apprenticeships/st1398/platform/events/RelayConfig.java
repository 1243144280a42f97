package uk.apprenticeships.st1398.platform.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * A service's side of domain events (docs/events.md): whether its changes record events, and the relay that hands
 * its outbox to the hub (assessment-service). The hub's own settings (retention, sequencer, deliveries) share the
 * {@code events} prefix in assessment-service's configuration.
 */
@ConfigMapping(prefix = "events")
public interface RelayConfig {

    /** Whether changes record events; only the bench's reference run turns this off. */
    @WithDefault("true")
    boolean enabled();

    /** The event hub (assessment-service) the relay sends to. */
    @WithDefault("${ASSESSMENT_SERVICE_URL:http://localhost:8083}")
    String hubUrl();

    /** The shared secret (whsec_...) batches are signed with; unset, the relay does not run. */
    Optional<String> ingestSecret();

    Relay relay();

    interface Relay {

        /** Whether this replica runs the relay. */
        @WithDefault("true")
        boolean enabled();

        /** How often (read by the service's {@code @Scheduled} method as {@code ${events.relay.every}}). */
        @WithDefault("1s")
        String every();

        /** Outbox entries (rows, or documents per collection) read per round. */
        @WithDefault("100")
        int batchSize();

        @WithDefault("PT5S")
        Duration timeout();

        /**
         * How long one round goes on sending full batches before it leaves the rest to the next round (a round
         * sends batches back to back while the outbox holds more than one).
         */
        @WithDefault("PT30S")
        Duration drainFor();
    }
}
