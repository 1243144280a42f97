package uk.apprenticeships.st1398.evidence.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import uk.apprenticeships.st1398.evidence.service.EvidenceError;
import uk.apprenticeships.st1398.platform.problem.ApiException;

/**
 * Checks a statement against the xAPI 2.0 data model (IEEE 9274.1.1, "xAPI-Data.md" of adlnet/xAPI-Spec): the
 * properties each object may have, their types and forms, and the rules between them. The first violation found
 * answers 400 {@code xapi-statement-invalid} naming the property's path; nothing is stored.
 */
public final class StatementValidator {

    public static final String VOIDED = "http://adlnet.gov/expapi/verbs/voided";
    static final String SIGNATURE_USAGE = "http://adlnet.gov/expapi/attachments/signature";

    static final Pattern UUID =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    /** An absolute IRI: a scheme, a colon, and no whitespace or characters RFC 3987 excludes. */
    static final Pattern IRI = Pattern.compile("^[A-Za-z][A-Za-z0-9+.\\-]*:[^\\s<>\"{}|\\\\^`\\x00-\\x1f]+$");

    static final Pattern MBOX = Pattern.compile("^mailto:[^@\\s:/]+@[^@\\s]+$");
    static final Pattern SHA1 = Pattern.compile("^[0-9a-fA-F]{40}$");
    /** ISO 8601:2004 4.4.3.2 durations (and weeks alone, 4.4.3.2 c); not the alternative format of 4.4.3.3. */
    static final Pattern DURATION = Pattern.compile("^P(?:\\d+(?:[.,]\\d+)?W|(?=\\d|T\\d)(?:\\d+(?:[.,]\\d+)?Y)?"
            + "(?:\\d+(?:[.,]\\d+)?M)?(?:\\d+(?:[.,]\\d+)?D)?(?:T(?=\\d)(?:\\d+(?:[.,]\\d+)?H)?(?:\\d+(?:[.,]\\d+)?M)?"
            + "(?:\\d+(?:[.,]\\d+)?S)?)?)$");
    /** ISO 8601 extended (and RFC 3339's space separator) or basic date-time; offset checked separately. */
    static final Pattern TIMESTAMP_EXTENDED = Pattern.compile(
            "^(\\d{4})-(\\d{2})-(\\d{2})[Tt ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?(Z|z|[+-]\\d{2}(?::?\\d{2})?)?$");

    static final Pattern TIMESTAMP_BASIC = Pattern.compile(
            "^(\\d{4})(\\d{2})(\\d{2})T(\\d{2})(\\d{2})(?:(\\d{2})(?:[.,]\\d+)?)?(Z|[+-]\\d{2}(?:\\d{2})?)?$");
    /** RFC 5646 language tags (langtag, private use; grandfathered tags are not accepted). */
    static final Pattern LANGUAGE_TAG = Pattern.compile(
            "^(?:(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})"
                    + "(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|\\d{3}))?(?:-(?:[A-Za-z0-9]{5,8}|\\d[A-Za-z0-9]{3}))*"
                    + "(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*(?:-[xX](?:-[A-Za-z0-9]{1,8})+)?|[xX](?:-[A-Za-z0-9]{1,8})+)$");

    static final Pattern VERSION = Pattern.compile("^[12]\\.0(?:\\.\\d+)?$");

