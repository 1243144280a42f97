package uk.apprenticeships.st1398.platform.production;

import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * Refuses to start a service in production (the prod profile, i.e. a packaged jar) with the repository's
 * development secrets or development infrastructure:
 *
 * <ul>
 *   <li>a secret setting (database password, MongoDB connection string, OIDC client secret) holding one of the
 *       repository's public development values ({@code dev-only...}, {@code ...-dev-secret}, {@code change-me},
 *       the dev stack's {@code postgres} password);
 *   <li>a database or the OIDC issuer on the loopback address: the dev stack's, whose realm has the demo users;
 *   <li>a setting the service lists in {@code platform.production-guard.required} left empty (assessment-service:
 *       the credential-signing key file, without which it would sign with a generated development key).
 * </ul>
 *
 * Where development values are intended with a packaged jar (./stack, the dev Kubernetes overlay), set
 * {@code platform.production-guard.enabled=false} (env {@code PLATFORM_PRODUCTION_GUARD_ENABLED}). Dev mode and tests
 * are never checked.
 */
@ApplicationScoped
public class ProductionGuard {

    static final List<String> SECRETS = List.of(
            "quarkus.datasource.password",
            "quarkus.mongodb.connection-string",
            "quarkus.oidc.credentials.secret",
            "events.ingest-secret");
    static final List<String> ADDRESSES =
            List.of("quarkus.datasource.jdbc.url", "quarkus.mongodb.connection-string", "quarkus.oidc.auth-server-url");
    static final List<String> DEVELOPMENT_MARKERS = List.of("dev-only", "-dev-secret", "change-me");
    static final List<String> DEVELOPMENT_PASSWORDS = List.of("postgres");
    static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "[::1]");

    private final Config config;

    public ProductionGuard(Config config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (LaunchMode.current() != LaunchMode.NORMAL
                || !config.getOptionalValue("platform.production-guard.enabled", Boolean.class)
                        .orElse(true)) {
            return;
        }
        List<String> required = config.getOptionalValues("platform.production-guard.required", String.class)
                .orElse(List.of());
        List<String> problems = problems(name -> config.getOptionalValue(name, String.class), required);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start in production: " + String.join("; ", problems)
                    + " (docs/operations.md, \"Secrets\"; platform.production-guard.enabled=false only where"
                    + " development values are intended)");
        }
        Log.info("Production guard: no development secrets, demo identity provider or missing required settings");
    }

    /**
     * The value as the markers are looked for in it, lower case; a Standard Webhooks secret ({@code whsec_} + Base64)
     * is decoded first, so the repository's development ingest secret is recognised too.
     */
    private static String readable(String value) {
        String text = value;
        if (value.startsWith("whsec_")) {
            try {
                text = new String(
                        java.util.Base64.getDecoder().decode(value.substring("whsec_".length())),
                        java.nio.charset.StandardCharsets.ISO_8859_1);
            } catch (IllegalArgumentException notBase64) {
                text = value;
            }
        }
        return text.toLowerCase(Locale.ROOT);
    }

    /** What is wrong with this configuration for production; names only, never the values. */
    static List<String> problems(Function<String, Optional<String>> config, List<String> required) {
        List<String> problems = new ArrayList<>();
        for (String name : SECRETS) {
            config.apply(name).map(ProductionGuard::readable).ifPresent(value -> {
                boolean development = DEVELOPMENT_MARKERS.stream().anyMatch(value::contains)
                        || (name.equals("quarkus.datasource.password") && DEVELOPMENT_PASSWORDS.contains(value));
                if (development) {
                    problems.add(name + " is a development secret");
                }
            });
        }
        for (String name : ADDRESSES) {
            config.apply(name).map(v -> v.toLowerCase(Locale.ROOT)).ifPresent(value -> {
                if (LOOPBACK.stream().anyMatch(value::contains)) {
                    problems.add(name + " points at the loopback address (the development stack"
                            + (name.startsWith("quarkus.oidc") ? ", whose realm has demo users)" : ")"));
                }
            });
        }
        for (String name : required) {
            if (config.apply(name).filter(v -> !v.isBlank()).isEmpty()) {
                problems.add(name + " is required in production");
            }
        }
        return problems;
    }
}
