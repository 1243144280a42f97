package uk.apprenticeships.st1398.evidence.api;

import static uk.apprenticeships.st1398.evidence.service.EvidencePermissions.*;

import io.quarkus.security.PermissionsAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import uk.apprenticeships.st1398.evidence.service.ProviderService;
import uk.apprenticeships.st1398.platform.api.PageRequest;
import uk.apprenticeships.st1398.platform.api.PageResponse;

@Path("/api/v1/providers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Providers", description = "The provider register: training providers by UKPRN, with their names")
public class ProviderResource {

    static final String UKPRN = "^\\d{8}$";

    private final ProviderService service;

    public ProviderResource(ProviderService service) {
        this.service = service;
    }

    @GET
    @PermissionsAllowed(PROVIDER_READ_ANY)
    @Operation(summary = "List providers", description = "Admins and assessors; ordered by UKPRN.")
    @APIResponse(responseCode = "200", description = "A page of providers")
    public PageResponse<ProviderResponse> list(@Valid @BeanParam PageRequest page) {
        return service.list(page);
    }

    @GET
    @Path("/{ukprn}")
    @PermissionsAllowed({PROVIDER_READ_ANY, PROVIDER_READ_OWN})
    @Operation(
            summary = "Get a provider",
            description = "Admins and assessors read any provider; tutors, LMS clients and apprentices their own "
                    + "(another provider answers 404, as if absent).")
    @APIResponse(responseCode = "200", description = "The provider")
    @APIResponse(responseCode = "404", description = "No such provider in the register (provider-not-found)")
    public ProviderResponse get(
            @PathParam("ukprn")
                    @Pattern(regexp = UKPRN, message = "must be 8 digits")
                    @Parameter(description = "UKPRN", example = "10000001")
                    String ukprn) {
        return service.get(ukprn);
    }

    @PUT
    @Path("/{ukprn}")
    @PermissionsAllowed(PROVIDER_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add or rename a provider", description = "Admins only.")
    @APIResponse(
            responseCode = "201",
            description = "Added; Location names it",
            content = @Content(schema = @Schema(implementation = ProviderResponse.class)))
    @APIResponse(
            responseCode = "200",
            description = "Renamed",
            content = @Content(schema = @Schema(implementation = ProviderResponse.class)))
    public Response put(
            @PathParam("ukprn")
                    @Pattern(regexp = UKPRN, message = "must be 8 digits")
                    @Parameter(description = "UKPRN", example = "10000001")
                    String ukprn,
            @NotNull(message = "a JSON body is required") @Valid ProviderRequest request,
            @Context UriInfo uri) {
        ProviderService.Saved saved = service.put(ukprn, request);
        return saved.created()
                ? Response.created(uri.getAbsolutePath())
                        .entity(saved.provider())
                        .build()
                : Response.ok(saved.provider()).build();
    }
}
