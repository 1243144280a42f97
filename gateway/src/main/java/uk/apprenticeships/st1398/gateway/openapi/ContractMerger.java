package uk.apprenticeships.st1398.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Merges the services' OpenAPI documents into the one contract integrators use, served by the gateway and used at
 * build time to generate the clients (see {@link ContractMergerCli}). Plain Jackson, no framework: the same code runs
 * in the gateway and in the build.
 *
 * <ul>
 *   <li>Paths: every path of every service that the gateway routes to that service (nothing is listed by hand: a new
 *       path of a service appears as soon as the gateway routes it).
 *   <li>Components: a name used by two services for different things is renamed in each of them to
 *       {@code <Area><Name>} (e.g. {@code EvidenceKsbCoverage}), references included; identical ones are kept once.
 *   <li>Security: ONE scheme, {@value #SCHEME}, with the realm's real OAuth 2 flows (authorization code, with PKCE,
 *       and client credentials); public reads of the gateway accept no token at all.
 *   <li>Tags: each operation keeps its service's tags; the tags are grouped per area ({@code x-tagGroups}).
 *   <li>OpenAPI 3.0.3: the services' documents are 3.1, which client generators support only in part; the few 3.1
 *       forms they use are rewritten (schema {@code examples} arrays, numeric {@code exclusiveMinimum}, type arrays
 *       with {@code "null"}, {@code $ref} with sibling keywords).
 * </ul>
 */
public final class ContractMerger {

    public static final String OPENAPI_VERSION = "3.0.3";
    public static final String SCHEME = "oidc";
    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One service's document and the area (the gateway route) it belongs to. */
    public record Source(String area, JsonNode document) {}

    /** Decides, per area, whether the gateway routes a path, and whether it lets a method read it without a token. */
    public interface Routing {
        boolean routes(String area, String openApiPath);

        boolean isPublic(String area, String method, String openApiPath);
    }

    /** What the merged document says about itself. */
    public record Settings(
            String title,
            String version,
            String description,
            String serverUrl,
            String issuer,
            String contactName,
            String contactUrl,
            String contactEmail) {}

    /** The merged document and what the merge had to say (skipped or clashing paths). */
    public record Result(ObjectNode document, List<String> warnings) {}

    private ContractMerger() {}

