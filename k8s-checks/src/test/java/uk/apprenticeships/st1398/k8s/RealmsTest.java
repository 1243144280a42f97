package uk.apprenticeships.st1398.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The development realm (identity/st1398-realm.json, imported by ./stack) and the production realm
 * (identity/st1398-realm-prod.json, imported by the Keycloak Operator from k8s/components/data-tier) must issue the
 * same tokens: same roles, clients, client scopes and claim mappers. Only the production realm is free of demo users
 * and development secrets, and the KeycloakRealmImport carries exactly that file.
 */
class RealmsTest {

    private static final JsonNode DEV = Repository.readJson("identity/st1398-realm.json");
    private static final JsonNode PROD = Repository.readJson("identity/st1398-realm-prod.json");

    @Test
    void bothRealmsDeclareTheSameRoles() {
        assertEquals(roles(DEV), roles(PROD));
        assertEquals(DEV.path("defaultRole"), PROD.path("defaultRole"));
        assertEquals(DEV.path("realm"), PROD.path("realm"));
    }

    @Test
    void bothRealmsDeclareTheSameClients() {
        assertEquals(clients(DEV), clients(PROD));
    }

    @Test
    void bothRealmsDeclareTheSameScopesAndClaimMappers() {
        assertEquals(scopes(DEV), scopes(PROD));
        assertEquals(DEV.path("defaultDefaultClientScopes"), PROD.path("defaultDefaultClientScopes"));
        assertEquals(DEV.path("defaultOptionalClientScopes"), PROD.path("defaultOptionalClientScopes"));
        // The claim mappers themselves (tenant claims, audience...), config included.
        assertEquals(mappers(DEV), mappers(PROD));
        assertFalse(mappers(PROD).isEmpty());
    }

    @Test
    void theProductionRealmHasNoDemoUsers() {
        for (JsonNode user : PROD.path("users")) {
            assertTrue(
                    user.hasNonNull("serviceAccountClientId"),
                    "prod realm user " + user.path("username").asText() + " is not a client's service account");
            assertFalse(user.has("credentials"), user.path("username").asText() + " has credentials");
            assertFalse(user.has("attributes"), user.path("username").asText() + " carries demo tenant attributes");
        }
        // The service accounts that carry roles are kept, one per confidential client.
        assertEquals(serviceAccounts(DEV).keySet(), serviceAccounts(PROD).keySet(), "service accounts of both realms");
        assertEquals(serviceAccounts(DEV), serviceAccounts(PROD), "service-account roles");
    }

    @Test
    void theProductionRealmHasNoDevelopmentSecretsOrAddresses() {
        for (JsonNode client : PROD.path("clients")) {
            if (client.has("secret")) {
                assertTrue(
                        client.path("secret").asText().matches("\\$\\{[A-Z_]+}"),
                        client.path("clientId").asText() + " has a literal secret, not a placeholder");
            }
        }
        String text = PROD.toString();
        for (String forbidden : List.of("localhost", "127.0.0.1", "dev-secret", "DEVELOPMENT", "-dev\"")) {
            assertFalse(text.contains(forbidden), "prod realm contains " + forbidden);
        }
        assertEquals("all", PROD.path("sslRequired").asText());
        assertTrue(PROD.path("bruteForceProtected").asBoolean());
        for (JsonNode client : PROD.path("clients")) {
            if (client.path("publicClient").asBoolean()) {
                assertFalse(
                        client.path("directAccessGrantsEnabled").asBoolean(),
                        client.path("clientId").asText() + " allows the password grant in prod");
            }
        }
    }

    @Test
    void theRealmImportCarriesTheProductionRealmAndFillsEveryPlaceholder() {
        for (String overlay : Repository.overlays()) {
            JsonNode spec = Repository.one(Repository.render(overlay), "KeycloakRealmImport", "st1398-realm")
                    .path("spec");
            assertEquals(PROD, spec.path("realm"), overlay + ": run generate-realm-import.sh after changing the realm");
            TreeSet<String> used = new TreeSet<>();
            Matcher m = Pattern.compile("\\$\\{([A-Z_]+)}").matcher(PROD.toString());
            while (m.find()) {
                used.add(m.group(1));
            }
            TreeSet<String> declared = new TreeSet<>();
            spec.path("placeholders").fieldNames().forEachRemaining(declared::add);
            assertEquals(used, declared, overlay + ": placeholders");
        }
    }

    private static TreeMap<String, JsonNode> roles(JsonNode realm) {
        TreeMap<String, JsonNode> roles = new TreeMap<>();
        for (JsonNode role : realm.path("roles").path("realm")) {
            ObjectNode copy = role.deepCopy();
            copy.remove("id");
            copy.remove("containerId");
            roles.put(role.path("name").asText(), copy);
        }
        realm.path("roles")
                .path("client")
                .fields()
                .forEachRemaining(e -> roles.put("client:" + e.getKey(), e.getValue()));
        return roles;
    }

    /** What a client is and issues; URLs, descriptions and secrets are deployment settings and may differ. */
    private static TreeMap<String, String> clients(JsonNode realm) {
        TreeMap<String, String> clients = new TreeMap<>();
        for (JsonNode client : realm.path("clients")) {
            ObjectNode copy = client.deepCopy();
            for (String setting : List.of(
                    "id",
                    "description",
                    "secret",
                    "rootUrl",
                    "baseUrl",
                    "adminUrl",
                    "redirectUris",
                    "webOrigins",
                    "attributes",
                    "directAccessGrantsEnabled")) {
                copy.remove(setting);
            }
            clients.put(client.path("clientId").asText(), copy.toString());
        }
        return clients;
    }

    private static TreeMap<String, String> scopes(JsonNode realm) {
        TreeMap<String, String> scopes = new TreeMap<>();
        for (JsonNode scope : realm.path("clientScopes")) {
            ObjectNode copy = scope.deepCopy();
            copy.remove("id");
            scopes.put(scope.path("name").asText(), copy.toString());
        }
        return scopes;
    }

    /** Every protocol mapper, of client scopes and of clients, by owner and name. */
    private static Map<String, String> mappers(JsonNode realm) {
        TreeMap<String, String> mappers = new TreeMap<>();
        List<JsonNode> owners = new ArrayList<>();
        realm.path("clientScopes").forEach(owners::add);
        realm.path("clients").forEach(owners::add);
        for (JsonNode owner : owners) {
            String ownerName = owner.has("clientId")
                    ? "client " + owner.path("clientId").asText()
                    : "scope " + owner.path("name").asText();
            for (JsonNode mapper : owner.path("protocolMappers")) {
                ObjectNode copy = mapper.deepCopy();
                copy.remove("id");
                mappers.put(ownerName + " / " + mapper.path("name").asText(), copy.toString());
            }
        }
        return mappers;
    }

    private static TreeMap<String, String> serviceAccounts(JsonNode realm) {
        TreeMap<String, String> accounts = new TreeMap<>();
        for (JsonNode user : realm.path("users")) {
            if (user.hasNonNull("serviceAccountClientId")) {
                accounts.put(
                        user.path("serviceAccountClientId").asText(),
                        user.path("realmRoles").toString() + user.path("clientRoles"));
            }
        }
        return accounts;
    }
}
