package uk.apprenticeships.st1398.gateway.service;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.apprenticeships.st1398.gateway.config.GatewayConfig;
import uk.apprenticeships.st1398.platform.http.RequestIds;

/**
 * The gateway's access log: one line per request on standard output, in the JSON log format when JSON logs are on
 * ({@code quarkus.log.console.json.enabled}; logger {@code io.quarkus.http.access-log}, with {@code requestId},
 * {@code traceId} and {@code spanId} in {@code mdc}, as the services' access logs), else as plain text. The message
 * is the services' access-log pattern {@code %h "%r" %s %b %D ms request-id=...} with the time taken in ms.
 *
 * <p>It replaces Quarkus's access log in the gateway for its cost: that one hands every line to the log manager
 * (a record with a copy of the MDC, a wake-up of the logging thread) and the logging thread formats and writes each
 * line with a system call of its own; on the proxy path that was about a fifth of the gateway's CPU per request
 * (bench/README.md). Here the event loop only queues a small record; a writer thread formats the lines and writes
 * them in batches, every {@value #FLUSH_MILLIS} ms at most, each write at most {@value #WRITE_BYTES} bytes of whole
 * lines, which a pipe (a container's stdout) takes atomically, so a line is never cut by another writer's output.
 * Nothing is dropped: when {@value #MAX_PENDING} lines are waiting, the event loop waits for the writer (as the
 * logging configuration's {@code overflow=block}).
 */
@ApplicationScoped
public class AccessLog {

    static final String LOGGER = "io.quarkus.http.access-log";
    static final int WRITE_BYTES = 4096;
    static final long FLUSH_MILLIS = 50;
    static final int MAX_PENDING = 100_000;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** What the event loop records of a request; formatted by the writer thread. */
    record Entry(
            long epochMillis,
            String remote,
            String method,
            String uri,
            String version,
            int status,
            long bytes,
            long millis,
            String requestId,
            String traceId,
            String spanId,
            String thread) {}

    private final boolean enabled;
    private final boolean json;
    private final ConcurrentLinkedQueue<Entry> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final OutputStream out;
    private volatile boolean running = true;
    private long sequence;
    private long formattedSecond;
    private String secondPrefix;
    private Thread writer;

    @Inject
    public AccessLog(
            GatewayConfig config,
            @ConfigProperty(name = "quarkus.log.console.json.enabled", defaultValue = "false") boolean json) {
        this(config.accessLog().enabled(), json, new FileOutputStream(FileDescriptor.out));
    }

    AccessLog(boolean enabled, boolean json, OutputStream out) {
        this.enabled = enabled;
        this.json = json;
        this.out = out;
    }

    /** Installed before every other handler (observer priority), so a request refused early is logged too. */
    void install(@Observes @Priority(1) Router router) {
        if (enabled) {
            router.route().order(Integer.MIN_VALUE).handler(this::handle);
        }
    }

