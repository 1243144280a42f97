package uk.apprenticeships.st1398.assessment.api;

import io.quarkus.security.PermissionsAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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
import uk.apprenticeships.st1398.assessment.service.AccessRules;
import uk.apprenticeships.st1398.assessment.service.GatewayService;
import uk.apprenticeships.st1398.platform.api.PageRequest;
import uk.apprenticeships.st1398.platform.api.PageResponse;

@Path("/api/v1/assessments/{id}/gateway")
@Produces(MediaType.APPLICATION_JSON)
@PermissionsAllowed(AccessRules.ASSESSMENT_READ)
@Tag(
        name = "Gateway to completion",
        description =
                "Readiness for the gateway to completion (formerly the EPA "
                        + "gateway), item by item from the standard version's assessment plan and the apprentice's portfolio in "
                        + "evidence-service; waivers, declarations, and gateway submissions decided by the assessment organisation")
public class GatewayResource {

    private final GatewayService service;

    public GatewayResource(GatewayService service) {
        this.service = service;
    }

    @GET
    @Path("/readiness")
    @PermissionsAllowed(AccessRules.GATEWAY_READINESS)
    @Operation(
            summary = "Check readiness for the gateway to completion",
            description = "One item per gateway requirement of the assessment plan (a requirement with an age "
                    + "condition, such as English and maths for apprentices aged 16 to 18 at the start, is "
                    + "not-applicable outside it), off-the-job-hours when the plan has off-the-job rules, and "
                    + "minimum-time-in-learning. KSB coverage and off-the-job hours are read from evidence-service "
                    + "with your token, so evidence-service's tenant rules apply; other requirements are met by a "
                    + "declaration. `ready` when every item is passed, waived or not-applicable.")
    @APIResponse(
            responseCode = "200",
            description = "The readiness check",
            content = @Content(schema = @Schema(implementation = GatewayReadinessResponse.class)))
    @APIResponse(
            responseCode = "403",
            description = "evidence-service does not serve your role (assessors and "
                    + "regulators read the readiness snapshot in each submission)")
    @APIResponse(
            responseCode = "404",
            description = "No such assessment, or another tenant's; or evidence-service "
                    + "has no such apprentice visible to you")
    @APIResponse(
            responseCode = "422",
            description = "The assessment has no apprenticeId (`code`: "
                    + "`no-apprentice-link`), or it names another learner (`apprentice-mismatch`)")
    @APIResponse(responseCode = "503", description = "evidence-service or the standards catalogue cannot be reached")
    public Response readiness(@PathParam("id") UUID id) {
        return Response.ok(service.readiness(id)).build();
    }

