package uk.apprenticeships.st1398.standards.api;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Standard", description = "An apprenticeship standard with its versions")
public record StandardResponse(
        @Schema(example = "ST1398") String reference,
        @Schema(example = "Machine learning engineer") String title,
        @Schema(example = "6") int level,
        @Schema(example = "Digital") String route,
        @Schema(example = "795") Integer larsCode,
        Integer typicalDurationMonths,
        Integer maxFunding,
        String eqaProvider,
        String regulatedBody,
        String overview,
        List<String> typicalJobTitles,
        String standardPageUrl,
        List<VersionSummary> versions,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
