package uk.apprenticeships.st1398.standards.api.casev1p1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An item's place in the document ({@code isChildOf}) or a duty-to-KSB link ({@code isRelatedTo}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "CASE_CFAssociation", description = "CASE 1.1 CFAssociation")
public record CfAssociation(
        UUID identifier,

        @Schema(description = "isChildOf (item to document) or isRelatedTo (duty to KSB)", example = "isChildOf")
        String associationType,

        Integer sequenceNumber,
        String uri,
        @JsonProperty("originNodeURI") CfLinkGenUri originNodeUri,
        @JsonProperty("destinationNodeURI") CfLinkGenUri destinationNodeUri,
        @JsonProperty("CFAssociationGroupingURI") CfLinkUri cfAssociationGroupingUri,
        String lastChangeDateTime,
        String notes,
        @JsonProperty("CFDocumentURI") CfLinkUri cfDocumentUri) {

    public CfAssociation withDocumentUri(CfLinkUri documentUri) {
        return new CfAssociation(
                identifier,
                associationType,
                sequenceNumber,
                uri,
                originNodeUri,
                destinationNodeUri,
                cfAssociationGroupingUri,
                lastChangeDateTime,
                notes,
                documentUri);
    }
}
