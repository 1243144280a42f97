package uk.apprenticeships.st1398.evidence.api;

import static uk.apprenticeships.st1398.evidence.service.EvidencePermissions.*;

import io.quarkus.security.PermissionsAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.time.DateTimeException;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.apprenticeships.st1398.evidence.service.OffTheJobService;
import uk.apprenticeships.st1398.platform.api.PageRequest;
import uk.apprenticeships.st1398.platform.api.PageResponse;
import uk.apprenticeships.st1398.platform.problem.ApiException;

@Path("/api/v1/apprentices/{id}/off-the-job")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Off-the-job training",
        description =
                "An apprentice's logged off-the-job training hours, the tutor's "
                        + "approval, and totals against the minimum of the assessment plan. Same tenant visibility as the apprentice.")
@APIResponse(responseCode = "410", description = ApprenticeResource.ERASED)
public class OffTheJobResource {

    static final String ID_MESSAGE = EvidenceResource.ID_MESSAGE;
    static final String DATE = "^\\d{4}-\\d{2}-\\d{2}$";
    static final String DATE_MESSAGE = "must be a date such as 2025-10-06";

    private final OffTheJobService service;

    public OffTheJobResource(OffTheJobService service) {
        this.service = service;
    }

    @GET
    @PermissionsAllowed(OTJ_READ)
    @Operation(
            summary = "List an apprentice's off-the-job entries",
            description = "By training date, then id. " + "`from` and `to` are inclusive.")
    @APIResponse(responseCode = "200", description = "A page of entries")
    public PageResponse<OffTheJobResponse> list(
            @PathParam("id")
                    @Pattern(regexp = ApprenticeResource.ID, message = ID_MESSAGE)
                    @Parameter(description = "Apprentice id")
                    String id,
            @QueryParam("status")
                    @Pattern(
                            regexp = "^(pending|approved|rejected)$",
                            message = "must be one of pending, approved, rejected")
                    @Parameter(description = "Only entries with this status")
                    String status,
            @QueryParam("from")
                    @Pattern(regexp = DATE, message = DATE_MESSAGE)
                    @Parameter(description = "Only entries on or after this date", example = "2025-09-01")
                    String from,
            @QueryParam("to")
                    @Pattern(regexp = DATE, message = DATE_MESSAGE)
                    @Parameter(description = "Only entries on or before this date", example = "2025-12-31")
                    String to,
            @Valid @BeanParam PageRequest page) {
        return service.list(id, status, date("from", from), date("to", to), page);
    }

