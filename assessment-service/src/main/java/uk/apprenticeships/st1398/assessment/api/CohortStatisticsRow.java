package uk.apprenticeships.st1398.assessment.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Outcome counts and rates of one group of completed assessments. The denominator of every rate is {@code assessed}:
 * assessments whose overall grade is set (every method graded) and whose last graded attempt falls in the period.
 */
@Schema(name = "CohortStatisticsRow")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CohortStatisticsRow(
        @Schema(description = "When grouped by standardVersion", example = "ST1398_1.0")
        String standardVersion,

        @Schema(
                description = "When grouped by period: 2026-03 (month), 2026-Q1 (quarter) or 2026 (year)",
                example = "2026-03")
        String period,

        @Schema(description = "When grouped by provider", example = "10000001")
        String providerUkprn,

        @Schema(description = "Completed assessments (overall grade set) in the group")
        long assessed,

        long pass,
        long merit,
        long distinction,
        long fail,

        @Schema(
                description = "(assessed − fail) / assessed: any passing grade (Pass, Merit, Distinction or an "
                        + "older standard's passing grade); 4 decimals",
                example = "0.75")
        BigDecimal passRate,

        @Schema(description = "distinction / assessed; 4 decimals", example = "0.25")
        BigDecimal distinctionRate,

        @Schema(description = "fail / assessed; 4 decimals", example = "0.25")
        BigDecimal failRate) {}
