package uk.apprenticeships.st1398.evidence.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReviewRequest", description = "A progress review held with the apprentice and their employer")
public record ReviewRequest(
        @NotNull
        @Schema(
                description = "The day of the review; not in the future, not before the apprentice's start " + "date",
                example = "2025-12-01",
                required = true)
        LocalDate date,

        @NotBlank @Size(max = 10000) @Schema(description = "What was reviewed", required = true)
        String summary,

        @NotBlank @Size(max = 10000) @Schema(description = "Agreed next steps", required = true)
        String nextSteps,

        @Size(max = 100)
        @Schema(description = "KSB codes of the apprentice's standard version discussed", example = "[\"K1\", \"S3\"]")
        List<
                        @NotNull
                        @Pattern(regexp = "^[KSB][1-9]\\d{0,2}$", message = "must be a code such as K3, S12 or B1")
                        String>
                ksbCodes,

        @PositiveOrZero
        @Schema(description = "On updates: the `version` you last read; a different current version " + "answers 409")
        Long version) {}
