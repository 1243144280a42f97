package uk.apprenticeships.st1398.standards.api.casev1p1;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "CASE_CFDocumentExtensions",
        description = "Platform extensions of a CFDocument: the standard "
                + "version it exports and how complete its source is")
public record CfDocumentExtensions(
        @Schema(example = "ST1398") String standardReference,
        @Schema(example = "1.0") String versionNumber,

        @Schema(
                description = "The standard-version key (CASE 1.1 has no humanCodingScheme on a document)",
                example = "ST1398_1.0")
        String standardVersionKey,

        @Schema(description = "The Skills England status, which adoptionStatus maps", example = "Approved for delivery")
        String status,

        @Schema(description = "Where the content was loaded from", example = "Skills England published summary")
        String source,

        @Schema(description = "True when the source gives every text in full and every duty's KSB mapping")
        boolean complete) {}
