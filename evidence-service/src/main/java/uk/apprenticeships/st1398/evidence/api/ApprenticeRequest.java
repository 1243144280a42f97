package uk.apprenticeships.st1398.evidence.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Enrol an apprentice. Rules that span fields (dates, own provider) are checked by the service. */
@Schema(name = "ApprenticeRequest", description = "An apprentice to enrol on the e-portfolio")
public record ApprenticeRequest(
        @NotNull @Pattern(regexp = "^[1-9]\\d{9}$", message = "must be 10 digits, 1000000000 to 9999999999")
        @Schema(description = "Unique learner number", example = "1234567890", required = true) String uln,
        @NotBlank @Size(max = 100) @Schema(example = "Ada", required = true) String givenName,
        @NotBlank @Size(max = 100) @Schema(example = "Lovelace", required = true) String familyName,
        @NotNull @Past @Schema(example = "2001-12-10", required = true) LocalDate dateOfBirth,
        @NotNull @Pattern(regexp = "^\\d{8}$", message = "must be 8 digits")
        @Schema(description = "UKPRN of the training provider", example = "10000001", required = true)
        String providerUkprn,
        @Size(min = 1, max = 50) @Schema(description = "The employer's id in the platform", example = "EMP0001")
        String employerId,
        @NotNull @Pattern(regexp = STANDARD_VERSION, message = "must look like ST1398_1.0")
        @Schema(description = "Standard-version key", example = "ST1398_1.0", required = true) String standardVersion,
        @NotNull @Schema(example = "2025-09-01", required = true) LocalDate startDate,
        @NotNull @Schema(description = "Must be after startDate", example = "2027-09-01", required = true)
        LocalDate plannedEndDate) {

    public static final String STANDARD_VERSION = "^(ST|FA|AU)\\d{4}_\\d+\\.\\d+$";
}
