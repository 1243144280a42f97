package uk.apprenticeships.st1398.evidence.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ProviderRequest", description = "A training provider's register entry")
public record ProviderRequest(
        @NotBlank
        @Size(max = 200)
        @Pattern(regexp = "^[^\\x00-\\x1F\\x7F]*$", message = "must not contain control characters")
        @Schema(
                description = "The provider's name as the DfE assessment service shows it (providerName)",
                example = "Example Training Ltd",
                required = true)
        String name) {}
