package uk.apprenticeships.st1398.standards.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Completeness", description = "How much of the version's content its source gives")
public record Completeness(
        KindCompleteness knowledge,
        KindCompleteness skills,
        KindCompleteness behaviours,
        DutyCompleteness duties,

        @Schema(description = "True when every text is present in full and every duty's mapping is known")
        boolean complete) {

    @Schema(name = "KindCompleteness", description = "Knowledge items, skills or behaviours")
    public record KindCompleteness(
            @Schema(description = "How many items the source says exist", example = "31")
            int expected,

            @Schema(description = "How many of them have text (in full or cut off)", example = "5")
            int present,

            @Schema(description = "Codes whose text the source does not give", example = "[\"K6\", \"K7\"]")
            List<String> missingCodes,

            @Schema(description = "Codes whose text the source cuts off; the text is stored as shown")
            List<String> truncatedCodes,

            boolean complete) {

        public static KindCompleteness of(int expected, int present, List<String> missing, List<String> truncated) {
            return new KindCompleteness(
                    expected,
                    present,
                    missing,
                    truncated,
                    missing.isEmpty() && truncated.isEmpty() && present == expected);
        }
    }

    @Schema(name = "DutyCompleteness", description = "Duties and their KSB mapping")
    public record DutyCompleteness(
            @Schema(example = "9") int expected,

            @Schema(description = "How many duties have text", example = "9")
            int present,

            @Schema(description = "Whether the source gives every duty's KSB mapping")
            boolean mappingAvailable,

            boolean complete) {

        public static DutyCompleteness of(int expected, int present, boolean mappingAvailable) {
            return new DutyCompleteness(expected, present, mappingAvailable, present == expected && mappingAvailable);
        }
    }
}
