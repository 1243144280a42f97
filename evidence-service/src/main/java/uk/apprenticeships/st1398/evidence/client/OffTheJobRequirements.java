package uk.apprenticeships.st1398.evidence.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import uk.apprenticeships.st1398.evidence.config.EvidenceConfig;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.platform.problem.ProblemType;

/**
 * The minimum off-the-job hours standards-service works out for a standard version, start date, planned weeks
 * and contracted hours; cached briefly per those inputs (the rule of a published plan rarely changes). Only
 * answers are cached: a 404 (no plan or no rule) and failures are asked again next time.
 */
@ApplicationScoped
public class OffTheJobRequirements {

    private record Key(String standardVersion, LocalDate startDate, int plannedWeeks, BigDecimal weeklyHours) {
    }

    private record Cached(JsonNode requirement, Instant expires) {
    }

    private final AssessmentPlanClient client;
    private final EvidenceConfig config;
    private final Clock clock = Clock.systemUTC();
    private final Map<Key, Cached> cache = new ConcurrentHashMap<>();

    public OffTheJobRequirements(@RestClient AssessmentPlanClient client, EvidenceConfig config) {
        this.client = client;
        this.config = config;
    }

    /**
     * The requirement document ({@code minimumHours, calculation, confirmed, rule, ...}), or empty when
     * standards-service has no plan or no rule for this start date (404). Unreachable: 503 problem.
     */
    public Optional<JsonNode> find(String standardVersion, LocalDate startDate, int plannedWeeks,
            BigDecimal weeklyContractedHours) {
        Key key = new Key(standardVersion, startDate, plannedWeeks, weeklyContractedHours);
        Cached cached = cache.get(key);
        if (cached != null && clock.instant().isBefore(cached.expires())) {
            return Optional.of(cached.requirement());
        }
        int split = standardVersion.indexOf('_');
        JsonNode body;
        try {
            body = client.offTheJobRequirement(standardVersion.substring(0, split),
                    standardVersion.substring(split + 1), startDate.toString(), plannedWeeks, weeklyContractedHours);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404) {
                return Optional.empty();
            }
            Log.warnf("standards-service answered %d for the off-the-job requirement of %s", status,
                    standardVersion);
            throw unavailable();
        } catch (RuntimeException e) {
            Log.warnf("standards-service unreachable for the off-the-job requirement of %s: %s", standardVersion,
                    e.toString());
            throw unavailable();
        }
        if (body == null || !body.isObject() || !body.path("minimumHours").isNumber()) {
            Log.warnf("standards-service gave an unexpected off-the-job requirement for %s", standardVersion);
            throw unavailable();
        }
        cache.put(key, new Cached(body, clock.instant().plus(config.offTheJobRequirementCacheTtl())));
        return Optional.of(body);
    }

    private static ApiException unavailable() {
        return new ApiException(ProblemType.SERVICE_UNAVAILABLE, 503, "The standards catalogue cannot be reached "
                + "to work out the required off-the-job hours. Retry shortly.", null, null);
    }
}
