package uk.apprenticeships.st1398.gateway.service;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.quarkus.logging.Log;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.streams.Pipe;
import io.vertx.core.streams.WriteStream;
import io.vertx.ext.web.RoutingContext;
import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import uk.apprenticeships.st1398.gateway.cache.CacheFill;
import uk.apprenticeships.st1398.platform.http.RequestIds;
import uk.apprenticeships.st1398.platform.problem.HttpProblems;
import uk.apprenticeships.st1398.platform.problem.PlatformError;
import uk.apprenticeships.st1398.platform.problem.Problem;

/**
 * A streaming reverse proxy to one downstream service, on a Vert.x {@link HttpClient}: the request goes on with
 * the same method, URI and headers (hop-by-hop headers and {@code Host}'s port aside; the caller's {@code Host} is
 * kept), its body piped to the service and the answer's body piped back, both with back-pressure (a slow reader
 * pauses the writer) and never buffered. The answer's headers are copied without the hop-by-hop ones; a 204 or 304
 * has no body and no {@code Transfer-Encoding}. The gateway's own {@code X-Request-Id} (set before this runs, and
 * forwarded) is the only one on the response. When the gateway's cache handed this read a {@link CacheFill}, the
 * answer's body goes to the caller through it, which keeps a copy of a small public answer as it streams.
 *
 * <p>A failed exchange is a problem response with the platform's codes: 503 {@code downstream-unavailable} when the
 * service cannot be reached, 504 {@code downstream-timeout} when it stays silent longer than the request timeout,
 * 502 {@code downstream-rejected} for anything else (on DfE's paths, DfE's 500 form: {@link HttpProblems}). A
 * failure after the answer has started can only end the exchange: the connection to the caller is reset.
 *
 * <p>It replaces vertx-http-proxy's {@code HttpProxy}, which does the same and more (a cache, interceptors with
 * their own copies of the headers, Cache-Control parsing per response) at a cost per request that showed in the
 * gateway's profile (bench/README.md, "gateway-vs-nginx.sh").
 */
final class StreamingProxy {

    private final HttpClient client;
    private final String service;
    private final SocketAddress origin;
    private final long idleTimeoutMillis;
    private final TextMapPropagator propagator;

    StreamingProxy(
            HttpClient client,
            String service,
            SocketAddress origin,
            long idleTimeoutMillis,
            TextMapPropagator propagator) {
        this.propagator = propagator;
        this.client = client;
        this.service = service;
        this.origin = origin;
        this.idleTimeoutMillis = idleTimeoutMillis;
    }

    /** Proxies the request to the same URI on the service. */
    void handle(RoutingContext ctx) {
        forward(ctx, ctx.request().uri());
    }

    /** Proxies the request to {@code uri} on the service. */
    void forward(RoutingContext ctx, String uri) {
        HttpServerRequest in = ctx.request();
        // Paused (and queued) from here until the service's connection can take the body.
        Pipe<Buffer> body = in.pipe();
        body.endOnFailure(false);
        MultiMap headers = forwardedHeaders(in.headers());
        CacheFill fill = CacheFill.of(ctx);
        if (fill != null) {
            fill.forwarding(headers);
        }
        // Trace context: the gateway's server span is the parent of the service's (W3C traceparent; nothing when
        // tracing is off). The client has no span of its own (ProxyRoutes).
        propagator.inject(Context.current(), headers, MultiMap::set);
        RequestOptions options = new RequestOptions()
                .setServer(origin)
                .setMethod(in.method())
                .setURI(uri)
                .setIdleTimeout(idleTimeoutMillis)
                .setHeaders(headers);
        client.request(options).onComplete(requested -> {
            if (requested.failed()) {
                body.close();
                fail(ctx, requested.cause());
                return;
            }
            HttpClientRequest out = requested.result();
            if (ctx.response().closed()) {
                // The caller went away while the service's connection was being made: nothing to send or answer.
                body.close();
                out.reset();
                return;
            }
            // A failed exchange is answered through out.response() below; nothing more to report here.
            out.exceptionHandler(ignored -> {});
            HostAndPort authority = in.authority();
            if (authority != null) {
                out.authority(authority);
            }
            if (!out.headers().contains(HttpHeaders.CONTENT_LENGTH) && isChunked(in.headers())) {
                out.setChunked(true);
            }
            out.response().onComplete(answered -> {
                if (answered.failed()) {
                    fail(ctx, answered.cause());
                    return;
                }
                relay(ctx, out, answered.result());
            });
            body.to(out).onFailure(failure -> out.reset());
        });
    }

