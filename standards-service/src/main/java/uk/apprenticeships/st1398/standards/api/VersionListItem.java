package uk.apprenticeships.st1398.standards.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "StandardVersionItem",
        description = "A standard version in a list across standards, with its options' titles")
public record VersionListItem(
        @Schema(description = "Standard-version key", example = "ST1398_1.0")
        String key,

        @Schema(example = "ST1398") String reference,

        @Schema(description = "The standard's LARS code; null when not known", example = "795")
        Integer larsCode,

        @Schema(description = "The standard's title", example = "Machine learning engineer")
        String title,

        @Schema(example = "1.0") String versionNumber,
        @Schema(example = "Approved for delivery") String status,

        @Schema(description = "The version's option titles in the standard's order; empty without options")
        List<String> options) {}
