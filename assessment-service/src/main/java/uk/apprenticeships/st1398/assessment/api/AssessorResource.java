package uk.apprenticeships.st1398.assessment.api;

import io.quarkus.security.PermissionsAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.apprenticeships.st1398.assessment.domain.ConflictKind;
import uk.apprenticeships.st1398.assessment.service.AccessRules;
import uk.apprenticeships.st1398.assessment.service.AssessorService;
import uk.apprenticeships.st1398.platform.api.PageRequest;
import uk.apprenticeships.st1398.platform.api.PageResponse;

@Path("/api/v1/assessment-organisations/{epaoId}/assessors")
@Produces(MediaType.APPLICATION_JSON)
@PermissionsAllowed(AccessRules.ASSESSOR_READ)
@Tag(
        name = "Assessors",
        description = "Assessors of an assessment organisation and their declared conflicts of " + "interest")
public class AssessorResource {

    private final AssessorService service;

    public AssessorResource(AssessorService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "List an assessment organisation's assessors",
            description = "Admins, regulators and the organisation's own assessors; ordered by name.")
    @APIResponse(responseCode = "200", description = "A page of assessors")
    @APIResponse(responseCode = "404", description = "No such organisation, or another organisation's")
    public PageResponse<AssessorResponse> list(
            @PathParam("epaoId")
                    @Pattern(regexp = AssessmentOrganisationResource.EPAO_ID, message = "must look like EPA1234")
                    @Parameter(example = "EPA0001")
                    String epaoId,
            @Valid @BeanParam PageRequest page) {
        return service.list(epaoId, page);
    }

    @POST
    @PermissionsAllowed(AccessRules.ASSESSOR_REGISTER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Register an assessor of an assessment organisation (admin)",
            description = "With the providers (UKPRNs) and employers whose apprentices the assessor must not assess.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the organisation's assessor list",
            content = @Content(schema = @Schema(implementation = AssessorResponse.class)))
    @APIResponse(responseCode = "404", description = "No such organisation")
    @APIResponse(responseCode = "409", description = "This user is already an assessor")
    public Response create(
            @PathParam("epaoId")
                    @Pattern(regexp = AssessmentOrganisationResource.EPAO_ID, message = "must look like EPA1234")
                    String epaoId,
            @NotNull(message = "a JSON body is required") @Valid AssessorRequest request,
            @Context UriInfo uri) {
        AssessorResponse created = service.create(epaoId, request);
        return Response.created(uri.getAbsolutePathBuilder()
                        .queryParam("id", created.id())
                        .build())
                .entity(created)
                .build();
    }

    @POST
    @Path("/{assessorId}/conflicts")
    @PermissionsAllowed(AccessRules.CONFLICT_DECLARE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Declare a conflict of interest",
            description = "Admins, or the assessor for themself. Refused while the assessor is assigned to "
                    + "assessments of that provider or employer that are not yet graded (no overall grade): the 409 "
                    + "problem lists them in `assessments`; reassign them first. Recorded in the conflict history.")
    @APIResponse(
            responseCode = "201",
            description = "Declared; the assessor with their conflicts",
            content = @Content(schema = @Schema(implementation = AssessorResponse.class)))
    @APIResponse(responseCode = "403", description = "An assessor declaring for someone else")
    @APIResponse(
            responseCode = "404",
            description = "No such assessor in the organisation, or another " + "organisation's")
    @APIResponse(
            responseCode = "409",
            description = "Already declared, or clashes with assigned ungraded "
                    + "assessments (`code`: `conflict-with-assigned-assessments`, `assessments`: their ids)")
    public Response declareConflict(
            @PathParam("epaoId")
                    @Pattern(regexp = AssessmentOrganisationResource.EPAO_ID, message = "must look like EPA1234")
                    String epaoId,
            @PathParam("assessorId") UUID assessorId,
            @NotNull(message = "a JSON body is required") @Valid ConflictRequest request,
            @Context UriInfo uri) {
        AssessorResponse updated = service.declareConflict(epaoId, assessorId, request);
        return Response.created(uri.getAbsolutePathBuilder().path("history").build())
                .entity(updated)
                .build();
    }

    @DELETE
    @Path("/{assessorId}/conflicts/{kind}/{value}")
    @PermissionsAllowed(AccessRules.CONFLICT_REMOVE)
    @Operation(
            summary = "Remove a declared conflict of interest (admin)",
            description = "kind is providers or employers. The removal is recorded in the conflict history.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such assessor or declared conflict")
    public Response removeConflict(
            @PathParam("epaoId")
                    @Pattern(regexp = AssessmentOrganisationResource.EPAO_ID, message = "must look like EPA1234")
                    String epaoId,
            @PathParam("assessorId") UUID assessorId,
            @PathParam("kind") @Pattern(regexp = "^(providers|employers)$", message = "must be providers or employers")
                    String kind,
            @PathParam("value") @Size(min = 1, max = 50) String value) {
        service.removeConflict(
                epaoId, assessorId, "providers".equals(kind) ? ConflictKind.provider : ConflictKind.employer, value);
        return Response.noContent().build();
    }

    @GET
    @Path("/{assessorId}/conflicts/history")
    @Operation(
            summary = "An assessor's conflict-of-interest history",
            description = "Every declaration and removal, oldest first; admins, regulators and the organisation's "
                    + "assessors.")
    @APIResponse(responseCode = "200", description = "A page of changes")
    @APIResponse(
            responseCode = "404",
            description = "No such assessor in the organisation, or another " + "organisation's")
    public PageResponse<ConflictChangeResponse> conflictHistory(
            @PathParam("epaoId")
                    @Pattern(regexp = AssessmentOrganisationResource.EPAO_ID, message = "must look like EPA1234")
                    String epaoId,
            @PathParam("assessorId") UUID assessorId,
            @Valid @BeanParam PageRequest page) {
        return service.conflictHistory(epaoId, assessorId, page);
    }
}
