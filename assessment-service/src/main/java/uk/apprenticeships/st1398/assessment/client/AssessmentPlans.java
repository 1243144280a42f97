package uk.apprenticeships.st1398.assessment.client;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import uk.apprenticeships.st1398.assessment.config.AssessmentConfig;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.platform.problem.ProblemType;

/**
 * Assessment plans from standards-service, cached briefly per standard version (the short expiry only bounds
 * staleness after a plan correction). A version without a plan answers empty; failures are never cached and answer a
 * 503 problem.
 */
@ApplicationScoped
public class AssessmentPlans {

    private record Cached(Optional<AssessmentPlan> plan, Instant expires) {
    }

    private final StandardsClient client;
    private final AssessmentConfig config;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public AssessmentPlans(@RestClient StandardsClient client, AssessmentConfig config) {
        this.client = client;
        this.config = config;
    }

    /** The plan of a standard-version key such as {@code ST1398_1.0}; empty when the version has none. */
    public Optional<AssessmentPlan> find(String standardVersion) {
        Cached cached = cache.get(standardVersion);
        if (cached != null && clock.instant().isBefore(cached.expires())) {
            return cached.plan();
        }
        Optional<AssessmentPlan> plan = fetch(standardVersion);
        cache.put(standardVersion, new Cached(plan, clock.instant().plus(config.planCacheTtl())));
        return plan;
    }

    /** The plan, or a 422 problem naming the version when it has none. */
    public AssessmentPlan require(String standardVersion) {
        return find(standardVersion).orElseThrow(() -> ApiException.unprocessable("Standard version "
                + standardVersion + " has no assessment plan in the standards catalogue, so it cannot be assessed "
                + "here; nothing was saved.", null));
    }

    private Optional<AssessmentPlan> fetch(String standardVersion) {
        int split = standardVersion.indexOf('_');
        AssessmentPlan plan;
        try {
            plan = client.assessmentPlan(standardVersion.substring(0, split), standardVersion.substring(split + 1));
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404) {
                return Optional.empty();
            }
            Log.warnf("standards-service answered %d for the assessment plan of %s", status, standardVersion);
            throw unavailable();
        } catch (RuntimeException e) {
            // Connection refused, timeouts, unreadable bodies: the catalogue is unreachable.
            Log.warnf("standards-service unreachable for the assessment plan of %s: %s", standardVersion,
                    e.toString());
            throw unavailable();
        }
        if (plan == null || !plan.usable()) {
            Log.warnf("standards-service gave an incomplete assessment plan for %s", standardVersion);
            throw unavailable();
        }
        return Optional.of(plan);
    }

    private static ApiException unavailable() {
        return new ApiException(ProblemType.SERVICE_UNAVAILABLE, 503, "The standards catalogue cannot be reached "
                + "for the assessment plan; nothing was saved. Retry shortly.", null, null);
    }
}
