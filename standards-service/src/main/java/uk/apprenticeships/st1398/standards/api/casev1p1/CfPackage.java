package uk.apprenticeships.st1398.standards.api.casev1p1;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "CASE_CFPackage",
        description = "CASE 1.1 CFPackage: a standard version with all its items, "
                + "associations and definitions; valid against the official 1EdTech CFPackage JSON schema")
public record CfPackage(
        @JsonProperty("CFDocument") CfDocument cfDocument,
        @JsonProperty("CFItems") List<CfItem> cfItems,
        @JsonProperty("CFAssociations") List<CfAssociation> cfAssociations,
        @JsonProperty("CFDefinitions") CfDefinitions cfDefinitions) {}
