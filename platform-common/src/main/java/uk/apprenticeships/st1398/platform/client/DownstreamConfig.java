package uk.apprenticeships.st1398.platform.client;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** How calls to other services are guarded ({@link Downstreams}); one setting for all, overridable per service. */
@ConfigMapping(prefix = "platform.downstream")
public interface DownstreamConfig {

    /** Longest wait for one attempt. */
    @WithDefault("PT5S")
    Duration timeout();

    /** Per downstream (by name, e.g. {@code "standards-service"}): a shorter or longer wait than {@link #timeout()}. */
    Map<String, Duration> timeouts();

    /** Further attempts of an idempotent read after a connection failure or a 5xx answer. */
    @WithDefault("2")
    int readRetries();

    @WithDefault("PT0.1S")
    Duration retryDelay();

    /** The circuit opens when this share of the last {@link #breakerWindow()} calls failed... */
    @WithDefault("0.5")
    double breakerFailureRatio();

    @WithDefault("10")
    int breakerWindow();

    /** ...and stays open (calls fail at once with 503) this long before one trial call. */
    @WithDefault("PT5S")
    Duration breakerDelay();
}
