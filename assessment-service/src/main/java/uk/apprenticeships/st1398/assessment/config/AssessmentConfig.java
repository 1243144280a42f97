package uk.apprenticeships.st1398.assessment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;

@ConfigMapping(prefix = "assessment")
public interface AssessmentConfig {

    /** Base URL of standards-service: standard versions, KSBs and assessment plans. */
    @WithDefault("${STANDARDS_SERVICE_URL:http://localhost:8081}")
    URI standardsServiceUrl();

    /** Base URL of evidence-service: apprentices' portfolios, checked at the gateway to completion. */
    @WithDefault("${EVIDENCE_SERVICE_URL:http://localhost:8082}")
    URI evidenceServiceUrl();
}
