package uk.apprenticeships.st1398.e2e;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the real platform once for the whole suite with {@code ./stack up -d} (PostgreSQL, MongoDB wire
 * server, Keycloak with the dev realm, three services, gateway) in a data directory of its own, and stops
 * it with {@code ./stack down} when the suite ends.
 */
public final class Stack implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

    public static final String GATEWAY = "http://localhost:8080";
    public static final String KEYCLOAK = "http://localhost:18180";
    private static final Path REPO =
            Path.of(System.getProperty("e2e.repo", "..")).toAbsolutePath().normalize();
    private static final Path DATA =
            Path.of(System.getProperty("e2e.dataDir", "target/e2e-stack")).toAbsolutePath();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static boolean started;
    /**
     * {@code -De2e.useRunningStack=true}: use the stack already running on the fixed ports (started with
     * {@code ./stack up -d}) instead of starting and stopping one; for working on one test class.
     */
    private static final boolean USE_RUNNING = Boolean.getBoolean("e2e.useRunningStack");

    @Override
    public synchronized void beforeAll(ExtensionContext context) throws Exception {
        if (!started && USE_RUNNING) {
            started = true;
        }
        if (!started) {
            // Fresh databases each run, so the suite can run again on the same target directory (its fixed ULNs and
            // references would otherwise meet their own earlier records); Keycloak's realm is kept (same import).
            run(120, "down");
            deleteRecursively(DATA.resolve("infra"));
            reimportChangedRealm();
            run(600, "up", "-d");
            started = true;
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(Stack.class.getName(), this);
        }
    }

    /**
     * Keycloak keeps the realm it imported first; when identity/st1398-realm.json has changed since (a new client
     * scope, mapper or user), its database is dropped so the realm is imported again.
     */
    private static void reimportChangedRealm() throws IOException, InterruptedException {
        Path realm = REPO.resolve("identity/st1398-realm.json");
        Path imported = DATA.resolve("imported-realm.json");
        if (Files.exists(imported) && Files.mismatch(realm, imported) == -1) {
            return;
        }
        run(60, "reset", "keycloak");
        Files.createDirectories(DATA);
        Files.copy(realm, imported, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Override
    public void close() throws Exception {
        if (USE_RUNNING) {
            return;
        }
        run(120, "down");
    }

    /** Runs {@code ./stack ARGS} against the suite's data directory and fails with its output if it fails. */
    public static void run(int timeoutSeconds, String... args) throws IOException, InterruptedException {
        Files.createDirectories(DATA);
        Path log = DATA.resolve("stack-command.log");
        List<String> command =
                new java.util.ArrayList<>(List.of(REPO.resolve("stack").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(REPO.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("STACK_DATA_DIR", DATA.toString());
        builder.environment().put("STACK_NO_BUILD", "1");
        // No STACK_JAVA_OPTS: the suite runs the parts with ./stack's own memory settings (part_jvm_opts), so it
        // checks the platform as developers run it.
        // The gateway's rate limits stay on (every routed response carries the RateLimit fields), but set out of
        // reach: the fault suite's writers call far faster than the per-client defaults allow.
        builder.environment().put("GATEWAY_RATE_LIMIT_DEFAULTS_REQUESTS", "1000000");
        builder.environment().put("GATEWAY_RATE_LIMIT_GROUPS_STANDARDS_REQUESTS", "1000000");
        // Webhook retries within seconds, not the production 5 s, 5 min, 30 min... (docs/events.md):
        // WebhooksEndToEndTest
        // stops its receiver and expects the retries to arrive after it is back.
        builder.environment()
                .put("EVENTS_DELIVERY_RETRY_SCHEDULE", "PT1S,PT2S,PT2S,PT3S,PT5S,PT5S,PT10S,PT10S,PT20S,PT30S");
        // Traces on, exported to the suite's own receiver (TraceEndToEndTest reads them back).
        builder.environment().put("STACK_OTLP_ENDPOINT", OtlpReceiver.get().endpoint());
        builder.environment().put("STACK_OTLP_EXPORT_DELAY", "200ms");
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("./stack " + String.join(" ", args) + " timed out; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(
                    "./stack " + String.join(" ", args) + " failed (exit " + process.exitValue() + "):\n" + tail(log));
        }
    }

    /** An access token from the real Keycloak for a demo user (password grant on the public client). */
    public static String token(String user) {
        return TOKENS.computeIfAbsent(
                user,
                u -> given().baseUri(KEYCLOAK)
                        .formParam("grant_type", "password")
                        .formParam("client_id", "platform-web")
                        .formParam("username", u)
                        .formParam("password", u + "-dev")
                        .when()
                        .post("/realms/st1398/protocol/openid-connect/token")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("access_token"));
    }

    /**
     * A token of the same realm and user from Keycloak's built-in {@code admin-cli} client, which is not given the
     * platform's audience (client scope {@code platform-audience}): the gateway and the services must refuse it.
     */
    public static String tokenWithoutPlatformAudience(String user) {
        return passwordToken("admin-cli", user);
    }

    /** A new token for a demo user (password {@code <user>-dev}) from the given public client, never cached. */
    public static String passwordToken(String clientId, String user) {
        return given().baseUri(KEYCLOAK)
                .formParam("grant_type", "password")
                .formParam("client_id", clientId)
                .formParam("username", user)
                .formParam("password", user + "-dev")
                .when()
                .post("/realms/st1398/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    /** A client-credentials token for a confidential machine client of the dev realm. */
    public static String clientToken(String clientId, String secret) {
        return given().baseUri(KEYCLOAK)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId)
                .formParam("client_secret", secret)
                .when()
                .post("/realms/st1398/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    /** The pid the stack recorded for a running part ({@code run/<part>.pid} in the suite's data directory). */
    public static long pidOf(String part) throws IOException {
        return Long.parseLong(Files.readAllLines(DATA.resolve("run").resolve(part + ".pid"))
                .get(0)
                .trim());
    }

    public static Path logOf(String part) {
        return DATA.resolve("logs").resolve(part + ".log");
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