    public static Result merge(List<Source> sources, Routing routing, Settings settings) {
        List<String> warnings = new ArrayList<>();
        List<Source> copies = new ArrayList<>();
        for (Source source : sources) {
            ObjectNode copy = source.document().deepCopy();
            downgrade(copy);
            copies.add(new Source(source.area(), copy));
        }
        Map<String, Map<String, String>> renames = componentRenames(copies);
        ObjectNode merged = NODES.objectNode();
        merged.put("openapi", OPENAPI_VERSION);
        merged.set("info", info(settings));
        merged.putArray("servers")
                .addObject()
                .put("url", settings.serverUrl())
                .put("description", "The gateway: the platform's single entry point");
        merged.putArray("security").addObject().putArray(SCHEME);
        ObjectNode paths = NODES.objectNode();
        ObjectNode components = NODES.objectNode();
        Map<String, ObjectNode> tags = new LinkedHashMap<>();
        Map<String, Set<String>> tagGroups = new LinkedHashMap<>();
        Set<String> operationIds = new LinkedHashSet<>();
        for (Source source : copies) {
            String area = source.area();
            ObjectNode doc = (ObjectNode) source.document();
            rewriteRefs(doc, renames.getOrDefault(area, Map.of()));
            mergeComponents(doc, components, renames.getOrDefault(area, Map.of()));
            Map<String, String> tagDescriptions = new HashMap<>();
            doc.path("tags")
                    .forEach(t -> tagDescriptions.put(
                            t.path("name").asText(), t.path("description").asText("")));
            Set<String> areaTags = tagGroups.computeIfAbsent(area, a -> new LinkedHashSet<>());
            Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> path = it.next();
                if (!routing.routes(area, path.getKey())) {
                    warnings.add(
                            area + ": " + path.getKey() + " is not routed by the gateway to " + area + "; left out");
                    continue;
                }
                if (paths.has(path.getKey())) {
                    warnings.add(area + ": " + path.getKey() + " is already documented by another service; left out");
                    continue;
                }
                ObjectNode item = (ObjectNode) path.getValue();
                item.fields().forEachRemaining(op -> {
                    if (METHODS.contains(op.getKey()) && op.getValue() instanceof ObjectNode operation) {
                        operation(area, op.getKey(), path.getKey(), operation, routing, operationIds);
                        if (!operation.has("tags") || operation.get("tags").isEmpty()) {
                            operation.putArray("tags").add(capitalise(area));
                        }
                        operation.get("tags").forEach(t -> {
                            String name = t.asText();
                            areaTags.add(name);
                            tags.computeIfAbsent(name, n -> tag(n, area, tagDescriptions.get(n)));
                        });
                    }
                });
                paths.set(path.getKey(), item);
            }
        }
        ArrayNode tagList = merged.putArray("tags");
        tags.values().forEach(tagList::add);
        merged.set("paths", sorted(paths));
        pruneUnused(paths, components, warnings);
        components.set("securitySchemes", NODES.objectNode().set(SCHEME, securityScheme(settings.issuer())));
        ObjectNode sortedComponents = NODES.objectNode();
        components.fields().forEachRemaining(e -> sortedComponents.set(e.getKey(), sorted((ObjectNode) e.getValue())));
        merged.set("components", sortedComponents);
        ArrayNode groups = merged.putArray("x-tagGroups");
        tagGroups.forEach((area, names) -> {
            ObjectNode group = groups.addObject().put("name", area);
            ArrayNode list = group.putArray("tags");
            names.forEach(list::add);
        });
        return new Result(merged, warnings);
    }

    private static ObjectNode info(Settings settings) {
        ObjectNode info = NODES.objectNode();
        info.put("title", settings.title());
        info.put("version", settings.version());
        info.put("description", settings.description());
        ObjectNode contact = info.putObject("contact");
        contact.put("name", settings.contactName());
        contact.put("url", settings.contactUrl());
        contact.put("email", settings.contactEmail());
        return info;
    }

    private static ObjectNode tag(String name, String area, String description) {
        ObjectNode tag = NODES.objectNode().put("name", name);
        String text = description == null || description.isBlank() ? "" : description.strip() + " ";
        tag.put("description", text + "(" + area + " area)");
        return tag;
    }

    /**
     * One operation: the single security scheme (optional on the gateway's public reads), and an operationId that is
     * unique across the merged document.
     */
    private static void operation(
            String area, String method, String path, ObjectNode operation, Routing routing, Set<String> operationIds) {
        ArrayNode security = NODES.arrayNode();
        boolean secured =
                !operation.has("security") || !operation.get("security").isEmpty();
        if (routing.isPublic(area, method.toUpperCase(Locale.ROOT), path)) {
            security.addObject(); // no token needed ...
            security.addObject().putArray(SCHEME); // ... but one, if sent, is checked
        } else if (secured) {
            security.addObject().putArray(SCHEME);
        }
        operation.set("security", security);
        String id = operation.path("operationId").asText("");
        if (id.isEmpty()) {
            id = area + "_" + method + path.replaceAll("[^A-Za-z0-9]+", "_");
        }
        if (!operationIds.add(id)) {
            id = area + "_" + id;
            operationIds.add(id);
        }
        operation.put("operationId", id);
    }

    private static ObjectNode securityScheme(String issuer) {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        ObjectNode scheme = NODES.objectNode();
        scheme.put("type", "oauth2");
        scheme.put(
                "description",
                "Access tokens from the platform's OpenID Connect provider (Keycloak realm st1398, issuer " + base
                        + "). People sign in with the authorization code flow and PKCE (S256) through the public "
                        + "client `platform-web`; systems use the client credentials flow with their own confidential "
                        + "client (e.g. `lms-integration`, `regulator-reporting`). What a token may do follows from its "
                        + "realm roles (docs/identity.md), not from OAuth scopes, so no scope is required.");
        ObjectNode flows = scheme.putObject("flows");
        ObjectNode code = flows.putObject("authorizationCode");
        code.put("authorizationUrl", base + "/protocol/openid-connect/auth");
        code.put("tokenUrl", base + "/protocol/openid-connect/token");
        code.put("refreshUrl", base + "/protocol/openid-connect/token");
        code.putObject("scopes");
        ObjectNode clients = flows.putObject("clientCredentials");
        clients.put("tokenUrl", base + "/protocol/openid-connect/token");
        clients.putObject("scopes");
        return scheme;
    }

    // ------------------------------------------------------------------------------------------------ components

    /**
     * Drops the components no operation reaches (directly or through other components): a service may register
     * schemas for classes its operations no longer use; they are not part of the contract.
     */
    private static void pruneUnused(ObjectNode paths, ObjectNode components, List<String> warnings) {
        Set<String> reached = new LinkedHashSet<>();
        List<JsonNode> todo = new ArrayList<>();
        todo.add(paths);
        while (!todo.isEmpty()) {
            JsonNode node = todo.remove(todo.size() - 1);
            List<String> refs = new ArrayList<>();
            collectRefs(node, refs);
            for (String ref : refs) {
                if (ref.startsWith("#/components/") && reached.add(ref)) {
                    JsonNode target = components.at(ref.substring("#/components".length()));
                    if (!target.isMissingNode()) {
                        todo.add(target);
                    }
                }
            }
        }
        components.fields().forEachRemaining(type -> {
            Iterator<Map.Entry<String, JsonNode>> it = type.getValue().fields();
            while (it.hasNext()) {
                String name = it.next().getKey();
                if (!reached.contains("#/components/" + type.getKey() + "/" + name)) {
                    warnings.add("components/" + type.getKey() + "/" + name + " is used by no operation; left out");
                    it.remove();
                }
            }
        });
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        JsonNode ref = node.get("$ref");
        if (node.isObject() && ref != null && ref.isTextual()) {
            refs.add(ref.asText());
        }
        node.elements().forEachRemaining(child -> collectRefs(child, refs));
    }

    /**
     * Per area, the component names to rename: a name that two services use for different things is renamed to
     * {@code <Area><Name>} in every service that has it. Repeated until stable, since a rename can make two
     * formerly equal components differ (they now refer to differently named things).
     */
    static Map<String, Map<String, String>> componentRenames(List<Source> sources) {
        Map<String, Map<String, String>> renames = new HashMap<>();
        boolean changed = true;
        for (int round = 0; changed && round < 10; round++) {
            changed = false;
            // type/name -> area -> component, as it reads after the renames found so far
            Map<String, Map<String, JsonNode>> seen = new TreeMap<>();
            for (Source source : sources) {
                Map<String, String> own = renames.getOrDefault(source.area(), Map.of());
                ObjectNode doc = source.document().deepCopy();
                rewriteRefs(doc, own);
                doc.path("components").fields().forEachRemaining(type -> {
                    if (type.getKey().equals("securitySchemes")) {
                        return;
                    }
                    type.getValue().fields().forEachRemaining(c -> {
                        String key =
                                type.getKey() + "/" + own.getOrDefault(type.getKey() + "/" + c.getKey(), c.getKey());
                        seen.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(source.area(), c.getValue());
                    });
                });
            }
            for (Map.Entry<String, Map<String, JsonNode>> e : seen.entrySet()) {
                if (e.getValue().values().stream().distinct().count() > 1) {
                    String type = e.getKey().substring(0, e.getKey().indexOf('/'));
                    String name = e.getKey().substring(e.getKey().indexOf('/') + 1);
                    for (String area : e.getValue().keySet()) {
                        Map<String, String> own = renames.computeIfAbsent(area, a -> new HashMap<>());
                        String original = originalName(own, type, name);
                        own.put(type + "/" + original, capitalise(area) + name);
                    }
                    changed = true;
                }
            }
        }
        return renames;
    }

    private static String originalName(Map<String, String> renames, String type, String name) {
        for (Map.Entry<String, String> e : renames.entrySet()) {
            if (e.getValue().equals(name) && e.getKey().startsWith(type + "/")) {
                return e.getKey().substring(type.length() + 1);
            }
        }
        return name;
    }

    private static void mergeComponents(ObjectNode doc, ObjectNode components, Map<String, String> renames) {
        doc.path("components").fields().forEachRemaining(type -> {
            if (type.getKey().equals("securitySchemes")) {
                return;
            }
            ObjectNode target = components.has(type.getKey())
                    ? (ObjectNode) components.get(type.getKey())
                    : components.putObject(type.getKey());
            type.getValue().fields().forEachRemaining(c -> {
                String name = renames.getOrDefault(type.getKey() + "/" + c.getKey(), c.getKey());
                target.set(name, c.getValue());
            });
        });
    }

    /** Rewrites {@code #/components/<type>/<name>} references by the renames ({@code <type>/<name>} to new name). */
    static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return;
        }
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#/components/")) {
                String target = ref.asText().substring("#/components/".length());
                int slash = target.indexOf('/');
                String renamed = renames.get(target);
                if (renamed != null && slash > 0) {
                    object.put("$ref", "#/components/" + target.substring(0, slash) + "/" + renamed);
                }
            }
            object.elements().forEachRemaining(child -> rewriteRefs(child, renames));
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(child -> rewriteRefs(child, renames));
        }
    }

    // --------------------------------------------------------------------------------------- OpenAPI 3.1 -> 3.0.3

    /** Rewrites the 3.1 forms the services' documents use into their 3.0.3 equivalents. */
    static void downgrade(ObjectNode doc) {
        doc.remove("jsonSchemaDialect");
        doc.remove("webhooks");
        JsonNode info = doc.path("info");
        if (info instanceof ObjectNode o) {
            o.remove("summary");
            if (o.path("license") instanceof ObjectNode license) {
                license.remove("identifier");
            }
        }
        if (doc.path("components").path("schemas") instanceof ObjectNode schemas) {
            schemas.elements().forEachRemaining(ContractMerger::schema);
        }
        findSchemas(doc.path("paths"));
        JsonNode components = doc.path("components");
        for (String type : List.of("parameters", "responses", "requestBodies", "headers")) {
            findSchemas(components.path(type));
        }
    }

    /** Outside schemas: every {@code schema} member is a schema. */
    private static void findSchemas(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(e -> {
                if (e.getKey().equals("schema")) {
                    schema(e.getValue());
                } else {
                    findSchemas(e.getValue());
                }
            });
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(ContractMerger::findSchemas);
        }
    }

    private static void schema(JsonNode node) {
        if (!(node instanceof ObjectNode s)) {
            return;
        }
        JsonNode examples = s.get("examples");
        if (examples instanceof ArrayNode array) {
            s.remove("examples");
            if (!array.isEmpty() && !s.has("example")) {
                s.set("example", array.get(0));
            }
        }
        exclusiveBound(s, "exclusiveMinimum", "minimum");
        exclusiveBound(s, "exclusiveMaximum", "maximum");
        JsonNode type = s.get("type");
        if (type instanceof ArrayNode types) {
            List<String> named = new ArrayList<>();
            types.forEach(t -> {
                if (!"null".equals(t.asText())) {
                    named.add(t.asText());
                }
            });
            if (named.size() < types.size()) {
                s.put("nullable", true);
            }
            if (named.size() == 1) {
                s.put("type", named.get(0));
            } else {
                s.remove("type");
            }
        }
        JsonNode constant = s.remove("const");
        if (constant != null) {
            s.putArray("enum").add(constant);
        }
        if (s.has("$ref") && s.size() > 1) {
            ObjectNode ref = NODES.objectNode().put("$ref", s.get("$ref").asText());
            s.remove("$ref");
            s.remove("type"); // the referenced schema says what it is
            if (s.isEmpty()) {
                s.setAll(ref);
            } else {
                s.putArray("allOf").add(ref);
            }
        }
        if (s.path("properties") instanceof ObjectNode properties) {
            properties.elements().forEachRemaining(ContractMerger::schema);
        }
        for (String single : List.of("items", "additionalProperties", "not")) {
            schema(s.get(single));
        }
        for (String many : List.of("allOf", "anyOf", "oneOf")) {
            if (s.get(many) instanceof ArrayNode list) {
                list.elements().forEachRemaining(ContractMerger::schema);
            }
        }
    }

    private static void exclusiveBound(ObjectNode s, String exclusive, String inclusive) {
        JsonNode bound = s.get(exclusive);
        if (bound != null && bound.isNumber()) {
            s.set(inclusive, bound);
            s.put(exclusive, true);
        }
    }

    // ----------------------------------------------------------------------------------------------------- misc

    private static ObjectNode sorted(ObjectNode node) {
        ObjectNode out = NODES.objectNode();
        new TreeMap<String, JsonNode>(toMap(node)).forEach(out::set);
        return out;
    }

    private static Map<String, JsonNode> toMap(ObjectNode node) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    static String capitalise(String area) {
        StringBuilder out = new StringBuilder();
        for (String part : area.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }

    /** The document as pretty JSON (stable order: paths and components sorted). */
    public static String toJson(ObjectMapper mapper, JsonNode document) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(document);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
