package uk.apprenticeships.st1398.standards.api.casev1p1;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CASE_LinkURI", description = "CASE LinkURI: a link to another CASE object by identifier and URI")
public record CfLinkUri(String title, UUID identifier, String uri) {}
