package uk.apprenticeships.st1398.evidence.api;

import static uk.apprenticeships.st1398.evidence.service.EvidencePermissions.*;

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
import uk.apprenticeships.st1398.evidence.service.ProgressReviewService;
import uk.apprenticeships.st1398.platform.api.PageRequest;
import uk.apprenticeships.st1398.platform.api.PageResponse;

@Path("/api/v1/apprentices/{id}/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Progress reviews",
        description = "Progress reviews of an apprentice, signed off by the apprentice, the "
                + "provider and the employer. Same tenant visibility as the apprentice.")
@APIResponse(responseCode = "410", description = ApprenticeResource.ERASED)
public class ProgressReviewResource {

    static final String ID_MESSAGE = EvidenceResource.ID_MESSAGE;

    private final ProgressReviewService service;

    public ProgressReviewResource(ProgressReviewService service) {
        this.service = service;
    }

    @GET
    @PermissionsAllowed(REVIEW_READ)
    @Operation(summary = "List an apprentice's progress reviews", description = "By review date, then id.")
    @APIResponse(responseCode = "200", description = "A page of reviews")
    public PageResponse<ReviewResponse> list(
            @PathParam("id")
                    @Pattern(regexp = ApprenticeResource.ID, message = ID_MESSAGE)
                    @Parameter(description = "Apprentice id")
                    String id,
            @Valid @BeanParam PageRequest page) {
        return service.list(id, page);
    }

    @POST
    @PermissionsAllowed(REVIEW_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Record a progress review",
            description = "By the provider's tutor. The date may not be "
                    + "in the future or before the apprentice's start date; KSB codes discussed must belong to the "
                    + "apprentice's standard version (unknown ones answer 422 with `validKsbCodes`).")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the review",
            content = @Content(schema = @Schema(implementation = ReviewResponse.class)))
    @APIResponse(responseCode = "422", description = "Unknown KSB codes; see `validKsbCodes`")
    @APIResponse(responseCode = "503", description = "standards-service cannot be reached to check the KSB codes")
    @APIResponse(responseCode = "504", description = "standards-service did not answer in time (downstream-timeout)")
    public Response create(
            @PathParam("id")
                    @Pattern(regexp = ApprenticeResource.ID, message = ID_MESSAGE)
                    @Parameter(description = "Apprentice id")
                    String id,
            @NotNull(message = "a JSON body is required") @Valid ReviewRequest request,
            @Context UriInfo uri) {
        ReviewResponse created = service.create(id, request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
                .entity(created)
                .build();
    }

    @GET
    @Path("/{reviewId}")
    @PermissionsAllowed(REVIEW_READ)
    @Operation(summary = "Get a progress review", description = "With its sign-offs and whether it is complete.")
    @APIResponse(responseCode = "200", description = "The review")
    public ReviewResponse get(
            @PathParam("id")
                    @Pattern(regexp = ApprenticeResource.ID, message = ID_MESSAGE)
                    @Parameter(description = "Apprentice id")
                    String id,
            @PathParam("reviewId")
                    @Pattern(regexp = ApprenticeResource.ID, message = ID_MESSAGE)
                    @Parameter(description = "Review id")
                    String reviewId) {
        return service.get(id, reviewId);
    }

    @PUT
    @Path("/{reviewId}")
    @PermissionsAllowed(REVIEW_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Change a progress review",
            description = "Only until the first sign-off; after that the "
                    + "review is frozen (409). Send the `version` you read to avoid overwriting a concurrent change.")
    @APIResponse(responseCode = "200", description = "The review after the change")
    @APIResponse(responseCode = "422", description = "Unknown KSB codes; see `validKsbCodes`")
    public ReviewResponse update(
            @PathParam("id")
                    @Pattern(regexp = ApprenticeResource.ID, message = ID_MESSAGE)
                    @Parameter(description = "Apprentice id")
                    String id,
            @PathParam("reviewId")
                    @Pattern(regexp = ApprenticeResource.ID, message = ID_MESSAGE)
                    @Parameter(description = "Review id")
                    String reviewId,
            @NotNull(message = "a JSON body is required") @Valid ReviewRequest request) {
        return service.update(id, reviewId, request);
    }

    @POST
    @Path("/{reviewId}/sign-off")
    @PermissionsAllowed(REVIEW_SIGN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Sign off a progress review",
            description = "Each party signs once, for itself only: "
                    + "`apprentice` (the apprentice themself), `provider` (a tutor of the provider), `employer` (the "
                    + "apprentice's employer); who (token subject) and when are recorded. Signing for another party answers "
                    + "403, signing twice 409. The review is `complete` when all three have signed.")
    @APIResponse(responseCode = "200", description = "The review with the new sign-off")
    public ReviewResponse signOff(
            @PathParam("id")
                    @Pattern(regexp = ApprenticeResource.ID, message = ID_MESSAGE)
                    @Parameter(description = "Apprentice id")
                    String id,
            @PathParam("reviewId")
                    @Pattern(regexp = ApprenticeResource.ID, message = ID_MESSAGE)
                    @Parameter(description = "Review id")
                    String reviewId,
            @NotNull(message = "a JSON body is required") @Valid SignOffRequest request) {
        return service.signOff(id, reviewId, request);
    }
}
