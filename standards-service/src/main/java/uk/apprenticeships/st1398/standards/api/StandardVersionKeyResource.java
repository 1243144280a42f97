package uk.apprenticeships.st1398.standards.api;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.apprenticeships.st1398.platform.api.PageRequest;
import uk.apprenticeships.st1398.platform.api.PageResponse;
import uk.apprenticeships.st1398.standards.service.StandardVersionService;

/**
 * Standard versions by key and across standards: the lookups a client that names a version by its key
 * ({@code ST1398_1.0}) or a standard by its LARS code needs, such as the assessment-service's DfE surface. Public
 * reference data, open and cacheable like every catalogue read ({@link HttpCaching}).
 */
@Path("/api/v1/standard-versions")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(
        name = "Standard versions",
        description =
                "Versions of a standard with their KSBs, duties and options, as far " + "as their sources give them")
public class StandardVersionKeyResource {

    static final String KEY = "^(ST|FA|AU)\\d{4}_\\d{1,3}\\.\\d{1,3}$";

    private final StandardVersionService service;

    public StandardVersionKeyResource(StandardVersionService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "List versions across standards, with their options",
            description = "Open to any caller. Filters combine with AND; results are ordered by reference, then "
                    + "version number (numerically, 2.0 before 10.0).")
    @APIResponse(responseCode = "200", description = "A page of versions")
    public PageResponse<VersionListItem> list(
            @QueryParam("larsCode")
                    @Parameter(
                            description = "Only versions of the standard with this LARS code (a positive whole "
                                    + "number; anything else is `400 parameter-invalid`)",
                            example = "795",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
                    String larsCode,
            @QueryParam("reference")
                    @Pattern(regexp = StandardResource.REFERENCE, message = "must look like ST1234")
                    @Parameter(description = "Only versions of this standard", example = "ST1398")
                    String reference,
            @Valid @BeanParam PageRequest page,
            @Context UriInfo uri) {
        return service.list(QueryParameters.larsCode(larsCode, uri), reference, page);
    }

    @GET
    @Path("/{key}")
    @Operation(
            summary = "Get one version by its key",
            description = "The same body as `GET /api/v1/standards/{reference}/versions/{version}`. `404 "
                    + "version-not-found` when no version has the key.")
    @APIResponse(
            responseCode = "200",
            description = "The version",
            content = @Content(schema = @Schema(implementation = VersionResponse.class)))
    public VersionResponse byKey(
            @PathParam("key")
                    @Pattern(regexp = KEY, message = "must look like ST1398_1.0")
                    @Parameter(
                            description = "Standard-version key: reference, `_`, version number",
                            example = "ST1398_1.0")
                    String key) {
        return service.byKey(key);
    }
}
