package uk.apprenticeships.st1398.evidence.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;

@ConfigMapping(prefix = "evidence")
public interface EvidenceConfig {

    /**
     * Base URL of standards-service, which owns the catalogue of standard versions apprentices are on
     * ({@code STANDARDS_SERVICE_URL} in the environment).
     */
    @WithDefault("http://localhost:8081")
    URI standardsServiceUrl();
}
