package uk.apprenticeships.st1398.assessment.client;

import io.quarkus.cache.CacheResult;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import uk.apprenticeships.st1398.assessment.config.AssessmentError;
import uk.apprenticeships.st1398.platform.client.Downstreams;
import uk.apprenticeships.st1398.platform.problem.ApiException;

/**
 * Assessment plans from standards-service, cached per standard version in the {@value #CACHE} cache (size and
 * expiry in application.properties; the short expiry only bounds staleness after a plan correction). A version
 * without a plan answers empty, and that answer is cached too; failures are never cached: {@link Downstreams} turns
 * them into 503/504 problems naming standards-service.
 */
@ApplicationScoped
public class AssessmentPlans {

    static final String DOWNSTREAM = "standards-service";
    public static final String CACHE = "assessment-plans";

    private final StandardsClient client;
    private final Downstreams downstreams;

    public AssessmentPlans(@RestClient StandardsClient client, Downstreams downstreams) {
        this.client = client;
        this.downstreams = downstreams;
    }

    /** The plan of a standard-version key such as {@code ST1398_1.0}; empty when the version has none. */
    @CacheResult(cacheName = CACHE)
    public Optional<AssessmentPlan> find(String standardVersion) {
        int split = standardVersion.indexOf('_');
        Optional<AssessmentPlan> plan = downstreams.readOptional(
                DOWNSTREAM,
                () -> client.assessmentPlan(standardVersion.substring(0, split), standardVersion.substring(split + 1)));
        if (plan.isPresent() && !plan.get().usable()) {
            Log.warnf("standards-service gave an incomplete assessment plan for %s", standardVersion);
            throw ApiException.of(
                            AssessmentError.ASSESSMENT_PLAN_INCOMPLETE,
                            "The standards catalogue's assessment " + "plan of " + standardVersion
                                    + " lacks members grading needs; nothing was saved.")
                    .with("downstream", DOWNSTREAM);
        }
        return plan;
    }

    /** The plan, or a 422 problem naming the version when it has none. */
    public AssessmentPlan require(String standardVersion) {
        return find(standardVersion)
                .orElseThrow(() -> ApiException.of(
                        AssessmentError.NO_ASSESSMENT_PLAN,
                        "Standard version " + standardVersion
                                + " has no assessment plan in the standards catalogue, so it "
                                + "cannot be assessed here; nothing was saved."));
    }
}
