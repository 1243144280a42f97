package uk.apprenticeships.st1398.evidence.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One spell of off-the-job training. The date must lie between the apprentice's start date and today, and the
 * KSB codes must belong to the apprentice's standard version (both checked by the service).
 */
@Schema(name = "OffTheJobRequest", description = "A logged spell of off-the-job training")
public record OffTheJobRequest(
        @NotNull
        @Schema(
                description = "The day of the training; not in the future, not before the apprentice's " + "start date",
                example = "2025-10-06",
                required = true)
        LocalDate date,

        @NotNull
        @DecimalMin(value = "0", inclusive = false, message = "must be more than 0")
        @DecimalMax(value = "24", message = "must be 24 or less")
        @Digits(integer = 2, fraction = 2, message = "must have at most 2 decimal places")
        @Schema(description = "Hours, more than 0 and at most 24, at most 2 decimals", example = "7.5", required = true)
        BigDecimal hours,

        @NotBlank
        @Size(max = 4000)
        @Schema(description = "What the training was", example = "Workshop on model " + "evaluation", required = true)
        String activity,

        @Size(max = 100)
        @Schema(
                description = "KSB codes of the apprentice's standard version the training touched",
                example = "[\"K4\", \"S2\"]")
        List<
                        @NotNull
                        @Pattern(regexp = "^[KSB][1-9]\\d{0,2}$", message = "must be a code such as K3, S12 or B1")
                        String>
                ksbCodes,

        @PositiveOrZero
        @Schema(description = "On updates: the `version` you last read; a different current version " + "answers 409")
        Long version) {}
