package uk.apprenticeships.st1398.standards.api;

import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.apprenticeships.st1398.standards.config.AccessRules;
import uk.apprenticeships.st1398.standards.mapping.feed.FeedStandardVersion;
import uk.apprenticeships.st1398.standards.service.CatalogueImportService;

/** Bulk import of the Skills England feed format (admin). The body is streamed, never held in memory whole. */
@Path("/api/v1/standards/import")
@Tag(name = "Standards import", description = "Import standard versions in the Skills England feed format")
public class StandardImportResource {

    private final CatalogueImportService service;

    public StandardImportResource(CatalogueImportService service) {
        this.service = service;
    }

    @POST
    @PermissionsAllowed(AccessRules.CATALOGUE_IMPORT)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Import standard versions in the Skills England format (admin)",
            description = "The body is one standard version (as `GET /api/apprenticeshipstandards/{STnnnn}` gives "
                    + "it) or an array of them (the whole feed, up to 100 MB; other endpoints take 1 MB). Each item "
                    + "is validated and stored in its own transaction: a rejected item changes nothing and does not "
                    + "stop the others. An item replaces the stored version's data (KSB, duty, option and "
                    + "qualification ids from the feed keep their rows); importing the same body again reports "
                    + "every item `unchanged`. A body that is not a well-formed JSON object or array changes "
                    + "nothing and is answered 400.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = FeedStandardVersion.class)))
    @APIResponse(
            responseCode = "200",
            description = "What happened to each item, and the totals",
            content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "413", description = "The body is larger than 100 MB")
    public ImportReport importFeed(InputStream body) throws IOException {
        return service.importFeed(body);
    }
}
