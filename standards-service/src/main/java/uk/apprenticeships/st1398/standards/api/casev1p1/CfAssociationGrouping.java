package uk.apprenticeships.st1398.standards.api.casev1p1;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "CASE_CFAssociationGrouping",
        description =
                "CASE 1.1 CFAssociationGrouping: names a family of " + "associations, here the duty-to-KSB mapping")
public record CfAssociationGrouping(
        UUID identifier, String uri, String title, String description, String lastChangeDateTime) {}
