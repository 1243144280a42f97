package uk.apprenticeships.st1398.standards.api.casev1p1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "CASE_CFDefinitions", description = "The item types and association groupings a package uses")
public record CfDefinitions(
        @JsonProperty("CFItemTypes") List<CfItemType> cfItemTypes,
        @JsonProperty("CFAssociationGroupings") List<CfAssociationGrouping> cfAssociationGroupings) {}