    private static final Set<String> STATEMENT = Set.of(
            "id",
            "actor",
            "verb",
            "object",
            "result",
            "context",
            "timestamp",
            "stored",
            "authority",
            "version",
            "attachments");
    private static final Set<String> SUB_STATEMENT =
            Set.of("objectType", "actor", "verb", "object", "result", "context", "timestamp", "attachments");
    private static final Set<String> AGENT = Set.of("objectType", "name", "mbox", "mbox_sha1sum", "openid", "account");
    private static final Set<String> GROUP =
            Set.of("objectType", "name", "mbox", "mbox_sha1sum", "openid", "account", "member");
    private static final Set<String> IFIS = Set.of("mbox", "mbox_sha1sum", "openid", "account");
    private static final Set<String> VERB = Set.of("id", "display");
    private static final Set<String> ACTIVITY = Set.of("objectType", "id", "definition");
    private static final Set<String> DEFINITION = Set.of(
            "name",
            "description",
            "type",
            "moreInfo",
            "extensions",
            "interactionType",
            "correctResponsesPattern",
            "choices",
            "scale",
            "source",
            "target",
            "steps");
    private static final Map<String, Set<String>> INTERACTION_COMPONENTS = Map.of(
            "true-false", Set.of(),
            "choice", Set.of("choices"),
            "fill-in", Set.of(),
            "long-fill-in", Set.of(),
            "matching", Set.of("source", "target"),
            "performance", Set.of("steps"),
            "sequencing", Set.of("choices"),
            "likert", Set.of("scale"),
            "numeric", Set.of(),
            "other", Set.of());
    private static final Set<String> COMPONENT_LISTS = Set.of("choices", "scale", "source", "target", "steps");
    private static final Set<String> RESULT =
            Set.of("score", "success", "completion", "response", "duration", "extensions");
    private static final Set<String> SCORE = Set.of("scaled", "raw", "min", "max");
    private static final Set<String> CONTEXT = Set.of(
            "registration",
            "instructor",
            "team",
            "contextActivities",
            "contextAgents",
            "contextGroups",
            "revision",
            "platform",
            "language",
            "statement",
            "extensions");
    private static final Set<String> CONTEXT_ACTIVITIES = Set.of("parent", "grouping", "category", "other");
    private static final Set<String> ATTACHMENT =
            Set.of("usageType", "display", "description", "contentType", "length", "sha2", "fileUrl");

    private StatementValidator() {}

    /**
     * Validates a statement as received (before the LRS sets {@code id}, {@code stored}, {@code authority}).
     *
     * @param attachmentsInRequest whether the request carried attachment parts ({@code multipart/mixed}); without
     *     them every attachment needs a {@code fileUrl}
     */
    public static void validate(JsonNode statement, boolean attachmentsInRequest) {
        object(statement, "statement");
        only(statement, STATEMENT, "statement");
        noNulls(statement, "statement");
        if (statement.has("id")) {
            uuid(statement.get("id"), "id");
        }
        actor(required(statement, "actor", "statement"), "actor");
        JsonNode verb = required(statement, "verb", "statement");
        verb(verb, "verb");
        JsonNode object = required(statement, "object", "statement");
        object(object, "object", false);
        if (statement.has("result")) {
            result(statement.get("result"), "result");
        }
        if (statement.has("context")) {
            context(statement.get("context"), object, "context");
        }
        if (statement.has("timestamp")) {
            timestamp(statement.get("timestamp"), "timestamp");
        }
        if (statement.has("stored")) {
            timestamp(statement.get("stored"), "stored");
        }
        if (statement.has("authority")) {
            authority(statement.get("authority"), "authority");
        }
        if (statement.has("version")) {
            JsonNode version = statement.get("version");
            if (!version.isTextual() || !VERSION.matcher(version.asText()).matches()) {
                throw invalid("version", "must be \"1.0\", \"1.0.x\", \"2.0\" or \"2.0.x\" (Data 2.4.10)");
            }
        }
        if (statement.has("attachments")) {
            attachments(statement.get("attachments"), attachmentsInRequest, "attachments");
        }
        if (VOIDED.equals(verb.path("id").asText())
                && !"StatementRef".equals(object.path("objectType").asText())) {
            throw invalid("object", "a voiding statement's object must be a StatementRef (Data 2.3.2)");
        }
    }

    // ------------------------------------------------------------------ actors

    static void actor(JsonNode actor, String path) {
        object(actor, path);
        String type = actor.has("objectType") ? text(actor.get("objectType"), path + ".objectType") : "Agent";
        switch (type) {
            case "Agent" -> agent(actor, path);
            case "Group" -> group(actor, path);
            default -> throw invalid(path + ".objectType", "must be \"Agent\" or \"Group\"");
        }
    }

