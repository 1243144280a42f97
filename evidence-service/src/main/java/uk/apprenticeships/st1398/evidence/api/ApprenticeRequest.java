package uk.apprenticeships.st1398.evidence.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Enrol an apprentice. Rules that span fields (dates, own provider) are checked by the service. */
@Schema(name = "ApprenticeRequest", description = "An apprentice to enrol on the e-portfolio")
public record ApprenticeRequest(
        @NotNull
        @Pattern(regexp = "^[1-9]\\d{9}$", message = "must be 10 digits, 1000000000 to 9999999999")
        @Schema(description = "Unique learner number", example = "1234567890", required = true)
        String uln,

        @NotBlank @Size(max = 100) @Schema(example = "Ada", required = true)
        String givenName,

        @NotBlank @Size(max = 100) @Schema(example = "Lovelace", required = true)
        String familyName,

        @NotNull @Past @Schema(example = "2001-12-10", required = true)
        LocalDate dateOfBirth,

        @NotNull
        @Pattern(regexp = "^\\d{8}$", message = "must be 8 digits")
        @Schema(description = "UKPRN of the training provider", example = "10000001", required = true)
        String providerUkprn,

        @Size(min = 1, max = 50) @Schema(description = "The employer's id in the platform", example = "EMP0001")
        String employerId,

        @NotNull
        @Pattern(regexp = STANDARD_VERSION, message = "must look like ST1398_1.0")
        @Schema(description = "Standard-version key", example = "ST1398_1.0", required = true)
        String standardVersion,

        @NotNull @Schema(example = "2025-09-01", required = true)
        LocalDate startDate,

        @NotNull @Schema(description = "Must be after startDate", example = "2027-09-01", required = true)
        LocalDate plannedEndDate,

        @Pattern(regexp = EPAO_ID, message = "must be EPA followed by 4 digits")
        @Schema(
                description = "The assessment organisation assigned to the apprentice; its assessors may read "
                        + "the apprentice's records",
                example = "EPA0001")
        String assessmentOrganisationId,

        @DecimalMin(value = "0", inclusive = false, message = "must be more than 0")
        @DecimalMax(value = "48", message = "must be 48 or less")
        @Digits(integer = 2, fraction = 2, message = "must have at most 2 decimal places")
        @Schema(
                description = "Contracted weekly working hours; absent: full time (30 hours). Below 30 the weekly "
                        + "off-the-job rule (starts before 2025-08-01) applies pro rata",
                example = "37.5")
        BigDecimal contractedWeeklyHours,

        @Min(value = 0, message = "must be 0 or more")
        @Max(value = 520, message = "must be 520 or less")
        @Schema(
                description = "Weeks of planned leave within the programme; not counted by the weekly "
                        + "off-the-job rule. Absent: 0. Must be fewer than the weeks from start to planned end",
                example = "4")
        Integer plannedLeaveWeeks,

        @Pattern(regexp = LEARNER_REFERENCE, message = LEARNER_REFERENCE_RULE)
        @Schema(description = LEARNER_REFERENCE_DESCRIPTION, example = "MIS00042")
        String learnerReference,

        @Pattern(regexp = EXTERNAL_ID, message = EXTERNAL_ID_RULE)
        @Schema(description = EXTERNAL_ID_DESCRIPTION, example = "learner-7f3a9c")
        String externalId) {

    /** The ILR LearnRefNumber's form: 1 to 12 of A-Z, a-z, 0-9 and space. */
    public static final String LEARNER_REFERENCE = "^[A-Za-z0-9 ]{1,12}$";

    public static final String LEARNER_REFERENCE_RULE =
            "must be 1 to 12 characters of A-Z, a-z, 0-9 and space " + "(the ILR LearnRefNumber)";
    public static final String LEARNER_REFERENCE_DESCRIPTION = "The provider's own learner reference (its MIS "
            + "learner reference, the ILR LearnRefNumber): 1 to 12 of A-Z, a-z, 0-9 and space; unique within the "
            + "provider (409 learner-reference-taken)";
    /** A client's own id: 1 to 100 printable characters without spaces at either end. */
    public static final String EXTERNAL_ID = "^[\\x21-\\x7E](?:[\\x20-\\x7E]{0,98}[\\x21-\\x7E])?$";

    public static final String EXTERNAL_ID_RULE =
            "must be 1 to 100 printable ASCII characters, not starting or ending with a space";
    public static final String EXTERNAL_ID_DESCRIPTION = "The calling client's own id for the apprentice, stored "
            + "under the client's id (the token's azp) in externalIds; unique within the provider for that client "
            + "(409 external-id-taken)";

    public static final String STANDARD_VERSION = "^(ST|FA|AU)\\d{4}_\\d+\\.\\d+$";
    public static final String EPAO_ID = "^EPA\\d{4}$";
}
