package uk.apprenticeships.st1398.assessment.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** What assessment-service reads of standards-service's catalogue (field names as standards-service writes them). */
public final class CatalogueModels {

    private CatalogueModels() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {}

    /** A standard in a list (StandardSummary). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Standard(
            String reference, String title, int level, String route, Integer larsCode, String approvedVersion) {}

    /** One version (VersionResponse), with the parts read here. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Version(
            String key,
            String reference,
            String versionNumber,
            String status,
            Integer larsCode,
            String title,
            List<Option> options) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Option(String id, int position, String title) {}

    /** A version in a list across standards: options as their titles. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record VersionItem(
            String key,
            String reference,
            Integer larsCode,
            String title,
            String versionNumber,
            String status,
            List<String> options) {}
}
