package uk.apprenticeships.st1398.standards.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Domain events: recording them with each change, and the relay to the hub (docs/events.md). */
@ConfigMapping(prefix = "events")
public interface EventsConfig {

    /** Whether changes record events. */
    @WithDefault("true")
    boolean enabled();

    /** The event hub (assessment-service) the relay sends to. */
    @WithDefault("${ASSESSMENT_SERVICE_URL:http://localhost:8083}")
    String hubUrl();

    /** The shared secret (whsec_...) batches are signed with; unset, the relay does not run. */
    Optional<String> ingestSecret();

    Relay relay();

    interface Relay {

        @WithDefault("true")
        boolean enabled();

        /** How often (read by {@code @Scheduled}). */
        @WithDefault("1s")
        String every();

        @WithDefault("200")
        int batchSize();

        @WithDefault("PT5S")
        Duration timeout();
    }
}
