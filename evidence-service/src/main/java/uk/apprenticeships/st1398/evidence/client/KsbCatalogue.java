package uk.apprenticeships.st1398.evidence.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import uk.apprenticeships.st1398.evidence.service.EvidenceError;
import uk.apprenticeships.st1398.platform.client.Downstreams;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.platform.problem.PlatformError;

/**
 * The KSB codes of a standard version, fetched from standards-service through {@link Downstreams} and cached per
 * version in the {@code ksb-codes} cache (size and expiry in application.properties: KSBs of a published version do
 * not change; the expiry only bounds staleness after a catalogue correction). Failures are never cached.
 */
@ApplicationScoped
public class KsbCatalogue {

    public static final String DOWNSTREAM = "standards-service";

    private final StandardsClient client;
    private final Downstreams downstreams;

    public KsbCatalogue(@RestClient StandardsClient client, Downstreams downstreams) {
        this.client = client;
        this.downstreams = downstreams;
    }

    /**
     * The codes of a standard-version key such as {@code ST1398_1.0}, in code order (K, S, B; by number); 422
     * {@code standard-version-unknown} when the catalogue does not know the version.
     */
    @CacheResult(cacheName = "ksb-codes")
    public Set<String> codes(String standardVersion) {
        int split = standardVersion.indexOf('_');
        JsonNode body = downstreams
                .readOptional(
                        DOWNSTREAM,
                        () -> client.ksbs(standardVersion.substring(0, split), standardVersion.substring(split + 1)))
                .orElseThrow(() -> ApiException.of(
                                EvidenceError.STANDARD_VERSION_UNKNOWN,
                                "Standard version "
                                        + standardVersion
                                        + " is not in the standards catalogue, so its KSBs are unknown; nothing "
                                        + "was saved.")
                        .with("standardVersion", standardVersion));
        JsonNode items = body.isObject() ? body.get("items") : body;
        if (items == null || !items.isArray()) {
            throw ApiException.of(
                            PlatformError.DOWNSTREAM_UNAVAILABLE,
                            DOWNSTREAM + " gave an unexpected list of " + "KSBs for " + standardVersion
                                    + "; nothing was saved. Retry shortly.")
                    .with("downstream", DOWNSTREAM);
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
}
