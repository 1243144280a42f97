package uk.apprenticeships.st1398.platform.http;

import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** The {@code X-Request-Id} correlation id: taken from the caller when sane, otherwise generated. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    /** The attribute of the request's server span that carries the id. */
    public static final String SPAN_ATTRIBUTE = "request.id";

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {}

    /** Returns the caller's id when it is safe to log and echo, or a new random one. */
    public static String accept(String candidate) {
        return candidate != null && SAFE.matcher(candidate).matches() ? candidate : generate();
    }

    /**
     * A new random (version 4) UUID. A correlation id is no secret, so it comes from the thread's own generator, not
     * from {@code UUID.randomUUID()}'s shared SecureRandom, which every request of a busy gateway would queue on.
     */
    static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
        return new UUID(high, low).toString();
    }

    public static String of(RoutingContext ctx) {
        String id = ctx.get(MDC_KEY);
        return id != null ? id : ctx.request().getHeader(HEADER);
    }
}
