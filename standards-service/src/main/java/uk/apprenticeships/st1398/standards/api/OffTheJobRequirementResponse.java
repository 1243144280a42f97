package uk.apprenticeships.st1398.standards.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The minimum off-the-job hours for one apprentice, and the plan's rule that gave it. */
@Schema(
        name = "OffTheJobRequirement",
        description = "The minimum off-the-job training hours for an apprenticeship "
                + "starting on `startDate`, with the rule that applied")
public record OffTheJobRequirementResponse(
        @Schema(example = "ST1398_1.0") String key,
        @Schema(example = "2025-09-01") LocalDate startDate,

        @Schema(description = "Planned weeks of training excluding leave, as asked; null if not given")
        Integer plannedWeeks,

        @Schema(description = "Contracted hours a week, as asked; null if not given (full time assumed)")
        BigDecimal weeklyContractedHours,

        @Schema(
                description = "The minimum, in hours; weekly rules are rounded up to the next hundredth",
                example = "418")
        BigDecimal minimumHours,

        @Schema(
                description = "How it was worked out",
                example = "Fixed minimum of 418 hours for starts from " + "2025-08-01")
        String calculation,

        @Schema(description = "Whether the rule that applied is confirmed by a source (same as rule.confirmed)")
        boolean confirmed,

        AssessmentPlanDocument.OffTheJobRule rule) {}
