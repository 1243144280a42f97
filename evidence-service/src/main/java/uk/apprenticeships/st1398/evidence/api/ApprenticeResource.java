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
import uk.apprenticeships.st1398.evidence.service.ApprenticeService;
import uk.apprenticeships.st1398.platform.api.PageRequest;
import uk.apprenticeships.st1398.platform.api.PageResponse;

@Path("/api/v1/apprentices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Apprentices", description = "Apprentices on programme, visible only within the caller's tenant")
public class ApprenticeResource {

    /** Every endpoint of one apprentice can answer this once the apprentice has been erased. */
    static final String ERASED = "The apprentice was erased on request; only the audit trail remains";

    static final String ID = "^[0-9a-fA-F]{24}$";
    static final String STATUSES = "^(active|break-in-learning|withdrawn|completed)$";

    private final ApprenticeService service;

    public ApprenticeResource(ApprenticeService service) {
        this.service = service;
    }

    @GET
    @PermissionsAllowed(APPRENTICE_READ)
    @Operation(
            summary = "List apprentices",
            description = "Tutors and LMS clients see their provider's apprentices, employers their own, an "
                    + "apprentice only themself, assessors the apprentices assigned to their assessment organisation, admins all. Ordered by family name, given name, then id. "
                    + "uln, learnerReference and externalId narrow the list within what the caller may see "
                    + "(a ULN, reference or id held only by another tenant answers an empty page).")
    @APIResponse(responseCode = "200", description = "A page of apprentices")
    public PageResponse<ApprenticeResponse> list(
            @QueryParam("status")
                    @Pattern(
                            regexp = STATUSES,
                            message = "must be one of active, break-in-learning, withdrawn, completed")
                    @Parameter(description = "Only apprentices with this status")
                    String status,
            @QueryParam("standardVersion")
                    @Pattern(regexp = ApprenticeRequest.STANDARD_VERSION, message = "must look like ST1398_1.0")
                    @Parameter(description = "Only apprentices on this standard version", example = "ST1398_1.0")
                    String standardVersion,
            @QueryParam("uln")
                    @Pattern(regexp = "^\\d{10}$", message = "must be 10 digits")
                    @Parameter(description = "Only the apprentice(s) with this ULN", example = "1234567890")
                    String uln,
            @QueryParam("learnerReference")
                    @Pattern(
                            regexp = ApprenticeRequest.LEARNER_REFERENCE,
                            message = ApprenticeRequest.LEARNER_REFERENCE_RULE)
                    @Parameter(
                            description = "Only the apprentice with this learner reference (the provider's MIS id)",
                            example = "MIS00042")
                    String learnerReference,
            @QueryParam("externalId")
                    @Pattern(regexp = ApprenticeRequest.EXTERNAL_ID, message = ApprenticeRequest.EXTERNAL_ID_RULE)
                    @Parameter(
                            description = "Only the apprentice the calling client (the token's azp) knows by this "
                                    + "id; a token that names no client gets 400",
                            example = "learner-7f3a9c")
                    String externalId,
            @Valid @BeanParam PageRequest page) {
        return service.list(status, standardVersion, uln, learnerReference, externalId, page);
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed(APPRENTICE_READ)
    @Operation(
            summary = "Get an apprentice",
            description = "Same visibility as the list; another tenant's apprentice answers 404.")
    @APIResponse(responseCode = "200", description = "The apprentice")
    @APIResponse(responseCode = "410", description = ERASED)
    public ApprenticeResponse get(
            @PathParam("id")
                    @Pattern(regexp = ID, message = "must be a 24-character hexadecimal id")
                    @Parameter(description = "Apprentice id", example = "665f1c2e9b1d4a3f8c0e1a2b")
                    String id) {
        return service.get(id);
    }

    @POST
    @PermissionsAllowed(APPRENTICE_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Enrol an apprentice",
            description = "Tutors and LMS clients may enrol only for the provider in their token. A provider "
                    + "can hold one record per ULN. The standard version must exist in the standards catalogue. The "
                    + "apprentice starts active.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new apprentice",
            content = @Content(schema = @Schema(implementation = ApprenticeResponse.class)))
    @APIResponse(
            responseCode = "409",
            description = "The provider already has an apprentice with this ULN (apprentice-already-enrolled), "
                    + "learner reference (learner-reference-taken) or, for this client, external id "
                    + "(external-id-taken); nothing created")
    @APIResponse(responseCode = "422", description = "The standard version is not in the standards catalogue")
    @APIResponse(responseCode = "503", description = "The standards catalogue cannot be reached; nothing created")
    @APIResponse(responseCode = "504", description = "standards-service did not answer in time (downstream-timeout)")
    public Response create(
            @NotNull(message = "a JSON body is required") @Valid ApprenticeRequest request, @Context UriInfo uri) {
        ApprenticeResponse created = service.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
                .entity(created)
                .build();
    }

    @PUT
    @Path("/{id}/identifiers")
    @PermissionsAllowed(APPRENTICE_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Replace an apprentice's external identifiers",
            description = "The provider's learner reference (its MIS id, the ILR LearnRefNumber) and the calling "
                    + "client's own id for the apprentice (kept in externalIds under the token's azp). A member "
                    + "left out is cleared; other clients' ids stay. Admins, or a tutor or LMS client of the "
                    + "apprentice's provider.")
    @APIResponse(responseCode = "200", description = "The apprentice after the change")
    @APIResponse(
            responseCode = "409",
            description = "Another apprentice of the provider has this learner reference (learner-reference-taken) "
                    + "or, for this client, this external id (external-id-taken); nothing changed")
    @APIResponse(responseCode = "410", description = ERASED)
    public ApprenticeResponse setIdentifiers(
            @PathParam("id")
                    @Pattern(regexp = ID, message = "must be a 24-character hexadecimal id")
                    @Parameter(description = "Apprentice id", example = "665f1c2e9b1d4a3f8c0e1a2b")
                    String id,
            @NotNull(message = "a JSON body is required") @Valid IdentifiersRequest request) {
        return service.setIdentifiers(id, request);
    }

    @PUT
    @Path("/{id}/programme")
    @PermissionsAllowed(APPRENTICE_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Replace an apprentice's programme arrangements",
            description = "The assigned assessment organisation (its assessors may then read the apprentice's "
                    + "records), contracted weekly hours and weeks of planned leave (both used by the weekly "
                    + "off-the-job rule). Every field left out is cleared. Admins, or a tutor or LMS client of the "
                    + "apprentice's provider.")
    @APIResponse(responseCode = "200", description = "The apprentice after the change")
    @APIResponse(responseCode = "410", description = ERASED)
    public ApprenticeResponse setProgramme(
            @PathParam("id")
                    @Pattern(regexp = ID, message = "must be a 24-character hexadecimal id")
                    @Parameter(description = "Apprentice id", example = "665f1c2e9b1d4a3f8c0e1a2b")
                    String id,
            @NotNull(message = "a JSON body is required") @Valid ProgrammeRequest request) {
        return service.setProgramme(id, request);
    }
}
