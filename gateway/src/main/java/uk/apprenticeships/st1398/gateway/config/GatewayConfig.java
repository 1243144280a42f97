package uk.apprenticeships.st1398.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Downstream services by name (standards, evidence, assessment), each with the paths it serves. */
    Map<String, Route> routes();

    /** How long to wait for a TCP connection to a downstream; a service that is down answers 503 after this. */
    @WithDefault("PT1S")
    Duration connectTimeout();

    /** How long a downstream may stay silent before the gateway answers 504. */
    @WithDefault("PT30S")
    Duration requestTimeout();

    /** Per-downstream readiness probe timeout. */
    @WithDefault("PT2S")
    Duration readinessTimeout();

    /** The gateway's access log (service/AccessLog). */
    AccessLogConfig accessLog();

    interface AccessLogConfig {
        /** One line per request on standard output; JSON when {@code quarkus.log.console.json.enabled}. */
        @WithDefault("true")
        boolean enabled();
    }

    interface Route {
        /** Base URL of the service, e.g. {@code http://localhost:8081}. */
        URI url();

        /** Vert.x route paths this service answers, e.g. {@code /api/v1/standards*}. */
        List<String> paths();

        /** Whether GET/HEAD/OPTIONS pass without a token (public reference data); a token, if sent, is still checked. */
        @WithDefault("false")
        boolean publicReads();

        /** Exact paths of this route that GET/HEAD/OPTIONS may read without a token (e.g. a published JWKS). */
        Optional<List<String>> publicReadPaths();

        /**
         * Path prefixes of this route whose service authenticates HTTP Basic credentials itself (e.g. {@code /xapi/},
         * where LMSs send a key and secret issued per connection): a request there with an {@code Authorization:
         * Basic} header is passed through unchecked by the gateway, and the service answers 401 for a bad one.
         */
        Optional<List<String>> basicAuthPrefixes();
    }
}
