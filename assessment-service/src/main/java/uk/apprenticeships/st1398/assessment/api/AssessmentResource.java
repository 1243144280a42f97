package uk.apprenticeships.st1398.assessment.api;

import io.quarkus.security.PermissionsAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.apprenticeships.st1398.assessment.service.AccessRules;
import uk.apprenticeships.st1398.assessment.service.AssessmentService;
import uk.apprenticeships.st1398.platform.api.PageRequest;
import uk.apprenticeships.st1398.platform.api.PageResponse;

@Path("/api/v1/assessments")
@Produces(MediaType.APPLICATION_JSON)
@PermissionsAllowed(AccessRules.ASSESSMENT_READ)
@Tag(
        name = "Assessments",
        description = "Apprentices registered for assessment, graded attempts per method and the "
                + "overall grade, all by the rules of the standard version's assessment plan")
public class AssessmentResource {

    private final AssessmentService service;

    public AssessmentResource(AssessmentService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "List assessments",
            description = "Scoped: assessors see their organisation's, tutors "
                    + "their provider's, employers theirs; admins and regulators all. Oldest first.")
    @APIResponse(responseCode = "200", description = "A page of assessments")
    public PageResponse<AssessmentResponse> list(
            @QueryParam("uln")
                    @Pattern(regexp = "^[1-9]\\d{9}$", message = "must be 10 digits")
                    @Parameter(description = "Only this learner")
                    String uln,
            @Valid @BeanParam PageRequest page) {
        return service.search(uln, page);
    }

    @POST
    @PermissionsAllowed(AccessRules.ASSESSMENT_REGISTER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Register an apprentice for assessment",
            description = "Admins, or assessors for their own organisation. Loads the standard version's assessment "
                    + "plan; the assessment period runs from gatewayDate for the plan's assessmentPeriod.months.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new assessment",
            content = @Content(schema = @Schema(implementation = AssessmentResponse.class)))
    @APIResponse(responseCode = "403", description = "An assessor registering with another organisation")
    @APIResponse(responseCode = "409", description = "The learner is already registered on this standard version")
    @APIResponse(responseCode = "422", description = "No such organisation, or the version has no assessment plan")
    @APIResponse(responseCode = "503", description = "The standards catalogue cannot be reached")
    public Response register(
            @NotNull(message = "a JSON body is required") @Valid AssessmentRequest request, @Context UriInfo uri) {
        AssessmentResponse created = service.register(request);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(created.id().toString())
                        .build())
                .entity(created)
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(
            summary = "Get an assessment",
            description = "One end-point assessment, if the caller's role and tenant claims let it see it.")
    @APIResponse(
            responseCode = "200",
            description = "The assessment",
            content = @Content(schema = @Schema(implementation = AssessmentResponse.class)))
    @APIResponse(responseCode = "404", description = "No such assessment, or another tenant's")
    public Response get(@PathParam("id") UUID id) {
        return Response.ok(service.get(id)).build();
    }

    @PUT
    @Path("/{id}/assessor")
    @PermissionsAllowed(AccessRules.ASSESSMENT_ASSIGN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Assign the assessor",
            description = "Admins, or assessors of the assessment's "
                    + "organisation. The assessor must belong to that organisation and must not have declared a conflict "
                    + "of interest with the apprentice's provider or employer.")
    @APIResponse(
            responseCode = "200",
            description = "Assigned",
            content = @Content(schema = @Schema(implementation = AssessmentResponse.class)))
    @APIResponse(responseCode = "404", description = "No such assessment, or another organisation's")
    @APIResponse(
            responseCode = "409",
            description = "The assessor declared a conflict of interest (`code`: "
                    + "`assessor-conflict-of-interest`); nothing changed")
    @APIResponse(responseCode = "422", description = "No such assessor in the organisation; nothing changed")
    public Response assign(
            @PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid AssignAssessorRequest request) {
        return Response.ok(service.assign(id, request.assessorId())).build();
    }

    @GET
    @Path("/{id}/attempts")
    @Operation(
            summary = "List an assessment's attempts",
            description = "Every attempt, superseded ones included, " + "in the order they were recorded.")
    @APIResponse(responseCode = "200", description = "A page of attempts")
    @APIResponse(responseCode = "404", description = "No such assessment, or another tenant's")
    public PageResponse<AttemptResponse> attempts(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        return service.attempts(id, page);
    }

