package uk.apprenticeships.st1398.evidence.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The LRS's canonical definition of each activity, per provider ({@code xapi_activities}), merged from the
 * definitions its statements carry (xAPI-Data.md 2.4.4.1 "LRS Requirements": upon a definition that differs from the
 * one stored the LRS decides whether the sender may change it and updates it; it may make small corrections, and
 * should not make significant changes such as to correct responses). The provider's own LMS credentials and tokens
 * are the only senders of its statements, so they are trusted to change its definitions, within these rules:
 *
 * <ul>
 *   <li>{@code name}, {@code description} (language maps) and {@code extensions}: merged entry by entry, a later
 *       statement's entry replacing the same language's or key's (corrections, new languages, new extensions);
 *   <li>{@code type} and {@code moreInfo}: a later statement's value replaces the stored one;
 *   <li>the interaction ({@code interactionType}, {@code correctResponsesPattern}, {@code choices}, {@code scale},
 *       {@code source}, {@code target}, {@code steps}): taken from the first definition that has an interaction
 *       and not changed after, except that the {@code description} of a component with the same {@code id} is
 *       merged like the other language maps (a spelling fix, not a change to what is correct).
 * </ul>
 *
 * <p>Each write is conditioned on the version read ({@code replaceOne} with {@code _id} and {@code version}; a new
 * definition is an {@code insertOne} whose duplicate key means another request was first), and retried on a lost
 * race: the same operations, with the same outcome, on MongoDB and on the embedded wire server.
 */
@ApplicationScoped
public class XapiActivityDefinitions {

    static final List<String> LANGUAGE_MAPS = List.of("name", "description");
    static final List<String> REPLACED = List.of("type", "moreInfo");
    static final List<String> INTERACTION =
            List.of("interactionType", "correctResponsesPattern", "choices", "scale", "source", "target", "steps");
    static final List<String> COMPONENTS = List.of("choices", "scale", "source", "target", "steps");
    private static final int ATTEMPTS = 5;

    private final MongoCollection<Document> activities;
    private final Clock clock;

    public XapiActivityDefinitions(
            MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database, Clock clock) {
        this.activities = client.getDatabase(database).getCollection("xapi_activities");
        this.clock = clock;
    }

    /** An admin reads an activity across providers (real MongoDB; the embedded wire server keeps unique ones). */
    void createIndexes(@Observes StartupEvent event) {
        activities.createIndex(Indexes.ascending("activityId", "updated"), new IndexOptions().name("activity"));
    }

    /** The activities with a definition in these statements (objects, context activities, SubStatements). */
    static Map<String, ObjectNode> definitionsIn(List<? extends JsonNode> statements) {
        Map<String, ObjectNode> found = new LinkedHashMap<>();
        for (JsonNode statement : statements) {
            collect(statement, found);
            JsonNode object = statement.path("object");
            if ("SubStatement".equals(object.path("objectType").asText())) {
                collect(object, found);
            }
        }
        return found;
    }

    private static void collect(JsonNode statement, Map<String, ObjectNode> found) {
        add(statement.path("object"), found);
        JsonNode contextActivities = statement.path("context").path("contextActivities");
        contextActivities.forEach(list -> {
            if (list.isArray()) {
                list.forEach(activity -> add(activity, found));
            } else {
                add(list, found);
            }
        });
    }

    private static void add(JsonNode activity, Map<String, ObjectNode> found) {
        if (!activity.isObject()
                || !"Activity".equals(activity.path("objectType").asText("Activity"))
                || !activity.has("id")
                || !(activity.get("definition") instanceof ObjectNode definition)) {
            return;
        }
        String id = activity.get("id").asText();
        ObjectNode earlier = found.get(id);
        found.put(id, earlier == null ? definition.deepCopy() : merge(earlier, definition));
    }

    /**
     * Merges the definitions of a request's statements into the provider's canonical ones: one read of those that
     * exist, then a write for each that changed. A failure is logged, not raised: the statements are stored, and
     * the definition is brought up to date by the next statement that carries it.
     */
    public void record(String provider, List<? extends JsonNode> statements) {
        Map<String, ObjectNode> received = definitionsIn(statements);
        if (received.isEmpty()) {
            return;
        }
        try {
            Map<String, String> ids = new LinkedHashMap<>();
            received.keySet().forEach(activityId -> ids.put(key(provider, activityId), activityId));
            Map<String, Document> stored = new LinkedHashMap<>();
            activities.find(Filters.in("_id", ids.keySet())).forEach(d -> stored.put(d.getString("_id"), d));
            for (Map.Entry<String, String> entry : ids.entrySet()) {
                write(
                        provider,
                        entry.getValue(),
                        entry.getKey(),
                        received.get(entry.getValue()),
                        stored.get(entry.getKey()));
            }
        } catch (RuntimeException e) {
            Log.warnf(e, "xAPI: could not update the canonical activity definitions of provider %s", provider);
        }
    }

