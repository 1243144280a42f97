package uk.apprenticeships.st1398.standards.api.casev1p1;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "CASE_CFItemExtensions", description = "Platform extensions of a CFItem")
public record CfItemExtensions(
        @Schema(description = "False when the source does not give the text: fullStatement then says so")
        boolean textAvailable,

        @Schema(description = "False when the text is missing or cut off by the source")
        boolean textComplete,

        @Schema(description = "Duties only: whether the source gives the duty's KSB mapping")
        Boolean ksbMappingAvailable) {}
