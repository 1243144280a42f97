package uk.apprenticeships.st1398.standards.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A standard version's assessment plan as data: what a client PUTs, what the bundled seed files hold and what is
 * stored (one JSON document per version). Nothing here is specific to a standard; the assessment-service computes
 * grades from it for any standard. Every section says whether it is {@code confirmed} by a source and which
 * ({@code source}); values we could not confirm are stored as data marked {@code confirmed: false}.
 * <p>
 * Read strictly (unknown members are refused, so a misspelt field cannot silently vanish), except the read-only
 * members a GET adds, so a plan read can be sent back as it is.
 */
@JsonIgnoreProperties({"key", "reference", "versionNumber", "confirmed", "unconfirmed", "updatedAt"})
@Schema(
        name = "AssessmentPlanDocument",
        description =
                "A standard version's assessment plan as data. Every section " + "carries `confirmed` and `source`.")
public record AssessmentPlanDocument(
        @Size(max = 4000) @Schema(description = "What the plan as a whole was taken from")
        String sourceNote,

        @NotNull @Valid AssessmentPeriod assessmentPeriod,
        @NotNull @Valid Methods methods,
        @NotNull @Valid GradeCombinations gradeCombinations,
        @NotNull @Valid Gateway gateway,
        @NotNull @Valid ResitRetake resitRetake,
        @NotNull @Valid OffTheJob offTheJob) {

    static final String CODE = "^[A-Z][A-Z0-9_]{0,29}$";
    static final String CODE_HELP = "must be 1 to 30 capital letters, digits or _, starting with a letter";

    @Schema(name = "AssessmentPeriod", description = "How long the assessment period after gateway lasts")
    public record AssessmentPeriod(
            @NotNull @Min(1) @Max(60) @Schema(example = "4") Integer months,
            @NotNull Boolean confirmed,
            @NotBlank @Size(max = 2000) String source) {}

    @Schema(name = "AssessmentMethods", description = "The assessment methods, in the plan's order")
    public record Methods(
            @NotNull Boolean confirmed,
            @NotBlank @Size(max = 2000) String source,
            @NotNull @Size(min = 1, max = 10) List<@NotNull @Valid Method> items) {}

    @Schema(name = "AssessmentMethod")
    public record Method(
            @NotBlank @Pattern(regexp = CODE, message = CODE_HELP) @Schema(example = "M1")
            String code,

            @NotBlank @Size(max = 300) String name,
            @Size(max = 5000) String description,

            @NotNull
            @Size(min = 2, max = 10)
            @Schema(
                    description = "The grades this method can give, lowest first",
                    example = "[\"Fail\", \"Pass\", \"Distinction\"]")
            List<@NotBlank @Size(max = 50) String> grades,

            @Size(max = 1000)
            @Schema(
                    description = "KSB codes (K1, S3, B2) this method assesses; null when the "
                            + "source does not give them (unknown, which is different from an empty list)")
            List<@NotBlank @Size(max = 4) String> ksbCodes) {}

    @Schema(
            name = "GradeCombinations",
            description = "The overall grade for every combination of method grades: "
                    + "one row per combination, none missing, none twice")
    public record GradeCombinations(
            @NotNull Boolean confirmed,
            @NotBlank @Size(max = 2000) String source,

            @NotNull @Size(min = 1, max = 20) @Schema(description = "Overall grades, lowest first")
            List<@NotBlank @Size(max = 50) String> overallGrades,

            @NotNull @Size(min = 1, max = 1000) List<@NotNull @Valid GradeCombination> rows) {}

    @Schema(name = "GradeCombination")
    public record GradeCombination(
            @NotNull
            @Size(min = 1, max = 10)
            @Schema(
                    description = "A grade for every method, by method code",
                    example = "{\"M1\": \"Pass\", \"M2\": \"Distinction\"}")
            Map<@NotBlank String, @NotBlank String> methodGrades,

            @NotBlank @Size(max = 50) @Schema(example = "Pass")
            String overallGrade) {}

    @Schema(name = "Gateway", description = "What must be met before the assessment (gateway to completion)")
    public record Gateway(
            @NotNull Boolean confirmed,
            @NotBlank @Size(max = 2000) String source,
            @NotNull @Size(max = 50) List<@NotNull @Valid GatewayRequirement> requirements,

            @Valid
            @Schema(
                    description = "The minimum time in learning before the gateway, by apprenticeship start "
                            + "date; null: the plan sets none (the readiness check then has no such item)")
            MinimumTimeInLearning minimumTimeInLearning) {}

    @Schema(name = "GatewayRequirement")
    public record GatewayRequirement(
            @NotBlank @Pattern(regexp = CODE, message = CODE_HELP) @Schema(example = "ENGLISH_MATHS")
            String code,

            @NotBlank @Size(max = 2000) String description,

            @Valid @Schema(description = "When the requirement applies; null: always")
            Conditions conditions,

            @Valid
            @Schema(
                    description = "Present when the requirement is met by the KSB coverage of the "
                            + "apprentice's portfolio (accepted evidence mapped to KSBs) rather than by a declaration: the "
                            + "thresholds the coverage must reach")
            KsbCoverage ksbCoverage,

            @NotNull Boolean confirmed,
            @NotBlank @Size(max = 2000) String source) {}

    @Schema(
            name = "KsbCoverage",
            description = "How much of the version's KSBs the portfolio must cover. Give "
                    + "minimumCoveragePercent, requiredKsbCodes or both; both must then hold.")
    public record KsbCoverage(
            @DecimalMin("0")
            @DecimalMax("100")
            @Schema(
                    description = "The share of the version's KSBs with "
                            + "accepted evidence, in percent, that is enough (reaching it exactly is enough)",
                    example = "100")
            BigDecimal minimumCoveragePercent,

            @Size(max = 1000)
            @Schema(
                    description = "KSB codes of this version that must be covered whatever the " + "percentage",
                    example = "[\"K1\", \"S3\"]")
            List<@NotBlank @Size(max = 4) String> requiredKsbCodes,

            @NotNull Boolean confirmed,
            @NotBlank @Size(max = 2000) String source) {}

    @Schema(
            name = "MinimumTimeInLearning",
            description = "Months in learning, from the apprenticeship start date, "
                    + "before the gateway, as rules by start date")
    public record MinimumTimeInLearning(
            @NotNull Boolean confirmed,
            @NotBlank @Size(max = 2000) String source,

            @NotNull @Size(max = 20) @Schema(description = "In order of start date; ranges must not overlap")
            List<@NotNull @Valid TimeInLearningRule> rules) {}

    @Schema(
            name = "TimeInLearningRule",
            description = "Applies to apprenticeships starting on or after `startsFrom` "
                    + "and before `startsBefore` (null: open)")
    public record TimeInLearningRule(
            @Schema(example = "2025-08-01") LocalDate startsFrom,
            @Schema(description = "Exclusive") LocalDate startsBefore,

            @NotNull @Min(0) @Max(120) @Schema(example = "8")
            Integer months) {}

    @Schema(name = "GatewayConditions", description = "Every condition given must hold for the requirement to apply")
    public record Conditions(@Valid AgeRange applicableAgeAtStart) {}

    @Schema(
            name = "AgeRange",
            description = "Age in whole years at the start of the apprenticeship, both ends "
                    + "included; max null: no upper limit")
    public record AgeRange(
            @NotNull @Min(0) @Max(120) @Schema(example = "16")
            Integer min,

            @Min(0) @Max(120) @Schema(example = "18") Integer max) {

        @JsonIgnore
        @AssertTrue(message = "min must not be greater than max")
        public boolean isOrdered() {
            return min == null || max == null || min <= max;
        }
    }

    @Schema(
            name = "ResitRetakeRules",
            description =
                    "A resit is a further attempt without further learning, a " + "retake one after further learning")
    public record ResitRetake(
            @NotNull Boolean confirmed,
            @NotBlank @Size(max = 2000) String source,
            @NotNull @Valid AttemptRule resit,
            @NotNull @Valid AttemptRule retake) {}

    @Schema(name = "AttemptRule")
    public record AttemptRule(
            @NotNull Boolean employerAgreementRequired,

            @Size(min = 1, max = 50)
            @Schema(
                    description = "The highest grade a method can give on this kind of "
                            + "attempt; must be a grade of every method. null: no cap",
                    example = "Pass")
            String gradeCap,

            @Min(1) @Max(20) @Schema(description = "Attempts of this kind allowed per method; null: no limit")
            Integer maxAttemptsPerMethod,

            @NotNull Boolean exceptionalCircumstancesLiftCap) {}

    @Schema(
            name = "OffTheJob",
            description = "The minimum off-the-job training, as rules by apprenticeship start " + "date")
    public record OffTheJob(
            @NotNull Boolean confirmed,
            @NotBlank @Size(max = 2000) String source,
            @NotNull @Size(max = 20) List<@NotNull @Valid OffTheJobRule> rules) {}

    /** How a rule sets the minimum. */
    public enum OffTheJobBasis {
        /** hoursPerWeek × planned weeks (excluding leave), pro rata below fullTimeWeeklyHours. */
        WEEKLY_HOURS,
        /** A fixed number of hours for the whole apprenticeship. */
        FIXED_HOURS
    }

    @Schema(
            name = "OffTheJobRule",
            description = "Applies to apprenticeships starting on or after `startsFrom` "
                    + "and before `startsBefore` (null: open). WEEKLY_HOURS needs hoursPerWeek and fullTimeWeeklyHours; "
                    + "FIXED_HOURS needs minimumHours.")
    public record OffTheJobRule(
            @Schema(example = "2025-08-01") LocalDate startsFrom,
            @Schema(description = "Exclusive") LocalDate startsBefore,
            @NotNull OffTheJobBasis basis,

            @DecimalMin(value = "0", inclusive = false) @DecimalMax("40") @Schema(example = "6")
            BigDecimal hoursPerWeek,

            @DecimalMin(value = "0", inclusive = false)
            @DecimalMax("60")
            @Schema(
                    description = "Contracted hours a "
                            + "week from which hoursPerWeek applies in full; fewer hours give a pro rata minimum",
                    example = "30")
            BigDecimal fullTimeWeeklyHours,

            @PositiveOrZero @Max(10000) @Schema(example = "418")
            Integer minimumHours,

            @NotNull Boolean confirmed,
            @NotBlank @Size(max = 2000) String source) {}
}