    private void write(String provider, String activityId, String id, ObjectNode received, Document stored) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (stored == null) {
                try {
                    activities.insertOne(new Document("_id", id)
                            .append("provider", provider)
                            .append("activityId", activityId)
                            .append("definition", received.toString())
                            .append("version", 1L)
                            .append("updated", Date.from(clock.instant())));
                    return;
                } catch (MongoWriteException e) {
                    if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                }
            } else {
                ObjectNode current = (ObjectNode) XapiStatements.read(stored.getString("definition"));
                ObjectNode merged = merge(current, received);
                if (merged.equals(current)) {
                    return;
                }
                long version = ((Number) stored.get("version")).longValue();
                Document next = new Document(stored)
                        .append("definition", merged.toString())
                        .append("version", version + 1)
                        .append("updated", Date.from(clock.instant()));
                if (activities
                                .replaceOne(Filters.and(Filters.eq("_id", id), Filters.eq("version", version)), next)
                                .getMatchedCount()
                        == 1) {
                    return;
                }
            }
            stored = activities.find(Filters.eq("_id", id)).first();
        }
        Log.warnf(
                "xAPI: gave up merging the definition of %s (provider %s) after %d races",
                activityId, provider, ATTEMPTS);
    }

    /** The canonical definition (a copy of the stored with the received merged in, by the rules above). */
    static ObjectNode merge(ObjectNode stored, ObjectNode received) {
        ObjectNode merged = stored.deepCopy();
        for (String map : LANGUAGE_MAPS) {
            mergeMap(merged, received, map);
        }
        mergeMap(merged, received, "extensions");
        for (String property : REPLACED) {
            if (received.has(property)) {
                merged.set(property, received.get(property).deepCopy());
            }
        }
        if (!merged.has("interactionType") && received.has("interactionType")) {
            for (String property : INTERACTION) {
                if (received.has(property)) {
                    merged.set(property, received.get(property).deepCopy());
                }
            }
        } else if (merged.has("interactionType")) {
            for (String list : COMPONENTS) {
                if (merged.get(list) instanceof ArrayNode components && received.get(list) instanceof ArrayNode more) {
                    for (JsonNode component : components) {
                        for (JsonNode other : more) {
                            if (component.path("id").equals(other.path("id")) && component instanceof ObjectNode c) {
                                mergeMap(c, (ObjectNode) other, "description");
                            }
                        }
                    }
                }
            }
        }
        return merged;
    }

    private static void mergeMap(ObjectNode into, ObjectNode from, String property) {
        if (!(from.get(property) instanceof ObjectNode entries)) {
            return;
        }
        ObjectNode target = into.get(property) instanceof ObjectNode existing ? existing : into.putObject(property);
        entries.fields()
                .forEachRemaining(e -> target.set(e.getKey(), e.getValue().deepCopy()));
    }

    /** The provider's canonical definition of the activity; an admin's (provider null): every provider's merged. */
    public Optional<ObjectNode> find(String provider, String activityId) {
        if (provider != null) {
            return Optional.ofNullable(activities
                            .find(Filters.eq("_id", key(provider, activityId)))
                            .first())
                    .map(d -> (ObjectNode) XapiStatements.read(d.getString("definition")));
        }
        ObjectNode merged = null;
        for (Document d : activities
                .find(Filters.eq("activityId", activityId))
                .sort(Sorts.ascending("updated"))
                .into(new ArrayList<>())) {
            ObjectNode definition = (ObjectNode) XapiStatements.read(d.getString("definition"));
            merged = merged == null ? definition : merge(merged, definition);
        }
        return Optional.ofNullable(merged);
    }

    /**
     * Copies of the statements whose Activity objects (object, context activities, a SubStatement's) carry the
     * canonical definition where the LRS has one: one read for the page.
     */
    public List<JsonNode> populate(String provider, List<JsonNode> statements) {
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        List<JsonNode> copies = new ArrayList<>();
        for (JsonNode statement : statements) {
            JsonNode copy = statement.deepCopy();
            copies.add(copy);
            activities(copy, a -> ids.add(a.path("id").asText()));
        }
        Map<String, ObjectNode> canonical = new LinkedHashMap<>();
        if (provider != null) {
            Map<String, String> byKey = new LinkedHashMap<>();
            ids.forEach(id -> byKey.put(key(provider, id), id));
            if (!byKey.isEmpty()) {
                activities
                        .find(Filters.in("_id", byKey.keySet()))
                        .forEach(d -> canonical.put(d.getString("activityId"), (ObjectNode)
                                XapiStatements.read(d.getString("definition"))));
            }
        } else {
            ids.forEach(id -> find(null, id).ifPresent(d -> canonical.put(id, d)));
        }
        if (!canonical.isEmpty()) {
            copies.forEach(copy -> activities(copy, a -> {
                ObjectNode definition = canonical.get(a.path("id").asText());
                if (definition != null) {
                    a.set("definition", definition.deepCopy());
                }
            }));
        }
        return copies;
    }

    /** Each Activity object of a statement: object, context activities, and those of a SubStatement. */
    private static void activities(JsonNode statement, java.util.function.Consumer<ObjectNode> each) {
        for (JsonNode part : List.of(statement, statement.path("object"))) {
            if (part != statement
                    && !"SubStatement".equals(part.path("objectType").asText())) {
                continue;
            }
            if (part.path("object") instanceof ObjectNode object
                    && "Activity".equals(object.path("objectType").asText("Activity"))
                    && object.has("id")) {
                each.accept(object);
            }
            part.path("context").path("contextActivities").forEach(list -> {
                if (list.isArray()) {
                    list.forEach(a -> {
                        if (a instanceof ObjectNode activity) {
                            each.accept(activity);
                        }
                    });
                } else if (list instanceof ObjectNode activity) {
                    each.accept(activity);
                }
            });
        }
    }

    static String key(String provider, String activityId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((provider + "|" + activityId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
