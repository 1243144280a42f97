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
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The State Resource (Communication 2.3): documents an LMS keeps per activity, agent, optional registration and
 * stateId, with ETags and {@code If-Match} / {@code If-None-Match} (Communication 3.1). Same authentication and
 * version header as the statements; each provider has its own documents.
 */
@Path("/xapi/activities/state")
@Tag(name = "xAPI Learning Record Store")
public class XapiStateResource {

    private static final Set<String> PARAMETERS = Set.of("activityId", "agent", "registration", "stateId", "since");

    private final XapiDocuments documents;
    private final XapiAccess access;

    public XapiStateResource(XapiDocuments documents, XapiAccess access) {
        this.documents = documents;
        this.access = access;
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Store a state document (204); If-Match / If-None-Match: * are honoured (412)",
            description =
                    "xAPI State Resource (xAPI 2.0 Communication 2.3), per provider, with ETags and If-Match / If-None-Match (Communication 3.1). Authenticated with HTTP Basic (an LMS credential, POST /api/v1/xapi-credentials) or an OpenID Connect access token; the X-Experience-API-Version header (2.0.x or 1.0.x) is required. What is implemented: docs/xapi.md.")
    public Response put(
            @HeaderParam(XapiResource.VERSION_HEADER) String version,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Context UriInfo uri,
            byte[] body) {
        XapiVersions.require(version);
        XapiAccess.Principal principal = access.writer(authorization);
        XapiDocuments.Key key = key(uri.getQueryParameters(), principal, true);
        documents.put(key, contentType, body, ifMatch, ifNoneMatch, false, false);
        return Response.noContent().build();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Merge a JSON object into a state document (204); both must be JSON objects (400)",
            description =
                    "xAPI State Resource (xAPI 2.0 Communication 2.3), per provider, with ETags and If-Match / If-None-Match (Communication 3.1). Authenticated with HTTP Basic (an LMS credential, POST /api/v1/xapi-credentials) or an OpenID Connect access token; the X-Experience-API-Version header (2.0.x or 1.0.x) is required. What is implemented: docs/xapi.md.")
    public Response post(
            @HeaderParam(XapiResource.VERSION_HEADER) String version,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Context UriInfo uri,
            byte[] body) {
        XapiVersions.require(version);
        XapiAccess.Principal principal = access.writer(authorization);
        XapiDocuments.Key key = key(uri.getQueryParameters(), principal, true);
        documents.put(key, contentType, body, ifMatch, ifNoneMatch, true, false);
        return Response.noContent().build();
    }

    @GET
    @Operation(
            summary = "A state document (with its ETag), or the stateIds stored (since a time) when none is named",
            description =
                    "xAPI State Resource (xAPI 2.0 Communication 2.3), per provider, with ETags and If-Match / If-None-Match (Communication 3.1). Authenticated with HTTP Basic (an LMS credential, POST /api/v1/xapi-credentials) or an OpenID Connect access token; the X-Experience-API-Version header (2.0.x or 1.0.x) is required. What is implemented: docs/xapi.md.")
    public Response get(
            @HeaderParam(XapiResource.VERSION_HEADER) String version,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Context UriInfo uri) {
        XapiVersions.require(version);
        XapiAccess.Principal principal = access.writer(authorization);
        MultivaluedMap<String, String> params = uri.getQueryParameters();
        XapiDocuments.Key key = key(params, principal, false);
        if (key.documentId() == null) {
            String since = XapiResource.single(params, "since");
            java.time.Instant after = null;
            if (since != null) {
                after = XapiQueries.parse(java.util.Map.of("since", since)).since();
            }
            List<String> ids = documents.ids(key, after);
            return Response.ok(ids, MediaType.APPLICATION_JSON).build();
        }
        if (params.containsKey("since")) {
            throw XapiStatements.invalidParameter("since", "is only used without stateId");
        }
        XapiDocuments.Stored stored = documents.get(key);
        return Response.ok(stored.content(), stored.contentType())
                .header(HttpHeaders.ETAG, "\"" + stored.etag() + "\"")
                .lastModified(Date.from(stored.updated()))
                .build();
    }

    @DELETE
    @Operation(
            summary = "Delete a state document, or all of the activity and agent (and registration) without stateId",
            description =
                    "xAPI State Resource (xAPI 2.0 Communication 2.3), per provider, with ETags and If-Match / If-None-Match (Communication 3.1). Authenticated with HTTP Basic (an LMS credential, POST /api/v1/xapi-credentials) or an OpenID Connect access token; the X-Experience-API-Version header (2.0.x or 1.0.x) is required. What is implemented: docs/xapi.md.")
    public Response delete(
            @HeaderParam(XapiResource.VERSION_HEADER) String version,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context UriInfo uri) {
        XapiVersions.require(version);
        XapiAccess.Principal principal = access.writer(authorization);
        MultivaluedMap<String, String> params = uri.getQueryParameters();
        if (params.containsKey("since")) {
            throw XapiStatements.invalidParameter("since", "is not a parameter of DELETE");
        }
        documents.delete(key(params, principal, false), ifMatch);
        return Response.noContent().build();
    }

    private static XapiDocuments.Key key(
            MultivaluedMap<String, String> params, XapiAccess.Principal principal, boolean stateIdRequired) {
        for (var entry : params.entrySet()) {
            if (!PARAMETERS.contains(entry.getKey())) {
                throw XapiStatements.invalidParameter(
                        entry.getKey(), "is not a parameter of the State Resource (names are case-sensitive)");
            }
            if (entry.getValue().size() > 1) {
                throw XapiStatements.invalidParameter(entry.getKey(), "is given more than once");
            }
        }
        if (stateIdRequired && params.containsKey("since")) {
            throw XapiStatements.invalidParameter("since", "is only used by GET without stateId");
        }
        String activityId = XapiResource.single(params, "activityId");
        if (activityId == null || !StatementValidator.IRI.matcher(activityId).matches()) {
            throw XapiStatements.invalidParameter("activityId", "is required and must be an IRI");
        }
        String agent = XapiResource.single(params, "agent");
        if (agent == null) {
            throw XapiStatements.invalidParameter("agent", "is required");
        }
        String agentKey = XapiQueries.agentKey(agent);
        String registration = XapiResource.single(params, "registration");
        if (registration != null) {
            StatementValidator.uuidParameter(registration, "registration");
            registration = registration.toLowerCase(java.util.Locale.ROOT);
        }
        String stateId = XapiResource.single(params, "stateId");
        if (stateIdRequired && (stateId == null || stateId.isEmpty())) {
            throw XapiStatements.invalidParameter("stateId", "is required");
        }
        return new XapiDocuments.Key(principal.providerUkprn(), "state", activityId, agentKey, registration, stateId);
    }
}
