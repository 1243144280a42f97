package uk.apprenticeships.st1398.evidence.api;

import static uk.apprenticeships.st1398.evidence.service.EvidencePermissions.XAPI_MAPPINGS;

import io.quarkus.security.PermissionsAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import uk.apprenticeships.st1398.evidence.mapping.StampMapper;
import uk.apprenticeships.st1398.evidence.xapi.XapiActivityMapping;
import uk.apprenticeships.st1398.evidence.xapi.XapiActivityMappings;
import uk.apprenticeships.st1398.platform.api.PageRequest;
import uk.apprenticeships.st1398.platform.api.PageResponse;

/**
 * A provider's alignment of LMS activities to KSBs and off-the-job training, for statements whose activity
 * definition carries no alignment extension (docs/xapi.md).
 */
@Path("/api/v1/xapi-activity-mappings")
@Produces(MediaType.APPLICATION_JSON)
public class XapiActivityMappingResource {

    static final String UKPRN = "^\\d{8}$";

    private final XapiActivityMappings mappings;

    private final uk.apprenticeships.st1398.evidence.xapi.XapiEvidence evidence;

    public XapiActivityMappingResource(
            XapiActivityMappings mappings, uk.apprenticeships.st1398.evidence.xapi.XapiEvidence evidence) {
        this.mappings = mappings;
        this.evidence = evidence;
    }

    @PUT
    @PermissionsAllowed(XAPI_MAPPINGS)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Map an LMS activity to KSB codes and/or off-the-job training",
            description = "Creates or replaces the provider's mapping for the activity. Applies to statements stored"
                    + " from now on, and to the provider's statements about the activity stored earlier that became"
                    + " no record: they are converted again (draft evidence, pending off-the-job entries;"
                    + " idempotent, one statement never makes two), the first 200 at once, the rest by the"
                    + " evidence-service sweep.")
    @APIResponse(responseCode = "200", description = "The mapping")
    public XapiActivityMappingResponse put(@Valid @NotNull XapiActivityMappingRequest request) {
        XapiActivityMapping saved =
                mappings.save(request.providerUkprn(), request.activityId(), request.ksbCodes(), request.offTheJob());
        evidence.onMappingChanged(saved.providerUkprn, saved.activityId);
        return response(saved);
    }

    @GET
    @PermissionsAllowed(XAPI_MAPPINGS)
    @Operation(summary = "The provider's activity mappings", description = "By activity IRI.")
    public PageResponse<XapiActivityMappingResponse> list(
            @QueryParam("providerUkprn") @Pattern(regexp = UKPRN, message = "must be a UKPRN (8 digits)")
                    String providerUkprn,
            @Valid @BeanParam PageRequest page) {
        PageResponse<XapiActivityMapping> found = mappings.list(providerUkprn, page);
        return new PageResponse<>(
                found.items().stream()
                        .map(XapiActivityMappingResource::response)
                        .toList(),
                found.page(),
                found.size(),
                found.totalItems(),
                found.totalPages());
    }

    @DELETE
    @PermissionsAllowed(XAPI_MAPPINGS)
    @Operation(
            summary = "Remove the provider's mapping of an activity",
            description =
                    "Statements stored from now on about the activity no longer become evidence or off-the-job entries through this mapping; drafts already made stay.")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response delete(
            @QueryParam("activityId") @NotBlank String activityId,
            @QueryParam("providerUkprn") @Pattern(regexp = UKPRN, message = "must be a UKPRN (8 digits)")
                    String providerUkprn) {
        mappings.remove(providerUkprn, activityId);
        return Response.noContent().build();
    }

    private static XapiActivityMappingResponse response(XapiActivityMapping m) {
        return new XapiActivityMappingResponse(
                m.activityId,
                m.ksbCodes,
                m.offTheJob,
                m.providerUkprn,
                m.updatedAt,
                StampMapper.toResponse(m.updatedBy));
    }
}
