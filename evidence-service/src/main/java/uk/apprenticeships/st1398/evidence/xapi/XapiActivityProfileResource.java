package uk.apprenticeships.st1398.evidence.xapi;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The Activity Profile Resource (Communication 2.7): documents kept per activity and profileId, with ETags; a PUT without
 * {@code If-Match} or {@code If-None-Match} on an existing document answers 409 (Communication 3.1). Same
 * authentication and version header as the statements; each provider has its own documents.
 */
@Path("/xapi/activities/profile")
@Tag(name = "xAPI Learning Record Store")
public class XapiActivityProfileResource {

    private static final String RESOURCE = "activity-profile";
    private static final String ABOUT =
            "xAPI Activity Profile Resource (xAPI 2.0 Communication 2.7), per provider, with ETags and If-Match / If-None-Match (Communication 3.1). Authenticated with HTTP Basic (an LMS credential, POST /api/v1/xapi-credentials) or an OpenID Connect access token; the X-Experience-API-Version header (2.0.x or 1.0.x) is required. What is implemented: docs/xapi.md.";

    private static final Set<String> PARAMETERS = Set.of("activityId", "profileId", "since");

    private final XapiDocumentEndpoint endpoint;

    public XapiActivityProfileResource(XapiDocuments documents, XapiAccess access) {
        this.endpoint = new XapiDocumentEndpoint(
                documents,
                access,
                "Activity Profile Resource",
                PARAMETERS,
                "profileId",
                true,
                XapiActivityProfileResource::key);
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary =
                    "Store a profile document (204); If-Match / If-None-Match honoured (412); neither on an existing one: 409",
            description = ABOUT)
    public Response put(
            @HeaderParam(XapiResource.VERSION_HEADER) String version,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Context UriInfo uri,
            byte[] body) {
        return endpoint.store(version, authorization, contentType, ifMatch, ifNoneMatch, uri, body, false);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Merge a JSON object into a profile document (204); both must be JSON objects (400)",
            description = ABOUT)
    public Response post(
            @HeaderParam(XapiResource.VERSION_HEADER) String version,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Context UriInfo uri,
            byte[] body) {
        return endpoint.store(version, authorization, contentType, ifMatch, ifNoneMatch, uri, body, true);
    }

    @GET
    @Operation(
            summary = "A profile document (with its ETag), or the profileIds stored (since a time) when none is named",
            description = ABOUT)
    public Response get(
            @HeaderParam(XapiResource.VERSION_HEADER) String version,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Context UriInfo uri) {
        return endpoint.get(version, authorization, uri);
    }

    @DELETE
    @Operation(summary = "Delete a profile document", description = ABOUT)
    public Response delete(
            @HeaderParam(XapiResource.VERSION_HEADER) String version,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context UriInfo uri) {
        return endpoint.delete(version, authorization, ifMatch, uri);
    }

    private static XapiDocuments.Key key(
            MultivaluedMap<String, String> params, XapiAccess.Principal principal, boolean documentIdRequired) {
        String activityId = XapiResource.single(params, "activityId");
        if (activityId == null || !StatementValidator.IRI.matcher(activityId).matches()) {
            throw XapiStatements.invalidParameter("activityId", "is required and must be an IRI");
        }
        String agentKey = "";
        String documentId = XapiDocumentEndpoint.documentId(params, "profileId", documentIdRequired);
        return new XapiDocuments.Key(principal.providerUkprn(), RESOURCE, activityId, agentKey, null, documentId);
    }
}
