package uk.apprenticeships.st1398.platform.http;

import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
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
        return candidate != null && SAFE.matcher(candidate).matches()
                ? candidate
                : UUID.randomUUID().toString();
    }

    public static String of(RoutingContext ctx) {
        String id = ctx.get(MDC_KEY);
        return id != null ? id : ctx.request().getHeader(HEADER);
    }
}
