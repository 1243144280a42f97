package uk.apprenticeships.st1398.evidence.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The three statement formats of GET /xapi/statements (Communication 2.1.3, {@code format}) and the comparison
 * that decides whether a statement sent again with a stored id is the same statement (Data 2.3.1).
 */
public final class StatementFormats {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private StatementFormats() {}

    /** {@code ids}: Agents, Groups, Activities and Verbs reduced to what identifies them. */
    public static JsonNode ids(JsonNode statement) {
        ObjectNode copy = statement.deepCopy();
        idsIn(copy);
        return copy;
    }

    private static void idsIn(ObjectNode statement) {
        replace(statement, "actor", StatementFormats::actorIds);
        replace(statement, "authority", StatementFormats::actorIds);
        replace(
                statement,
                "verb",
                verb -> JSON.objectNode().put("id", verb.path("id").asText()));
        JsonNode object = statement.get("object");
        if (object != null) {
            String type = object.path("objectType").asText("Activity");
            switch (type) {
                case "Activity" -> statement.set("object", activityIds(object));
                case "Agent", "Group" -> statement.set("object", actorIds(object));
                case "SubStatement" -> idsIn((ObjectNode) object);
                default -> {}
            }
        }
        JsonNode context = statement.get("context");
        if (context instanceof ObjectNode ctx) {
            replace(ctx, "instructor", StatementFormats::actorIds);
            replace(ctx, "team", StatementFormats::actorIds);
            if (ctx.get("contextActivities") instanceof ObjectNode activities) {
                List<String> names = new ArrayList<>();
                activities.fieldNames().forEachRemaining(names::add);
                for (String name : names) {
                    ArrayNode reduced = JSON.arrayNode();
                    activities.get(name).forEach(activity -> reduced.add(activityIds(activity)));
                    activities.set(name, reduced);
                }
            }
        }
    }

    private static JsonNode activityIds(JsonNode activity) {
        return JSON.objectNode()
                .put("objectType", "Activity")
                .put("id", activity.path("id").asText());
    }

    private static JsonNode actorIds(JsonNode actor) {
        ObjectNode reduced = JSON.objectNode();
        String type = actor.path("objectType").asText("Agent");
        reduced.put("objectType", type);
        boolean identified = false;
        for (String ifi : new String[] {"mbox", "mbox_sha1sum", "openid", "account"}) {
            if (actor.has(ifi)) {
                reduced.set(ifi, actor.get(ifi).deepCopy());
                identified = true;
            }
        }
        if (!identified && actor.has("member")) {
            // An anonymous Group is identified by its members (Communication 2.1.3, format "ids").
            ArrayNode members = reduced.putArray("member");
            actor.get("member").forEach(member -> members.add(actorIds(member)));
        }
        return reduced;
    }

    /**
     * {@code canonical}: every language map reduced to the one language the client prefers (Accept-Language, in
     * order), else the first the map has.
     */
    public static JsonNode canonical(JsonNode statement, List<Locale.LanguageRange> preferred) {
        JsonNode copy = statement.deepCopy();
        reduceLanguageMaps(copy, preferred, null);
        return copy;
    }

