package uk.apprenticeships.st1398.evidence.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.apprenticeships.st1398.evidence.service.EvidenceError;
import uk.apprenticeships.st1398.platform.problem.ApiException;

/**
 * xAPI documents (today: the State Resource), one MongoDB document each, keyed by a digest of provider, resource,
 * activity, agent, registration and document id. The ETag is the SHA-1 of the content (Communication 3.1); every
 * conditional write is a single-document operation conditioned on it, so two writers cannot both win.
 */
@ApplicationScoped
public class XapiDocuments {

    /** Which document: {@code documentId} null names all of the activity, agent and registration. */
    public record Key(
            String provider,
            String resource,
            String activityId,
            String agentKey,
            String registration,
            String documentId) {

        String id() {
            return sha256(String.join(
                    "\u0000",
                    provider,
                    resource,
                    activityId,
                    agentKey,
                    registration == null ? "" : registration,
                    documentId));
        }

        Bson scope() {
            List<Bson> filters = new ArrayList<>(List.of(
                    Filters.eq("provider", provider),
                    Filters.eq("resource", resource),
                    Filters.eq("activityId", activityId),
                    Filters.eq("agent", agentKey)));
            filters.add(Filters.eq("registration", registration));
            return Filters.and(filters);
        }
    }

    public record Stored(byte[] content, String contentType, String etag, Instant updated) {}

    private final MongoCollection<Document> documents;
    private final Clock clock;

    public XapiDocuments(
            MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database, Clock clock) {
        this.documents = client.getDatabase(database).getCollection("xapi_documents");
        this.clock = clock;
    }

    void createIndexes(@Observes StartupEvent event) {
        documents.createIndex(
                Indexes.ascending("provider", "resource", "activityId", "agent", "registration", "updated"),
                new IndexOptions().name("scope_updated"));
    }