    void start(@Observes StartupEvent event) {
        if (enabled) {
            writer = new Thread(this::run, "access-log-writer");
            writer.setDaemon(true);
            writer.start();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (writer != null) {
            LockSupport.unpark(writer);
            try {
                writer.join(TimeUnit.SECONDS.toMillis(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void handle(RoutingContext ctx) {
        long start = System.nanoTime();
        long epochMillis = System.currentTimeMillis();
        SpanContext span = Span.current().getSpanContext();
        String thread = Thread.currentThread().getName();
        ctx.addEndHandler(ended -> {
            HttpServerRequest request = ctx.request();
            add(new Entry(
                    epochMillis,
                    request.remoteAddress() == null
                            ? "-"
                            : request.remoteAddress().hostAddress(),
                    request.method().name(),
                    request.uri(),
                    version(request),
                    ctx.response().getStatusCode(),
                    ctx.response().bytesWritten(),
                    (System.nanoTime() - start) / 1_000_000,
                    RequestIds.of(ctx),
                    span.isValid() ? span.getTraceId() : null,
                    span.isValid() ? span.getSpanId() : null,
                    thread));
        });
        ctx.next();
    }

    private static String version(HttpServerRequest request) {
        return switch (request.version()) {
            case HTTP_1_0 -> "HTTP/1.0";
            case HTTP_1_1 -> "HTTP/1.1";
            case HTTP_2 -> "HTTP/2.0";
        };
    }

    void add(Entry entry) {
        queue.add(entry);
        if (pending.incrementAndGet() > MAX_PENDING) {
            // The writer is behind (a blocked stdout): wait rather than drop a line or grow without bound.
            while (pending.get() > MAX_PENDING && running) {
                LockSupport.unpark(writer);
                LockSupport.parkNanos(100_000);
            }
        }
    }

    private void run() {
        while (running) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(FLUSH_MILLIS));
            drain();
        }
        drain();
    }

    /** Writes every queued line, in writes of whole lines of at most {@link #WRITE_BYTES} bytes. */
    void drain() {
        StringBuilder line = new StringBuilder(512);
        byte[] batch = new byte[WRITE_BYTES];
        int used = 0;
        Entry entry;
        try {
            while ((entry = queue.poll()) != null) {
                pending.decrementAndGet();
                line.setLength(0);
                format(entry, line);
                line.append('\n');
                byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
                if (used + bytes.length > WRITE_BYTES && used > 0) {
                    out.write(batch, 0, used);
                    used = 0;
                }
                if (bytes.length > WRITE_BYTES) {
                    out.write(bytes);
                } else {
                    System.arraycopy(bytes, 0, batch, used, bytes.length);
                    used += bytes.length;
                }
            }
            if (used > 0) {
                out.write(batch, 0, used);
            }
            out.flush();
        } catch (IOException e) {
            Log.warnf("Access log lines could not be written: %s", e.toString());
        }
    }

    void format(Entry entry, StringBuilder to) {
        if (!json) {
            message(entry, to, false);
            return;
        }
        to.append("{\"timestamp\":\"");
        timestamp(entry.epochMillis(), to);
        to.append("\",\"sequence\":")
                .append(++sequence)
                .append(",\"loggerName\":\"" + LOGGER + "\",\"level\":\"INFO\",\"message\":\"");
        message(entry, to, true);
        to.append("\",\"threadName\":\"");
        escaped(entry.thread(), to);
        to.append("\",\"mdc\":{");
        String separator = "";
        if (entry.requestId() != null) {
            to.append("\"requestId\":\"");
            escaped(entry.requestId(), to);
            to.append('"');
            separator = ",";
        }
        if (entry.traceId() != null) {
            to.append(separator)
                    .append("\"traceId\":\"")
                    .append(entry.traceId())
                    .append("\",\"spanId\":\"")
                    .append(entry.spanId())
                    .append('"');
        }
        to.append("}}");
    }

    /**
     * The time in ISO-8601 with milliseconds, UTC ({@code 2026-12-06T01:14:00.123Z}). The date and time to the second
     * are formatted once per second: the writer formats thousands of lines a second, most in the same second.
     */
    private void timestamp(long epochMillis, StringBuilder to) {
        long second = Math.floorDiv(epochMillis, 1000);
        if (second != formattedSecond || secondPrefix == null) {
            String text = Instant.ofEpochSecond(second).toString(); // ...T01:14:00Z
            secondPrefix = text.substring(0, text.length() - 1);
            formattedSecond = second;
        }
        int millis = (int) Math.floorMod(epochMillis, 1000);
        to.append(secondPrefix)
                .append('.')
                .append((char) ('0' + millis / 100))
                .append((char) ('0' + millis / 10 % 10))
                .append((char) ('0' + millis % 10))
                .append('Z');
    }

    /**
     * {@code %h "%r" %s %b %D ms request-id=%{i,X-Request-Id}}, as the services' access logs; JSON-escaped as it is
     * written when {@code json}.
     */
    static void message(Entry entry, StringBuilder to, boolean json) {
        text(entry.remote(), to, json);
        to.append(json ? " \\\"" : " \"");
        text(entry.method(), to, json);
        to.append(' ');
        text(entry.uri(), to, json);
        to.append(' ').append(entry.version()).append(json ? "\\\" " : "\" ");
        to.append(entry.status()).append(' ');
        if (entry.bytes() > 0) {
            to.append(entry.bytes());
        } else {
            to.append('-');
        }
        to.append(' ').append(entry.millis()).append(" ms request-id=");
        text(entry.requestId() == null ? "-" : entry.requestId(), to, json);
    }

    private static void text(String value, StringBuilder to, boolean json) {
        if (json) {
            escaped(value, to);
        } else {
            to.append(value);
        }
    }

    /**
     * Appends {@code value} JSON-escaped: runs of characters that need no escape are appended whole (every character
     * of a usual line), the rest as {@code \"}, {@code \\}, {@code \n}, {@code \r}, {@code \t} or {@code \}{@code uXXXX}
     * (other control characters, and U+2028 and U+2029, which some JSON readers take for line ends).
     */
    static void escaped(String value, StringBuilder to) {
        int length = value.length();
        int from = 0;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && c != 0x2028 && c != 0x2029) {
                continue;
            }
            to.append(value, from, i);
            switch (c) {
                case '"' -> to.append("\\\"");
                case '\\' -> to.append("\\\\");
                case '\n' -> to.append("\\n");
                case '\r' -> to.append("\\r");
                case '\t' -> to.append("\\t");
                default ->
                    to.append("\\u")
                            .append(HEX[c >> 12 & 0xF])
                            .append(HEX[c >> 8 & 0xF])
                            .append(HEX[c >> 4 & 0xF])
                            .append(HEX[c & 0xF]);
            }
            from = i + 1;
        }
        to.append(value, from, length);
    }
}
