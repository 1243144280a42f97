package uk.apprenticeships.st1398.platform.http;

import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import uk.apprenticeships.st1398.platform.problem.HttpProblems;

/**
 * Request-line and header limits answered with problem documents. The HTTP codec's own limits
 * ({@code quarkus.http.limits.max-initial-line-length} and {@code max-header-size}, raised in platform-common's
 * {@code microprofile-config.properties}) would answer a bare 414 or 431 with no body; these lower limits are
 * checked once the request reaches the router, so the client learns what was wrong.
 */
public final class HttpLimits {

    /** Longest request URI (path and query) accepted. */
    public static final int MAX_URI_LENGTH = 8 * 1024;
    /** Largest total of header names and values accepted. */
    public static final int MAX_HEADERS_SIZE = 20 * 1024;

    private HttpLimits() {}

    static void check(RoutingContext ctx) {
        if (ctx.request().uri().length() > MAX_URI_LENGTH) {
            ctx.response().putHeader("Connection", "close");
            HttpProblems.write(ctx, HttpProblems.of(414, ctx));
            return;
        }
        long headers = 0;
        for (Map.Entry<String, String> header : ctx.request().headers()) {
            headers += header.getKey().length() + header.getValue().length();
        }
        if (headers > MAX_HEADERS_SIZE) {
            ctx.response().putHeader("Connection", "close");
            HttpProblems.write(ctx, HttpProblems.of(431, ctx));
            return;
        }
        ctx.next();
    }
}
