import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.Locale;
import java.util.Set;

/**
 * The floor of a proxy built on Vert.x, for bench/gateway-vs-nginx.sh: the Vert.x and Netty the gateway ships (run with
 * the gateway's own jars and JVM options), native epoll, an HTTP server and a keep-alive HTTP client per event loop,
 * the caller's method, URI and headers forwarded (hop-by-hop headers dropped both ways), the body piped back. Nothing
 * else: no routing, no authentication, no rate limits, no metrics, no tracing, no logging. What it reaches is what any
 * gateway on this stack can reach at most on the same machine.
 *
 * <p>Arguments: listen port, backend base URL (http://host:port), event loops.
 */
public class VertxFloorProxy {

    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection",
            "keep-alive",
            "proxy-authenticate",
            "proxy-authorization",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade",
            "proxy-connection");

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        java.net.URI backend = java.net.URI.create(args[1]);
        int loops = Integer.parseInt(args[2]);
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true).setEventLoopPoolSize(loops));
        System.out.println("native transport: " + vertx.isNativeTransportEnabled() + ", event loops: " + loops);
        vertx.deployVerticle(
                        () -> new AbstractVerticle() {
                            private HttpClient client;

                            @Override
                            public void start(Promise<Void> started) {
                                client = vertx.createHttpClient(
                                        new HttpClientOptions()
                                                .setKeepAlive(true)
                                                .setTcpNoDelay(true)
                                                .setDefaultHost(backend.getHost())
                                                .setDefaultPort(backend.getPort()),
                                        new PoolOptions().setHttp1MaxSize(32));
                                vertx.createHttpServer(new HttpServerOptions()
                                                .setPort(port)
                                                .setHost("127.0.0.1")
                                                .setTcpNoDelay(true))
                                        .requestHandler(this::proxy)
                                        .listen()
                                        .<Void>mapEmpty()
                                        .onComplete(started);
                            }

                            private void proxy(HttpServerRequest request) {
                                HttpServerResponse response = request.response();
                                request.pause();
                                client.request(new RequestOptions()
                                                .setMethod(request.method())
                                                .setURI(request.uri()))
                                        .onComplete(sent -> {
                                            if (sent.failed()) {
                                                response.setStatusCode(502).end();
                                                return;
                                            }
                                            HttpClientRequest outbound = sent.result();
                                            request.headers().forEach(h -> {
                                                if (!HOP_BY_HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                                                    outbound.headers().add(h.getKey(), h.getValue());
                                                }
                                            });
                                            outbound.putHeader(HttpHeaders.HOST, backend.getAuthority());
                                            outbound.response().onComplete(answered -> {
                                                if (answered.failed()) {
                                                    if (!response.ended()) {
                                                        response.setStatusCode(502).end();
                                                    }
                                                    return;
                                                }
                                                HttpClientResponse inbound = answered.result();
                                                response.setStatusCode(inbound.statusCode());
                                                inbound.headers().forEach(h -> {
                                                    if (!HOP_BY_HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                                                        response.headers().add(h.getKey(), h.getValue());
                                                    }
                                                });
                                                inbound.pipeTo(response);
                                            });
                                            if (request.isEnded()) {
                                                outbound.end();
                                            } else {
                                                request.pipeTo(outbound);
                                            }
                                        });
                            }
                        },
                        new DeploymentOptions().setInstances(loops))
                .onComplete(deployed -> System.out.println(
                        deployed.succeeded() ? "listening on " + port : "failed: " + deployed.cause()));
    }
}
