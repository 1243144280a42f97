package uk.apprenticeships.st1398.assessment.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One certificate in a create or amend batch, in the DfE assessment service's shape. The server assigns
 * {@code certificateReference} on create; an amend names the certificate it replaces.
 */
@Schema(name = "CertificateRequest", description = "One certificate of a batch (create or amend)")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CertificateRequest(
        @Schema(
                description = "Client id for this item, echoed in its result; unique within the batch",
                example = "row-1",
                required = true)
        String requestId,

        @Pattern(regexp = "^\\d{8}$", message = "must be 8 digits")
        @Schema(description = "Amend only: the certificate to replace", example = "00000001")
        String certificateReference,

        @Pattern(regexp = AssessmentOrganisationResource.EPAO_ID, message = "must look like EPA1234")
        @Schema(
                description = "Assessment organisation; assessors may omit it (their token's epao_id is used), "
                        + "admins must give it",
                example = "EPA0001")
        String epaoId,

        @NotNull @Valid Standard standard,
        @NotNull @Valid Learner learner,
        @NotNull @Valid LearningDetails learningDetails,
        @NotNull @Valid PostalContact postalContact) {

    @Schema(name = "CertificateStandard")
    public record Standard(
            @NotNull @Positive @Schema(description = "LARS standard code", example = "668", required = true)
            Integer standardCode,

            @NotBlank
            @Pattern(regexp = "^ST\\d{4}$", message = "must look like ST1234")
            @Schema(example = "ST1398", required = true)
            String standardReference) {}

    @Schema(name = "CertificateLearner")
    public record Learner(
            @NotBlank
            @Pattern(regexp = "^[1-9]\\d{9}$", message = "must be 10 digits, not starting with 0")
            @Schema(description = "Unique learner number", example = "1234567890", required = true)
            String uln,

            @NotBlank @Size(max = 100) @Schema(example = "Smith", required = true)
            String familyName,

            @Size(max = 100) @Schema(example = "Alex") String givenNames) {}

    @Schema(name = "CertificateLearningDetails")
    public record LearningDetails(
            @NotBlank
            @Pattern(regexp = "^\\d{1,3}\\.\\d{1,3}$", message = "must look like 1.0")
            @Schema(description = "Standard version", example = "1.0", required = true)
            String version,

            @Size(max = 200) @Schema(description = "Option of the standard, where it has options")
            String courseOption,

            @NotBlank
            @Schema(
                    description = "One of GET /api/v1/certificates/grades; never Fail",
                    example = "Merit",
                    required = true)
            String overallGrade,

            @NotNull
            @Schema(
                    description = "Not before 2017-01-01 and not in the future",
                    example = "2026-07-01",
                    required = true)
            LocalDate achievementDate,

            @Pattern(regexp = "^\\d{8}$", message = "must be 8 digits")
            @Schema(
                    description = "UKPRN of the learner's training provider. Optional: it is taken from the "
                            + "learner's registration with your organisation; if given it must be that provider",
                    example = "10000001")
            String providerUkprn,

            @Size(max = 200)
            @Schema(
                    description = "KSB codes assessed (K1, S2, B3...), aligned in the Open Badges credential; "
                            + "frozen at creation",
                    example = "[\"K1\", \"S1\", \"B1\"]")
            List<@NotNull @Pattern(regexp = "^[KSB]\\d{1,3}$", message = "must look like K1, S12 or B3") String>
                    ksbCodes) {}

    @Schema(name = "CertificatePostalContact", description = "Where the printed certificate is sent")
    public record PostalContact(
            @NotBlank @Size(max = 100) @Schema(required = true)
            String contactName,

            @Size(max = 100) String department,
            @Size(max = 100) String organisation,

            @NotBlank @Size(max = 100) @Schema(required = true)
            String addressLine1,

            @Size(max = 100) String addressLine2,
            @Size(max = 100) String addressLine3,
            @Size(max = 100) String addressLine4,

            @NotBlank @Size(max = 100) @Schema(required = true)
            String city,

            @NotBlank
            @Pattern(regexp = "^[A-Za-z]{1,2}\\d[A-Za-z\\d]? ?\\d[A-Za-z]{2}$", message = "must be a UK postcode")
            @Schema(example = "SW1A 1AA", required = true)
            String postCode) {}
}
