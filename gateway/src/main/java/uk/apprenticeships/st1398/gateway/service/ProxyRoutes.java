package uk.apprenticeships.st1398.gateway.service;

import io.quarkus.logging.Log;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.ConnectException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.apprenticeships.st1398.gateway.config.GatewayConfig;
import uk.apprenticeships.st1398.gateway.openapi.MergedContract;
import uk.apprenticeships.st1398.gateway.openapi.OpenApiConfig;
import uk.apprenticeships.st1398.gateway.ratelimit.RateLimiter;
import uk.apprenticeships.st1398.platform.http.RequestIds;
import uk.apprenticeships.st1398.platform.problem.HttpProblems;
import uk.apprenticeships.st1398.platform.problem.PlatformError;
import uk.apprenticeships.st1398.platform.problem.Problem;

/**
 * The gateway's routes: a streaming reverse proxy per downstream service (method, path, query, headers and
 * body forwarded both ways, never buffered), with downstream failures turned into problem responses with the
 * platform's codes: 503 {@code downstream-unavailable} when a service cannot be reached, 504
 * {@code downstream-timeout} when it does not answer in time, 502 {@code downstream-rejected} for anything else. The token
 * has already been checked by Quarkus security (see application.properties) before a request gets here.
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

    public ProxyRoutes(
            GatewayConfig config,
            Vertx vertx,
            RateLimiter rateLimiter,
            OpenApiConfig openApi,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") String authServerUrl,
            Clock clock) {
        this.config = config;
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
        HttpClient client = vertx.createHttpClient(options);
        for (Map.Entry<String, GatewayConfig.Route> entry : config.routes().entrySet()) {
            String name = entry.getKey();
            URI url = entry.getValue().url();
            HttpProxy proxy = proxyTo(client, name, url);
            boolean publicReads = entry.getValue().publicReads();
            Set<String> publicPaths =
                    Set.copyOf(entry.getValue().publicReadPaths().orElse(List.of()));
            List<String> basicPrefixes =
                    List.copyOf(entry.getValue().basicAuthPrefixes().orElse(List.of()));
            Handler<RoutingContext> limit = rateLimiter.forGroup(entry.getKey());
            for (String path : entry.getValue().paths()) {
                Route route = router.route(path).handler(ProxyRoutes::authenticate);
                if (limit != null) {
                    route.handler(limit);
                }
                route.handler(ctx -> requireToken(
                                ctx,
                                publicReads
                                        || publicPaths.contains(ctx.request().path()),
                                basicPrefixes))
                        .handler(ctx -> proxy.handle(ctx.request()));
            }
            // Each service's own OpenAPI document, for the gateway's Swagger UI.
            HttpProxy serviceContract = proxyTo(
                            client, entry.getKey(), entry.getValue().url())
                    .addInterceptor(new ProxyInterceptor() {
                        @Override
                        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
                            context.request().setURI("/q/openapi?format=json");
                            return context.sendRequest();
                        }
                    });
            router.get(OPENAPI_PREFIX + entry.getKey()).handler(ctx -> serviceContract.handle(ctx.request()));
            Log.infof(
                    "Routing %s to %s",
                    entry.getValue().paths(), entry.getValue().url());
        }
        // The one contract: every service's document merged along these routes.
        MergedContract contract = new MergedContract(config, openApi, authServerUrl, client, clock);
        router.get(CONTRACT_PATH).handler(contract::handle);
    }

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

    private HttpProxy proxyTo(HttpClient client, String name, URI url) {
        SocketAddress origin = SocketAddress.inetSocketAddress(port(url), url.getHost());
        long timeout = config.requestTimeout().toMillis();
        return HttpProxy.reverseProxy(client)
                .originRequestProvider((request, httpClient) -> httpClient.request(
                        new RequestOptions().setServer(origin).setIdleTimeout(timeout)))
                .addInterceptor(new DownstreamFailures(name));
    }

    private static int port(URI url) {
        if (url.getPort() > 0) {
            return url.getPort();
        }
        return "https".equals(url.getScheme()) ? 443 : 80;
    }

    /** Turns a failed downstream exchange into a problem response, and keeps one X-Request-Id. */
    private static final class DownstreamFailures implements ProxyInterceptor {

        private final String service;

        DownstreamFailures(String service) {
            this.service = service;
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            return context.sendRequest().recover(failure -> {
                PlatformError code;
                String detail;
                if (failure instanceof ConnectException || isConnectFailure(failure)) {
                    code = PlatformError.DOWNSTREAM_UNAVAILABLE;
                    detail = "The " + service + " service is not available right now; retry later.";
                } else if (isTimeout(failure)) {
                    code = PlatformError.DOWNSTREAM_TIMEOUT;
                    detail = "The " + service + " service did not answer in time; retry later.";
                } else {
                    code = PlatformError.DOWNSTREAM_REJECTED;
                    detail = "The " + service + " service failed to answer properly; retry later.";
                }
                String requestId = context.request().headers().get(RequestIds.HEADER);
                Log.warnf("Downstream %s failed for request %s: %s", service, requestId, failure.toString());
                Problem problem = new Problem(
                        code,
                        detail,
                        context.request().proxiedRequest().path(),
                        requestId,
                        null,
                        Map.of("downstream", service));
                ProxyResponse response = context.request().response();
                response.headers().clear();
                // DfE's paths answer a neighbour's failure as DfE's API does (500, DfeErrorForm); Retry-After stays.
                response.setStatusCode(HttpProblems.status(problem))
                        .putHeader("Content-Type", HttpProblems.mediaType(problem))
                        .putHeader("Retry-After", "5")
                        .setBody(Body.body(Buffer.buffer(HttpProblems.json(problem))));
                return Future.succeededFuture(response);
            });
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            // The gateway already set X-Request-Id on its response; the downstream echoes the same id.
            ProxyResponse response = context.response();
            response.headers().remove(RequestIds.HEADER);
            int status = response.getStatusCode();
            if (status == 304 || status == 204) {
                // Bodyless by definition: without this the proxy answers 'Transfer-Encoding: chunked' and
                // strict clients wait for chunks that never come.
                response.headers().remove("Transfer-Encoding");
                response.setBody(null);
            }
            return context.sendResponse();
        }

        private static boolean isTimeout(Throwable failure) {
            return failure instanceof TimeoutException
                    || failure.getClass().getSimpleName().contains("Timeout")
                    || (failure.getMessage() != null && failure.getMessage().contains("timeout"));
        }

        private static boolean isConnectFailure(Throwable failure) {
            return failure.getCause() instanceof ConnectException
                    || failure.getClass().getSimpleName().contains("ConnectException")
                    || failure.getClass().getSimpleName().contains("ConnectTimeout");
        }
    }
}
