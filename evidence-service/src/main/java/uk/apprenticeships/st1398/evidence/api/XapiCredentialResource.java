package uk.apprenticeships.st1398.evidence.api;

import static uk.apprenticeships.st1398.evidence.service.EvidencePermissions.XAPI_CREDENTIALS;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import uk.apprenticeships.st1398.evidence.mapping.StampMapper;
import uk.apprenticeships.st1398.evidence.xapi.XapiCredential;
import uk.apprenticeships.st1398.evidence.xapi.XapiCredentials;
import uk.apprenticeships.st1398.platform.api.PageRequest;
import uk.apprenticeships.st1398.platform.api.PageResponse;

/** LMS credentials for the xAPI Learning Record Store (docs/xapi.md): key and secret for HTTP Basic at /xapi. */
@Path("/api/v1/xapi-credentials")
@Produces(MediaType.APPLICATION_JSON)
public class XapiCredentialResource {

    static final String KEY = "^lms-[A-Za-z0-9_-]{16}$";

    private final XapiCredentials credentials;

    public XapiCredentialResource(XapiCredentials credentials) {
        this.credentials = credentials;
    }

    @POST
    @PermissionsAllowed(XAPI_CREDENTIALS)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Issue an LMS credential",
            description = "For the caller's provider (admins name it). The answer is the only time the secret is"
                    + " shown; it is stored as a PBKDF2 hash.")
    @APIResponse(responseCode = "201", description = "Created; the secret is in this answer only")
    public Response issue(@Valid @NotNull XapiCredentialRequest request) {
        XapiCredentials.Issued issued = credentials.issue(request.name(), request.providerUkprn());
        return Response.created(URI.create("/api/v1/xapi-credentials/" + issued.credential().key))
                .entity(response(issued.credential(), issued.secret()))
                .build();
    }

    @GET
    @PermissionsAllowed(XAPI_CREDENTIALS)
    @Operation(summary = "List the provider's LMS credentials (never their secrets)", description = "Oldest first.")
    public PageResponse<XapiCredentialResponse> list(
            @QueryParam("providerUkprn") @Pattern(regexp = "^\\d{8}$", message = "must be a UKPRN (8 digits)")
                    String providerUkprn,
            @Valid @BeanParam PageRequest page) {
        PageResponse<XapiCredential> found = credentials.list(providerUkprn, page);
        return new PageResponse<>(
                found.items().stream().map(c -> response(c, null)).toList(),
                found.page(),
                found.size(),
                found.totalItems(),
                found.totalPages());
    }

    @DELETE
    @Path("/{key}")
    @PermissionsAllowed(XAPI_CREDENTIALS)
    @Operation(summary = "Revoke an LMS credential", description = "It authenticates nothing from now on.")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Response revoke(
            @PathParam("key") @Pattern(regexp = KEY, message = "must be an LMS credential key") String key) {
        credentials.revoke(key);
        return Response.noContent().build();
    }

    private static XapiCredentialResponse response(XapiCredential c, String secret) {
        return new XapiCredentialResponse(
                c.key,
                secret,
                c.name,
                c.providerUkprn,
                "/xapi/",
                c.createdAt,
                StampMapper.toResponse(c.createdBy),
                c.revokedAt);
    }
}
