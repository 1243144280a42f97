package uk.apprenticeships.st1398.evidence.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import uk.apprenticeships.st1398.platform.problem.ApiException;

/** The filter parameters of GET /xapi/statements (Communication 2.1.3), checked; a bad one answers 400. */
final class XapiQueries {

    private XapiQueries() {}

    static XapiStatements.Query parse(Map<String, String> params) {
        String agent = null;
        if (params.containsKey("agent")) {
            agent = agent(params.get("agent"));
        }
        String verb = iri(params, "verb");
        String activity = iri(params, "activity");
        String registration = params.get("registration");
        if (registration != null) {
            StatementValidator.uuidParameter(registration, "registration");
        }
        return new XapiStatements.Query(
                agent,
                verb,
                activity,
                registration,
                bool(params, "related_activities"),
                bool(params, "related_agents"),
                instant(params, "since"),
                instant(params, "until"),
                limit(params.get("limit")),
                bool(params, "ascending"));
    }

    /** The key of an agent parameter (an Agent or identified Group as JSON), or 400 naming {@code agent}. */
    static String agentKey(String json) {
        return agent(json);
    }

    private static String agent(String json) {
        JsonNode node;
        try {
            node = XapiStatements.STRICT.readTree(json);
            StatementValidator.actor(node, "agent");
        } catch (ApiException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw XapiStatements.invalidParameter("agent", "must be an Agent or identified Group as JSON");
        }
        String key = StatementFields.agentKey(node);
        if (key == null) {
            throw XapiStatements.invalidParameter("agent", "must carry an inverse functional identifier");
        }
        return key;
    }

    private static String iri(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value != null && !StatementValidator.IRI.matcher(value).matches()) {
            throw XapiStatements.invalidParameter(name, "must be an IRI");
        }
        return value;
    }

    private static boolean bool(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || "false".equals(value)) {
            return false;
        }
        if ("true".equals(value)) {
            return true;
        }
        throw XapiStatements.invalidParameter(name, "must be true or false");
    }

    private static Instant instant(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null) {
            return null;
        }
        if (!StatementValidator.validTimestamp(value)) {
            throw XapiStatements.invalidParameter(name, "must be an ISO 8601 timestamp");
        }
        String normalised = StatementFormats.instant(value);
        try {
            return Instant.parse(normalised);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(normalised).toInstant();
            } catch (DateTimeParseException again) {
                throw XapiStatements.invalidParameter(name, "must be an ISO 8601 timestamp with a date and time");
            }
        }
    }

    private static int limit(String value) {
        if (value == null) {
            return 0;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 0) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw XapiStatements.invalidParameter("limit", "must be a non-negative integer (0: the LRS's maximum)");
    }
}
