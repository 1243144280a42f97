package uk.apprenticeships.st1398.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The operators' CustomResourceDefinitions in {@code k8s/crds/} (copied unchanged, see its README), as strict JSON
 * schemas: every object schema that lists {@code properties} and is not marked
 * {@code x-kubernetes-preserve-unknown-fields} is closed ({@code additionalProperties: false}), which is what the
 * API server's pruning and {@code kubectl --validate=strict} do with unknown fields. {@code nullable} becomes a
 * {@code null} type; OpenAPI formats (int32, int-or-string...) are dropped, the types stay checked. CEL rules
 * ({@code x-kubernetes-validations}) are not evaluated.
 */
final class CrdSchemas {

    private final Map<String, JsonSchema> byApiVersionAndKind = new HashMap<>();

    private CrdSchemas() {}

    static CrdSchemas load() {
        CrdSchemas schemas = new CrdSchemas();
        try (Stream<Path> files = Files.list(Repository.path("k8s/crds"))) {
            for (Path file : files.filter(
                            f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .toList()) {
                JsonNode crd = Repository.readYaml(file);
                if (!"CustomResourceDefinition".equals(crd.path("kind").asText())) {
                    throw new IllegalStateException(file + " is not a CustomResourceDefinition");
                }
                String group = crd.path("spec").path("group").asText();
                String kind = crd.path("spec").path("names").path("kind").asText();
                for (JsonNode version : crd.path("spec").path("versions")) {
                    if (!version.path("served").asBoolean()) {
                        continue;
                    }
                    ObjectNode schema =
                            version.path("schema").path("openAPIV3Schema").deepCopy();
                    // The API server accepts these at the root of every object, whether the CRD lists them or
                    // not (the Keycloak Operator's do not); metadata is checked as ObjectMeta separately.
                    ObjectNode root = schema.with("properties");
                    root.putIfAbsent(
                            "apiVersion", Repository.JSON.createObjectNode().put("type", "string"));
                    root.putIfAbsent("kind", Repository.JSON.createObjectNode().put("type", "string"));
                    root.putIfAbsent(
                            "metadata", Repository.JSON.createObjectNode().put("type", "object"));
                    strict(schema);
                    schema.put("$schema", "http://json-schema.org/draft-04/schema#");
                    schemas.byApiVersionAndKind.put(
                            group + "/" + version.path("name").asText() + " " + kind,
                            JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
                                    .getSchema(
                                            schema,
                                            SchemaValidatorsConfig.builder().build()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return schemas;
    }

    /** The schema of this apiVersion + kind, when one of the CRDs declares it. */
    Optional<JsonSchema> schema(String apiVersion, String kind) {
        return Optional.ofNullable(byApiVersionAndKind.get(apiVersion + " " + kind));
    }

    boolean knowsGroup(String apiVersion) {
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        return byApiVersionAndKind.keySet().stream().anyMatch(k -> k.startsWith(group + "/"));
    }

    /** The schema violations of one custom resource (empty: valid), or a single line when no CRD declares it. */
    List<String> errors(JsonNode resource) {
        String apiVersion = resource.path("apiVersion").asText();
        String kind = resource.path("kind").asText();
        return schema(apiVersion, kind)
                .map(s -> s.validate(resource).stream()
                        .map(ValidationMessage::toString)
                        .sorted()
                        .toList())
                .orElse(List.of("no CustomResourceDefinition in k8s/crds serves " + apiVersion + " " + kind));
    }

    private static void strict(JsonNode node) {
        if (node instanceof ArrayNode array) {
            array.forEach(CrdSchemas::strict);
            return;
        }
        if (!(node instanceof ObjectNode schema)) {
            return;
        }
        boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (schema.has("properties") && !schema.has("additionalProperties") && !preserve) {
            schema.put("additionalProperties", false);
        }
        if (schema.path("nullable").asBoolean(false) && schema.path("type").isTextual()) {
            String type = schema.path("type").asText();
            schema.putArray("type").add(type).add("null");
        }
        schema.remove("nullable");
        schema.remove("format");
        for (Iterator<String> names = schema.fieldNames(); names.hasNext(); ) {
            if (names.next().startsWith("x-kubernetes-")) {
                names.remove();
            }
        }
        // Recurse into subschemas only (not into "properties" names, "enum" or "default" values).
        for (String key : List.of("items", "additionalProperties", "not")) {
            strict(schema.get(key));
        }
        for (String key : List.of("allOf", "anyOf", "oneOf")) {
            strict(schema.get(key));
        }
        JsonNode properties = schema.get("properties");
        if (properties instanceof ObjectNode props) {
            props.elements().forEachRemaining(CrdSchemas::strict);
        }
    }
}
