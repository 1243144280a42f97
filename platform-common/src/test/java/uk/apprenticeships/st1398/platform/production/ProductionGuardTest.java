package uk.apprenticeships.st1398.platform.production;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProductionGuardTest {

    private static final Map<String, String> PRODUCTION = Map.of(
            "quarkus.datasource.jdbc.url", "jdbc:postgresql://st1398-pg-pooler-rw:5432/standards",
            "quarkus.datasource.password", "Zq8v3m1T0c9wJr4x",
            "quarkus.mongodb.connection-string",
                    "mongodb://evidence:Zq8v3m1T@st1398-mongodb-0.st1398-mongodb-svc:27017/admin?replicaSet=st1398-mongodb",
            "quarkus.oidc.auth-server-url", "http://keycloak-service:8080/realms/st1398",
            "assessment.credentials.signing-key-file", "/var/run/secrets/st1398/credential-signing/key.pem",
            "events.ingest-secret", "whsec_c2VjcmV0LWZyb20tdGhlLXNlY3JldC1zdG9yZS0wMQ==");

    private static List<String> problems(Map<String, String> config, String... required) {
        return ProductionGuard.problems(name -> Optional.ofNullable(config.get(name)), List.of(required));
    }

    private static Map<String, String> with(String name, String value) {
        var config = new java.util.HashMap<>(PRODUCTION);
        config.put(name, value);
        return config;
    }

    private static Map<String, String> without(String name) {
        var config = new java.util.HashMap<>(PRODUCTION);
        config.remove(name);
        return config;
    }

    @Test
    void aProductionConfigurationPasses() {
        assertEquals(
                List.of(), problems(PRODUCTION, "assessment.credentials.signing-key-file", "events.ingest-secret"));
    }

    @Test
    void theRepositorysDevelopmentSecretsAreRefused() {
        // The values in k8s/overlays/dev, the dev stack and the development realm.
        assertEquals(
                List.of("quarkus.datasource.password is a development secret"),
                problems(with("quarkus.datasource.password", "dev-only-change-me")));
        assertEquals(
                List.of("quarkus.datasource.password is a development secret"),
                problems(with("quarkus.datasource.password", "postgres")));
        assertEquals(
                List.of("quarkus.oidc.credentials.secret is a development secret"),
                problems(with("quarkus.oidc.credentials.secret", "lms-integration-dev-secret")));
        // The events ingest secret of ./stack, dev mode and the dev overlay (a Standard Webhooks secret).
        assertEquals(
                List.of("events.ingest-secret is a development secret"),
                problems(with("events.ingest-secret", "whsec_ZGV2LW9ubHktZXZlbnRzLWluZ2VzdC1zZWNyZXQtMDE=")));
        assertEquals(
                List.of("events.ingest-secret is required in production"),
                problems(without("events.ingest-secret"), "events.ingest-secret"));
        assertEquals(
                List.of("quarkus.mongodb.connection-string is a development secret"),
                problems(with(
                        "quarkus.mongodb.connection-string",
                        "mongodb://evidence:dev-only-change-me@mongodb:27017/?authSource=admin")));
    }

    @Test
    void theDevelopmentStackIsRefused() {
        assertEquals(
                List.of("quarkus.oidc.auth-server-url points at the loopback address (the development stack, whose"
                        + " realm has demo users)"),
                problems(with("quarkus.oidc.auth-server-url", "http://localhost:18180/realms/st1398")));
        assertEquals(
                List.of("quarkus.datasource.jdbc.url points at the loopback address (the development stack)"),
                problems(with("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:15432/standards")));
        assertEquals(
                List.of("quarkus.mongodb.connection-string points at the loopback address (the development stack)"),
                problems(with("quarkus.mongodb.connection-string", "mongodb://localhost:17017")));
    }

    @Test
    void aRequiredSettingMustBeSet() {
        assertEquals(
                List.of("assessment.credentials.signing-key-file is required in production"),
                problems(
                        with("assessment.credentials.signing-key-file", " "),
                        "assessment.credentials.signing-key-file"));
        assertEquals(List.of("x.missing is required in production"), problems(PRODUCTION, "x.missing"));
    }

    @Test
    void problemsNameSettingsNeverValues() {
        String all = String.join(" ", problems(with("quarkus.datasource.password", "dev-only-change-me")));
        assertEquals(false, all.contains("dev-only-change-me"));
    }
}
