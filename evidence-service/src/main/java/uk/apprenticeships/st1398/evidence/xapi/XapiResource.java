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
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.platform.problem.PlatformError;

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
    private final XapiMultipart multipart;
    private final XapiAttachments attachmentStore;
    private final XapiAccess access;
    private final Clock clock;
    private final XapiActivityDefinitions definitions;

    public XapiResource(
            XapiStatements statements,
            XapiMultipart multipart,
            XapiAttachments attachmentStore,
            XapiAccess access,
            Clock clock,
            XapiActivityDefinitions definitions) {
        this.definitions = definitions;
        this.statements = statements;
        this.multipart = multipart;
        this.attachmentStore = attachmentStore;
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
    @Consumes({MediaType.APPLICATION_JSON, XapiMultipart.MEDIA_TYPE})
    @Operation(
            summary = "Store one statement under the statementId parameter (204; 409 if a different one has it)",
            description =
                    "xAPI Statement Resource (xAPI 2.0 Communication 2.1), scoped to the credential's provider. Authenticated with HTTP Basic (an LMS credential, POST /api/v1/xapi-credentials) or an OpenID Connect access token; the X-Experience-API-Version header (2.0.x or 1.0.x) is required. What is implemented: docs/xapi.md.")
    public Response put(
            @HeaderParam(VERSION_HEADER) String version,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Context UriInfo uri,
            InputStream body) {
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
        if (multipart(contentType)) {
            multipart.receive(contentType, body, statementId, principal, version);
        } else {
            statements.put(statementId, json(body), principal, version);
        }
        return Response.noContent().build();
    }

    @POST
    @Path("/statements")
    @Consumes({MediaType.APPLICATION_JSON, XapiMultipart.MEDIA_TYPE})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Store a statement or a batch (all or nothing); answers the ids in order",
            description =
                    "xAPI Statement Resource (xAPI 2.0 Communication 2.1), scoped to the credential's provider. Authenticated with HTTP Basic (an LMS credential, POST /api/v1/xapi-credentials) or an OpenID Connect access token; the X-Experience-API-Version header (2.0.x or 1.0.x) is required. What is implemented: docs/xapi.md.")
    public Response post(
            @HeaderParam(VERSION_HEADER) String version,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Context UriInfo uri,
            InputStream body) {
        XapiVersions.require(version);
        XapiAccess.Principal principal = access.writer(authorization);
        if (!uri.getQueryParameters().isEmpty()) {
            String name = uri.getQueryParameters().keySet().iterator().next();
            throw XapiStatements.invalidParameter(name, "is not a parameter of POST /statements");
        }
        List<String> ids = multipart(contentType)
                ? multipart.receive(contentType, body, null, principal, version)
                : statements.post(json(body), principal, version);
        return Response.ok(ids).type(MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/statements")
    @Produces({MediaType.APPLICATION_JSON, XapiMultipart.MEDIA_TYPE})
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
            boolean withAttachments = attachments(params);
            String id = statementId != null ? statementId : voidedId;
            String name = statementId != null ? "statementId" : "voidedStatementId";
            StatementValidator.uuidParameter(id, name);
            XapiStatements.Stored stored = statements.one(id, voidedId != null, principal);
            JsonNode rendered = render(
                    canonical(format, List.of(stored.statement()), principal).get(0), format, acceptLanguage, version);
            return answer(rendered, List.of(stored.statement()), withAttachments, principal)
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
        // With "more", the cursor's query (attachments included) was checked when the first page was asked for.
        boolean withAttachments = "true".equals(query.get("attachments"));
        attachments(params);
        XapiStatements.Page page = statements.query(XapiQueries.parse(query), query, principal, after);
        ObjectNode result = XapiStatements.STRICT.createObjectNode();
        var list = result.putArray("statements");
        canonical(format, page.statements(), principal)
                .forEach(s -> list.add(render(s, format, acceptLanguage, version)));
        result.put(
                "more",
                page.more() == null
                        ? ""
                        : uri.getBaseUri().getPath().replaceAll("/$", "") + "/xapi/statements?more=" + page.more());
        return answer(result, page.statements(), withAttachments, principal)
                .header(CONSISTENT_THROUGH, consistentThrough)
                .build();
    }

    /** JSON, or with attachments=true multipart/mixed: the JSON, then each attachment's raw data once. */
    private Response.ResponseBuilder answer(
            JsonNode json, List<JsonNode> statements, boolean withAttachments, XapiAccess.Principal principal) {
        if (!withAttachments) {
            return Response.ok(json).type(MediaType.APPLICATION_JSON);
        }
        String boundary = "xapi-" + UUID.randomUUID();
        List<com.mongodb.client.gridfs.model.GridFSFile> files = attachmentFiles(statements, principal);
        StreamingOutput body = out -> {
            out.write(
                    ("--" + boundary + "\r\nContent-Type: application/json\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(json.toString().getBytes(StandardCharsets.UTF_8));
            for (var file : files) {
                Document metadata = file.getMetadata();
                String type = metadata.getString("contentType");
                out.write(("\r\n--" + boundary + "\r\nContent-Type: "
                                + (type == null ? MediaType.APPLICATION_OCTET_STREAM : type)
                                + "\r\nContent-Transfer-Encoding: binary\r\n" + XapiMultipart.HASH + ": "
                                + metadata.getString("sha2") + "\r\nContent-Length: " + file.getLength()
                                + "\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                attachmentStore.copy(file.getObjectId(), out);
            }
            out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        };
        return Response.ok(body).type(XapiMultipart.MEDIA_TYPE + "; boundary=\"" + boundary + "\"");
    }

    /** The stored data of the statements' attachments (and their SubStatements'), each hash once. */
    private List<com.mongodb.client.gridfs.model.GridFSFile> attachmentFiles(
            List<JsonNode> statements, XapiAccess.Principal principal) {
        Map<String, com.mongodb.client.gridfs.model.GridFSFile> files = new LinkedHashMap<>();
        for (JsonNode statement : statements) {
            for (JsonNode list : List.of(
                    statement.path("attachments"), statement.path("object").path("attachments"))) {
                for (JsonNode attachment : list) {
                    String sha2 = attachment.path("sha2").asText().toLowerCase(Locale.ROOT);
                    if (!files.containsKey(sha2)) {
                        attachmentStore.find(principal.providerUkprn(), sha2).ifPresent(f -> files.put(sha2, f));
                    }
                }
            }
        }
        return List.copyOf(files.values());
    }

    /**
     * format=canonical: Activity objects populated with the LRS's canonical definition (Communication 2.1.3,
     * "format"), before the language filtering; the statements as stored otherwise.
     */
    private List<JsonNode> canonical(
            XapiStatements.Format format, List<JsonNode> statements, XapiAccess.Principal principal) {
        return format == XapiStatements.Format.CANONICAL
                ? definitions.populate(principal.providerUkprn(), statements)
                : statements;
    }

    private static JsonNode render(
            JsonNode statement, XapiStatements.Format format, String acceptLanguage, String version) {
        JsonNode shaped = switch (format) {
            case EXACT -> statement;
            case IDS -> StatementFormats.ids(statement);
            case CANONICAL -> StatementFormats.canonical(statement, languages(acceptLanguage));
        };
        return XapiVersions.legacy(version) ? StatementFormats.legacy(shaped) : shaped;
    }

    private static boolean multipart(String contentType) {
        return contentType != null && XapiMultipart.baseType(contentType).equalsIgnoreCase(XapiMultipart.MEDIA_TYPE);
    }

    /** An application/json statements body, at most the statements part's limit. */
    private static String json(InputStream body) {
        try {
            byte[] bytes = body.readNBytes(XapiMultipart.MAX_STATEMENTS_BYTES + 1);
            if (bytes.length > XapiMultipart.MAX_STATEMENTS_BYTES) {
                throw ApiException.of(
                        PlatformError.PAYLOAD_TOO_LARGE,
                        "A statements body is at most " + XapiMultipart.MAX_STATEMENTS_BYTES + " bytes; attachment"
                                + " data goes in multipart/mixed parts.");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    private static boolean attachments(MultivaluedMap<String, String> params) {
        String value = single(params, "attachments");
        if (value != null && !"true".equals(value) && !"false".equals(value)) {
            throw XapiStatements.invalidParameter("attachments", "must be true or false");
        }
        return "true".equals(value);
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
