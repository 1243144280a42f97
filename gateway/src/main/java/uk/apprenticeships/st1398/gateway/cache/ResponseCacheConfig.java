package uk.apprenticeships.st1398.gateway.cache;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/**
 * The gateway's shared HTTP cache of public reads ({@link ResponseCache}): which route groups (the names under
 * {@code gateway.routes}) it serves, and how much memory it may hold.
 */
@ConfigMapping(prefix = "gateway.response-cache")
public interface ResponseCacheConfig {

    /** Off: every read is proxied, as before the cache existed. */
    @WithDefault("true")
    boolean enabled();

    /**
     * Route groups whose public reads are cached. Only answers the service marks {@code public} with a
     * {@code max-age} are stored, so naming a group whose service never says so costs a header check per read.
     */
    @WithDefault("standards")
    List<String> groups();

    /**
     * Upper bound of the cache's memory (bodies, headers and keys, weighed in bytes); least used go first. It lives
     * in the gateway's heap ({@code ./stack} gives the gateway {@code -Xmx96m}): raise both together.
     */
    @WithDefault("16M")
    MemorySize maxBytes();

    /** Larger answers (by their {@code Content-Length}) are streamed as before and not cached. */
    @WithDefault("1M")
    MemorySize maxEntryBytes();

    /** The longest an entry is fresh, whatever the service's {@code max-age} says. */
    @WithDefault("PT5M")
    Duration maxAgeCap();
}
