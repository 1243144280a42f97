package uk.apprenticeships.st1398.standards.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * {@code seed/manifest.json}: the feed documents to load at start-up and what each cannot say about its source, and
 * the assessment plans (documents in the PUT .../assessment-plan format) to store for versions that have none.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SeedManifest(List<Entry> sources, List<PlanEntry> assessmentPlans) {

    public List<PlanEntry> assessmentPlansOrEmpty() {
        return assessmentPlans == null ? List.of() : assessmentPlans;
    }

    /** An assessment plan file and the version it belongs to. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PlanEntry(String file, String reference, String version) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(
            String file, String source, String note, SourceInfo.ExpectedCounts expected, List<String> truncated) {

        public SourceInfo sourceInfo() {
            return new SourceInfo(source, note, expected, truncated);
        }
    }
}
