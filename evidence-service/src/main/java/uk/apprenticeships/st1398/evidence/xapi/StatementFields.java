package uk.apprenticeships.st1398.evidence.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The values of a statement that the query parameters of GET /xapi/statements filter on (Communication 2.1.3), as
 * sets of keys: an Agent or identified Group is keyed by its inverse functional identifier, so two agents match
 * when they use the same IFI whatever their names (Data 2.4.2.3).
 */
public final class StatementFields {

    public static final String VERBS = "verbs";
    public static final String AGENTS = "agents";
    public static final String RELATED_AGENTS = "relatedAgents";
    public static final String ACTIVITIES = "activities";
    public static final String RELATED_ACTIVITIES = "relatedActivities";
    public static final String REGISTRATIONS = "registrations";
    /** Every filter field, as stored beside the statement. */
    public static final java.util.List<String> NAMES =
            java.util.List.of(VERBS, AGENTS, RELATED_AGENTS, ACTIVITIES, RELATED_ACTIVITIES, REGISTRATIONS);

    public final Set<String> verbs = new LinkedHashSet<>();
    public final Set<String> agents = new LinkedHashSet<>();
    public final Set<String> relatedAgents = new LinkedHashSet<>();
    public final Set<String> activities = new LinkedHashSet<>();
    public final Set<String> relatedActivities = new LinkedHashSet<>();
    public final Set<String> registrations = new LinkedHashSet<>();

    private StatementFields() {}

    public static StatementFields of(JsonNode statement) {
        StatementFields fields = new StatementFields();
        fields.verbs.add(statement.path("verb").path("id").asText());
        addAgent(fields.agents, statement.get("actor"));
        JsonNode object = statement.get("object");
        String objectType = object.path("objectType").asText("Activity");
        if ("Agent".equals(objectType) || "Group".equals(objectType)) {
            addAgent(fields.agents, object);
        }
        if ("Activity".equals(objectType)) {
            fields.activities.add(object.path("id").asText());
        }
        fields.relatedAgents.addAll(fields.agents);
        fields.relatedActivities.addAll(fields.activities);
        addAgent(fields.relatedAgents, statement.get("authority"));
        fields.related(statement.get("context"));
        if ("SubStatement".equals(objectType)) {
            addAgent(fields.relatedAgents, object.get("actor"));
            JsonNode inner = object.get("object");
            String innerType = inner.path("objectType").asText("Activity");
            if ("Activity".equals(innerType)) {
                fields.relatedActivities.add(inner.path("id").asText());
            } else if ("Agent".equals(innerType) || "Group".equals(innerType)) {
                addAgent(fields.relatedAgents, inner);
            }
            fields.related(object.get("context"));
        }
        JsonNode registration = statement.path("context").get("registration");
        if (registration != null) {
            fields.registrations.add(registration.asText().toLowerCase(Locale.ROOT));
        }
        return fields;
    }

    private void related(JsonNode context) {
        if (context == null) {
            return;
        }
        addAgent(relatedAgents, context.get("instructor"));
        addAgent(relatedAgents, context.get("team"));
        JsonNode contextActivities = context.get("contextActivities");
        if (contextActivities != null) {
            contextActivities.forEach(list -> {
                if (list.isArray()) {
                    list.forEach(activity ->
                            relatedActivities.add(activity.path("id").asText()));
                } else {
                    relatedActivities.add(list.path("id").asText());
                }
            });
        }
    }

    /** Adds the target's values: a statement referring to another matches what the target matches (2.1.3). */
    public void inherit(org.bson.Document target) {
        addAll(verbs, target, VERBS);
        addAll(agents, target, AGENTS);
        addAll(relatedAgents, target, RELATED_AGENTS);
        addAll(activities, target, ACTIVITIES);
        addAll(relatedActivities, target, RELATED_ACTIVITIES);
        addAll(registrations, target, REGISTRATIONS);
    }

    /** The filter values of a stored statement's document, field by field. */
    public static java.util.Map<String, java.util.List<String>> valuesOf(org.bson.Document document) {
        java.util.Map<String, java.util.List<String>> values = new java.util.LinkedHashMap<>();
        for (String field : NAMES) {
            java.util.List<String> list = document.getList(field, String.class);
            values.put(field, list == null ? java.util.List.of() : list);
        }
        return values;
    }

    private static void addAll(Set<String> into, org.bson.Document target, String field) {
        java.util.List<String> values = target.getList(field, String.class);
        if (values != null) {
            into.addAll(values);
        }
    }

    public void into(org.bson.Document document) {
        document.append(VERBS, java.util.List.copyOf(verbs))
                .append(AGENTS, java.util.List.copyOf(agents))
                .append(RELATED_AGENTS, java.util.List.copyOf(relatedAgents))
                .append(ACTIVITIES, java.util.List.copyOf(activities))
                .append(RELATED_ACTIVITIES, java.util.List.copyOf(relatedActivities))
                .append(REGISTRATIONS, java.util.List.copyOf(registrations));
    }

    /**
     * An Agent or Group's key, and a Group's members' keys: "for the purposes of this filter, Groups that have
     * members which match the specified Agent based on their Inverse Functional Identifier [...] are considered a
     * match" (Communication 2.1.3, the agent parameter).
     */
    private static void addAgent(Set<String> into, JsonNode actor) {
        addIfPresent(into, agentKey(actor));
        if (actor != null && actor.path("member").isArray()) {
            actor.get("member").forEach(member -> addIfPresent(into, agentKey(member)));
        }
    }

    private static void addIfPresent(Set<String> into, String key) {
        if (key != null) {
            into.add(key);
        }
    }

    /** The key of an Agent or identified Group, or null for an anonymous Group or no actor. */
    public static String agentKey(JsonNode actor) {
        if (actor == null || !actor.isObject()) {
            return null;
        }
        if (actor.hasNonNull("mbox")) {
            return "mbox|" + actor.get("mbox").asText();
        }
        if (actor.hasNonNull("mbox_sha1sum")) {
            return "mbox_sha1sum|" + actor.get("mbox_sha1sum").asText().toLowerCase(Locale.ROOT);
        }
        if (actor.hasNonNull("openid")) {
            return "openid|" + actor.get("openid").asText();
        }
        if (actor.hasNonNull("account")) {
            JsonNode account = actor.get("account");
            return "account|" + account.path("homePage").asText() + "|"
                    + account.path("name").asText();
        }
        return null;
    }
}
