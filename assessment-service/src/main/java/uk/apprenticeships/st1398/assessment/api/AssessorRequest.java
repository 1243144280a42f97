package uk.apprenticeships.st1398.assessment.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Register an assessor of an assessment organisation, with their declared conflicts of interest. */
@Schema(
        name = "AssessorRequest",
        description = "An assessor and the providers and employers whose apprentices they " + "must not assess")
public record AssessorRequest(
        @NotBlank
        @Size(max = 100)
        @Schema(
                description = "The assessor's user id: the subject of their access token",
                example = "5b0c6a8e-2f3d-4c1b-9a77-0d2e4f6a8b10",
                required = true)
        String userId,

        @NotBlank @Size(max = 200) @Schema(example = "Grace Hopper", required = true)
        String name,

        @Email @Size(max = 254) @Schema(format = "email", example = "grace@epa.example")
        String email,

        @Size(max = 100) @Schema(description = "UKPRNs of training providers the assessor has a conflict with")
        List<@NotNull @Pattern(regexp = "^\\d{8}$", message = "must be 8 digits") String> conflictProviderUkprns,

        @Size(max = 100) @Schema(description = "Platform ids of employers the assessor has a conflict with")
        List<@NotBlank @Size(max = 50) String> conflictEmployerIds) {}
