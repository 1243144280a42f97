package uk.apprenticeships.st1398.assessment.client;

import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import uk.apprenticeships.st1398.platform.client.Downstreams;

/**
 * Standards by LARS code or reference, and their versions and options, from standards-service (through
 * {@link Downstreams}: timeouts, breaker, retries; a neighbour that is down answers 503 naming it). Cached in
 * {@value #CACHE} (bounds in application.properties); failures are never cached.
 */
@ApplicationScoped
public class StandardCatalogue {

    public static final String CACHE = "standard-catalogue";
    static final String DOWNSTREAM = AssessmentPlans.DOWNSTREAM;
    private static final int PAGE = 100;

    /** A standard as the DfE API names it, with its versions (oldest first). */
    public record KnownStandard(
            int larsCode, String reference, String title, int level, List<CatalogueModels.VersionItem> versions) {

        public Optional<CatalogueModels.VersionItem> version(String number) {
            return versions.stream()
                    .filter(v -> v.versionNumber().equals(number))
                    .findFirst();
        }

        /** The newest version (versions are ordered by version number). */
        public Optional<CatalogueModels.VersionItem> latest() {
            return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
        }
    }

    private final StandardsClient client;
    private final Downstreams downstreams;

    public StandardCatalogue(@RestClient StandardsClient client, Downstreams downstreams) {
        this.client = client;
        this.downstreams = downstreams;
    }

    /** The standard a LARS code (digits) or a reference (STnnnn) names; empty when the catalogue has none. */
    @CacheResult(cacheName = CACHE)
    public Optional<KnownStandard> resolve(String codeOrReference) {
        String wanted = codeOrReference == null ? "" : codeOrReference.strip();
        if (wanted.matches("^\\d{1,9}$")) {
            int code = Integer.parseInt(wanted);
            if (code < 1) {
                return Optional.empty();
            }
            return downstreams.read(DOWNSTREAM, () -> client.standardsByLarsCode(code)).items().stream()
                    .findFirst()
                    .map(s -> new KnownStandard(code, s.reference(), s.title(), s.level(), versions(code, null)));
        }
        if (!wanted.matches("^(ST|FA|AU)\\d{4}$")) {
            return Optional.empty();
        }
        List<CatalogueModels.VersionItem> versions = versions(null, wanted);
        Integer code = versions.stream()
                .map(CatalogueModels.VersionItem::larsCode)
                .filter(c -> c != null)
                .findFirst()
                .orElse(null);
        if (code == null) {
            return Optional.empty();
        }
        return downstreams.read(DOWNSTREAM, () -> client.standardsByLarsCode(code)).items().stream()
                .findFirst()
                .map(s -> new KnownStandard(code, s.reference(), s.title(), s.level(), versions));
    }

    /** One version by key (ST1398_1.0); empty when the catalogue does not know it. */
    @CacheResult(cacheName = CACHE)
    public Optional<CatalogueModels.Version> version(String key) {
        return downstreams.readOptional(DOWNSTREAM, () -> client.version(key));
    }

    /** Every version across standards, ordered by reference then version. */
    @CacheResult(cacheName = CACHE)
    public List<CatalogueModels.VersionItem> allVersions() {
        return versions(null, null);
    }

    private List<CatalogueModels.VersionItem> versions(Integer larsCode, String reference) {
        List<CatalogueModels.VersionItem> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            int p = page;
            CatalogueModels.Page<CatalogueModels.VersionItem> answer =
                    downstreams.read(DOWNSTREAM, () -> client.versions(larsCode, reference, p, PAGE));
            all.addAll(answer.items());
            if (page + 1 >= answer.totalPages() || answer.items().isEmpty()) {
                break;
            }
        }
        all.sort(Comparator.comparing(CatalogueModels.VersionItem::reference)
                .thenComparing(v -> versionOrder(v.versionNumber())));
        return List.copyOf(all);
    }

    /** "1.10" after "1.9": compare major and minor as numbers. */
    static long versionOrder(String number) {
        String[] parts = number.split("\\.");
        long major = parts.length > 0 && parts[0].matches("\\d+") ? Long.parseLong(parts[0]) : 0;
        long minor = parts.length > 1 && parts[1].matches("\\d+") ? Long.parseLong(parts[1]) : 0;
        return major * 1_000_000 + minor;
    }
}
