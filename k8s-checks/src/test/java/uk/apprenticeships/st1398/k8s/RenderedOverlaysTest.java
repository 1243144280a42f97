package uk.apprenticeships.st1398.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every object of every overlay under k8s/overlays, as kustomize renders it: custom resources strictly against
 * their operator's CRD schema (k8s/crds), core objects against the Kubernetes API types. The negative cases prove
 * that a misspelt field - at the top of a spec or deep inside it - fails the same checks.
 */
class RenderedOverlaysTest {

    private static CrdSchemas crds;

    @BeforeAll
    static void loadSchemas() {
        crds = CrdSchemas.load();
    }

    static Stream<String> overlays() {
        return Repository.overlays().stream();
    }

    /** The problems of one rendered object, prefixed with its kind and name; empty when it is valid. */
    static List<String> problems(JsonNode doc) {
        List<String> problems = new ArrayList<>();
        String apiVersion = doc.path("apiVersion").asText();
        if (CoreModel.knows(doc)) {
            CoreModel.errors(doc).forEach(e -> problems.add(Repository.id(doc) + e));
        } else if (crds.knowsGroup(apiVersion)) {
            crds.errors(doc).forEach(e -> problems.add(Repository.id(doc) + ": " + e));
            CoreModel.metadataErrors(doc.path("metadata")).forEach(e -> problems.add(Repository.id(doc) + " " + e));
        } else {
            problems.add(Repository.id(doc) + ": " + apiVersion + " is neither a core type these checks know nor"
                    + " served by a CRD in k8s/crds (add the operator's CRD there)");
        }
        return problems;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyObjectIsValidAgainstItsSchema(String overlay) {
        List<JsonNode> docs = Repository.render(overlay);
        List<String> problems = new ArrayList<>();
        docs.forEach(d -> problems.addAll(problems(d)));
        assertEquals(List.of(), problems, overlay + ": schema problems");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyOverlayRunsTheWholeDataTierOnOperators(String overlay) {
        Set<String> kinds = new TreeSet<>();
        Repository.render(overlay).forEach(d -> kinds.add(d.path("kind").asText()));
        assertTrue(
                kinds.containsAll(List.of(
                        "Cluster",
                        "Database",
                        "Pooler",
                        "MongoDBCommunity",
                        "Keycloak",
                        "KeycloakRealmImport",
                        "Gateway",
                        "HTTPRoute")),
                overlay + " renders " + kinds);
        assertFalse(kinds.contains("Ingress"), overlay + " still renders an Ingress");
    }

    @Test
    void productionSizesTheDataTierForFailures() {
        List<JsonNode> prod = Repository.render("prod");
        JsonNode pg = Repository.one(prod, "Cluster", "st1398-pg").path("spec");
        assertEquals(3, pg.path("instances").asInt());
        assertEquals(
                "topology.kubernetes.io/zone",
                pg.path("affinity").path("topologyKey").asText());
        assertEquals("required", pg.path("affinity").path("podAntiAffinityType").asText());
        assertTrue(pg.path("backup").path("barmanObjectStore").has("destinationPath"));
        assertEquals(
                "barmanObjectStore",
                Repository.one(prod, "ScheduledBackup", "st1398-pg-nightly")
                        .path("spec")
                        .path("method")
                        .asText());
        assertEquals(
                3,
                Repository.one(prod, "MongoDBCommunity", "st1398-mongodb")
                        .path("spec")
                        .path("members")
                        .asInt());
        assertEquals(
                2,
                Repository.one(prod, "Pooler", "st1398-pg-pooler-rw")
                        .path("spec")
                        .path("instances")
                        .asInt());
        Set<String> databases = new TreeSet<>();
        prod.stream()
                .filter(d -> "Database".equals(d.path("kind").asText()))
                .forEach(d -> databases.add(d.path("spec").path("name").asText()));
        assertEquals(Set.of("assessment", "keycloak", "standards"), databases);
        assertEquals(
                1,
                Repository.one(Repository.render("dev"), "Cluster", "st1398-pg")
                        .path("spec")
                        .path("instances")
                        .asInt());
    }

    @Test
    void deploymentsReadTheSecretKeysTheOperatorsWrite() {
        for (String overlay : Repository.overlays()) {
            List<JsonNode> docs = Repository.render(overlay);
            JsonNode evidence = env(docs, "evidence-service", "QUARKUS_MONGODB_CONNECTION_STRING");
            assertEquals("st1398-mongodb-admin-evidence", evidence.path("name").asText(), overlay);
            assertEquals("connectionString.standard", evidence.path("key").asText(), overlay);
            // <metadata.name>-<user db>-<user name>, as the MongoDB operator names it.
            JsonNode user = Repository.one(docs, "MongoDBCommunity", "st1398-mongodb")
                    .path("spec")
                    .path("users")
                    .get(0);
            assertEquals(
                    "st1398-mongodb-" + user.path("db").asText() + "-"
                            + user.path("name").asText(),
                    evidence.path("name").asText());
            JsonNode standards = env(docs, "standards-service", "QUARKUS_DATASOURCE_PASSWORD");
            assertEquals("st1398-pg-app", standards.path("name").asText(), overlay);
            assertEquals("password", standards.path("key").asText(), overlay);
            assertEquals(
                    "standards",
                    Repository.one(docs, "Cluster", "st1398-pg")
                            .path("spec")
                            .path("bootstrap")
                            .path("initdb")
                            .path("owner")
                            .asText());
            JsonNode assessment = env(docs, "assessment-service", "QUARKUS_DATASOURCE_USERNAME");
            assertEquals("assessment-db", assessment.path("name").asText(), overlay);
            // The role whose password CloudNativePG takes from that Secret.
            boolean managed = false;
            for (JsonNode role : Repository.one(docs, "Cluster", "st1398-pg")
                    .path("spec")
                    .path("managed")
                    .path("roles")) {
                managed |= "assessment".equals(role.path("name").asText())
                        && "assessment-db"
                                .equals(role.path("passwordSecret").path("name").asText());
            }
            assertTrue(managed, overlay + ": role assessment not managed from Secret assessment-db");
        }
    }

    @Test
    void productionRequiresTheSigningKeySecret() {
        JsonNode deployment = Repository.one(Repository.render("prod"), "Deployment", "assessment-service");
        for (JsonNode volume : deployment.at("/spec/template/spec/volumes")) {
            if (volume.path("secret").path("secretName").asText().equals("assessment-credential-signing-key")) {
                assertFalse(volume.path("secret").path("optional").asBoolean(false), "optional in prod");
                return;
            }
        }
        throw new AssertionError("prod mounts no assessment-credential-signing-key Secret");
    }

    @Test
    void egressReachesTheDataTierByTheLabelsItsOperatorsSet() {
        for (String overlay : Repository.overlays()) {
            List<JsonNode> docs = Repository.render(overlay);
            // CloudNativePG labels PgBouncer pods cnpg.io/poolerName=<Pooler>, the MongoDB operator labels members
            // app=<MongoDBCommunity>-svc, the Keycloak Operator labels its pods app.kubernetes.io/instance=<Keycloak>.
            String pooler = Repository.one(docs, "Pooler", "st1398-pg-pooler-rw")
                    .path("metadata")
                    .path("name")
                    .asText();
            String mongo = Repository.one(docs, "MongoDBCommunity", "st1398-mongodb")
                    .path("metadata")
                    .path("name")
                    .asText();
            String keycloak = Repository.one(docs, "Keycloak", "keycloak")
                    .path("metadata")
                    .path("name")
                    .asText();
            assertEquals(Set.of("cnpg.io/poolerName=" + pooler + ":5432"), egressPeers(docs, "standards-service"));
            assertEquals(
                    Set.of("cnpg.io/poolerName=" + pooler + ":5432"),
                    egressPeers(docs, "assessment-service").stream()
                            .filter(p -> p.startsWith("cnpg"))
                            .collect(Collectors.toSet()));
            assertEquals(
                    Set.of("app=" + mongo + "-svc:27017"),
                    egressPeers(docs, "evidence-service").stream()
                            .filter(p -> p.startsWith("app="))
                            .collect(Collectors.toSet()));
            JsonNode common = Repository.one(docs, "NetworkPolicy", "allow-egress-dns-and-keycloak");
            JsonNode issuer = common.at("/spec/egress/1/to/0/podSelector/matchLabels");
            assertEquals(keycloak, issuer.path("app.kubernetes.io/instance").asText(), overlay);
            assertEquals(
                    "keycloak-operator",
                    issuer.path("app.kubernetes.io/managed-by").asText(),
                    overlay);
        }
    }

    /** "label=value:port" of each egress rule of the service's own policy that selects pods by one label. */
    private static Set<String> egressPeers(List<JsonNode> docs, String service) {
        Set<String> peers = new TreeSet<>();
        for (JsonNode rule : Repository.one(docs, "NetworkPolicy", service).at("/spec/egress")) {
            for (JsonNode to : rule.path("to")) {
                var labels = to.path("podSelector").path("matchLabels").fields();
                while (labels.hasNext()) {
                    var label = labels.next();
                    if (!label.getKey().equals("app.kubernetes.io/name")) {
                        peers.add(label.getKey() + "=" + label.getValue().asText() + ":"
                                + rule.at("/ports/0/port").asText());
                    }
                }
            }
        }
        return peers;
    }

    private static JsonNode env(List<JsonNode> docs, String deployment, String name) {
        for (JsonNode e : Repository.one(docs, "Deployment", deployment).at("/spec/template/spec/containers/0/env")) {
            if (name.equals(e.path("name").asText())) {
                return e.path("valueFrom").path("secretKeyRef");
            }
        }
        throw new AssertionError(deployment + " has no env " + name);
    }

    // ---------------------------------------------------------------- negative cases

    static Stream<Arguments> misspelt() {
        return Stream.of(
                Arguments.of("Cluster", "st1398-pg", "/spec", "instancess"),
                Arguments.of("Cluster", "st1398-pg", "/spec/storage", "sizee"),
                Arguments.of("Cluster", "st1398-pg", "/spec/managed/roles/0", "passwordSecrett"),
                Arguments.of("Database", "st1398-pg-keycloak", "/spec", "ownerr"),
                Arguments.of("Pooler", "st1398-pg-pooler-rw", "/spec/pgbouncer", "poolmode"),
                Arguments.of("ScheduledBackup", "st1398-pg-nightly", "/spec", "schedulee"),
                Arguments.of("MongoDBCommunity", "st1398-mongodb", "/spec/users/0/passwordSecretRef", "nam"),
                Arguments.of("Keycloak", "keycloak", "/spec/db", "passwordSecrett"),
                Arguments.of("KeycloakRealmImport", "st1398-realm", "/spec/realm/clients/0", "clientIdd"),
                Arguments.of("Gateway", "st1398", "/spec/listeners/1/tls", "certificateRef"),
                Arguments.of("HTTPRoute", "gateway", "/spec/rules/0/backendRefs/0", "prot"),
                Arguments.of("Cluster", "st1398-pg", "/metadata", "lables"),
                Arguments.of("Deployment", "gateway", "/spec/template/spec/containers/0", "imagePullPolicyy"),
                Arguments.of("Deployment", "evidence-service", "/spec/template/spec", "securityContex"),
                Arguments.of("NetworkPolicy", "evidence-service", "/spec", "egres"),
                Arguments.of("Service", "gateway", "/spec/ports/0", "targetport"),
                Arguments.of(
                        "HorizontalPodAutoscaler", "gateway", "/spec/behavior/scaleDown", "stabilisationWindowSeconds"),
                Arguments.of("PodDisruptionBudget", "gateway", "/spec", "minAvailble"),
                Arguments.of("Namespace", "st1398", "/metadata", "label"));
    }

    @ParameterizedTest(name = "{0} {1}: {2}/{3}")
    @MethodSource("misspelt")
    void aMisspeltFieldFails(String kind, String name, String at, String field) {
        JsonNode doc = Repository.one(Repository.render("prod"), kind, name);
        assertEquals(List.of(), problems(doc), "the unchanged object must be valid");
        JsonNode target = doc.at(at);
        assertTrue(target instanceof ObjectNode, at + " is not an object in " + kind);
        ((ObjectNode) target).put(field, "x");
        List<String> problems = problems(doc);
        assertFalse(problems.isEmpty(), kind + " with " + at + "/" + field + " passed");
        assertTrue(problems.stream().anyMatch(p -> p.contains(field)), problems.toString());
    }

    @Test
    void aWrongTypeFails() {
        expectProblems("Cluster", "st1398-pg", d -> ((ObjectNode) d.path("spec")).put("instances", "three"));
        expectProblems(
                "Pooler",
                "st1398-pg-pooler-rw",
                d -> ((ObjectNode) d.at("/spec/pgbouncer")).put("poolMode", "statement"));
        expectProblems("Deployment", "gateway", d -> ((ObjectNode) d.path("spec")).put("revisionHistoryLimit", "many"));
        expectProblems("HTTPRoute", "gateway", d -> ((ArrayNode) d.at("/spec/hostnames")).add(42));
    }

    @Test
    void anUnknownKindFails() {
        JsonNode doc = Repository.one(Repository.render("prod"), "Cluster", "st1398-pg");
        ((ObjectNode) doc).put("kind", "Clusters");
        assertFalse(problems(doc).isEmpty());
        ((ObjectNode) doc).put("kind", "Cluster").put("apiVersion", "example.org/v1");
        assertFalse(problems(doc).isEmpty());
    }

    private static void expectProblems(String kind, String name, Consumer<JsonNode> change) {
        JsonNode doc = Repository.one(Repository.render("prod"), kind, name);
        change.accept(doc);
        assertFalse(problems(doc).isEmpty(), kind + " " + name + " with a wrong type passed");
    }
}
