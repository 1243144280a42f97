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

        @Schema(description = "The occupation's regulator, as the feed's `regulatedBody` gives it")
        String regulatedBody,

        String overview,
        List<String> typicalJobTitles,
        String standardPageUrl,
        List<VersionSummary> versions,

        @Schema(
                description = "Funding over time, oldest first (LARS funding bands; empty when none are recorded). "
                        + "`maxFunding` above is the Skills England feed's single figure.")
        List<FundingBandResponse> fundingBands,

        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
