package uk.apprenticeships.st1398.standards.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** {@code seed/manifest.json}: the feed documents to load at start-up and what each cannot say about its source. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SeedManifest(List<Entry> sources) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(String file, String source, String note, SourceInfo.ExpectedCounts expected,
            List<String> truncated) {

        public SourceInfo sourceInfo() {
            return new SourceInfo(source, note, expected, truncated);
        }
    }
}
