package uk.apprenticeships.st1398.assessment.config;

import io.smallrye.config.ConfigMapping;
import java.util.Map;

/** The gateway to completion: the rules that are not part of an assessment plan. */
@ConfigMapping(prefix = "assessment.gateway")
public interface GatewayConfig {

    /**
     * The minimum time in learning before the gateway, in months, by the first apprenticeship start date each value
     * applies to (yyyy-mm-dd keys). A funding rule for every standard, not part of an assessment plan.
     */
    Map<String, Integer> minimumMonthsInLearning();
}