    static void agent(JsonNode agent, String path) {
        object(agent, path);
        only(agent, AGENT, path);
        if (agent.has("objectType") && !"Agent".equals(agent.get("objectType").asText())) {
            throw invalid(path + ".objectType", "must be \"Agent\"");
        }
        if (agent.has("name")) {
            text(agent.get("name"), path + ".name");
        }
        if (ifis(agent, path) != 1) {
            throw invalid(
                    path,
                    "an Agent has exactly one inverse functional identifier: mbox, mbox_sha1sum, openid"
                            + " or account (Data 2.4.2.1)");
        }
    }

    static void group(JsonNode group, String path) {
        only(group, GROUP, path);
        if (group.has("name")) {
            text(group.get("name"), path + ".name");
        }
        int ifis = ifis(group, path);
        if (ifis > 1) {
            throw invalid(path, "a Group has at most one inverse functional identifier (Data 2.4.2.2)");
        }
        if (group.has("member")) {
            JsonNode members = group.get("member");
            if (!members.isArray()) {
                throw invalid(path + ".member", "must be an array of Agents");
            }
            for (int i = 0; i < members.size(); i++) {
                agent(members.get(i), path + ".member[" + i + "]");
            }
            if (ifis == 0 && members.isEmpty()) {
                throw invalid(path + ".member", "an anonymous Group lists at least one member (Data 2.4.2.2)");
            }
        } else if (ifis == 0) {
            throw invalid(path, "an anonymous Group (no identifier) must list its members (Data 2.4.2.2)");
        }
    }

    private static int ifis(JsonNode actor, String path) {
        int count = 0;
        if (actor.has("mbox")) {
            count++;
            if (!MBOX.matcher(text(actor.get("mbox"), path + ".mbox")).matches()) {
                throw invalid(path + ".mbox", "must be a mailto IRI (\"mailto:\" and an email address)");
            }
        }
        if (actor.has("mbox_sha1sum")) {
            count++;
            if (!SHA1.matcher(text(actor.get("mbox_sha1sum"), path + ".mbox_sha1sum"))
                    .matches()) {
                throw invalid(path + ".mbox_sha1sum", "must be the hex SHA1 of a mailto IRI (40 hex digits)");
            }
        }
        if (actor.has("openid")) {
            count++;
            iri(actor.get("openid"), path + ".openid");
        }
        if (actor.has("account")) {
            count++;
            JsonNode account = actor.get("account");
            object(account, path + ".account");
            only(account, Set.of("homePage", "name"), path + ".account");
            iri(required(account, "homePage", path + ".account"), path + ".account.homePage");
            text(required(account, "name", path + ".account"), path + ".account.name");
        }
        return count;
    }

    private static void authority(JsonNode authority, String path) {
        actor(authority, path);
        if ("Group".equals(authority.path("objectType").asText())
                && (!authority.has("member") || authority.get("member").size() != 2)) {
            throw invalid(path, "an authority that is a Group has exactly two members (Data 2.4.9)");
        }
    }

    // ------------------------------------------------------------------ verb and objects

    static void verb(JsonNode verb, String path) {
        object(verb, path);
        only(verb, VERB, path);
        iri(required(verb, "id", path), path + ".id");
        if (verb.has("display")) {
            languageMap(verb.get("display"), path + ".display");
        }
    }

    static void object(JsonNode object, String path, boolean inSubStatement) {
        object(object, path);
        String type = object.has("objectType") ? text(object.get("objectType"), path + ".objectType") : "Activity";
        switch (type) {
            case "Activity" -> activity(object, path);
            case "Agent" -> agent(object, path);
            case "Group" -> group(object, path);
            case "StatementRef" -> statementRef(object, path);
            case "SubStatement" -> {
                if (inSubStatement) {
                    throw invalid(path, "a SubStatement cannot contain another SubStatement (Data 2.4.4.3)");
                }
                subStatement(object, path);
            }
            default ->
                throw invalid(
                        path + ".objectType",
                        "must be \"Activity\", \"Agent\", \"Group\", \"StatementRef\" or \"SubStatement\"");
        }
    }

