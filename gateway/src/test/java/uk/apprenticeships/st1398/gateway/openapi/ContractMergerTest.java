package uk.apprenticeships.st1398.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ContractMergerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final RouteTable ROUTES = new RouteTable(Map.of(
            "standards",
            new RouteTable.Area(List.of("/api/v1/standards", "/api/v1/standards/*"), true, List.of()),
            "evidence",
            new RouteTable.Area(List.of("/api/v1/apprentices", "/api/v1/apprentices/*"), false, List.of()),
            "assessment",
            new RouteTable.Area(
                    List.of("/api/v1/certificates/*"), false, List.of("/api/v1/certificates/.well-known/jwks.json"))));

    private static final ContractMerger.Settings SETTINGS = new ContractMerger.Settings(
            "t", "1", "d", "https://gateway.example", "https://id.example/realms/st1398/", "n", "https://u", "e@x");

    // Shaped like SmallRye's 3.1 output (see e.g. evidence-service/target/openapi/openapi.json after a build).
    private static final String STANDARDS = """
            {"openapi":"3.1.0","info":{"title":"s","version":"1"},
             "servers":[{"url":"http://localhost:8081"}],
             "tags":[{"name":"Standards","description":"The catalogue"}],
             "paths":{
               "/api/v1/standards/{reference}":{"get":{"tags":["Standards"],"operationId":"Resource_get",
                  "security":[{"bearer":["admin"]}],
                  "responses":{"200":{"description":"ok","content":{"application/json":{"schema":
                     {"$ref":"#/components/schemas/PageResponse"}}}},
                     "400":{"description":"bad","content":{"application/problem+json":{"schema":
                     {"$ref":"#/components/schemas/Problem"}}}}}}},
               "/api/v1/apprentices":{"get":{"operationId":"Stray_get","responses":{"200":{"description":"ok"}}}}},
             "components":{
               "securitySchemes":{"bearer":{"type":"http","scheme":"bearer"}},
               "schemas":{
                 "Problem":{"type":"object","properties":{"code":{"type":"string"}}},
                 "Orphan":{"type":"object"},
                 "KsbCoverage":{"type":"object","properties":{"minimumCoveragePercent":{"type":"number",
                    "exclusiveMinimum":0,"examples":[80]}}},
                 "PageResponse":{"type":"object","properties":{"items":{"type":"array",
                    "items":{"$ref":"#/components/schemas/KsbCoverage"}}}}}}}
            """;
    private static final String EVIDENCE = """
            {"openapi":"3.1.0","info":{"title":"e","version":"1"},
             "paths":{
               "/api/v1/apprentices/{id}":{"get":{"operationId":"Resource_get","security":[{"bearer":[]}],
                  "parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string","examples":["a"]}}],
                  "responses":{"200":{"description":"ok","content":{"application/json":{"schema":
                     {"$ref":"#/components/schemas/PageResponse"}}}}}}}},
             "components":{
               "securitySchemes":{"bearer":{"type":"http","scheme":"bearer"}},
               "schemas":{
                 "Problem":{"type":"object","properties":{"code":{"type":"string"}}},
                 "KsbCoverage":{"type":"object","properties":{"code":{"type":["string","null"]},
                    "status":{"type":"string","examples":["covered"],"$ref":"#/components/schemas/Status"}}},
                 "Status":{"type":"string","enum":["covered","missing"]},
                 "PageResponse":{"type":"object","properties":{"items":{"type":"array",
                    "items":{"$ref":"#/components/schemas/KsbCoverage"}}}}}}}
            """;
    private static final String ASSESSMENT = """
            {"openapi":"3.1.0","info":{"title":"a","version":"1"},
             "paths":{
               "/api/v1/certificates/.well-known/jwks.json":{"get":{"operationId":"Keys_get",
                  "security":[{"bearer":[]}],"responses":{"200":{"description":"ok"}}}},
               "/api/v1/certificates/{id}":{"get":{"operationId":"Cert_get","security":[{"bearer":["admin"]}],
                  "responses":{"200":{"description":"ok"}}},
                  "delete":{"operationId":"Cert_delete","security":[{"bearer":[]}],
                  "responses":{"204":{"description":"gone"}}}}},
             "components":{"securitySchemes":{"bearer":{"type":"http","scheme":"bearer"}},
               "schemas":{"Problem":{"type":"object","properties":{"code":{"type":"string"}}}}}}
            """;

    private static ContractMerger.Result merged() throws IOException {
        return ContractMerger.merge(
                List.of(
                        new ContractMerger.Source("standards", JSON.readTree(STANDARDS)),
                        new ContractMerger.Source("evidence", JSON.readTree(EVIDENCE)),
                        new ContractMerger.Source("assessment", JSON.readTree(ASSESSMENT))),
                ROUTES,
                SETTINGS);
    }

    @Test
    void componentsThatClashAreRenamedPerAreaAndIdenticalOnesKeptOnce() throws IOException {
        JsonNode doc = merged().document();
        Set<String> schemas = names(doc.path("components").path("schemas"));
        assertEquals(
                new TreeSet<>(Set.of(
                        "Problem",
                        "StandardsKsbCoverage",
                        "EvidenceKsbCoverage",
                        "StandardsPageResponse",
                        "EvidencePageResponse",
                        "Status")),
                schemas,
                "PageResponse differs once KsbCoverage is renamed, so it is renamed too; Orphan is used by nothing");
        assertEquals(
                "#/components/schemas/EvidencePageResponse",
                doc.at("/paths/~1api~1v1~1apprentices~1{id}/get/responses/200/content/application~1json/schema/$ref")
                        .asText());
        assertEquals(
                "#/components/schemas/EvidenceKsbCoverage",
                doc.at("/components/schemas/EvidencePageResponse/properties/items/items/$ref")
                        .asText());
        assertEquals(List.of(), unresolvedRefs(doc));
    }

    @Test
    void isOpenApi303WithoutThe31Forms() throws IOException {
        JsonNode doc = merged().document();
        assertEquals("3.0.3", doc.path("openapi").asText());
        JsonNode percent = doc.at("/components/schemas/StandardsKsbCoverage/properties/minimumCoveragePercent");
        assertEquals(80, percent.path("example").asInt());
        assertFalse(percent.has("examples"));
        assertEquals(0, percent.path("minimum").asInt());
        assertTrue(percent.path("exclusiveMinimum").asBoolean());
        JsonNode code = doc.at("/components/schemas/EvidenceKsbCoverage/properties/code");
        assertEquals("string", code.path("type").asText());
        assertTrue(code.path("nullable").asBoolean());
        JsonNode status = doc.at("/components/schemas/EvidenceKsbCoverage/properties/status");
        assertFalse(status.has("$ref"), "no $ref with siblings in 3.0");
        assertEquals(
                "#/components/schemas/Status",
                status.path("allOf").get(0).path("$ref").asText());
        assertEquals("covered", status.path("example").asText());
        assertEquals(
                "a",
                doc.at("/paths/~1api~1v1~1apprentices~1{id}/get/parameters/0/schema/example")
                        .asText());
    }

    @Test
    void oneSecuritySchemeWithTheRealmsFlowsAndPublicReadsNeedNoToken() throws IOException {
        JsonNode doc = merged().document();
        JsonNode schemes = doc.path("components").path("securitySchemes");
        assertEquals(Set.of("oidc"), names(schemes));
        JsonNode flows = schemes.path("oidc").path("flows");
        assertEquals("oauth2", schemes.path("oidc").path("type").asText());
        assertEquals(
                "https://id.example/realms/st1398/protocol/openid-connect/auth",
                flows.path("authorizationCode").path("authorizationUrl").asText());
        assertEquals(
                "https://id.example/realms/st1398/protocol/openid-connect/token",
                flows.path("clientCredentials").path("tokenUrl").asText());
        assertTrue(schemes.path("oidc").path("description").asText().contains("PKCE"));
        // the gateway lets anyone read the standards and the published keys; a token, if sent, is checked
        String optional = "[{},{\"oidc\":[]}]";
        assertEquals(
                optional,
                doc.at("/paths/~1api~1v1~1standards~1{reference}/get/security").toString());
        assertEquals(
                optional,
                doc.at("/paths/~1api~1v1~1certificates~1.well-known~1jwks.json/get/security")
                        .toString());
        // role names are not OAuth scopes: no operation asks for a scope no flow declares
        assertEquals(
                "[{\"oidc\":[]}]",
                doc.at("/paths/~1api~1v1~1certificates~1{id}/get/security").toString());
        assertEquals(
                "[{\"oidc\":[]}]",
                doc.at("/paths/~1api~1v1~1certificates~1{id}/delete/security").toString());
    }

    @Test
    void serversTagsAndOperationIdsAreTheGatewaysOwn() throws IOException {
        ContractMerger.Result result = merged();
        JsonNode doc = result.document();
        assertEquals(
                "[{\"url\":\"https://gateway.example\",\"description\":\"The gateway: the platform's single "
                        + "entry point\"}]",
                doc.path("servers").toString());
        assertEquals("e@x", doc.at("/info/contact/email").asText());
        assertEquals(
                "The catalogue (standards area)", doc.at("/tags/0/description").asText());
        assertEquals(
                "Evidence",
                doc.at("/paths/~1api~1v1~1apprentices~1{id}/get/tags/0").asText());
        assertEquals("standards", doc.at("/x-tagGroups/0/name").asText());
        assertEquals(
                "Resource_get",
                doc.at("/paths/~1api~1v1~1standards~1{reference}/get/operationId")
                        .asText());
        assertEquals(
                "evidence_Resource_get",
                doc.at("/paths/~1api~1v1~1apprentices~1{id}/get/operationId").asText());
        // standards' document names a path the gateway routes to evidence: it is left out, and said so
        assertFalse(doc.path("paths").has("/api/v1/apprentices"));
        assertTrue(result.warnings().stream().anyMatch(w -> w.contains("/api/v1/apprentices is not routed")));
    }

    /** The real documents, when the services have been built in this reactor (store-schema-directory). */
    @Test
    void theServicesDocumentsMergeCleanly() throws IOException {
        Map<String, Path> built = Map.of(
                "standards", Path.of("../standards-service/target/openapi/openapi.json"),
                "evidence", Path.of("../evidence-service/target/openapi/openapi.json"),
                "assessment", Path.of("../assessment-service/target/openapi/openapi.json"));
        assumeTrue(built.values().stream().allMatch(Files::exists), "services not built in this checkout");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        List<ContractMerger.Source> sources = new ArrayList<>();
        int pathCount = 0;
        for (var e : built.entrySet()) {
            JsonNode doc = JSON.readTree(e.getValue().toFile());
            pathCount += doc.path("paths").size();
            sources.add(new ContractMerger.Source(e.getKey(), doc));
        }
        ContractMerger.Result result = ContractMerger.merge(
                sources, ContractMergerCli.routes(properties), ContractMergerCli.settings(properties::getProperty));
        JsonNode doc = result.document();
        assertEquals(
                List.of(),
                result.warnings().stream().filter(w -> w.contains("not routed")).toList(),
                "every documented path is routed by the gateway");
        assertEquals(pathCount, doc.path("paths").size());
        assertEquals(List.of(), unresolvedRefs(doc));
        String text = doc.toString();
        assertFalse(text.contains("JsonNode"), "no Jackson type leaks into the contract");
        assertFalse(text.contains("\"examples\":["), "no 3.1 schema examples");
        assertFalse(text.contains("bearer"), "one security scheme");
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> unresolvedRefs(JsonNode doc) {
        List<String> missing = new ArrayList<>();
        collect(doc, doc, missing);
        return missing;
    }

    private static void collect(JsonNode root, JsonNode node, List<String> missing) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && root.at(ref.asText().substring(1)).isMissingNode()) {
                missing.add(ref.asText());
            }
        }
        node.elements().forEachRemaining(child -> collect(root, child, missing));
    }
}
