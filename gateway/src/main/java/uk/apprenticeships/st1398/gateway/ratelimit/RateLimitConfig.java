package uk.apprenticeships.st1398.gateway.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/**
 * Per-client rate limits, per route group (the names under {@code gateway.routes}). A client is the token's
 * {@code client_id} (client credentials), else its subject; a caller without a token is counted by address.
 */
@ConfigMapping(prefix = "gateway.rate-limit")
public interface RateLimitConfig {

    /** Off: no counting and no RateLimit fields (for a deployment that limits in front of the gateway). */
    @WithDefault("true")
    boolean enabled();

    /** The limit of a route group without its own entry under {@code groups}. */
    Limit defaults();

    /** Limits by route group name, e.g. {@code gateway.rate-limit.groups.evidence.requests=300}. */
    Map<String, Limit> groups();

    /** Where the counters live: {@code memory} (this gateway only) or {@code redis} (shared by every replica). */
    @WithDefault("memory")
    Store store();

    /** Prefix of the Redis keys. */
    @WithDefault("st1398:rate:")
    String redisKeyPrefix();

    enum Store {
        MEMORY,
        REDIS
    }

    interface Limit {
        /** Requests one client may make in one window. */
        int requests();

        /** The window: counting starts afresh at each multiple of it (all replicas agree on the boundaries). */
        Duration window();
    }
}