    static void activity(JsonNode activity, String path) {
        only(activity, ACTIVITY, path);
        iri(required(activity, "id", path), path + ".id");
        if (activity.has("definition")) {
            definition(activity.get("definition"), path + ".definition");
        }
    }

    private static void definition(JsonNode definition, String path) {
        object(definition, path);
        only(definition, DEFINITION, path);
        if (definition.has("name")) {
            languageMap(definition.get("name"), path + ".name");
        }
        if (definition.has("description")) {
            languageMap(definition.get("description"), path + ".description");
        }
        if (definition.has("type")) {
            iri(definition.get("type"), path + ".type");
        }
        if (definition.has("moreInfo")) {
            iri(definition.get("moreInfo"), path + ".moreInfo");
        }
        if (definition.has("extensions")) {
            extensions(definition.get("extensions"), path + ".extensions");
        }
        Set<String> allowedLists = Set.of();
        if (definition.has("interactionType")) {
            String type = text(definition.get("interactionType"), path + ".interactionType");
            allowedLists = INTERACTION_COMPONENTS.get(type);
            if (allowedLists == null) {
                throw invalid(path + ".interactionType", "must be one of " + INTERACTION_COMPONENTS.keySet());
            }
        }
        if (definition.has("correctResponsesPattern")) {
            if (!definition.has("interactionType")) {
                throw invalid(path + ".correctResponsesPattern", "needs an interactionType (Data 2.4.4.1.1)");
            }
            JsonNode patterns = definition.get("correctResponsesPattern");
            if (!patterns.isArray()) {
                throw invalid(path + ".correctResponsesPattern", "must be an array of strings");
            }
            for (int i = 0; i < patterns.size(); i++) {
                text(patterns.get(i), path + ".correctResponsesPattern[" + i + "]");
            }
        }
        for (String list : COMPONENT_LISTS) {
            if (definition.has(list)) {
                if (!allowedLists.contains(list)) {
                    throw invalid(
                            path + "." + list,
                            "is not an interaction component of this interactionType" + " (Data 2.4.4.1.1)");
                }
                components(definition.get(list), path + "." + list);
            }
        }
    }

    private static void components(JsonNode components, String path) {
        if (!components.isArray()) {
            throw invalid(path, "must be an array of interaction components");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < components.size(); i++) {
            JsonNode component = components.get(i);
            String at = path + "[" + i + "]";
            object(component, at);
            only(component, Set.of("id", "description"), at);
            String id = text(required(component, "id", at), at + ".id");
            if (!ids.add(id)) {
                throw invalid(at + ".id", "interaction component ids are distinct within a list (Data 2.4.4.1.1)");
            }
            if (component.has("description")) {
                languageMap(component.get("description"), at + ".description");
            }
        }
    }

    private static void statementRef(JsonNode ref, String path) {
        only(ref, Set.of("objectType", "id"), path);
        uuid(required(ref, "id", path), path + ".id");
    }

    private static void subStatement(JsonNode sub, String path) {
        for (String forbidden : Set.of("id", "stored", "version", "authority")) {
            if (sub.has(forbidden)) {
                throw invalid(path + "." + forbidden, "a SubStatement has no " + forbidden + " (Data 2.4.4.3)");
            }
        }
        only(sub, SUB_STATEMENT, path);
        actor(required(sub, "actor", path), path + ".actor");
        verb(required(sub, "verb", path), path + ".verb");
        JsonNode object = required(sub, "object", path);
        object(object, path + ".object", true);
        if (sub.has("result")) {
            result(sub.get("result"), path + ".result");
        }
        if (sub.has("context")) {
            context(sub.get("context"), object, path + ".context");
        }
        if (sub.has("timestamp")) {
            timestamp(sub.get("timestamp"), path + ".timestamp");
        }
        if (sub.has("attachments")) {
            attachments(sub.get("attachments"), true, path + ".attachments");
        }
    }

    // ------------------------------------------------------------------ result and context

