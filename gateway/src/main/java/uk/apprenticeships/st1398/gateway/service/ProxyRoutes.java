package uk.apprenticeships.st1398.gateway.service;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.quarkus.logging.Log;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.apprenticeships.st1398.gateway.cache.ResponseCache;
import uk.apprenticeships.st1398.gateway.config.GatewayConfig;
import uk.apprenticeships.st1398.gateway.openapi.MergedContract;
import uk.apprenticeships.st1398.gateway.openapi.OpenApiConfig;
import uk.apprenticeships.st1398.gateway.ratelimit.RateLimiter;
import uk.apprenticeships.st1398.platform.http.RequestIds;
import uk.apprenticeships.st1398.platform.problem.HttpProblems;

/**
 * The gateway's routes: per downstream service, its paths proxied by a {@link StreamingProxy} (method, path, query,
 * headers and body forwarded both ways, never buffered; hop-by-hop headers dropped), with downstream failures turned
 * into problem responses with the platform's codes: 503 {@code downstream-unavailable} when a service cannot be
 * reached, 504 {@code downstream-timeout} when it does not answer within {@code gateway.request-timeout}, 502
 * {@code downstream-rejected} for anything else (DfE's 500 form on DfE's paths). Before a request is proxied: its
 * bearer token is checked if it has one ({@link #authenticate}: a bad one is a 401 problem, on public reads too),
 * the route group's rate limit is counted ({@link RateLimiter}), a token is required unless the route allows
 * reads without one or the path takes HTTP Basic credentials the service checks itself ({@link #requireToken}),
 * and a public read of a cached group may be answered from the gateway's shared cache ({@link ResponseCache}).
 * Also here: {@code /openapi} (the merged contract) and {@code /openapi/{service}} (each service's own document).
 *
 * <p>Cost per request (bench/README.md, "gateway-vs-nginx.sh"): the proxy is a plain Vert.x {@link HttpClient}
 * piping both ways, not vertx-http-proxy, and the proxied calls make no client span of their own (the server span's
 * trace context is sent downstream in {@code traceparent}); the access log is the gateway's own {@link AccessLog}.
 */
@ApplicationScoped
public class ProxyRoutes {

    public static final String OPENAPI_PREFIX = "/openapi/";
    private static final Set<HttpMethod> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    public static final String CONTRACT_PATH = "/openapi";

    private final GatewayConfig config;
    private final Vertx vertx;
    private final RateLimiter rateLimiter;
    private final OpenApiConfig openApi;
    private final String authServerUrl;
    private final Clock clock;
    private final TextMapPropagator propagator;
    private final ResponseCache responseCache;

    public ProxyRoutes(
            GatewayConfig config,
            Vertx vertx,
            RateLimiter rateLimiter,
            OpenApiConfig openApi,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") String authServerUrl,
            Clock clock,
            OpenTelemetry openTelemetry,
            ResponseCache responseCache) {
        this.config = config;
        this.responseCache = responseCache;
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
        this.vertx = vertx;
        this.rateLimiter = rateLimiter;
        this.openApi = openApi;
        this.authServerUrl = authServerUrl;
        this.clock = clock;
    }

