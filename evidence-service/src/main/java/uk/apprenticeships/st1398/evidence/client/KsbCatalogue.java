package uk.apprenticeships.st1398.evidence.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import uk.apprenticeships.st1398.evidence.config.EvidenceConfig;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.platform.problem.ProblemType;

/**
 * The KSB codes of a standard version, fetched from standards-service and cached briefly per version (KSBs of a
 * published version do not change; the short expiry only bounds staleness after a catalogue correction). Failures
 * are never cached.
 */
@ApplicationScoped
public class KsbCatalogue {

    private record Cached(Set<String> codes, Instant expires) {
    }

    private final StandardsClient client;
    private final EvidenceConfig config;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public KsbCatalogue(@RestClient StandardsClient client, EvidenceConfig config) {
        this.client = client;
        this.config = config;
    }

    /** The codes of a standard-version key such as {@code ST1398_1.0}, in code order (K, S, B; by number). */
    public Set<String> codes(String standardVersion) {
        Cached cached = cache.get(standardVersion);
        if (cached != null && clock.instant().isBefore(cached.expires())) {
            return cached.codes();
        }
        Set<String> codes = fetch(standardVersion);
        cache.put(standardVersion, new Cached(codes, clock.instant().plus(config.ksbCacheTtl())));
        return codes;
    }

    private Set<String> fetch(String standardVersion) {
        int split = standardVersion.indexOf('_');
        String reference = standardVersion.substring(0, split);
        String version = standardVersion.substring(split + 1);
        JsonNode body;
        try {
            body = client.ksbs(reference, version);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404) {
                throw ApiException.unprocessable("The apprentice's standard version " + standardVersion
                        + " is not in the standards catalogue, so no KSB codes can be checked.", null);
            }
            Log.warnf("standards-service answered %d for the KSBs of %s", status, standardVersion);
            throw unavailable();
        } catch (RuntimeException e) {
            // Connection refused, timeouts, unreadable bodies: the catalogue is unreachable.
            Log.warnf("standards-service unreachable for the KSBs of %s: %s", standardVersion, e.toString());
            throw unavailable();
        }
        JsonNode items = body != null && body.isObject() ? body.get("items") : body;
        if (items == null || !items.isArray()) {
            Log.warnf("standards-service gave an unexpected KSB body for %s", standardVersion);
            throw unavailable();
        }
        Set<String> codes = new TreeSet<>(KsbCatalogue::compareCodes);
        items.forEach(ksb -> {
            if (ksb.hasNonNull("code")) {
                codes.add(ksb.get("code").asText());
            }
        });
        return Collections.unmodifiableSet(codes);
    }

    /** K before S before B, then by number: the order standards are written in. */
    static int compareCodes(String a, String b) {
        int kind = Integer.compare("KSB".indexOf(a.charAt(0)), "KSB".indexOf(b.charAt(0)));
        if (kind != 0) {
            return kind;
        }
        try {
            return Integer.compare(Integer.parseInt(a.substring(1)), Integer.parseInt(b.substring(1)));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    private static ApiException unavailable() {
        return new ApiException(ProblemType.SERVICE_UNAVAILABLE, 503, "The standards catalogue cannot be reached "
                + "to check the KSB codes; nothing was saved. Retry shortly.", null, null);
    }
}