    private static void reduceLanguageMaps(JsonNode node, List<Locale.LanguageRange> preferred, String name) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String field : names) {
                if ("extensions".equals(field)) {
                    continue;
                }
                JsonNode value = object.get(field);
                if (isLanguageMapField(field) && value instanceof ObjectNode map && map.size() > 1) {
                    object.set(field, pick(map, preferred));
                } else {
                    reduceLanguageMaps(value, preferred, field);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(item -> reduceLanguageMaps(item, preferred, name));
        }
    }

    private static boolean isLanguageMapField(String field) {
        return "display".equals(field) || "name".equals(field) || "description".equals(field);
    }

    private static ObjectNode pick(ObjectNode map, List<Locale.LanguageRange> preferred) {
        List<String> tags = new ArrayList<>();
        map.fieldNames().forEachRemaining(tags::add);
        String chosen = tags.get(0);
        if (!preferred.isEmpty()) {
            List<String> lower =
                    tags.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
            String match = Locale.lookupTag(preferred, lower);
            if (match != null) {
                chosen = tags.get(lower.indexOf(match));
            }
        }
        ObjectNode one = JSON.objectNode();
        one.set(chosen, map.get(chosen));
        return one;
    }

    private static void replace(ObjectNode parent, String field, java.util.function.Function<JsonNode, JsonNode> f) {
        JsonNode value = parent.get(field);
        if (value != null) {
            parent.set(field, f.apply(value));
        }
    }

    /**
     * Whether two statements are the same statement in the sense of Data 2.3.1: ignoring {@code authority},
     * {@code stored} and {@code version} (the LRS sets them), the case of UUIDs, how a timestamp writes its offset,
     * the order of Group members, and the LRS's normalisation of single context activities to arrays.
     */
    /**
     * A statement as an xAPI 1.0.3 client can read it: the 2.0-only context properties {@code contextAgents} and
     * {@code contextGroups} (Data 2.4.6) are left out, also in a SubStatement, and a {@code version} of 2.0.x reads
     * {@code 1.0.0}, the version 1.0.3 statements carry. Nothing else differs between the two data models.
     */
    public static JsonNode legacy(JsonNode statement) {
        if (!(statement instanceof ObjectNode original)) {
            return statement;
        }
        ObjectNode copy = original.deepCopy();
        for (JsonNode context :
                List.of(copy.path("context"), copy.path("object").path("context"))) {
            if (context instanceof ObjectNode c) {
                c.remove(List.of("contextAgents", "contextGroups"));
            }
        }
        if (copy.path("version").asText().startsWith("2.")) {
            copy.put("version", "1.0.0");
        }
        return copy;
    }

    public static boolean same(JsonNode a, JsonNode b) {
        return comparable(a).equals(comparable(b));
    }

    static JsonNode comparable(JsonNode statement) {
        ObjectNode copy = statement.deepCopy();
        copy.remove(List.of("authority", "stored", "version"));
        if (copy.has("id")) {
            copy.put("id", copy.get("id").asText().toLowerCase(Locale.ROOT));
        }
        normalise(copy);
        return copy;
    }

    private static void normalise(ObjectNode statement) {
        if (statement.get("timestamp") != null) {
            statement.put("timestamp", instant(statement.get("timestamp").asText()));
        }
        sortMembers(statement.get("actor"));
        JsonNode object = statement.get("object");
        sortMembers(object);
        if (object instanceof ObjectNode obj) {
            if ("StatementRef".equals(obj.path("objectType").asText())) {
                obj.put("id", obj.path("id").asText().toLowerCase(Locale.ROOT));
            }
            if ("SubStatement".equals(obj.path("objectType").asText())) {
                normalise(obj);
            }
        }
        if (statement.get("context") instanceof ObjectNode context) {
            sortMembers(context.get("instructor"));
            sortMembers(context.get("team"));
            if (context.has("registration")) {
                context.put("registration", context.get("registration").asText().toLowerCase(Locale.ROOT));
            }
            arrays(context);
        }
    }

    /** Single context activities become arrays of one (Data 2.4.6.2: the LRS returns them so). */
    static void arrays(ObjectNode context) {
        if (context.get("contextActivities") instanceof ObjectNode activities) {
            List<String> names = new ArrayList<>();
            activities.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = activities.get(name);
                if (!value.isArray()) {
                    activities.set(name, JSON.arrayNode().add(value));
                }
            }
        }
    }

    private static void sortMembers(JsonNode actor) {
        if (actor instanceof ObjectNode group && group.get("member") instanceof ArrayNode members) {
            List<JsonNode> sorted = new ArrayList<>();
            members.forEach(sorted::add);
            sorted.sort((x, y) -> x.toString().compareTo(y.toString()));
            ArrayNode replaced = JSON.arrayNode();
            sorted.forEach(replaced::add);
            group.set("member", replaced);
        }
    }

    /** A timestamp as an instant (UTC; no offset means UTC) when it parses; otherwise unchanged. */
    static String instant(String timestamp) {
        String t = timestamp.replace(' ', 'T');
        try {
            return OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant()
                    .toString();
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(t)
                        .toInstant(java.time.ZoneOffset.UTC)
                        .toString();
            } catch (DateTimeParseException again) {
                return timestamp;
            }
        }
    }

    static Iterator<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        return node.fields();
    }
}
