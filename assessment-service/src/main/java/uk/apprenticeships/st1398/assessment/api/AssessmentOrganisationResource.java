package uk.apprenticeships.st1398.assessment.api;

import io.quarkus.security.PermissionsAllowed;
import jakarta.validation.Valid;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.apprenticeships.st1398.assessment.service.AccessRules;
import uk.apprenticeships.st1398.assessment.service.AssessmentOrganisationService;
import uk.apprenticeships.st1398.platform.api.PageRequest;
import uk.apprenticeships.st1398.platform.api.PageResponse;

@Path("/api/v1/assessment-organisations")
@Produces(MediaType.APPLICATION_JSON)
@PermissionsAllowed(AccessRules.ORGANISATION_READ)
@Tag(
        name = "Assessment organisations",
        description = "Organisations that carry out apprenticeship assessment "
                + "(formerly end-point assessment organisations, EPAOs)")
public class AssessmentOrganisationResource {

    static final String EPAO_ID = "^EPA\\d{4}$";

    private final AssessmentOrganisationService service;

    public AssessmentOrganisationResource(AssessmentOrganisationService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "List assessment organisations (EPAOs)",
            description = "Any platform role except apprentice. Results are ordered by epaoId.")
    @APIResponse(responseCode = "200", description = "A page of assessment organisations")
    public PageResponse<AssessmentOrganisationResponse> list(
            @QueryParam("q")
                    @Size(min = 2, max = 100, message = "must be 2 to 100 characters")
                    @Parameter(description = "Text matched against the name, case-insensitive")
                    String name,
            @Valid @BeanParam PageRequest page) {
        return service.search(name, page);
    }

    @GET
    @Path("/{epaoId}")
    @Operation(summary = "Get an assessment organisation (EPAO)", description = "Any platform role except apprentice.")
    @APIResponse(
            responseCode = "200",
            description = "The assessment organisation",
            content = @Content(schema = @Schema(implementation = AssessmentOrganisationResponse.class)))
    public Response get(
            @PathParam("epaoId")
                    @Pattern(regexp = EPAO_ID, message = "must look like EPA1234")
                    @Parameter(description = "Assessment organisation id (EPAO id)", example = "EPA0001")
                    String epaoId) {
        return Response.ok(service.get(epaoId)).build();
    }

    @POST
    @PermissionsAllowed(AccessRules.ORGANISATION_MANAGE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Register an assessment organisation (admin)",
            description = "Adds an end-point assessment organisation to the register; its epaoId must be new.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new assessment organisation",
            content = @Content(schema = @Schema(implementation = AssessmentOrganisationResponse.class)))
    @APIResponse(responseCode = "409", description = "An assessment organisation with this epaoId already exists")
    public Response create(
            @NotNull(message = "a JSON body is required") @Valid AssessmentOrganisationRequest request,
            @Context UriInfo uri) {
        AssessmentOrganisationResponse created = service.create(request);
        return Response.created(
                        uri.getAbsolutePathBuilder().path(created.epaoId()).build())
                .entity(created)
                .build();
    }

    @PUT
    @Path("/{epaoId}")
    @PermissionsAllowed(AccessRules.ORGANISATION_MANAGE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Replace an assessment organisation's details (admin)",
            description = "Replaces name, ukprn and contactEmail; the body's epaoId must match the path.")
    @APIResponse(
            responseCode = "200",
            description = "Updated",
            content = @Content(schema = @Schema(implementation = AssessmentOrganisationResponse.class)))
    public Response update(
            @PathParam("epaoId") @Pattern(regexp = EPAO_ID, message = "must look like EPA1234") String epaoId,
            @NotNull(message = "a JSON body is required") @Valid AssessmentOrganisationRequest request) {
        return Response.ok(service.update(epaoId, request)).build();
    }
}
