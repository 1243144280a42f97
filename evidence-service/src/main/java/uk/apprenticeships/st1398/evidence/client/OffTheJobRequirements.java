package uk.apprenticeships.st1398.evidence.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import uk.apprenticeships.st1398.platform.client.DownstreamRejected;
import uk.apprenticeships.st1398.platform.client.Downstreams;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.platform.problem.PlatformError;

/**
 * The minimum off-the-job hours standards-service works out for a standard version, start date, planned weeks
 * and contracted hours; cached per those inputs in the {@code off-the-job-requirements} cache (the rule of a
 * published plan rarely changes). Only answers are cached: a 404 (no plan or no rule) and failures are asked again
 * next time.
 */
@ApplicationScoped
public class OffTheJobRequirements {

    /** The inputs of one requirement: the cache key. */
    public record Key(String standardVersion, LocalDate startDate, int plannedWeeks, BigDecimal weeklyHours) {}

    private final AssessmentPlanClient client;
    private final Downstreams downstreams;

    public OffTheJobRequirements(@RestClient AssessmentPlanClient client, Downstreams downstreams) {
        this.client = client;
        this.downstreams = downstreams;
    }

    /**
     * The requirement document ({@code minimumHours, calculation, confirmed, rule, ...}), or empty when
     * standards-service has no plan or no rule for this start date (404).
     */
    public Optional<JsonNode> find(
            String standardVersion, LocalDate startDate, int plannedWeeks, BigDecimal weeklyContractedHours) {
        try {
            return Optional.of(requirement(new Key(standardVersion, startDate, plannedWeeks, weeklyContractedHours)));
        } catch (DownstreamRejected e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** A 404 leaves as {@link DownstreamRejected}: exceptions are not cached, so "no plan" is asked again. */
    @CacheResult(cacheName = "off-the-job-requirements")
    public JsonNode requirement(Key key) {
        int split = key.standardVersion().indexOf('_');
        JsonNode body = downstreams.read(
                KsbCatalogue.DOWNSTREAM,
                () -> client.offTheJobRequirement(
                        key.standardVersion().substring(0, split),
                        key.standardVersion().substring(split + 1),
                        key.startDate().toString(),
                        key.plannedWeeks(),
                        key.weeklyHours()));
        if (!body.isObject() || !body.path("minimumHours").isNumber()) {
            throw ApiException.of(
                            PlatformError.DOWNSTREAM_UNAVAILABLE,
                            KsbCatalogue.DOWNSTREAM + " gave an " + "unexpected off-the-job requirement for "
                                    + key.standardVersion() + ". Retry shortly.")
                    .with("downstream", KsbCatalogue.DOWNSTREAM);
        }
        return body;
    }
}
