package uk.apprenticeships.st1398.evidence.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SignOffRequest", description = "A party's sign-off of a progress review")
public record SignOffRequest(
        @NotNull
        @Pattern(regexp = "^(apprentice|provider|employer)$", message = "must be one of apprentice, provider, employer")
        @Schema(
                description = "The party you sign for: `apprentice` (the apprentice themself), `provider` (a tutor "
                        + "of the provider), `employer` (the apprentice's employer)",
                example = "provider",
                required = true)
        String party,

        @PositiveOrZero @Schema(description = "Optional: the `version` you last read; 409 if it has changed")
        Long version) {}
