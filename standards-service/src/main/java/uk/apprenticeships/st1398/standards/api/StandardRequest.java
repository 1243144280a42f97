package uk.apprenticeships.st1398.standards.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Create or replace a standard's headline data. Versions, KSBs and plans are managed separately. */
@Schema(name = "StandardRequest", description = "A standard's headline data")
public record StandardRequest(
        @NotBlank
        @Pattern(regexp = "^(ST|FA|AU)\\d{4}$", message = "must look like ST1234 (or FA1234, AU1234)")
        @Schema(example = "ST1398", required = true)
        String reference,

        @NotBlank @Size(max = 300) @Schema(example = "Machine learning engineer", required = true)
        String title,

        @NotNull @Min(2) @Max(8) @Schema(example = "6", required = true)
        Integer level,

        @Size(max = 100) @Schema(example = "Digital") String route,
        @Positive @Schema(example = "795") Integer larsCode,

        @Positive @Max(120) @Schema(description = "Typical duration in months", example = "24")
        Integer typicalDurationMonths,

        @PositiveOrZero @Schema(description = "Maximum funding in GBP", example = "22000")
        Integer maxFunding,

        @Size(max = 300) @Schema(example = "Ofqual") String eqaProvider,
        @Size(max = 300) String regulatedBody,
        @Size(max = 20000) String overview,
        @Size(max = 50) List<@NotBlank @Size(max = 200) String> typicalJobTitles,

        @Size(max = 2000) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL")
        String standardPageUrl) {}
