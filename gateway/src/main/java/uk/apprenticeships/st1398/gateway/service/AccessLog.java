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
            message(entry, to);
            return;
        }
        to.append("{\"timestamp\":\"")
                .append(Instant.ofEpochMilli(entry.epochMillis()))
                .append("\",\"sequence\":")
                .append(++sequence)
                .append(",\"loggerName\":\"" + LOGGER + "\",\"level\":\"INFO\",\"message\":\"");
        int from = to.length();
        message(entry, to);
        escape(to, from);
        to.append("\",\"threadName\":\"");
        from = to.length();
        to.append(entry.thread());
        escape(to, from);
        to.append("\",\"mdc\":{");
        String separator = "";
        if (entry.requestId() != null) {
            to.append("\"requestId\":\"");
            from = to.length();
            to.append(entry.requestId());
            escape(to, from);
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

    /** {@code %h "%r" %s %b %D ms request-id=%{i,X-Request-Id}}, as the services' access logs. */
    static void message(Entry entry, StringBuilder to) {
        to.append(entry.remote())
                .append(" \"")
                .append(entry.method())
                .append(' ')
                .append(entry.uri())
                .append(' ')
                .append(entry.version())
                .append("\" ")
                .append(entry.status())
                .append(' ');
        if (entry.bytes() > 0) {
            to.append(entry.bytes());
        } else {
            to.append('-');
        }
        to.append(' ').append(entry.millis()).append(" ms request-id=");
        to.append(entry.requestId() == null ? "-" : entry.requestId());
    }

    /** JSON-escapes {@code to} from {@code from} on, in place. */
    static void escape(StringBuilder to, int from) {
        for (int i = from; i < to.length(); i++) {
            char c = to.charAt(i);
            String replacement = switch (c) {
                case '"' -> "\\\"";
                case '\\' -> "\\\\";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> c < 0x20 || c == 0x2028 || c == 0x2029 ? String.format("\\u%04x", (int) c) : null;
            };
            if (replacement != null) {
                to.replace(i, i + 1, replacement);
                i += replacement.length() - 1;
            }
        }
    }
}