    static void result(JsonNode result, String path) {
        object(result, path);
        only(result, RESULT, path);
        if (result.has("score")) {
            score(result.get("score"), path + ".score");
        }
        for (String flag : new String[] {"success", "completion"}) {
            if (result.has(flag) && !result.get(flag).isBoolean()) {
                throw invalid(path + "." + flag, "must be true or false");
            }
        }
        if (result.has("response")) {
            text(result.get("response"), path + ".response");
        }
        if (result.has("duration")) {
            duration(result.get("duration"), path + ".duration");
        }
        if (result.has("extensions")) {
            extensions(result.get("extensions"), path + ".extensions");
        }
    }

    private static void score(JsonNode score, String path) {
        object(score, path);
        only(score, SCORE, path);
        for (String name : SCORE) {
            if (score.has(name) && !score.get(name).isNumber()) {
                throw invalid(path + "." + name, "must be a number");
            }
        }
        if (score.has("scaled")) {
            double scaled = score.get("scaled").asDouble();
            if (scaled < -1 || scaled > 1) {
                throw invalid(path + ".scaled", "must be between -1 and 1 inclusive (Data 2.4.5.1)");
            }
        }
        Double min = score.has("min") ? score.get("min").asDouble() : null;
        Double max = score.has("max") ? score.get("max").asDouble() : null;
        if (min != null && max != null && min >= max) {
            throw invalid(path + ".max", "must be greater than min (Data 2.4.5.1)");
        }
        if (score.has("raw")) {
            double raw = score.get("raw").asDouble();
            if (min != null && raw < min || max != null && raw > max) {
                throw invalid(path + ".raw", "must be between min and max inclusive (Data 2.4.5.1)");
            }
        }
    }

    static void context(JsonNode context, JsonNode object, String path) {
        object(context, path);
        only(context, CONTEXT, path);
        if (context.has("registration")) {
            uuid(context.get("registration"), path + ".registration");
        }
        if (context.has("instructor")) {
            actor(context.get("instructor"), path + ".instructor");
        }
        if (context.has("team")) {
            JsonNode team = context.get("team");
            object(team, path + ".team");
            if (!"Group".equals(team.path("objectType").asText())) {
                throw invalid(path + ".team", "must be a Group (Data 2.4.6)");
            }
            group(team, path + ".team");
        }
        if (context.has("contextActivities")) {
            JsonNode activities = context.get("contextActivities");
            object(activities, path + ".contextActivities");
            only(activities, CONTEXT_ACTIVITIES, path + ".contextActivities");
            for (Iterator<Map.Entry<String, JsonNode>> it = activities.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String at = path + ".contextActivities." + entry.getKey();
                JsonNode value = entry.getValue();
                if (value.isArray()) {
                    for (int i = 0; i < value.size(); i++) {
                        contextActivity(value.get(i), at + "[" + i + "]");
                    }
                } else {
                    contextActivity(value, at);
                }
            }
        }
        if (context.has("contextAgents")) {
            relevant(context.get("contextAgents"), "contextAgent", "agent", path + ".contextAgents");
        }
        if (context.has("contextGroups")) {
            relevant(context.get("contextGroups"), "contextGroup", "group", path + ".contextGroups");
        }
        for (String name : new String[] {"revision", "platform"}) {
            if (context.has(name)) {
                text(context.get(name), path + "." + name);
                String type = object.path("objectType").asText("Activity");
                if (!"Activity".equals(type)) {
                    throw invalid(path + "." + name, "is only allowed when the object is an Activity (Data 2.4.6)");
                }
            }
        }
        if (context.has("language")) {
            String language = text(context.get("language"), path + ".language");
            if (!LANGUAGE_TAG.matcher(language).matches()) {
                throw invalid(path + ".language", "must be an RFC 5646 language tag");
            }
        }
        if (context.has("statement")) {
            JsonNode ref = context.get("statement");
            object(ref, path + ".statement");
            if (!"StatementRef".equals(ref.path("objectType").asText())) {
                throw invalid(path + ".statement", "must be a StatementRef (Data 2.4.6)");
            }
            statementRef(ref, path + ".statement");
        }
        if (context.has("extensions")) {
            extensions(context.get("extensions"), path + ".extensions");
        }
    }