    @POST
    @Path("/{id}/attempts")
    @PermissionsAllowed(AccessRules.ATTEMPT_GRADE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Record a graded attempt at a method (the assigned assessor)",
            description = "Checked against the plan: the method exists, the grade is one it gives, the date is in "
                    + "the assessment period, a resit or retake follows a fail of that method, has the employer's "
                    + "agreement when the plan requires it, stays within maxAttemptsPerMethod and under the grade "
                    + "cap (unless exceptional circumstances lift it). With a bookingId, the booking must be open "
                    + "and of this assessment, method, kind and date (`booking-not-found`, `booking-not-open`, "
                    + "`booking-mismatch`); it becomes attended with the attempt. A broken rule is named in the "
                    + "problem's `code`.")
    @APIResponse(
            responseCode = "201",
            description = "Recorded; Location names the attempt",
            content = @Content(schema = @Schema(implementation = AttemptResponse.class)))
    @APIResponse(responseCode = "403", description = "Not the assigned assessor")
    @APIResponse(responseCode = "404", description = "No such assessment, or another organisation's")
    @APIResponse(responseCode = "409", description = "The method already has a first attempt")
    @APIResponse(responseCode = "422", description = "A rule of the assessment plan is broken; nothing saved")
    @APIResponse(responseCode = "503", description = "The standards catalogue cannot be reached")
    public Response record(
            @PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid AttemptRequest request,
            @Context UriInfo uri) {
        AttemptResponse created = service.record(id, request);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(created.id().toString())
                        .build())
                .entity(created)
                .build();
    }

    @GET
    @Path("/{id}/attempts/{attemptId}")
    @Operation(
            summary = "Get an attempt",
            description = "One attempt of an end-point assessment, with its grades once recorded.")
    @APIResponse(
            responseCode = "200",
            description = "The attempt",
            content = @Content(schema = @Schema(implementation = AttemptResponse.class)))
    @APIResponse(responseCode = "404", description = "No such assessment or attempt, or another tenant's")
    public Response attempt(@PathParam("id") UUID id, @PathParam("attemptId") UUID attemptId) {
        return Response.ok(service.attempt(id, attemptId)).build();
    }

    @POST
    @Path("/{id}/attempts/{attemptId}/corrections")
    @PermissionsAllowed(AccessRules.ATTEMPT_GRADE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Correct a graded attempt (the assigned assessor)",
            description = "Graded attempts are never changed: the correction is a new attempt (same method and "
                    + "kind) pointing at the one it corrects, which is marked superseded. Only the latest standing "
                    + "attempt on a method can be corrected; the plan's rules apply as to a new attempt.")
    @APIResponse(
            responseCode = "201",
            description = "The correcting attempt; Location names it",
            content = @Content(schema = @Schema(implementation = AttemptResponse.class)))
    @APIResponse(responseCode = "403", description = "Not the assigned assessor")
    @APIResponse(responseCode = "404", description = "No such assessment or attempt, or another organisation's")
    @APIResponse(
            responseCode = "409",
            description = "The attempt is already superseded, or a later attempt rests " + "on it")
    @APIResponse(responseCode = "422", description = "A rule of the assessment plan is broken; nothing saved")
    public Response correct(
            @PathParam("id") UUID id,
            @PathParam("attemptId") UUID attemptId,
            @NotNull(message = "a JSON body is required") @Valid CorrectionRequest request,
            @Context UriInfo uri) {
        AttemptResponse created = service.correct(id, attemptId, request);
        return Response.created(uri.getBaseUriBuilder()
                        .path(AssessmentResource.class)
                        .path(id.toString())
                        .path("attempts")
                        .path(created.id().toString())
                        .build())
                .entity(created)
                .build();
    }

    @GET
    @Path("/{id}/result")
    @Operation(
            summary = "The overall grade",
            description = "Each method's latest attempt that is not superseded, "
                    + "and the overall grade from the plan's grade combination table; `incomplete` until every method has "
                    + "a grade.")
    @APIResponse(
            responseCode = "200",
            description = "The result",
            content = @Content(schema = @Schema(implementation = ResultResponse.class)))
    @APIResponse(responseCode = "404", description = "No such assessment, or another tenant's")
    @APIResponse(responseCode = "503", description = "The standards catalogue cannot be reached")
    public Response result(@PathParam("id") UUID id) {
        return Response.ok(service.result(id)).build();
    }
}
