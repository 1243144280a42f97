package uk.apprenticeships.st1398.standards.api;

import io.quarkus.security.PermissionsAllowed;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
import uk.apprenticeships.st1398.standards.config.AccessRules;
import uk.apprenticeships.st1398.standards.repository.StandardRepository;
import uk.apprenticeships.st1398.standards.service.StandardService;

@Path("/api/v1/standards")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Standards", description = "The apprenticeship standards catalogue")
public class StandardResource {

    static final String REFERENCE = "^(ST|FA|AU)\\d{4}$";
    static final String STATUSES = "^(Approved for delivery|In development|Proposal in development|Retired|Withdrawn)$";

    private final StandardService service;

    public StandardResource(StandardService service) {
        this.service = service;
    }

    @GET
    @PermitAll
    @Operation(
            summary = "List and search standards",
            description = "Open to any caller. Filters combine with AND; results are ordered by reference.")
    @APIResponse(responseCode = "200", description = "A page of standards")
    public PageResponse<StandardSummary> list(
            @QueryParam("q")
                    @Size(min = 2, max = 100, message = "must be 2 to 100 characters")
                    @Parameter(description = "Keyword matched against title and overview, case-insensitive")
                    String keyword,
            @QueryParam("route") @Size(max = 100) @Parameter(description = "Route, e.g. Digital") String route,
            @QueryParam("level") @Min(2) @Max(8) @Parameter(description = "Level, 2 to 8") Integer level,
            @QueryParam("status")
                    @Pattern(
                            regexp = STATUSES,
                            message = "must be one of Approved for delivery, "
                                    + "In development, Proposal in development, Retired, Withdrawn")
                    @Parameter(description = "Only standards with a version in this status")
                    String status,
            @QueryParam("larsCode")
                    @Parameter(
                            description = "Only the standard with this LARS code (a positive whole number; anything "
                                    + "else is `400 parameter-invalid`)",
                            example = "795",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
                    String larsCode,
            @Valid @BeanParam PageRequest page,
            @Context UriInfo uri) {
        return service.search(
                new StandardRepository.Filter(keyword, route, level, status, QueryParameters.larsCode(larsCode, uri)),
                page);
    }

    @GET
    @Path("/{reference}")
    @PermitAll
    @Operation(
            summary = "Get a standard with its versions",
            description = "Open to any caller. Versions are listed newest first.")
    @APIResponse(
            responseCode = "200",
            description = "The standard",
            content = @Content(schema = @Schema(implementation = StandardResponse.class)))
    public Response get(
            @PathParam("reference")
                    @Pattern(regexp = REFERENCE, message = "must look like ST1234")
                    @Parameter(description = "Standard reference", example = "ST1398")
                    String reference) {
        return Response.ok(service.get(reference)).build();
    }

    @POST
    @PermissionsAllowed(AccessRules.CATALOGUE_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create a standard (admin)",
            description = "Adds a standard to the catalogue; its reference must be new. Versions are added separately.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new standard",
            content = @Content(schema = @Schema(implementation = StandardResponse.class)))
    @APIResponse(responseCode = "409", description = "A standard with this reference already exists")
    public Response create(
            @NotNull(message = "a JSON body is required") @Valid StandardRequest request, @Context UriInfo uri) {
        StandardResponse created = service.create(request);
        return Response.created(
                        uri.getAbsolutePathBuilder().path(created.reference()).build())
                .entity(created)
                .build();
    }

    @PUT
    @Path("/{reference}")
    @PermissionsAllowed(AccessRules.CATALOGUE_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Replace a standard's headline data (admin)",
            description = "Replaces the standard's own fields; its versions are not changed.")
    @APIResponse(
            responseCode = "200",
            description = "Updated",
            content = @Content(schema = @Schema(implementation = StandardResponse.class)))
    public Response update(
            @PathParam("reference") @Pattern(regexp = REFERENCE, message = "must look like ST1234") String reference,
            @NotNull(message = "a JSON body is required") @Valid StandardRequest request) {
        return Response.ok(service.update(reference, request)).build();
    }
}
