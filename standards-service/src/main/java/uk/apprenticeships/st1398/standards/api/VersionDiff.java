package uk.apprenticeships.st1398.standards.api;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How version {@code to} differs from version {@code from} of one standard. */
@Schema(name = "VersionDiff", description = "What changed from one version of a standard to another")
public record VersionDiff(
        @Schema(example = "ST1398") String reference,
        @Schema(example = "0.1") String from,
        @Schema(example = "1.0") String to,
        Changes<KsbSide> ksbs,
        Changes<DutySide> duties) {

    /** Items only in {@code to}, only in {@code from}, and in both but different. */
    public record Changes<T>(List<T> added, List<T> removed, List<Change<T>> changed) {}

    public record Change<T>(
            @Schema(description = "K3, or D2 for the second duty")
            String code,

            T before,
            T after) {}

    @Schema(name = "KsbDiffSide", description = "A KSB as one of the two versions has it")
    public record KsbSide(UUID id, String code, String detail, boolean textAvailable, boolean textComplete) {}

    @Schema(name = "DutyDiffSide", description = "A duty as one of the two versions has it")
    public record DutySide(
            UUID id,
            String code,
            int position,
            String detail,
            Boolean core,
            boolean mappingAvailable,

            @Schema(description = "Codes of the mapped KSBs; null when the mapping is not available")
            List<String> ksbCodes) {}
}
