package uk.apprenticeships.st1398.evidence.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.apprenticeships.st1398.evidence.service.EvidenceError;
import uk.apprenticeships.st1398.platform.problem.ApiException;

/**
 * The Learning Record Store's Statement and About resources (xAPI 2.0, IEEE 9274.1.1, "xAPI-Communication.md"):
 * authenticated with an LMS credential (HTTP Basic) or a bearer token, every request but About carrying
 * {@code X-Experience-API-Version}. docs/xapi.md lists what is implemented.
 */
@Path("/xapi")
@Tag(name = "xAPI Learning Record Store")
public class XapiResource {

    static final String VERSION_HEADER = "X-Experience-API-Version";
    static final String CONSISTENT_THROUGH = "X-Experience-API-Consistent-Through";
    private static final Set<String> PARAMETERS = Set.of(
            "statementId",
            "voidedStatementId",
            "agent",
            "verb",
            "activity",
            "registration",
            "related_activities",
            "related_agents",
            "since",
            "until",
            "limit",
            "format",
            "attachments",
            "ascending",
            "more");
    private static final Set<String> SINGLE_PARAMETERS =
            Set.of("statementId", "voidedStatementId", "format", "attachments");

    private final XapiStatements statements;
    private final XapiAccess access;
    private final Clock clock;

    public XapiResource(XapiStatements statements, XapiAccess access, Clock clock) {
        this.statements = statements;
        this.access = access;
        this.clock = clock;
    }

