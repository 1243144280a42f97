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
import uk.apprenticeships.st1398.assessment.domain.BookingStatus;
import uk.apprenticeships.st1398.assessment.service.AccessRules;
import uk.apprenticeships.st1398.assessment.service.BookingService;
import uk.apprenticeships.st1398.platform.api.PageRequest;
import uk.apprenticeships.st1398.platform.api.PageResponse;

@Path("/api/v1/assessments/{id}/bookings")
@Produces(MediaType.APPLICATION_JSON)
@PermissionsAllowed(AccessRules.ASSESSMENT_READ)
@Tag(
        name = "Assessment bookings",
        description = "When (and where, how, with whom) a method of the plan will be "
                + "taken: first attempts, resits and retakes, by the rules of the standard version's assessment plan")
public class BookingResource {

    private static final String STATUSES = "^(booked|cancelled|attended)$";

    private final BookingService service;

    public BookingResource(BookingService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "List an assessment's bookings",
            description = "Everyone who can read the assessment. In "
                    + "the order they were made, cancelled and attended ones included.")
    @APIResponse(responseCode = "200", description = "A page of bookings")
    @APIResponse(responseCode = "404", description = "No such assessment, or another tenant's")
    public PageResponse<BookingResponse> bookings(
            @PathParam("id") UUID id,
            @QueryParam("methodCode") @Size(min = 1, max = 30) @Parameter(description = "Only this method")
                    String methodCode,
            @QueryParam("status")
                    @Pattern(regexp = STATUSES, message = "must be booked, cancelled or attended")
                    @Parameter(
                            description = "Only bookings with this status",
                            schema = @Schema(enumeration = {"booked", "cancelled", "attended"}))
                    String status,
            @Valid @BeanParam PageRequest page) {
        return service.search(id, methodCode, status == null ? null : BookingStatus.valueOf(status), page);
    }

    @POST
    @PermissionsAllowed(AccessRules.BOOKING_MANAGE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Book a method (admins, the organisation's assessors)",
            description = "Checked against the plan: the method exists, the gateway to completion is passed, the "
                    + "date is in the assessment period and not in the past, a first attempt is not booked after "
                    + "one was recorded, a resit or retake follows a fail of that method, has the employer's "
                    + "agreement when the plan requires it and stays within maxAttemptsPerMethod. At most one open "
                    + "booking per method. An assessorId must be an assessor of the organisation without a conflict "
                    + "of interest. A broken rule is named in the problem's `code`.")
    @APIResponse(
            responseCode = "201",
            description = "Booked; Location names the booking",
            content = @Content(schema = @Schema(implementation = BookingResponse.class)))
    @APIResponse(responseCode = "403", description = "Not an admin or assessor")
    @APIResponse(responseCode = "404", description = "No such assessment, or another organisation's")
    @APIResponse(
            responseCode = "409",
            description = "The method already has an open booking "
                    + "(`booking-already-open`) or a first attempt (`first-attempt-exists`), or the assessor declared a "
                    + "conflict of interest (`assessor-conflict-of-interest`); nothing saved")
    @APIResponse(
            responseCode = "422",
            description = "A rule of the assessment plan is broken, or the gateway is "
                    + "not passed (`gateway-not-passed`); nothing saved")
    @APIResponse(responseCode = "503", description = "The standards catalogue cannot be reached")
    public Response book(
            @PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid BookingRequest request,
            @Context UriInfo uri) {
        BookingResponse created = service.book(id, request);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(created.id().toString())
                        .build())
                .entity(created)
                .build();
    }

    @GET
    @Path("/{bookingId}")
    @Operation(
            summary = "Get a booking",
            description = "One booking of an assessment method of an end-point assessment.")
    @APIResponse(
            responseCode = "200",
            description = "The booking",
            content = @Content(schema = @Schema(implementation = BookingResponse.class)))
    @APIResponse(responseCode = "404", description = "No such assessment or booking, or another tenant's")
    public Response booking(@PathParam("id") UUID id, @PathParam("bookingId") UUID bookingId) {
        return Response.ok(service.get(id, bookingId)).build();
    }

    @POST
    @Path("/{bookingId}/cancellation")
    @PermissionsAllowed(AccessRules.BOOKING_MANAGE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Cancel a booking (admins, the organisation's assessors)",
            description = "Records who cancelled, when and why; the booking's details are kept as they were. "
                    + "To rebook, cancel and book again.")
    @APIResponse(
            responseCode = "200",
            description = "Cancelled",
            content = @Content(schema = @Schema(implementation = BookingResponse.class)))
    @APIResponse(responseCode = "403", description = "Not an admin or assessor")
    @APIResponse(responseCode = "404", description = "No such assessment or booking, or another organisation's")
    @APIResponse(
            responseCode = "409",
            description = "Already cancelled or attended (`booking-not-open`); nothing " + "changed")
    public Response cancelBooking(
            @PathParam("id") UUID id,
            @PathParam("bookingId") UUID bookingId,
            @NotNull(message = "a JSON body is required") @Valid BookingCancellationRequest request) {
        return Response.ok(service.cancel(id, bookingId, request.reason())).build();
    }
}
