package uk.apprenticeships.st1398.standards.api.casev1p1;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CASE_LinkGenURI", description = "CASE LinkGenURI: an association's origin or destination node")
public record CfLinkGenUri(
        String title,
        String identifier,
        String uri,

        @Schema(description = "CASE: the node is a CASE object", example = "CASE")
        String targetType) {}
