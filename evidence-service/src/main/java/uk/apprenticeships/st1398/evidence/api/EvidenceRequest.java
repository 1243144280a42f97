package uk.apprenticeships.st1398.evidence.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An evidence item's content. Which of {@code url} and {@code text} are needed depends on the kind (checked by
 * the service); the KSB codes must belong to the apprentice's standard version.
 */
@Schema(name = "EvidenceRequest", description = "The content of an evidence item")
public record EvidenceRequest(
        @NotNull
        @Pattern(regexp = KINDS, message = "must be one of " + KIND_LIST)
        @Schema(description = "One of " + KIND_LIST, example = "reflection", required = true)
        String kind,

        @NotBlank @Size(max = 200) @Schema(example = "Designing the data pipeline", required = true)
        String title,

        @Size(max = 4000) @Schema(description = "Optional summary")
        String description,

        @Size(max = 2000)
        @Pattern(regexp = "^https?://\\S+$", message = "must be an http or https URL")
        @Schema(description = "Required for kind `link`", example = "https://git.example.com/ada/pipeline")
        String url,

        @Size(max = 20000) @Schema(description = "Required for `reflection`, `observation` and `witness-statement`")
        String text,

        @NotEmpty
        @Size(max = 100)
        @Schema(
                description = "KSB codes of the apprentice's standard version this evidences",
                example = "[\"K1\", \"S3\"]",
                required = true)
        List<
                        @NotNull
                        @Pattern(regexp = "^[KSB][1-9]\\d{0,2}$", message = "must be a code such as K3, S12 or B1")
                        String>
                ksbCodes,

        @Schema(
                description = "Whether the apprentice's employer must confirm the evidence before it can be accepted",
                defaultValue = "false")
        Boolean employerConfirmationRequired,

        @PositiveOrZero
        @Schema(
                description = "On updates: the `version` you last read; a different current version "
                        + "answers 409 instead of overwriting someone else's change")
        Long version) {

    public static final String KINDS = "^(file|link|reflection|observation|witness-statement|project-artefact)$";
    public static final String KIND_LIST = "file, link, reflection, observation, witness-statement, project-artefact";
}
