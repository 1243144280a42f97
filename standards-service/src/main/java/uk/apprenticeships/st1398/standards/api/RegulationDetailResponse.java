package uk.apprenticeships.st1398.standards.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "RegulationDetail",
        description = "A body that regulates the occupation, as the Skills England feed's `regulationDetail` gives "
                + "it; any member may be null")
public record RegulationDetailResponse(
        @Schema(description = "The regulator", example = "Engineering Council")
        String name,

        @Schema(description = "Whether the regulator has approved the standard")
        Boolean approved,

        @Schema(description = "The regulator's page") String webLink) {}
