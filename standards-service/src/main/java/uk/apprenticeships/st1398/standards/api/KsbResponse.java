package uk.apprenticeships.st1398.standards.api;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Ksb", description = "A knowledge item, skill or behaviour of a standard version")
public record KsbResponse(
        @Schema(description = "Stable id (the Skills England feed's GUID)")
        UUID id,

        @Schema(description = "Kind and position within the kind", example = "K3")
        String code,

        @Schema(description = "K (knowledge), S (skill) or B (behaviour)", example = "K")
        String kind,

        @Schema(description = "The text as the source gives it; null when the source does not give it")
        String detail,

        @Schema(description = "False when the source does not give the text")
        boolean textAvailable,

        @Schema(description = "False when the text is missing or cut off by the source")
        boolean textComplete,

        @Schema(
                description = "Whether every apprentice must show it (core) or only those on certain options; null "
                        + "when the source does not give enough to tell")
        Boolean core,

        @Schema(description = "For option-only KSBs, the options that need it")
        List<UUID> optionIds) {}
