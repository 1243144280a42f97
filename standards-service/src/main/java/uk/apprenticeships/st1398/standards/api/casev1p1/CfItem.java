package uk.apprenticeships.st1398.standards.api.casev1p1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A KSB or duty as a CASE CFItem; {@code CFDocumentURI} only outside a package. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "CASE_CFItem", description = "CASE 1.1 CFItem: a knowledge item, skill, behaviour or duty")
public record CfItem(
        UUID identifier,

        @Schema(
                description = "The text as the source gives it; where the source does not give it, a bracketed "
                        + "statement saying so")
        String fullStatement,

        @JsonProperty("CFItemType") @Schema(example = "Knowledge")
        String cfItemType,

        String uri,
        @Schema(example = "K3") String humanCodingScheme,

        @Schema(description = "Position within its kind", example = "3")
        String listEnumeration,

        String notes,
        @Schema(example = "en") String language,
        @JsonProperty("CFItemTypeURI") CfLinkUri cfItemTypeUri,
        String lastChangeDateTime,
        CfItemExtensions extensions,
        @JsonProperty("CFDocumentURI") CfLinkUri cfDocumentUri) {

    public CfItem withDocumentUri(CfLinkUri documentUri) {
        return new CfItem(
                identifier,
                fullStatement,
                cfItemType,
                uri,
                humanCodingScheme,
                listEnumeration,
                notes,
                language,
                cfItemTypeUri,
                lastChangeDateTime,
                extensions,
                documentUri);
    }
}
