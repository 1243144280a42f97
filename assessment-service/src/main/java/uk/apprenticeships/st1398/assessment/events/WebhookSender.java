package uk.apprenticeships.st1398.assessment.events;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import uk.apprenticeships.st1398.platform.events.OutboundUrlGuard;
import uk.apprenticeships.st1398.platform.events.WebhookSignatures;

/**
 * One signed POST to a subscriber (Standard Webhooks headers). The URL passes the {@link OutboundUrlGuard} first
 * and the connection goes to the very address the guard checked (the name is not resolved a second time, so a DNS
 * answer that changes in between cannot point the call inside); redirects are not followed, and connect and
 * response each time out.
 */
@ApplicationScoped
public class WebhookSender {

    /** What one attempt gave. */
    public record Outcome(Integer statusCode, String error, long latencyMs, boolean connectionLost) {
        Outcome(Integer statusCode, String error, long latencyMs) {
            this(statusCode, error, latencyMs, false);
        }

        public boolean delivered() {
            return statusCode != null && statusCode / 100 == 2;
        }
    }

    private final OutboundUrlGuard guard;
    private final Vertx vertx;
    private final HttpClient http;
    private final long timeoutMs;
    private final Clock clock;

    public WebhookSender(Vertx vertx, EventsConfig config, Clock clock) {
        this.guard = new OutboundUrlGuard(config.delivery().allowPrivateTargets());
        this.vertx = vertx;
        this.timeoutMs = config.delivery().timeout().toMillis();
        this.clock = clock;
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) timeoutMs)
                .setIdleTimeout((int) Math.max(1, config.delivery().timeout().toSeconds()))
                .setMaxPoolSize(20)
                .setTryUseCompression(false));
    }

    @PreDestroy
    void close() {
        http.close();
    }

    public OutboundUrlGuard guard() {
        return guard;
    }

    /** Sends {@code body} as message {@code id}, signed with {@code secret}. Never throws for the subscriber's faults. */
    public Outcome send(String url, String secret, String id, String body) {
        return sendAsync(url, secret, id, body).join();
    }

    /**
     * {@link #send} without waiting: the request runs on the event loop and the answer completes the future (with an
     * outcome, never exceptionally). A worker sends its whole claimed batch at once this way.
     */
    public CompletableFuture<Outcome> sendAsync(String url, String secret, String id, String body) {
        long started = System.nanoTime();
        try {
            List<InetAddress> addresses = guard.check(url);
            URI uri = URI.create(url);
            boolean https = "https".equalsIgnoreCase(uri.getScheme());
            int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
            long timestamp = clock.instant().getEpochSecond();
            RequestOptions options = new RequestOptions()
                    .setMethod(HttpMethod.POST)
                    .setAbsoluteURI(url)
                    .setServer(SocketAddress.inetSocketAddress(
                            port, addresses.get(0).getHostAddress()))
                    .setFollowRedirects(false)
                    .setTimeout(timeoutMs)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("User-Agent", "st1398-webhooks/1")
                    .putHeader(WebhookSignatures.ID, id)
                    .putHeader(WebhookSignatures.TIMESTAMP, Long.toString(timestamp))
                    .putHeader(WebhookSignatures.SIGNATURE, WebhookSignatures.sign(secret, id, timestamp, body));
            // The exchange is built on an event-loop context, never on the caller's thread: built on a worker's own
            // thread, about one answered request in 5,000 never completed (WebhookSenderTest), so the attempt was
            // recorded as "no answer" and sent again.
            Promise<Integer> answered = Promise.promise();
            vertx.runOnContext(ignored -> {
                try {
                    http.request(options)
                            .compose(request -> request.send(Buffer.buffer(body)))
                            .compose(response -> response.body().map(bytes -> response.statusCode()))
                            .onComplete(answered);
                } catch (RuntimeException e) {
                    answered.tryFail(e); // an outcome now, as when this ran on the caller's thread
                }
            });
            return answered.future()
                    .toCompletionStage()
                    .toCompletableFuture()
                    .orTimeout(timeoutMs + 1000, TimeUnit.MILLISECONDS)
                    .handle((status, failure) -> {
                        if (failure == null) {
                            return new Outcome(
                                    status, status / 100 == 2 ? null : "answered " + status, elapsed(started));
                        }
                        Throwable cause = failure instanceof java.util.concurrent.CompletionException
                                        && failure.getCause() != null
                                ? failure.getCause()
                                : failure;
                        return new Outcome(
                                null,
                                cause instanceof TimeoutException
                                        ? "no answer within " + timeoutMs + " ms"
                                        : describe(cause),
                                elapsed(started),
                                cause instanceof io.vertx.core.http.HttpClosedException);
                    });
        } catch (OutboundUrlGuard.Refused e) {
            return CompletableFuture.completedFuture(new Outcome(null, e.getMessage(), elapsed(started)));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new Outcome(null, describe(e), elapsed(started)));
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 300 ? message.substring(0, 300) : message;
    }

    private static long elapsed(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }
}
