package uk.apprenticeships.st1398.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.apprenticeships.st1398.gateway.api.GatewayError;
import uk.apprenticeships.st1398.gateway.config.GatewayConfig;
import uk.apprenticeships.st1398.platform.problem.HttpProblems;

/**
 * The merged contract at {@code /openapi}: the running services' own documents ({@code /q/openapi}) read through
 * the gateway's client, merged by {@link ContractMerger} along the gateway's routes, and cached for
 * {@code gateway.openapi.cache}. A service whose document cannot be read is left out (and named in
 * {@code info.x-unavailable-areas}; such a merge is not cached); if none can be read the answer is 503
 * {@code contract-unavailable}.
 */
public final class MergedContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GatewayConfig gateway;
    private final OpenApiConfig config;
    private final String issuer;
    private final HttpClient client;
    private final Clock clock;
    private final RouteTable routes;
    private volatile Buffer cached;
    private volatile Instant cachedUntil = Instant.MIN;

    public MergedContract(
            GatewayConfig gateway, OpenApiConfig config, String authServerUrl, HttpClient client, Clock clock) {
        this.gateway = gateway;
        this.config = config;
        this.issuer = config.issuer().orElse(authServerUrl);
        this.client = client;
        this.clock = clock;
        Map<String, RouteTable.Area> areas = new LinkedHashMap<>();
        gateway.routes()
                .forEach((name, route) -> areas.put(
                        name,
                        new RouteTable.Area(
                                route.paths(),
                                route.publicReads(),
                                route.publicReadPaths().orElse(List.of()))));
        this.routes = new RouteTable(areas);
    }

    public void handle(RoutingContext ctx) {
        Buffer current = cached;
        if (current != null && clock.instant().isBefore(cachedUntil)) {
            send(ctx, current);
            return;
        }
        List<String> names = new ArrayList<>(gateway.routes().keySet());
        List<Future<JsonNode>> reads = new ArrayList<>();
        for (String name : names) {
            reads.add(read(gateway.routes().get(name).url()));
        }
        Future.join(reads).onComplete(ignored -> {
            List<ContractMerger.Source> sources = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                if (reads.get(i).succeeded()) {
                    sources.add(
                            new ContractMerger.Source(names.get(i), reads.get(i).result()));
                } else {
                    missing.add(names.get(i));
                    Log.warnf(
                            "OpenAPI document of %s unreadable: %s",
                            names.get(i), reads.get(i).cause());
                }
            }
            if (sources.isEmpty()) {
                HttpProblems.write(
                        ctx,
                        HttpProblems.of(
                                GatewayError.CONTRACT_UNAVAILABLE,
                                "No service's OpenAPI document could be read; retry shortly.",
                                ctx));
                return;
            }
            ContractMerger.Result result = ContractMerger.merge(sources, routes, settings());
            result.warnings().forEach(w -> Log.debugf("contract: %s", w));
            if (!missing.isEmpty()) {
                var list = ((com.fasterxml.jackson.databind.node.ObjectNode)
                                result.document().get("info"))
                        .putArray("x-unavailable-areas");
                missing.forEach(list::add);
            }
            Buffer body = Buffer.buffer(ContractMerger.toJson(JSON, result.document()));
            if (missing.isEmpty()) {
                cached = body;
                cachedUntil = clock.instant().plus(config.cache());
            }
            send(ctx, body);
        });
    }

    private ContractMerger.Settings settings() {
        return new ContractMerger.Settings(
                config.title(),
                config.version(),
                config.description(),
                config.serverUrl(),
                issuer,
                config.contactName(),
                config.contactUrl(),
                config.contactEmail());
    }

    private static void send(RoutingContext ctx, Buffer body) {
        ctx.response()
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-cache")
                .end(body);
    }

    private Future<JsonNode> read(URI base) {
        int port = base.getPort() > 0 ? base.getPort() : ("https".equals(base.getScheme()) ? 443 : 80);
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(base.getHost())
                .setPort(port)
                .setURI("/q/openapi?format=json")
                .setIdleTimeout(gateway.readinessTimeout().toMillis())
                .putHeader("Accept", "application/json");
        return client.request(options)
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200
                        ? response.body()
                        : Future.failedFuture("HTTP " + response.statusCode()))
                .map(body -> {
                    try {
                        return JSON.readTree(body.getBytes());
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException("not JSON", e);
                    }
                });
    }
}
