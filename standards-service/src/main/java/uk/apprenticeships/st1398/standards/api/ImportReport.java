package uk.apprenticeships.st1398.standards.api;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an import did with each item of the body, in body order, and the totals. */
@Schema(name = "ImportReport", description = "What the import did with each item, in the order of the body")
public record ImportReport(Summary summary, List<Item> items) {

    public static ImportReport of(List<Item> items) {
        return new ImportReport(
                new Summary(
                        count(items, Outcome.CREATED),
                        count(items, Outcome.UPDATED),
                        count(items, Outcome.UNCHANGED),
                        count(items, Outcome.REJECTED)),
                List.copyOf(items));
    }

    private static int count(List<Item> items, Outcome outcome) {
        return (int) items.stream().filter(i -> i.outcome() == outcome).count();
    }

    @Schema(name = "ImportSummary")
    public record Summary(int created, int updated, int unchanged, int rejected) {}

    @Schema(name = "ImportItem")
    public record Item(
            @Schema(description = "Position in the body, from 0 (0 for a single object)")
            int index,

            @Schema(
                    description = "The standard-version key, e.g. ST1398_1.0; null when the item does not give a "
                            + "valid reference and version")
            String key,

            Outcome outcome,

            @Schema(description = "Why the item was rejected; empty otherwise")
            List<String> reasons) {}

    @Schema(
            name = "ImportOutcome",
            enumeration = {"created", "updated", "unchanged", "rejected"})
    public enum Outcome {
        /** The version did not exist and was stored. */
        CREATED,
        /** The version existed and its stored data changed to match the item. */
        UPDATED,
        /** The version existed and already matched the item; nothing was written. */
        UNCHANGED,
        /** Nothing of the item was stored; see the reasons. */
        REJECTED;

        @JsonValue
        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
