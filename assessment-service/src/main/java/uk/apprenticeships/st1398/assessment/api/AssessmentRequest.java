package uk.apprenticeships.st1398.assessment.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Register an apprentice for assessment with an assessment organisation. */
@Schema(name = "AssessmentRequest", description = "An apprentice registered for assessment after the gateway")
public record AssessmentRequest(
        @NotNull
        @Pattern(regexp = "^[1-9]\\d{9}$", message = "must be 10 digits, not starting with 0")
        @Schema(description = "Unique learner number", example = "1234567890", required = true)
        String uln,

        @NotBlank @Size(max = 100) @Schema(example = "Lovelace", required = true)
        String familyName,

        @NotNull
        @Pattern(regexp = "^(ST|FA|AU)\\d{4}_\\d+\\.\\d+$", message = "must look like ST1398_1.0")
        @Schema(description = "Standard-version key", example = "ST1398_1.0", required = true)
        String standardVersion,

        @NotNull
        @Pattern(regexp = "^\\d{8}$", message = "must be 8 digits")
        @Schema(description = "UKPRN of the training provider", example = "10000001", required = true)
        String providerUkprn,

        @NotBlank
        @Size(max = 50)
        @Schema(description = "The employer's id in the platform", example = "EMP0001", required = true)
        String employerId,

        @NotNull
        @Pattern(regexp = AssessmentOrganisationResource.EPAO_ID, message = "must look like EPA1234")
        @Schema(example = "EPA0001", required = true)
        String epaoId,

        @Schema(
                description = "Day the apprentice passed a gateway to completion held elsewhere; the assessment "
                        + "period starts here. Leave it out to hold the gateway here (gateway submissions): the date is set "
                        + "when a submission is accepted, and no attempt can be recorded before.",
                example = "2026-09-01")
        LocalDate gatewayDate,

        @Pattern(regexp = "^[0-9a-f]{24}$", message = "must be a 24-character lower-case hexadecimal id")
        @Schema(
                description = "The apprentice's id in evidence-service, for the gateway readiness check",
                example = "665f1c2e9b1d4a3f8c0e1a2b")
        String apprenticeId) {}
