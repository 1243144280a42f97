package uk.apprenticeships.st1398.evidence.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "CohortCoverage",
        description = "Coverage over a provider's whole cohort on one standard version " + "(all pages)")
public record CohortCoverageResponse(
        @Schema(description = "Apprentices in the cohort", example = "12")
        long apprentices,

        @Schema(
                description = "Mean of the apprentices' percentageCovered, rounded to one decimal place; 0.0 for "
                        + "an empty cohort",
                example = "41.7")
        double averagePercentageCovered,

        @Schema(description = "Every KSB of the version in code order, with how many apprentices have it covered")
        List<KsbCohortCoverage> ksbs) {

    @Schema(name = "KsbCohortCoverage")
    public record KsbCohortCoverage(
            @Schema(example = "K1") String code,

            @Schema(description = "Apprentices with at least one accepted item mapping this KSB", example = "9")
            long apprenticesCovered) {}
}
