package uk.apprenticeships.st1398.standards.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "standards")
public interface StandardsConfig {

    /** How long clients and shared caches may reuse catalogue reads (public reference data). */
    @WithDefault("PT5M")
    Duration cacheMaxAge();

    Seed seed();

    ReadCache readCache();

    /** Server-side cache of serialised reads; see {@code api.ReadCache}. */
    interface ReadCache {

        @WithDefault("true")
        boolean enabled();

        /** How stale another instance's cache may be after a write; keep it below {@link #cacheMaxAge()}. */
        @WithDefault("PT30S")
        Duration ttl();

        @WithDefault("10000")
        long maxEntries();
    }

    /** The catalogue bundled with the service (feed documents listed in a manifest), loaded at start-up. */
    interface Seed {

        /** Load it at start-up. Loading only adds what is missing, so it is safe on every start. */
        @WithDefault("true")
        boolean enabled();

        /** Classpath location of the manifest; the documents it names sit beside it. */
        @WithDefault("seed/manifest.json")
        String manifest();
    }
}