    void install(@Observes Router router) {
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true)
                .setMaxPoolSize(64)
                .setDecompressionSupported(false);
        // The contract's calls: traced as any client call (a client span each).
        HttpClient client = vertx.createHttpClient(new HttpClientOptions(options));
        // The proxied calls: no client span of their own (it cost as much as the server span, and said nothing the
        // server span does not); the server span's context goes downstream in traceparent (StreamingProxy).
        HttpClient proxyClient = vertx.createHttpClient(options.setTracingPolicy(TracingPolicy.IGNORE));
        for (Map.Entry<String, GatewayConfig.Route> entry : config.routes().entrySet()) {
            String name = entry.getKey();
            URI url = entry.getValue().url();
            StreamingProxy proxy = proxyTo(proxyClient, name, url);
            boolean publicReads = entry.getValue().publicReads();
            Set<String> publicPaths =
                    Set.copyOf(entry.getValue().publicReadPaths().orElse(List.of()));
            List<String> basicPrefixes =
                    List.copyOf(entry.getValue().basicAuthPrefixes().orElse(List.of()));
            Handler<RoutingContext> limit = rateLimiter.forGroup(entry.getKey());
            Handler<RoutingContext> cache = responseCache.forGroup(entry.getKey());
            for (String path : entry.getValue().paths()) {
                Route route = router.route(path).handler(ctx -> {
                    routeTemplate(path);
                    authenticate(ctx);
                });
                if (limit != null) {
                    route.handler(limit);
                }
                route.handler(ctx -> requireToken(
                        ctx, publicReads || publicPaths.contains(ctx.request().path()), basicPrefixes));
                if (cache != null) {
                    route.handler(cache);
                }
                route.handler(proxy::handle);
            }
            // Each service's own OpenAPI document, for the gateway's Swagger UI.
            router.get(OPENAPI_PREFIX + name).handler(ctx -> proxy.forward(ctx, "/q/openapi?format=json"));
            Log.infof(
                    "Routing %s to %s",
                    entry.getValue().paths(), entry.getValue().url());
        }
        // The one contract: every service's document merged along these routes.
        MergedContract contract = new MergedContract(config, openApi, authServerUrl, client, clock);
        router.get(CONTRACT_PATH).handler(contract::handle);
    }

    /**
     * Names the request after its route ({@code /api/v1/apprentices/*}), not its path, in the HTTP server metrics'
     * {@code uri} tag and the server span's route: Micrometer and OpenTelemetry read this context local, as Quarkus
     * REST sets it for the services' endpoints. Without it every apprentice or evidence id made a metric of its own
     * until Micrometer's cap on URI tags dropped the rest.
     */
    static void routeTemplate(String template) {
        Context context = Vertx.currentContext();
        if (context != null) {
            context.putLocal(URL_PATH_TEMPLATE, template);
        }
    }

    /** The context local Quarkus's Micrometer and OpenTelemetry HTTP instrumentation take the route from. */
    static final String URL_PATH_TEMPLATE = "UrlPathTemplate";

    /**
     * Checks the bearer token, if the request has one, before anything else (rate limits count by its client or
     * subject). Authentication is not proactive (application.properties): a request without a token, like every
     * public catalogue read, skips the authentication machinery altogether. An invalid, expired or wrong-audience
     * token is a 401 problem, on public reads too.
     */
    private static void authenticate(RoutingContext ctx) {
        if (!ctx.request().headers().contains(HttpHeaders.AUTHORIZATION)) {
            ctx.next();
            return;
        }
        Uni<SecurityIdentity> deferred = ctx.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        if (deferred == null) {
            ctx.next();
            return;
        }
        Context context = Vertx.currentContext();
        deferred.subscribe()
                .with(
                        identity -> onContext(context, () -> {
                            if (!identity.isAnonymous() && !(ctx.user() instanceof QuarkusHttpUser)) {
                                ctx.setUser(new QuarkusHttpUser(identity));
                            }
                            ctx.next();
                        }),
                        failure -> onContext(
                                context,
                                () -> HttpProblems.write(
                                        ctx,
                                        HttpProblems.unauthorized(ctx.request().path(), RequestIds.of(ctx)))));
    }

    private static void onContext(Context context, Runnable action) {
        if (context == null || Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(ignored -> action.run());
        }
    }

    /**
     * Rejects a request without a token before it reaches a service. Invalid tokens never get this far:
     * {@link #authenticate} fails them first.
     */
    private static void requireToken(RoutingContext ctx, boolean publicReads, List<String> basicPrefixes) {
        if (publicReads && SAFE_METHODS.contains(ctx.request().method())) {
            ctx.next();
            return;
        }
        if (!basicPrefixes.isEmpty() && isBasic(ctx.request().getHeader(HttpHeaders.AUTHORIZATION))) {
            String path = ctx.request().path();
            if (basicPrefixes.stream().anyMatch(path::startsWith)) {
                ctx.next(); // the service checks the credential (401 problem if it is wrong)
                return;
            }
        }
        if (ctx.user() instanceof QuarkusHttpUser user
                && !user.getSecurityIdentity().isAnonymous()) {
            ctx.next();
            return;
        }
        HttpProblems.write(ctx, HttpProblems.unauthorized(ctx.request().path(), RequestIds.of(ctx)));
    }

    private static boolean isBasic(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }

    private StreamingProxy proxyTo(HttpClient client, String name, URI url) {
        SocketAddress origin = SocketAddress.inetSocketAddress(port(url), url.getHost());
        return new StreamingProxy(client, name, origin, config.requestTimeout().toMillis(), propagator);
    }

    private static int port(URI url) {
        if (url.getPort() > 0) {
            return url.getPort();
        }
        return "https".equals(url.getScheme()) ? 443 : 80;
    }
}