    private static void contextActivity(JsonNode activity, String path) {
        object(activity, path);
        if (activity.has("objectType")
                && !"Activity".equals(activity.get("objectType").asText())) {
            throw invalid(path + ".objectType", "context activities are Activities");
        }
        activity(activity, path);
    }

    /** xAPI 2.0 contextAgents / contextGroups (Data 2.4.6.3, 2.4.6.4). */
    private static void relevant(JsonNode list, String objectType, String member, String path) {
        if (!list.isArray()) {
            throw invalid(path, "must be an array");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String at = path + "[" + i + "]";
            object(item, at);
            only(item, Set.of("objectType", member, "relevantTypes"), at);
            if (!objectType.equals(text(required(item, "objectType", at), at + ".objectType"))) {
                throw invalid(at + ".objectType", "must be \"" + objectType + "\"");
            }
            JsonNode actor = required(item, member, at);
            if ("agent".equals(member)) {
                agent(actor, at + ".agent");
            } else {
                object(actor, at + ".group");
                if (!"Group".equals(actor.path("objectType").asText())) {
                    throw invalid(at + ".group", "must be a Group");
                }
                group(actor, at + ".group");
            }
            if (item.has("relevantTypes")) {
                JsonNode types = item.get("relevantTypes");
                if (!types.isArray() || types.isEmpty()) {
                    throw invalid(at + ".relevantTypes", "must be a non-empty array of IRIs");
                }
                for (int t = 0; t < types.size(); t++) {
                    iri(types.get(t), at + ".relevantTypes[" + t + "]");
                }
            }
        }
    }

    private static void attachments(JsonNode attachments, boolean partsInRequest, String path) {
        if (!attachments.isArray()) {
            throw invalid(path, "must be an array");
        }
        for (int i = 0; i < attachments.size(); i++) {
            JsonNode attachment = attachments.get(i);
            String at = path + "[" + i + "]";
            object(attachment, at);
            only(attachment, ATTACHMENT, at);
            iri(required(attachment, "usageType", at), at + ".usageType");
            languageMap(required(attachment, "display", at), at + ".display");
            if (attachment.has("description")) {
                languageMap(attachment.get("description"), at + ".description");
            }
            String contentType = text(required(attachment, "contentType", at), at + ".contentType");
            if (SIGNATURE_USAGE.equals(attachment.path("usageType").asText())
                    && !"application/octet-stream".equals(contentType)) {
                throw invalid(
                        at + ".contentType", "of a signature attachment must be application/octet-stream (Data 2.6)");
            }
            JsonNode length = required(attachment, "length", at);
            if (!length.canConvertToLong() || !length.isIntegralNumber() || length.asLong() < 0) {
                throw invalid(at + ".length", "must be a non-negative integer");
            }
            text(required(attachment, "sha2", at), at + ".sha2");
            if (attachment.has("fileUrl")) {
                iri(attachment.get("fileUrl"), at + ".fileUrl");
            } else if (!partsInRequest) {
                throw invalid(
                        at,
                        "an attachment without fileUrl must be sent as a part of a multipart/mixed"
                                + " request (Data 2.4.11)");
            }
        }
    }

    // ------------------------------------------------------------------ value types

    static void timestamp(JsonNode value, String path) {
        String text = text(value, path);
        if (!validTimestamp(text)) {
            throw invalid(path, "must be an ISO 8601 date and time, with an offset other than -00:00 (Data 4.5)");
        }
    }

