package uk.apprenticeships.st1398.platform.http;

import io.opentelemetry.api.trace.Span;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.MDC;
import uk.apprenticeships.st1398.platform.problem.HttpProblems;
import uk.apprenticeships.st1398.platform.problem.PlatformError;

/**
 * Router-level conventions shared by every service and the gateway: a request id on every request and
 * response (and in the log MDC), problem responses for failures below the REST layer (oversize bodies,
 * authentication failures), and a problem for routes nothing serves.
 */
@ApplicationScoped
public class HttpConventions {

    /** Where Quarkus REST reads the limit for bodies sent without Content-Length (its VertxInputStream). */
    static final String MAX_REQUEST_SIZE_KEY = "io.quarkus.max-request-size";
    /** Right after Quarkus's own upload-limit handler ({@code RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT} = -2). */
    private static final int AFTER_UPLOAD_LIMIT = -1;
    /** On every response: pre-encoded once, so Vert.x copies its bytes instead of encoding each character. */
    private static final CharSequence REQUEST_ID = HttpHeaders.createOptimized(RequestIds.HEADER);

    void install(@Observes Router router, BodyLimitsConfig config) {
        long maxBody = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .map(MemorySize::asLongValue)
                .orElse(10L * 1024 * 1024);
        Map<String, Long> byGlob = new LinkedHashMap<>();
        config.bodyLimits().forEach((glob, size) -> byGlob.put(glob, size.asLongValue()));
        BodyLimits limits = new BodyLimits(
                byGlob, config.defaultBodyLimit().map(MemorySize::asLongValue).orElse(maxBody));
        router.route().order(Integer.MIN_VALUE).handler(HttpConventions::requestId);
        router.route().order(Integer.MIN_VALUE).handler(HttpLimits::check);
        router.route()
                .order(Integer.MIN_VALUE + 1)
                .handler(ctx ->
                        checkDeclaredLength(ctx, limits.limitFor(ctx.request().path())));
        router.route().order(AFTER_UPLOAD_LIMIT).handler(ctx -> {
            // No Content-Length: Quarkus set its global limit for the streamed body; narrow it to this path's.
            if (ctx.get(MAX_REQUEST_SIZE_KEY) != null) {
                ctx.put(
                        MAX_REQUEST_SIZE_KEY,
                        Math.min(
                                ctx.<Long>get(MAX_REQUEST_SIZE_KEY),
                                limits.limitFor(ctx.request().path())));
            }
            ctx.next();
        });
        router.route().order(Integer.MIN_VALUE).failureHandler(HttpConventions::failure);
        router.route().last().handler(ctx -> HttpProblems.write(ctx, HttpProblems.of(404, ctx)));
    }

    private static void requestId(RoutingContext ctx) {
        String id = RequestIds.accept(ctx.request().getHeader(RequestIds.HEADER));
        ctx.put(RequestIds.MDC_KEY, id);
        ctx.request().headers().set(RequestIds.HEADER, id);
        ctx.response().putHeader(REQUEST_ID, id);
        MDC.put(RequestIds.MDC_KEY, id);
        // The server span of this request (a no-op span while tracing is off): find a trace by the id a client quotes.
        Span.current().setAttribute(RequestIds.SPAN_ATTRIBUTE, id);
        ctx.next();
    }

    /**
     * Refuses a declared oversize body with a problem before anything reads it (Quarkus would otherwise
     * answer a bare 413 further down). The limit is the path's, from {@link BodyLimitsConfig}.
     */
    private static void checkDeclaredLength(RoutingContext ctx, long maxBody) {
        String length = ctx.request().getHeader("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > maxBody) {
                    ctx.response().putHeader("Connection", "close");
                    HttpProblems.write(
                            ctx,
                            HttpProblems.of(
                                    PlatformError.PAYLOAD_TOO_LARGE,
                                    "The request body is " + length.trim() + " bytes; this endpoint accepts at most "
                                            + maxBody + " bytes.",
                                    ctx));
                    return;
                }
            } catch (NumberFormatException e) {
                HttpProblems.write(ctx, HttpProblems.of(400, ctx));
                return;
            }
        }
        ctx.next();
    }

    private static void failure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            HttpProblems.write(ctx, HttpProblems.unauthorized(ctx.request().path(), RequestIds.of(ctx)));
        } else if (failure instanceof ForbiddenException) {
            HttpProblems.write(
                    ctx,
                    HttpProblems.of(
                            PlatformError.ROLE_NOT_ALLOWED,
                            "Your token is valid but its roles do not allow this operation.",
                            ctx));
        } else if (ctx.statusCode() >= 400) {
            HttpProblems.write(ctx, HttpProblems.of(ctx.statusCode(), ctx));
        } else if (failure != null) {
            org.jboss.logging.Logger.getLogger(HttpConventions.class)
                    .errorf(failure, "Unhandled failure in request %s", RequestIds.of(ctx));
            HttpProblems.write(
                    ctx,
                    HttpProblems.of(
                            PlatformError.INTERNAL_ERROR,
                            "The server could not complete the request. Quote the request id when you report it.",
                            ctx));
        }
        if (!ctx.response().ended()) {
            ctx.next();
        }
    }
}
