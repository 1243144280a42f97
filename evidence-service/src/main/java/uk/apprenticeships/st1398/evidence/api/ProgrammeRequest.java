package uk.apprenticeships.st1398.evidence.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The programme arrangements of an apprentice that change after enrolment. A PUT replaces all three: a field left
 * out is cleared (no assessment organisation, full time, no planned leave).
 */
@Schema(
        name = "ProgrammeRequest",
        description = "Assessment organisation, contracted hours and planned leave of an "
                + "apprentice; every field left out is cleared")
public record ProgrammeRequest(
        @Pattern(regexp = ApprenticeRequest.EPAO_ID, message = "must be EPA followed by 4 digits")
        @Schema(
                description = "The assessment organisation assigned to the apprentice; absent: none",
                example = "EPA0001")
        String assessmentOrganisationId,

        @DecimalMin(value = "0", inclusive = false, message = "must be more than 0")
        @DecimalMax(value = "48", message = "must be 48 or less")
        @Digits(integer = 2, fraction = 2, message = "must have at most 2 decimal places")
        @Schema(description = "Contracted weekly working hours; absent: full time (30 hours)", example = "15")
        BigDecimal contractedWeeklyHours,

        @Min(value = 0, message = "must be 0 or more")
        @Max(value = 520, message = "must be 520 or less")
        @Schema(description = "Weeks of planned leave within the programme; absent: 0", example = "4")
        Integer plannedLeaveWeeks) {}