    @GET
    @Path("/about")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "The xAPI versions this LRS accepts (no authentication, no version header needed)",
            description =
                    "xAPI About Resource (xAPI 2.0 Communication 2.8): public, no credentials and no version header needed.")
    public Map<String, Object> about() {
        return Map.of("version", List.of("2.0.0", "1.0.3"), "extensions", Map.of());
    }

    @PUT
    @Path("/statements")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Store one statement under the statementId parameter (204; 409 if a different one has it)",
            description =
                    "xAPI Statement Resource (xAPI 2.0 Communication 2.1), scoped to the credential's provider. Authenticated with HTTP Basic (an LMS credential, POST /api/v1/xapi-credentials) or an OpenID Connect access token; the X-Experience-API-Version header (2.0.x or 1.0.x) is required. What is implemented: docs/xapi.md.")
    public Response put(
            @HeaderParam(VERSION_HEADER) String version,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Context UriInfo uri,
            String body) {
        XapiVersions.require(version);
        XapiAccess.Principal principal = access.writer(authorization);
        MultivaluedMap<String, String> params = uri.getQueryParameters();
        known(params);
        for (String name : params.keySet()) {
            if (!"statementId".equals(name)) {
                throw XapiStatements.invalidParameter(name, "is not a parameter of PUT /statements");
            }
        }
        String statementId = single(params, "statementId");
        if (statementId == null) {
            throw XapiStatements.invalidParameter("statementId", "is required for PUT (Communication 2.1.1)");
        }
        statements.put(statementId, body, principal);
        return Response.noContent().build();
    }

    @POST
    @Path("/statements")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Store a statement or a batch (all or nothing); answers the ids in order",
            description =
                    "xAPI Statement Resource (xAPI 2.0 Communication 2.1), scoped to the credential's provider. Authenticated with HTTP Basic (an LMS credential, POST /api/v1/xapi-credentials) or an OpenID Connect access token; the X-Experience-API-Version header (2.0.x or 1.0.x) is required. What is implemented: docs/xapi.md.")
    public Response post(
            @HeaderParam(VERSION_HEADER) String version,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Context UriInfo uri,
            String body) {
        XapiVersions.require(version);
        XapiAccess.Principal principal = access.writer(authorization);
        if (!uri.getQueryParameters().isEmpty()) {
            String name = uri.getQueryParameters().keySet().iterator().next();
            throw XapiStatements.invalidParameter(name, "is not a parameter of POST /statements");
        }
        return Response.ok(statements.post(body, principal)).build();
    }

    @GET
    @Path("/statements")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "One statement (statementId, voidedStatementId) or a filtered page of them, newest first",
            description =
                    "xAPI Statement Resource (xAPI 2.0 Communication 2.1), scoped to the credential's provider. Authenticated with HTTP Basic (an LMS credential, POST /api/v1/xapi-credentials) or an OpenID Connect access token; the X-Experience-API-Version header (2.0.x or 1.0.x) is required. What is implemented: docs/xapi.md.")
    public Response get(
            @HeaderParam(VERSION_HEADER) String version,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @Context UriInfo uri) {
        XapiVersions.require(version);
        XapiAccess.Principal principal = access.reader(authorization);
        MultivaluedMap<String, String> params = uri.getQueryParameters();
        known(params);
        String consistentThrough = DateTimeFormatter.ISO_INSTANT.format(clock.instant());
        String statementId = single(params, "statementId");
        String voidedId = single(params, "voidedStatementId");
        if (statementId != null || voidedId != null) {
            if (statementId != null && voidedId != null) {
                throw XapiStatements.invalidParameter("voidedStatementId", "cannot be combined with statementId");
            }
            for (String name : params.keySet()) {
                if (!SINGLE_PARAMETERS.contains(name)) {
                    throw XapiStatements.invalidParameter(
                            name, "cannot be combined with statementId or voidedStatementId (Communication 2.1.3)");
                }
            }
            XapiStatements.Format format = XapiStatements.Format.of(single(params, "format"));
            attachments(params);
            String id = statementId != null ? statementId : voidedId;
            String name = statementId != null ? "statementId" : "voidedStatementId";
            StatementValidator.uuidParameter(id, name);
            XapiStatements.Stored stored = statements.one(id, voidedId != null, principal);
            return Response.ok(render(stored.statement(), format, acceptLanguage))
                    .header(CONSISTENT_THROUGH, consistentThrough)
                    .lastModified(java.util.Date.from(stored.stored()))
                    .build();
        }
        XapiStatements.Cursor after = null;
        Map<String, String> query = new LinkedHashMap<>();
        if (params.containsKey("more")) {
            if (params.size() > 1) {
                throw XapiStatements.invalidParameter("more", "is used alone: it carries the rest of the query");
            }
            after = XapiStatements.Cursor.decode(single(params, "more"));
            query.putAll(after.params());
        } else {
            params.keySet().forEach(name -> query.put(name, single(params, name)));
        }
        XapiStatements.Format format = XapiStatements.Format.of(query.get("format"));
        // With "more", the cursor's query was checked when the first page was asked for.
        attachments(params);
        XapiStatements.Page page = statements.query(XapiQueries.parse(query), query, principal, after);
        ObjectNode result = XapiStatements.STRICT.createObjectNode();
        var list = result.putArray("statements");
        page.statements().forEach(s -> list.add(render(s, format, acceptLanguage)));
        result.put(
                "more",
                page.more() == null
                        ? ""
                        : uri.getBaseUri().getPath().replaceAll("/$", "") + "/xapi/statements?more=" + page.more());
        return Response.ok(result).header(CONSISTENT_THROUGH, consistentThrough).build();
    }

    private static JsonNode render(JsonNode statement, XapiStatements.Format format, String acceptLanguage) {
        return switch (format) {
            case EXACT -> statement;
            case IDS -> StatementFormats.ids(statement);
            case CANONICAL -> StatementFormats.canonical(statement, languages(acceptLanguage));
        };
    }

    private static List<Locale.LanguageRange> languages(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return List.of();
        }
        try {
            return Locale.LanguageRange.parse(acceptLanguage.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    private static void attachments(MultivaluedMap<String, String> params) {
        String value = single(params, "attachments");
        if (value != null && !"true".equals(value) && !"false".equals(value)) {
            throw XapiStatements.invalidParameter("attachments", "must be true or false");
        }
        if ("true".equals(value)) {
            throw ApiException.of(
                            EvidenceError.XAPI_PARAMETER_INVALID,
                            "attachments=true (multipart/mixed answers) is not implemented by this LRS yet; see"
                                    + " docs/xapi.md.")
                    .with("parameter", "attachments");
        }
    }

    private static void known(MultivaluedMap<String, String> params) {
        for (Map.Entry<String, List<String>> entry : params.entrySet()) {
            if (!PARAMETERS.contains(entry.getKey())) {
                throw XapiStatements.invalidParameter(
                        entry.getKey(), "is not a parameter of the Statement Resource (names are case-sensitive)");
            }
            if (entry.getValue().size() > 1) {
                throw XapiStatements.invalidParameter(entry.getKey(), "is given more than once");
            }
        }
    }

    static String single(MultivaluedMap<String, String> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