    public static boolean validTimestamp(String text) {
        java.util.regex.Matcher m = TIMESTAMP_EXTENDED.matcher(text);
        if (!m.matches()) {
            m = TIMESTAMP_BASIC.matcher(text);
            if (!m.matches()) {
                return false;
            }
        }
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        int hour = Integer.parseInt(m.group(4));
        int minute = Integer.parseInt(m.group(5));
        int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
        String offset = m.group(7);
        // RFC 3339 4.3: -00:00 means "offset unknown", which ISO 8601 does not allow.
        if (offset != null
                && offset.startsWith("-")
                && offset.replaceAll("[^1-9]", "").isEmpty()) {
            return false;
        }
        try {
            java.time.LocalDate.of(Integer.parseInt(m.group(1)), month, day);
        } catch (java.time.DateTimeException e) {
            return false;
        }
        return hour < 24 && minute < 60 && second < 61;
    }

    static void duration(JsonNode value, String path) {
        if (!value.isTextual() || !DURATION.matcher(value.asText()).matches()) {
            throw invalid(path, "must be an ISO 8601 duration such as PT1H30M (ISO 8601:2004 4.4.3.2; Data 4.6)");
        }
    }

    static void languageMap(JsonNode map, String path) {
        if (!map.isObject()) {
            throw invalid(path, "must be a language map: an object of RFC 5646 language tags to strings (Data 4.2)");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!LANGUAGE_TAG.matcher(entry.getKey()).matches()) {
                throw invalid(path + "." + entry.getKey(), "is not an RFC 5646 language tag (Data 4.2)");
            }
            text(entry.getValue(), path + "." + entry.getKey());
        }
    }

    static void extensions(JsonNode extensions, String path) {
        if (!extensions.isObject()) {
            throw invalid(path, "must be an object whose keys are IRIs (Data 4.3)");
        }
        for (Iterator<String> it = extensions.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!IRI.matcher(key).matches()) {
                throw invalid(path, "key \"" + key + "\" is not an IRI (Data 4.3)");
            }
        }
    }

    static void iri(JsonNode value, String path) {
        if (!value.isTextual() || !IRI.matcher(value.asText()).matches()) {
            throw invalid(path, "must be an absolute IRI (RFC 3987)");
        }
    }

    /** A UUID query parameter (statementId, voidedStatementId): 400 {@code xapi-parameter-invalid} otherwise. */
    public static void uuidParameter(String value, String name) {
        if (value == null || !UUID.matcher(value).matches()) {
            throw ApiException.of(EvidenceError.XAPI_PARAMETER_INVALID, name + " must be a UUID.")
                    .with("parameter", name);
        }
    }

    static void uuid(JsonNode value, String path) {
        if (!value.isTextual() || !UUID.matcher(value.asText()).matches()) {
            throw invalid(path, "must be a UUID (RFC 4122)");
        }
    }

    private static String text(JsonNode value, String path) {
        if (!value.isTextual()) {
            throw invalid(path, "must be a string");
        }
        return value.asText();
    }

    private static void object(JsonNode value, String path) {
        if (value == null || !value.isObject()) {
            throw invalid(path, "must be a JSON object");
        }
    }

    private static JsonNode required(JsonNode parent, String name, String path) {
        JsonNode value = parent.get(name);
        if (value == null) {
            throw invalid(path + "." + name, "is required");
        }
        return value;
    }

    private static void only(JsonNode node, Set<String> allowed, String path) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                throw invalid(
                        path + "." + name,
                        "is not a property of this object (Data 2.2: an LRS rejects"
                                + " unknown properties; property names are case-sensitive)");
            }
        }
    }

    /** Data 2.2: no property has the value null, except inside extensions (whose values are free JSON). */
    private static void noNulls(JsonNode node, String path) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (entry.getValue().isNull()) {
                    throw invalid(path + "." + entry.getKey(), "must not be null (Data 2.2)");
                }
                if (!"extensions".equals(entry.getKey())) {
                    noNulls(entry.getValue(), path + "." + entry.getKey());
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).isNull()) {
                    throw invalid(path + "[" + i + "]", "must not be null (Data 2.2)");
                }
                noNulls(node.get(i), path + "[" + i + "]");
            }
        }
    }

    static ApiException invalid(String path, String message) {
        return ApiException.of(EvidenceError.XAPI_STATEMENT_INVALID, path + " " + message + ".")
                .with("property", path);
    }
}