    @POST
    @Path("/waivers")
    @PermissionsAllowed(AccessRules.GATEWAY_WAIVE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Waive a readiness item, or withdraw a waiver",
            description = "Admins, or assessors of the assessment's organisation (which decides the gateway). "
                    + "`reason` is required. Never changed: withdrawing (`action: withdraw`) records a new record; "
                    + "the item's latest waiver record says whether it is waived. A waived item counts as met.")
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            content = @Content(schema = @Schema(implementation = GatewayRecordResponse.class)))
    @APIResponse(responseCode = "403", description = "Not the assessment organisation")
    @APIResponse(responseCode = "404", description = "No such assessment, or another organisation's")
    @APIResponse(
            responseCode = "409",
            description = "Already waived, nothing to withdraw (`code`: "
                    + "`already-waived`, `not-waived`), or the gateway is already passed (`gateway-passed`)")
    @APIResponse(
            responseCode = "422",
            description = "Not an item of the plan (`code`: `unknown-item`, " + "`validItems`)")
    public Response waive(
            @PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid GatewayWaiverRequest request,
            @Context UriInfo uri) {
        return Response.created(uri.getAbsolutePath())
                .entity(service.waive(id, request))
                .build();
    }

    @GET
    @Path("/waivers")
    @Operation(
            summary = "List waivers and withdrawals",
            description = "Oldest first; everyone who may read the " + "assessment.")
    @APIResponse(responseCode = "200", description = "A page of waiver records")
    @APIResponse(responseCode = "404", description = "No such assessment, or another tenant's")
    public PageResponse<GatewayRecordResponse> waivers(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        return service.records(id, true, page);
    }

    @POST
    @Path("/declarations")
    @PermissionsAllowed({AccessRules.GATEWAY_DECLARE, AccessRules.GATEWAY_CONFIRM})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Record a declaration for a readiness item",
            description = "Items met by a declaration (employer-confirmation, project-scope-sign-off, "
                    + "english-and-maths and any other plan requirement except KSB coverage): who confirmed, signed "
                    + "off or awarded it, when (not in the future), and a certificate number, document reference or "
                    + "project title. By the provider's tutors or an admin; the employer may record its own "
                    + "employer-confirmation. Never changed: the latest declaration of an item counts.")
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            content = @Content(schema = @Schema(implementation = GatewayRecordResponse.class)))
    @APIResponse(responseCode = "403", description = "Not the provider (or the employer, for its confirmation)")
    @APIResponse(responseCode = "404", description = "No such assessment, or another tenant's")
    @APIResponse(responseCode = "409", description = "The gateway is already passed (`code`: `gateway-passed`)")
    @APIResponse(
            responseCode = "422",
            description = "Not an item of the plan (`unknown-item`), or one checked "
                    + "against evidence-service (`item-not-declared`)")
    public Response declare(
            @PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid GatewayDeclarationRequest request,
            @Context UriInfo uri) {
        return Response.created(uri.getAbsolutePath())
                .entity(service.declare(id, request))
                .build();
    }

    @GET
    @Path("/declarations")
    @Operation(summary = "List declarations", description = "Oldest first; everyone who may read the assessment.")
    @APIResponse(responseCode = "200", description = "A page of declarations")
    @APIResponse(responseCode = "404", description = "No such assessment, or another tenant's")
    public PageResponse<GatewayRecordResponse> declarations(
            @PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        return service.records(id, false, page);
    }

    @POST
    @Path("/submissions")
    @PermissionsAllowed(AccessRules.GATEWAY_SUBMIT)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Submit for the gateway to completion",
            description = "By the provider's tutors or an admin. Checks readiness now and refuses unless ready; "
                    + "records attempt n (1, then one more after each rejection) with one component per item that "
                    + "is not not-applicable, and the readiness check as it stood.")
    @APIResponse(
            responseCode = "201",
            description = "Submitted; Location names the submission",
            content = @Content(schema = @Schema(implementation = GatewaySubmissionResponse.class)))
    @APIResponse(responseCode = "403", description = "Not the provider")
    @APIResponse(responseCode = "404", description = "No such assessment, or another tenant's")
    @APIResponse(
            responseCode = "409",
            description = "A submission is awaiting decisions (`code`: "
                    + "`submission-pending`), or the gateway is already passed (`gateway-passed`)")
    @APIResponse(
            responseCode = "422",
            description = "Not ready (`code`: `not-ready`; `failingItems` lists each "
                    + "failing item and why); nothing saved")
    @APIResponse(responseCode = "503", description = "evidence-service or the standards catalogue cannot be reached")
    public Response submit(
            @PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid GatewaySubmissionRequest request,
            @Context UriInfo uri) {
        GatewaySubmissionResponse created = service.submit(id, request.note());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(Integer.toString(created.attempt()))
                        .build())
                .entity(created)
                .build();
    }

    @GET
    @Path("/submissions")
    @Operation(
            summary = "List gateway submissions",
            description = "The attempt history, attempt 1 first, with "
                    + "every component's decision (who, when, why) and the readiness at submission.")
    @APIResponse(responseCode = "200", description = "A page of submissions")
    @APIResponse(responseCode = "404", description = "No such assessment, or another tenant's")
    public PageResponse<GatewaySubmissionResponse> submissions(
            @PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        return service.submissions(id, page);
    }

    @POST
    @Path("/submissions/{attempt}/components/{item}/decision")
    @PermissionsAllowed(AccessRules.GATEWAY_DECIDE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Accept or reject a component of a gateway submission",
            description = "By assessors of the assessment's organisation or an admin; `reason` is required to "
                    + "reject. Recorded once. When every component is accepted the submission is accepted and the "
                    + "assessment's gatewayDate (today) and assessment period are set; one rejection rejects the "
                    + "submission, and the provider submits again as the next attempt.")
    @APIResponse(
            responseCode = "200",
            description = "The submission after the decision",
            content = @Content(schema = @Schema(implementation = GatewaySubmissionResponse.class)))
    @APIResponse(responseCode = "403", description = "Not the assessment organisation")
    @APIResponse(
            responseCode = "404",
            description = "No such assessment, submission or component, or another " + "organisation's")
    @APIResponse(
            responseCode = "409",
            description = "The component is already decided (`code`: "
                    + "`component-decided`) or the submission already accepted or rejected (`submission-decided`)")
    public Response decide(
            @PathParam("id") UUID id,
            @PathParam("attempt")
                    @Min(value = 1, message = "must be 1 or more")
                    @Parameter(description = "The submission's attempt number", example = "1")
                    int attempt,
            @PathParam("item")
                    @Pattern(
                            regexp = "^[a-z][a-z0-9-]{0,59}$",
                            message = "must be a readiness item " + "such as employer-confirmation")
                    @Parameter(description = "The component's item", example = "employer-confirmation")
                    String item,
            @NotNull(message = "a JSON body is required") @Valid GatewayDecisionRequest request) {
        return Response.ok(service.decide(id, attempt, item, request)).build();
    }
}
