package uk.apprenticeships.st1398.standards.service;

import java.util.List;
import java.util.Set;

/**
 * What a feed document cannot say about its own source: where it came from, how many items of each kind the
 * source says exist (it may show fewer), and which texts it shows only the beginning of.
 *
 * @param expected null when the source gives no counts: the feed's own list sizes are used
 * @param truncated codes (K1, S3) whose text the source cuts off
 */
public record SourceInfo(String source, String note, ExpectedCounts expected, List<String> truncated) {

    public record ExpectedCounts(Integer knowledge, Integer skills, Integer behaviours, Integer duties) {}

    public Set<String> truncatedCodes() {
        return truncated == null ? Set.of() : Set.copyOf(truncated);
    }
}
