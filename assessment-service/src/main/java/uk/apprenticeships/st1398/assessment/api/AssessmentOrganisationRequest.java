package uk.apprenticeships.st1398.assessment.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Create or replace an assessment organisation. */
@Schema(
        name = "AssessmentOrganisationRequest",
        description = "An assessment organisation (formerly end-point assessment organisation, EPAO)")
public record AssessmentOrganisationRequest(
        @NotBlank
        @Pattern(regexp = AssessmentOrganisationResource.EPAO_ID, message = "must look like EPA1234")
        @Schema(
                description = "Assessment organisation id (EPAO id, the ILR EPAOrgID)",
                example = "EPA0001",
                required = true)
        String epaoId,

        @NotBlank @Size(max = 200) @Schema(example = "Digital Skills Assessment Ltd", required = true)
        String name,

        @Pattern(regexp = "^\\d{8}$", message = "must be 8 digits")
        @Schema(description = "UK provider reference number", example = "10012345")
        String ukprn,

        @Email @Size(max = 254) @Schema(format = "email", example = "epa@example.org")
        String contactEmail) {}
