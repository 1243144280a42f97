package uk.apprenticeships.st1398.standards.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "standards")
public interface StandardsConfig {

    /** How long clients and shared caches may reuse catalogue reads (public reference data). */
    @WithDefault("PT5M")
    Duration cacheMaxAge();
}
