package uk.apprenticeships.st1398.evidence.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The Agents (Communication 2.4) and Activities (Communication 2.5) resources: what the LRS knows of an agent (a
 * Person object) and of an activity (its definition), within the caller's provider.
 */
@Path("/xapi")
@Tag(name = "xAPI Learning Record Store")
public class XapiAgentsActivitiesResource {

    private final XapiAccess access;
    private final StatementStore store;
    private final XapiActivityDefinitions definitions;
    private final XapiPersons persons;

    public XapiAgentsActivitiesResource(
            XapiAccess access, StatementStore store, XapiActivityDefinitions definitions, XapiPersons persons) {
        this.access = access;
        this.store = store;
        this.definitions = definitions;
        this.persons = persons;
    }

    @GET
    @Path("/agents")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "A Person object for an agent: the identities the LRS knows are that person's",
            description =
                    "xAPI Agents / Activities Resources (xAPI 2.0 Communication 2.4 and 2.5), within the caller's provider. Authenticated with HTTP Basic (an LMS credential, POST /api/v1/xapi-credentials) or an OpenID Connect access token; the X-Experience-API-Version header (2.0.x or 1.0.x) is required. What is implemented: docs/xapi.md.")
    @APIResponse(
            responseCode = "200",
            description = "An xAPI Person object (objectType, name, mbox, mbox_sha1sum, openid, account as arrays)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.OBJECT,
                                            description = "xAPI Person object (Communication 2.4)")))
    public JsonNode agents(
            @HeaderParam(XapiResource.VERSION_HEADER) String version,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Context UriInfo uri) {
        XapiVersions.require(version);
        XapiAccess.Principal principal = access.reader(authorization);
        String agent = only(uri.getQueryParameters(), "agent");
        XapiQueries.agentKey(agent);
        JsonNode node = XapiStatements.parse(agent);
        return persons.person(principal.providerUkprn(), node, principal.mayJoinIdentities());
    }

    @GET
    @Path("/activities")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "An Activity object: the definition of the newest of the provider's statements about it that"
                    + " has one, or the id alone",
            description =
                    "xAPI Agents / Activities Resources (xAPI 2.0 Communication 2.4 and 2.5), within the caller's provider. Authenticated with HTTP Basic (an LMS credential, POST /api/v1/xapi-credentials) or an OpenID Connect access token; the X-Experience-API-Version header (2.0.x or 1.0.x) is required. What is implemented: docs/xapi.md.")
    @APIResponse(
            responseCode = "200",
            description = "An xAPI Activity object (objectType, id, definition)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.OBJECT,
                                            description = "xAPI Activity object (Communication 2.5)")))
    public JsonNode activities(
            @HeaderParam(XapiResource.VERSION_HEADER) String version,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Context UriInfo uri) {
        XapiVersions.require(version);
        XapiAccess.Principal principal = access.reader(authorization);
        String activityId = only(uri.getQueryParameters(), "activityId");
        if (!StatementValidator.IRI.matcher(activityId).matches()) {
            throw XapiStatements.invalidParameter("activityId", "must be an IRI");
        }
        ObjectNode activity = XapiStatements.STRICT
                .createObjectNode()
                .put("objectType", "Activity")
                .put("id", activityId);
        java.util.Optional<ObjectNode> canonical = definitions.find(principal.providerUkprn(), activityId);
        if (canonical.isPresent()) {
            activity.set("definition", canonical.get());
            return activity;
        }
        // Statements stored before canonical definitions were kept: the newest definition among them.
        for (org.bson.Document document : store.latestAbout(principal.providerUkprn(), activityId, 100)) {
            JsonNode object =
                    XapiStatements.read(document.getString(StatementStore.RAW)).path("object");
            if (activityId.equals(object.path("id").asText()) && object.has("definition")) {
                activity.set("definition", object.get("definition"));
                break;
            }
        }
        return activity;
    }

    /** The one parameter this resource takes; others, repeats or its absence answer 400. */
    private static String only(MultivaluedMap<String, String> params, String name) {
        for (String key : params.keySet()) {
            if (!Set.of(name).contains(key) || params.get(key).size() > 1) {
                throw XapiStatements.invalidParameter(key, "is not a parameter here (only " + name + ", once)");
            }
        }
        String value = XapiResource.single(params, name);
        if (value == null) {
            throw XapiStatements.invalidParameter(name, "is required");
        }
        return value;
    }
}
