package uk.apprenticeships.st1398.assessment.api;

import io.quarkus.security.PermissionsAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.apprenticeships.st1398.assessment.service.AccessRules;
import uk.apprenticeships.st1398.assessment.service.ApprovalService;
import uk.apprenticeships.st1398.platform.api.PageRequest;
import uk.apprenticeships.st1398.platform.api.PageResponse;

@Path("/api/v1/assessment-organisations/{epaoId}/standard-versions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assessment organisations")
public class ApprovalResource {

    private static final String KEY = "^(ST|FA|AU)\\d{4}_\\d+\\.\\d+$";

    private final ApprovalService service;

    public ApprovalResource(ApprovalService service) {
        this.service = service;
    }

    @GET
    @PermissionsAllowed(AccessRules.ORGANISATION_READ)
    @Operation(
            summary = "List the standard versions an organisation is approved to assess",
            description = "Ordered by standard-version key. Any platform role except apprentice.")
    @APIResponse(responseCode = "200", description = "A page of approvals")
    public PageResponse<ApprovalResponse> list(
            @PathParam("epaoId")
                    @Pattern(regexp = AssessmentOrganisationResource.EPAO_ID, message = "must look like EPA1234")
                    String epaoId,
            @Valid @BeanParam PageRequest page) {
        return service.list(epaoId, page);
    }

    @POST
    @PermissionsAllowed(AccessRules.ORGANISATION_MANAGE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Approve an organisation for a standard version (admin)",
            description = "Without an approval the organisation records no EPA outcome and no certificate for the "
                    + "version (either API). The version must exist in the standards catalogue (422 otherwise).")
    @APIResponse(
            responseCode = "201",
            description = "Approved",
            content = @Content(schema = @Schema(implementation = ApprovalResponse.class)))
    @APIResponse(responseCode = "409", description = "Already approved (`code`: `approval-exists`)")
    public Response approve(
            @PathParam("epaoId")
                    @Pattern(regexp = AssessmentOrganisationResource.EPAO_ID, message = "must look like EPA1234")
                    String epaoId,
            @NotNull(message = "a JSON body is required") @Valid ApprovalRequest request,
            @Context UriInfo uri) {
        ApprovalResponse approved = service.approve(epaoId, request.standardVersion());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(approved.standardVersion())
                        .build())
                .entity(approved)
                .build();
    }

    @DELETE
    @Path("/{standardVersion}")
    @PermissionsAllowed(AccessRules.ORGANISATION_MANAGE)
    @Operation(
            summary = "Withdraw an organisation's approval for a standard version (admin)",
            description = "Records already made stay; new EPA outcomes and certificates for the version are refused.")
    @APIResponse(responseCode = "204", description = "Withdrawn")
    @APIResponse(responseCode = "404", description = "Not approved (`code`: `approval-not-found`)")
    public Response withdraw(
            @PathParam("epaoId")
                    @Pattern(regexp = AssessmentOrganisationResource.EPAO_ID, message = "must look like EPA1234")
                    String epaoId,
            @PathParam("standardVersion") @Pattern(regexp = KEY, message = "must look like ST1398_1.0")
                    String standardVersion) {
        service.withdraw(epaoId, standardVersion);
        return Response.noContent().build();
    }
}
