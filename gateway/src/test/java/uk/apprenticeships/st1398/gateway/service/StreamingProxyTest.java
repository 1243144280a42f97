package uk.apprenticeships.st1398.gateway.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import java.net.ServerSocket;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The proxy handler on its own: a Vert.x backend, a Vert.x front server whose routes are {@link StreamingProxy}
 * handlers, and a Vert.x client as the caller (no Quarkus: the behaviour of the handler alone).
 */
class StreamingProxyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    private static Vertx vertx;
    private static HttpClient caller;
    /** The caller's requests are made on one event loop, as a Vert.x client is meant to be used. */
    private static io.vertx.core.Context callerContext;

    private static int frontPort;
    private static final AtomicReference<MultiMap> lastBackendHeaders = new AtomicReference<>();
    private static final AtomicLong backendSent = new AtomicLong();
    private static final AtomicBoolean backendQueueFull = new AtomicBoolean();

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        HttpServer backend = vertx.createHttpServer().requestHandler(StreamingProxyTest::backend);
        int backendPort = await(backend.listen(0)).actualPort();
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true));
        StreamingProxy up = new StreamingProxy(
                client,
                "standards",
                SocketAddress.inetSocketAddress(backendPort, "localhost"),
                1000,
                W3CTraceContextPropagator.getInstance());
        StreamingProxy down = new StreamingProxy(
                client,
                "evidence",
                SocketAddress.inetSocketAddress(closedPort(), "127.0.0.1"),
                1000,
                W3CTraceContextPropagator.getInstance());
        Router router = Router.router(vertx);
        router.route("/traced/*").handler(ctx -> {
            SpanContext parent =
                    SpanContext.create(TRACE_ID, "00f067aa0ba902b7", TraceFlags.getSampled(), TraceState.getDefault());
            try (Scope ignored = Context.root().with(Span.wrap(parent)).makeCurrent()) {
                up.handle(ctx);
            }
        });
        router.route("/down/*").handler(down::handle);
        router.route("/assessor-service/api/v1/*").handler(up::handle);
        router.route("/*").handler(up::handle);
        frontPort =
                await(vertx.createHttpServer().requestHandler(router).listen(0)).actualPort();
        callerContext = vertx.getOrCreateContext();
        caller = vertx.createHttpClient(
                new HttpClientOptions().setDefaultPort(frontPort).setDefaultHost("localhost"));
    }

    @AfterAll
    static void stop() throws Exception {
        await(vertx.close());
    }

    /** The backend: behaviour chosen by path. */
    private static void backend(HttpServerRequest request) {
        lastBackendHeaders.set(MultiMap.caseInsensitiveMultiMap().addAll(request.headers()));
        HttpServerResponse response = request.response();
        String path = request.path();
        switch (path) {
            case "/echo" -> {
                // Streams the body back as it comes, with its length and SHA-256 in trailers-free headers at the end.
                response.setChunked(true).putHeader("X-Method", request.method().name());
                request.pipeTo(response);
            }
            case "/hop" ->
                response.putHeader("Connection", "X-Secret-Response")
                        .putHeader("X-Secret-Response", "private")
                        .putHeader("Keep-Alive", "timeout=5")
                        .putHeader("Proxy-Authenticate", "Basic")
                        .putHeader("X-Kept", "yes")
                        .putHeader("X-Request-Id", "the-backend-echo")
                        .end("ok");
            case "/not-modified" ->
                response.setStatusCode(304).putHeader("ETag", "\"abc\"").end();
            case "/no-content" -> response.setStatusCode(204).end();
            case "/silent", "/assessor-service/api/v1/learner/1/Slow/1" -> {
                // never answers
            }
            case "/broken" -> request.connection().close();
            case "/download" -> {
                long size = Long.parseLong(request.getParam("bytes"));
                response.putHeader("Content-Length", Long.toString(size));
                backendSent.set(0);
                backendQueueFull.set(false);
                write(response, size);
            }
            default -> response.end("{\"path\":\"" + request.uri() + "\"}");
        }
    }

    /** Writes {@code remaining} bytes, only as fast as the connection takes them (back-pressure). */
    private static void write(HttpServerResponse response, long remaining) {
        Buffer chunk = Buffer.buffer(new byte[64 * 1024]);
        long left = remaining;
        while (left > 0) {
            if (response.writeQueueFull()) {
                backendQueueFull.set(true);
                long rest = left;
                response.drainHandler(v -> write(response, rest));
                return;
            }
            int n = (int) Math.min(chunk.length(), left);
            response.write(n == chunk.length() ? chunk : chunk.slice(0, n));
            backendSent.addAndGet(n);
            left -= n;
        }
        response.end();
    }

    @Test
    void hopByHopHeadersAreNotForwardedEitherWay() throws Exception {
        Answer response = send(
                HttpMethod.GET,
                "/hop",
                headers -> headers.add("Connection", "keep-alive, X-Secret")
                        .add("X-Secret", "for-the-gateway-only")
                        .add("Keep-Alive", "timeout=5")
                        .add("TE", "trailers")
                        .add("Proxy-Authorization", "Basic abc")
                        .add("X-Custom", "kept")
                        .add("Authorization", "Bearer token"));
        assertEquals("ok", response.body().toString());
        MultiMap forwarded = lastBackendHeaders.get();
        assertEquals("kept", forwarded.get("X-Custom"));
        assertEquals("Bearer token", forwarded.get("Authorization"), "end-to-end credentials are forwarded");
        for (String name : new String[] {"X-Secret", "Keep-Alive", "TE", "Proxy-Authorization"}) {
            assertNull(forwarded.get(name), name + " is hop-by-hop");
        }
        assertEquals("localhost:" + frontPort, forwarded.get("Host"), "the caller's Host is kept");
        assertEquals("yes", response.getHeader("X-Kept"));
        for (String name : new String[] {"X-Secret-Response", "Keep-Alive", "Proxy-Authenticate", "X-Request-Id"}) {
            assertNull(response.getHeader(name), name + " is not relayed");
        }
    }

    @Test
    void methodUriAndQueryAreForwardedUnchanged() throws Exception {
        Answer response = send(HttpMethod.DELETE, "/api/v1/things/a%20b?x=1&y=%C3%A9", headers -> {});
        assertEquals(200, response.statusCode());
        assertEquals(
                "{\"path\":\"/api/v1/things/a%20b?x=1&y=%C3%A9\"}",
                response.body().toString());
    }

    @Test
    void largeBodiesAreStreamedBothWays() throws Exception {
        int size = 48 * 1024 * 1024;
        byte[] data = new byte[size];
        new java.util.Random(7).nextBytes(data);
        Answer response = call(() -> caller.request(HttpMethod.PUT, "/echo")
                .compose(request -> request.setChunked(true).send(Buffer.buffer(data)))
                .compose(r -> r.body().map(body -> new Answer(r, body))));
        assertEquals(200, response.statusCode());
        assertEquals("PUT", response.getHeader("X-Method"));
        byte[] back = response.body().getBytes();
        assertEquals(size, back.length);
        assertEquals(sha256(data), sha256(back));
        assertEquals("chunked", lastBackendHeaders.get().get("Transfer-Encoding"), "sent on as it came, in chunks");
    }

    @Test
    void aSlowCallerSlowsTheServiceDown() throws Exception {
        long size = 512L * 1024 * 1024;
        HttpClientResponse response = call(() -> caller.request(HttpMethod.GET, "/download?bytes=" + size)
                .compose(r -> r.send())
                .map(r -> r.pause()));
        // The caller reads nothing: the gateway must not read the service's answer ahead into memory.
        Thread.sleep(1500);
        long sentWhilePaused = backendSent.get();
        assertTrue(backendQueueFull.get(), "the service was made to wait");
        assertTrue(
                sentWhilePaused < 64L * 1024 * 1024,
                "the service got " + sentWhilePaused + " bytes out of " + size + " while the caller read none");
        AtomicLong received = new AtomicLong();
        call(() -> {
            response.handler(buffer -> received.addAndGet(buffer.length()));
            Future<Void> end = response.end();
            response.resume();
            return end;
        });
        assertEquals(size, received.get());
    }

    @Test
    void notModifiedAndNoContentHaveNeitherBodyNorTransferEncoding() throws Exception {
        Answer notModified = send(HttpMethod.GET, "/not-modified", headers -> {});
        assertEquals(304, notModified.statusCode());
        assertEquals("\"abc\"", notModified.getHeader("ETag"));
        assertNull(notModified.getHeader("Transfer-Encoding"));
        assertEquals(0, notModified.body().length());
        Answer noContent = send(HttpMethod.DELETE, "/no-content", headers -> {});
        assertEquals(204, noContent.statusCode());
        assertNull(noContent.getHeader("Transfer-Encoding"));
        assertNull(noContent.getHeader("Content-Length"));
        assertEquals(0, noContent.body().length());
    }

    @Test
    void traceContextGoesDownstream() throws Exception {
        Answer response = send(
                HttpMethod.GET,
                "/traced/x",
                headers -> headers.add("traceparent", "00-11111111111111111111111111111111-2222222222222222-01"));
        assertEquals(200, response.statusCode());
        String traceparent = lastBackendHeaders.get().get("traceparent");
        assertEquals("00-" + TRACE_ID + "-00f067aa0ba902b7-01", traceparent, "the gateway's span is the parent");
    }

    @Test
    void aServiceThatCannotBeReachedIs503() throws Exception {
        JsonNode problem = problem(send(HttpMethod.GET, "/down/x", headers -> {}), 503);
        assertEquals("downstream-unavailable", problem.get("code").asText());
        assertEquals("evidence", problem.get("downstream").asText());
    }

    @Test
    void aServiceThatStaysSilentIs504() throws Exception {
        JsonNode problem = problem(send(HttpMethod.GET, "/silent", headers -> {}), 504);
        assertEquals("downstream-timeout", problem.get("code").asText());
    }

    @Test
    void aServiceThatAnswersImproperlyIs502() throws Exception {
        JsonNode problem = problem(send(HttpMethod.GET, "/broken", headers -> {}), 502);
        assertEquals("downstream-rejected", problem.get("code").asText());
        assertEquals("standards", problem.get("downstream").asText());
    }

    @Test
    void onDfePathsAFailureIsDfesForm() throws Exception {
        Answer response = send(HttpMethod.GET, "/assessor-service/api/v1/learner/1/Slow/1", h -> {});
        assertEquals(500, response.statusCode(), response.body().toString());
        assertEquals("5", response.getHeader("Retry-After"));
        JsonNode body = JSON.readTree(response.body().getBytes());
        assertEquals(500, body.get("statusCode").asInt());
        assertFalse(body.has("type"));
    }

    private static JsonNode problem(Answer response, int status) throws Exception {
        assertEquals(status, response.statusCode());
        assertEquals("application/problem+json", response.getHeader("Content-Type"));
        assertEquals("5", response.getHeader("Retry-After"));
        JsonNode problem = JSON.readTree(response.body().getBytes());
        assertEquals(status, problem.get("status").asInt());
        return problem;
    }

    /** A response and its whole body (read as it arrives: Vert.x does not keep a body nobody reads). */
    private record Answer(HttpClientResponse response, Buffer body) {
        int statusCode() {
            return response.statusCode();
        }

        String getHeader(String name) {
            return response.getHeader(name);
        }
    }

    private static Answer send(HttpMethod method, String uri, Consumer<MultiMap> headers) throws Exception {
        MultiMap map = MultiMap.caseInsensitiveMultiMap();
        headers.accept(map);
        return call(() -> caller.request(
                        new RequestOptions().setMethod(method).setURI(uri).setHeaders(map))
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> new Answer(response, body))));
    }

    /** Runs a call on the caller's event loop and waits for its outcome. */
    private static <T> T call(java.util.function.Supplier<Future<T>> action) throws Exception {
        io.vertx.core.Promise<T> promise = io.vertx.core.Promise.promise();
        callerContext.runOnContext(v -> action.get().onComplete(promise));
        return await(promise.future());
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