    @POST
    @PermissionsAllowed(OTJ_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Log off-the-job training",
            description = "Starts pending until the provider's tutor "
                    + "approves or rejects it. The apprentice logs their own; the provider's tutors and LMS may log for "
                    + "them. The date may not be in the future or before the apprentice's start date; hours are more than "
                    + "0 and at most 24 with at most 2 decimals; KSB codes must belong to the apprentice's standard version "
                    + "(unknown ones answer 422 with `validKsbCodes`).")
    @APIResponse(
            responseCode = "201",
            description = "Logged; Location names the entry",
            content = @Content(schema = @Schema(implementation = OffTheJobResponse.class)))
    @APIResponse(responseCode = "422", description = "Unknown KSB codes; see `validKsbCodes`")
    @APIResponse(responseCode = "503", description = "standards-service cannot be reached to check the KSB codes")
    @APIResponse(responseCode = "504", description = "standards-service did not answer in time (downstream-timeout)")
    public Response create(
            @PathParam("id")
                    @Pattern(regexp = ApprenticeResource.ID, message = ID_MESSAGE)
                    @Parameter(description = "Apprentice id")
                    String id,
            @NotNull(message = "a JSON body is required") @Valid OffTheJobRequest request,
            @Context UriInfo uri) {
        OffTheJobResponse created = service.create(id, request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
                .entity(created)
                .build();
    }

    @GET
    @Path("/summary")
    @PermissionsAllowed(OTJ_SUMMARY)
    @Operation(
            summary = "Off-the-job totals against the required minimum",
            description = "Approved and pending "
                    + "hours, and the minimum standards-service works out from the assessment plan of the apprentice's "
                    + "standard version for their start date and planned weeks (start to planned end date): a fixed "
                    + "number of hours for starts from 1 August 2025, hours a week × weeks before. Shortfall is "
                    + "max(0, required − approved). Without a plan or rule the summary still answers, with "
                    + "`requiredHours: null` and `requirementUnavailable` saying why.")
    @APIResponse(
            responseCode = "200",
            description = "The totals",
            content = @Content(schema = @Schema(implementation = OffTheJobSummaryResponse.class)))
    @APIResponse(responseCode = "503", description = "standards-service cannot be reached")
    @APIResponse(responseCode = "504", description = "standards-service did not answer in time (downstream-timeout)")
    public OffTheJobSummaryResponse summary(
            @PathParam("id")
                    @Pattern(regexp = ApprenticeResource.ID, message = ID_MESSAGE)
                    @Parameter(description = "Apprentice id")
                    String id) {
        return service.summary(id);
    }

    @GET
    @Path("/{entryId}")
    @PermissionsAllowed(OTJ_READ)
    @Operation(summary = "Get an off-the-job entry", description = "With the tutor's decision, if any.")
    @APIResponse(responseCode = "200", description = "The entry")
    public OffTheJobResponse get(
            @PathParam("id")
                    @Pattern(regexp = ApprenticeResource.ID, message = ID_MESSAGE)
                    @Parameter(description = "Apprentice id")
                    String id,
            @PathParam("entryId")
                    @Pattern(regexp = ApprenticeResource.ID, message = ID_MESSAGE)
                    @Parameter(description = "Entry id")
                    String entryId) {
        return service.get(id, entryId);
    }

    @PUT
    @Path("/{entryId}")
    @PermissionsAllowed(OTJ_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Change a pending off-the-job entry",
            description = "Same checks as logging. Approved and "
                    + "rejected entries never change (409). Send the `version` you read to avoid overwriting a concurrent "
                    + "change.")
    @APIResponse(responseCode = "200", description = "The entry after the change")
    @APIResponse(responseCode = "422", description = "Unknown KSB codes; see `validKsbCodes`")
    public OffTheJobResponse update(
            @PathParam("id")
                    @Pattern(regexp = ApprenticeResource.ID, message = ID_MESSAGE)
                    @Parameter(description = "Apprentice id")
                    String id,
            @PathParam("entryId")
                    @Pattern(regexp = ApprenticeResource.ID, message = ID_MESSAGE)
                    @Parameter(description = "Entry id")
                    String entryId,
            @NotNull(message = "a JSON body is required") @Valid OffTheJobRequest request) {
        return service.update(id, entryId, request);
    }

    @DELETE
    @Path("/{entryId}")
    @PermissionsAllowed(OTJ_WRITE)
    @Operation(
            summary = "Delete a pending off-the-job entry",
            description = "Approved and rejected entries stay " + "(409).")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(
            @PathParam("id")
                    @Pattern(regexp = ApprenticeResource.ID, message = ID_MESSAGE)
                    @Parameter(description = "Apprentice id")
                    String id,
            @PathParam("entryId")
                    @Pattern(regexp = ApprenticeResource.ID, message = ID_MESSAGE)
                    @Parameter(description = "Entry id")
                    String entryId) {
        service.delete(id, entryId);
    }

    @POST
    @Path("/{entryId}/approve")
    @PermissionsAllowed(OTJ_APPROVE)
    @Operation(
            summary = "Approve a pending off-the-job entry",
            description = "By the provider's tutor; records "
                    + "who (token subject) and when. Approved entries never change; approving again answers 409.")
    @APIResponse(responseCode = "200", description = "The approved entry")
    public OffTheJobResponse approve(
            @PathParam("id")
                    @Pattern(regexp = ApprenticeResource.ID, message = ID_MESSAGE)
                    @Parameter(description = "Apprentice id")
                    String id,
            @PathParam("entryId")
                    @Pattern(regexp = ApprenticeResource.ID, message = ID_MESSAGE)
                    @Parameter(description = "Entry id")
                    String entryId) {
        return service.decide(id, entryId, true, null);
    }

    @POST
    @Path("/{entryId}/reject")
    @PermissionsAllowed(OTJ_APPROVE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Reject a pending off-the-job entry",
            description = "By the provider's tutor, with a "
                    + "reason; records who and when. Rejected entries never change and do not count.")
    @APIResponse(responseCode = "200", description = "The rejected entry")
    public OffTheJobResponse reject(
            @PathParam("id")
                    @Pattern(regexp = ApprenticeResource.ID, message = ID_MESSAGE)
                    @Parameter(description = "Apprentice id")
                    String id,
            @PathParam("entryId")
                    @Pattern(regexp = ApprenticeResource.ID, message = ID_MESSAGE)
                    @Parameter(description = "Entry id")
                    String entryId,
            @NotNull(message = "a JSON body is required") @Valid RejectionRequest request) {
        return service.decide(id, entryId, false, request.reason());
    }

    private static LocalDate date(String field, String value) {
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeException e) {
            throw ApiException.invalid(field, "must be a real date such as 2025-10-06");
        }
    }
}
