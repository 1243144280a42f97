package uk.apprenticeships.st1398.gateway.openapi;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The merged contract served at {@code /openapi}: what it says about itself, and how long it is cached. */
@ConfigMapping(prefix = "gateway.openapi")
public interface OpenApiConfig {

    @WithDefault(OpenApiDefaults.TITLE)
    String title();

    @WithDefault(OpenApiDefaults.VERSION)
    String version();

    @WithDefault(OpenApiDefaults.DESCRIPTION)
    String description();

    /** The gateway's public base URL, the document's only server. */
    @WithDefault(OpenApiDefaults.SERVER_URL)
    String serverUrl();

    /** The OpenID Connect issuer whose endpoints the flows name; default: {@code quarkus.oidc.auth-server-url}. */
    Optional<String> issuer();

    @WithDefault(OpenApiDefaults.CONTACT_NAME)
    String contactName();

    @WithDefault(OpenApiDefaults.CONTACT_URL)
    String contactUrl();

    @WithDefault(OpenApiDefaults.CONTACT_EMAIL)
    String contactEmail();

    /** How long a complete merge is reused before the services' documents are read again. */
    @WithDefault("PT60S")
    Duration cache();
}
