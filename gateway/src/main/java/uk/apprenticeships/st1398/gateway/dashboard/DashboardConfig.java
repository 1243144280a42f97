package uk.apprenticeships.st1398.gateway.dashboard;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The reference dashboard at {@code /dashboard/} (static files in META-INF/resources/dashboard). */
@ConfigMapping(prefix = "gateway.dashboard")
public interface DashboardConfig {

    /**
     * The realm the browser signs in at (authorization code with PKCE), as the browser reaches it; often not the
     * address the gateway itself uses to validate tokens (quarkus.oidc.auth-server-url) inside a cluster.
     */
    String realmUrl();

    /** The public client the dashboard signs in with. */
    @WithDefault("platform-web")
    String clientId();
}
