package uk.apprenticeships.st1398.evidence.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

@Schema(
        name = "OffTheJobSummary",
        description = "An apprentice's off-the-job hours against the minimum of their "
                + "standard version's assessment plan")
public record OffTheJobSummaryResponse(
        String apprenticeId,
        String standardVersion,
        LocalDate startDate,
        LocalDate plannedEndDate,

        @Schema(description = "Whole weeks from the start date to the planned end date", example = "104")
        int weeksInLearning,

        @Schema(description = "The apprentice's weeks of planned leave", example = "4")
        int plannedLeaveWeeks,

        @Schema(
                description = "weeksInLearning − plannedLeaveWeeks (at least 1): the planned weeks of training sent "
                        + "to standards-service for weekly rules",
                example = "100")
        int plannedWeeks,

        @Schema(
                description = "The apprentice's contracted weekly hours, sent to standards-service (weekly rules are "
                        + "pro rata below 30); null: full time",
                example = "15")
        BigDecimal weeklyContractedHours,

        @Schema(example = "120.50") BigDecimal approvedHours,
        @Schema(example = "7.50") BigDecimal pendingHours,

        @Schema(
                description = "The minimum from the assessment plan; null when it cannot be worked out (see "
                        + "requirementUnavailable)",
                example = "418")
        BigDecimal requiredHours,

        @Schema(description = "max(0, required − approved); null without a requirement")
        BigDecimal shortfallHours,

        @Schema(
                description = "approved / required × 100, one decimal, at most 100; null without a requirement",
                example = "28.8")
        BigDecimal percentComplete,

        @Schema(description = "How standards-service worked out the minimum")
        String calculation,

        @Schema(description = "Whether the rule that applied is confirmed by a source; null without a requirement")
        Boolean confirmed,

        // The rule is passed on as standards-service gives it (its OffTheJobRule schema); described here
        // field by field so the contract shows that shape, not Jackson's JsonNode type.
        @Schema(
                implementation = Object.class,
                type = SchemaType.OBJECT,
                description = "The assessment plan's off-the-job rule that applied, as standards-service gives it "
                        + "(standards-service's OffTheJobRule); null without a requirement",
                properties = {
                    @SchemaProperty(
                            name = "startsFrom",
                            type = SchemaType.STRING,
                            format = "date",
                            description = "Applies to starts on or after this date",
                            example = "2025-08-01"),
                    @SchemaProperty(
                            name = "startsBefore",
                            type = SchemaType.STRING,
                            format = "date",
                            description = "Exclusive; null: open"),
                    @SchemaProperty(
                            name = "basis",
                            type = SchemaType.STRING,
                            enumeration = {"WEEKLY_HOURS", "FIXED_HOURS"},
                            description = "WEEKLY_HOURS: hoursPerWeek x planned weeks, pro rata below "
                                    + "fullTimeWeeklyHours; FIXED_HOURS: minimumHours for the whole apprenticeship"),
                    @SchemaProperty(name = "hoursPerWeek", type = SchemaType.NUMBER, example = "6"),
                    @SchemaProperty(name = "fullTimeWeeklyHours", type = SchemaType.NUMBER, example = "30"),
                    @SchemaProperty(name = "minimumHours", type = SchemaType.INTEGER, format = "int32"),
                    @SchemaProperty(name = "confirmed", type = SchemaType.BOOLEAN),
                    @SchemaProperty(name = "source", type = SchemaType.STRING)
                })
        JsonNode rule,

        @Schema(description = "Why requiredHours is null, e.g. no assessment plan or no rule for the start date")
        String requirementUnavailable) {}
