package uk.apprenticeships.st1398.standards.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "StandardSummary", description = "A standard in a list")
public record StandardSummary(
        @Schema(example = "ST1398") String reference,
        @Schema(example = "Machine learning engineer") String title,
        @Schema(example = "6") int level,
        @Schema(example = "Digital") String route,
        @Schema(example = "795") Integer larsCode,

        @Schema(description = "Key of the version approved for delivery, if any", example = "ST1398_1.0")
        String approvedVersion) {}