    private static MultiMap forwardedHeaders(MultiMap incoming) {
        MultiMap headers = HttpHeaders.headers();
        String connection = incoming.get(HttpHeaders.CONNECTION);
        for (Map.Entry<String, String> header : incoming) {
            String name = header.getKey();
            if (!HopByHop.is(name, connection) && !name.equalsIgnoreCase("host")) {
                headers.add(name, header.getValue());
            }
        }
        return headers;
    }

    private static void relay(RoutingContext ctx, HttpClientRequest out, HttpClientResponse answer) {
        HttpServerResponse response = ctx.response();
        if (response.closed() || response.ended()) {
            out.reset();
            return;
        }
        CacheFill fill = CacheFill.of(ctx);
        if (fill != null && fill.answers(answer, response)) {
            return;
        }
        Pipe<Buffer> body = answer.pipe();
        int status = answer.statusCode();
        response.setStatusCode(status);
        if (answer.statusMessage() != null) {
            response.setStatusMessage(answer.statusMessage());
        }
        MultiMap headers = response.headers();
        String connection = answer.getHeader(HttpHeaders.CONNECTION);
        boolean bodyless = status == 204 || status == 304;
        for (Map.Entry<String, String> header : answer.headers()) {
            String name = header.getKey();
            // The gateway already set X-Request-Id on its response; the service echoes the same id.
            if (HopByHop.is(name, connection) || name.equalsIgnoreCase(RequestIds.HEADER)) {
                continue;
            }
            if (status == 204 && name.equalsIgnoreCase("content-length")) {
                continue;
            }
            headers.add(name, header.getValue());
        }
        if (!bodyless && !headers.contains(HttpHeaders.CONTENT_LENGTH)) {
            // Neither a length nor bodyless by definition: streamed in chunks (HTTP/1.0 callers: until close).
            response.setChunked(true);
        }
        body.endOnFailure(false);
        WriteStream<Buffer> target = response;
        if (fill != null) {
            if (status == 304) {
                fill.notModified(answer.headers());
            } else if (!bodyless) {
                target = fill.body(status, answer.headers(), response);
            }
        }
        body.to(target).onFailure(failure -> {
            out.reset();
            response.reset();
        });
    }

    private static boolean isChunked(MultiMap headers) {
        String encoding = headers.get(HttpHeaders.TRANSFER_ENCODING);
        return encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("chunked");
    }

    /** Answers a failed exchange with the platform's problem, unless the answer has already begun. */
    private void fail(RoutingContext ctx, Throwable failure) {
        PlatformError code;
        String detail;
        if (isConnectFailure(failure)) {
            code = PlatformError.DOWNSTREAM_UNAVAILABLE;
            detail = "The " + service + " service is not available right now; retry later.";
        } else if (isTimeout(failure)) {
            code = PlatformError.DOWNSTREAM_TIMEOUT;
            detail = "The " + service + " service did not answer in time; retry later.";
        } else {
            code = PlatformError.DOWNSTREAM_REJECTED;
            detail = "The " + service + " service failed to answer properly; retry later.";
        }
        String requestId = RequestIds.of(ctx);
        Log.warnf("Downstream %s failed for request %s: %s", service, requestId, failure.toString());
        HttpServerResponse response = ctx.response();
        if (response.headWritten() || response.ended() || response.closed()) {
            response.reset();
            return;
        }
        Problem problem =
                new Problem(code, detail, ctx.request().path(), requestId, null, Map.of("downstream", service));
        // DfE's paths answer a neighbour's failure as DfE's API does (500, DfeErrorForm); Retry-After stays.
        response.putHeader("Retry-After", "5");
        HttpProblems.write(ctx, problem);
    }

    static boolean isTimeout(Throwable failure) {
        return failure instanceof TimeoutException
                || failure.getClass().getSimpleName().contains("Timeout")
                || (failure.getMessage() != null && failure.getMessage().contains("timeout"));
    }

    static boolean isConnectFailure(Throwable failure) {
        return failure instanceof ConnectException
                || failure.getCause() instanceof ConnectException
                || failure.getClass().getSimpleName().contains("ConnectException")
                || failure.getClass().getSimpleName().contains("ConnectTimeout");
    }
}