    /** PUT (replace) or POST ({@code merge}: JSON objects merged property by property, Communication 2.3). */
    public void put(
            Key key,
            String contentType,
            byte[] body,
            String ifMatch,
            String ifNoneMatch,
            boolean merge,
            boolean conditionRequiredToReplace) {
        String type = contentType == null ? "application/octet-stream" : contentType;
        Document existing = documents.find(Filters.eq("_id", key.id())).first();
        checkPreconditions(existing, ifMatch, ifNoneMatch);
        if (conditionRequiredToReplace && existing != null && ifMatch == null && ifNoneMatch == null) {
            // Communication 3.1: a PUT to an existing profile document without a precondition is a lost update.
            throw ApiException.of(
                            EvidenceError.XAPI_DOCUMENT_CONFLICT,
                            "The " + key.resource() + " document exists: read it and send If-Match with its ETag"
                                    + " (or If-None-Match: * to create only).")
                    .with("documentId", key.documentId());
        }
        byte[] content = body == null ? new byte[0] : body;
        if (merge && existing != null) {
            ObjectNode merged =
                    jsonObject(existing.get("content", Binary.class).getData(), existing.getString("contentType"));
            ObjectNode update = jsonObject(content, type);
            merged.setAll(update);
            content = merged.toString().getBytes(StandardCharsets.UTF_8);
            type = "application/json";
        } else if (merge) {
            jsonObject(content, type);
        }
        Document document = new Document("_id", key.id())
                .append("provider", key.provider())
                .append("resource", key.resource())
                .append("activityId", key.activityId())
                .append("agent", key.agentKey())
                .append("registration", key.registration())
                .append("documentId", key.documentId())
                .append("contentType", type)
                .append("content", new Binary(content))
                .append("etag", sha1(content))
                .append("updated", Date.from(clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        if (existing == null) {
            try {
                documents.insertOne(document);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                throw changed(key);
            }
        } else if (documents
                        .replaceOne(
                                Filters.and(
                                        Filters.eq("_id", key.id()), Filters.eq("etag", existing.getString("etag"))),
                                document)
                        .getMatchedCount()
                == 0) {
            throw changed(key);
        }
    }

    public Stored get(Key key) {
        Document found = documents.find(Filters.eq("_id", key.id())).first();
        if (found == null) {
            throw ApiException.of(
                            EvidenceError.XAPI_DOCUMENT_NOT_FOUND,
                            "No " + key.resource() + " document " + key.documentId() + " for this activity and agent.")
                    .with("documentId", key.documentId());
        }
        return new Stored(
                found.get("content", Binary.class).getData(),
                found.getString("contentType"),
                found.getString("etag"),
                found.getDate("updated").toInstant());
    }

    /** The document ids of the scope, stored after {@code since} when given. */
    public List<String> ids(Key key, Instant since) {
        Bson filter = since == null ? key.scope() : Filters.and(key.scope(), Filters.gt("updated", Date.from(since)));
        List<String> ids = new ArrayList<>();
        documents
                .find(filter)
                .projection(Projections.include("documentId"))
                .sort(Sorts.ascending("documentId"))
                .forEach(d -> ids.add(d.getString("documentId")));
        return ids;
    }

    public void delete(Key key, String ifMatch) {
        if (key.documentId() == null) {
            documents.deleteMany(key.scope());
            return;
        }
        Document existing = documents.find(Filters.eq("_id", key.id())).first();
        checkPreconditions(existing, ifMatch, null);
        if (existing != null
                && documents
                                .deleteOne(Filters.and(
                                        Filters.eq("_id", key.id()), Filters.eq("etag", existing.getString("etag"))))
                                .getDeletedCount()
                        == 0) {
            throw changed(key);
        }
    }

    /** Communication 3.1: If-Match must name the current ETag (or * for any); If-None-Match: * only when absent. */
    private static void checkPreconditions(Document existing, String ifMatch, String ifNoneMatch) {
        String current = existing == null ? null : existing.getString("etag");
        if (ifMatch != null) {
            boolean matches = current != null
                    && ("*".equals(ifMatch.trim())
                            || List.of(ifMatch.split(",")).stream()
                                    .map(t -> t.trim().replaceFirst("^W/", "").replace("\"", ""))
                                    .anyMatch(current::equals));
            if (!matches) {
                throw ApiException.of(
                                EvidenceError.XAPI_DOCUMENT_PRECONDITION_FAILED,
                                "If-Match does not name the document's current ETag; read it again.")
                        .with("header", "If-Match");
            }
        }
        if (ifNoneMatch != null && current != null) {
            boolean matches = "*".equals(ifNoneMatch.trim())
                    || List.of(ifNoneMatch.split(",")).stream()
                            .map(t -> t.trim().replaceFirst("^W/", "").replace("\"", ""))
                            .anyMatch(current::equals);
            if (matches) {
                throw ApiException.of(
                                EvidenceError.XAPI_DOCUMENT_PRECONDITION_FAILED,
                                "If-None-Match: the document exists (with this ETag).")
                        .with("header", "If-None-Match");
            }
        }
    }

    private static ApiException changed(Key key) {
        return ApiException.of(
                        EvidenceError.XAPI_DOCUMENT_PRECONDITION_FAILED,
                        "The " + key.resource() + " document changed while this request was written; read it again.")
                .with("documentId", key.documentId());
    }

    private static ObjectNode jsonObject(byte[] content, String contentType) {
        if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
            throw notJson();
        }
        try {
            JsonNode node = XapiStatements.STRICT.readTree(content);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (java.io.IOException e) {
            // answered below
        }
        throw notJson();
    }

    private static ApiException notJson() {
        return ApiException.of(
                EvidenceError.XAPI_DOCUMENT_NOT_JSON,
                "POST merges JSON objects: the document sent and the one stored must both be application/json"
                        + " objects (Communication 2.3); use PUT to replace it.");
    }

    static String sha1(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
