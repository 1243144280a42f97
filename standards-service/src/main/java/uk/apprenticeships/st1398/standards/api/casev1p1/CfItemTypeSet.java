package uk.apprenticeships.st1398.standards.api.casev1p1;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "CASE_CFItemTypeSet",
        description = "The requested CFItemType followed by its children (our item " + "types have none)")
public record CfItemTypeSet(@JsonProperty("CFItemTypes") List<CfItemType> cfItemTypes) {}
