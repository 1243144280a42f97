package uk.apprenticeships.st1398.evidence.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "ApprenticeCoverage",
        description = "KSB coverage of one apprentice: every KSB of their standard "
                + "version with its accepted evidence. A stable shape (used for gateway-to-completion readiness); new "
                + "fields may be added.")
public record ApprenticeCoverageResponse(
        @Schema(example = "665f1c2e9b1d4a3f8c0e1a2b") String apprenticeId,
        @Schema(example = "ST1398_1.0") String standardVersion,

        @Schema(description = "KSBs of the standard version", example = "70")
        int totalKsbs,

        @Schema(description = "KSBs with status covered", example = "35")
        int coveredKsbs,

        @Schema(description = "KSBs with status in-progress", example = "5")
        int inProgressKsbs,

        @Schema(description = "coveredKsbs / totalKsbs × 100, rounded to one decimal place", example = "50.0")
        double percentageCovered,

        @Schema(description = "Codes of the KSBs with status gap, in code order", example = "[\"K3\", \"S7\"]")
        List<String> gaps,

        @Schema(description = "Every KSB of the version in code order (K, S, B; by number)")
        List<KsbCoverageResponse> ksbs) {}
