package uk.apprenticeships.st1398.assessment.api;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A conflict of interest to declare: exactly one of a provider or an employer. */
@Schema(name = "ConflictRequest", description = "Exactly one of providerUkprn and employerId")
public record ConflictRequest(
        @Pattern(regexp = "^\\d{8}$", message = "must be 8 digits")
        @Schema(description = "UKPRN of a training provider", example = "10000001")
        String providerUkprn,

        @Size(min = 1, max = 50) @Schema(description = "Platform id of an employer", example = "EMP0001")
        String employerId,

        @Size(max = 2000) @Schema(description = "Why (kept in the history)")
        String reason) {}
