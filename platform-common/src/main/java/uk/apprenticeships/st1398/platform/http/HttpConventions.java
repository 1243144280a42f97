package uk.apprenticeships.st1398.platform.http;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.MDC;
import uk.apprenticeships.st1398.platform.problem.HttpProblems;
import uk.apprenticeships.st1398.platform.problem.ProblemType;

/**
 * Router-level conventions shared by every service and the gateway: a request id on every request and
 * response (and in the log MDC), problem responses for failures below the REST layer (oversize bodies,
 * authentication failures), and a problem for routes nothing serves.
 */
@ApplicationScoped
public class HttpConventions {

    void install(@Observes Router router) {
        BodyLimits limits = BodyLimits.fromConfig(ConfigProvider.getConfig());
        router.route().order(Integer.MIN_VALUE).handler(HttpConventions::requestId);
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> checkDeclaredLength(ctx, limits));
        router.route().order(Integer.MIN_VALUE).failureHandler(HttpConventions::failure);
        router.route().last().handler(ctx -> HttpProblems.write(ctx, HttpProblems.of(404, ctx)));
    }

    private static void requestId(RoutingContext ctx) {
        String id = RequestIds.accept(ctx.request().getHeader(RequestIds.HEADER));
        ctx.put(RequestIds.MDC_KEY, id);
        ctx.request().headers().set(RequestIds.HEADER, id);
        ctx.response().putHeader(RequestIds.HEADER, id);
        MDC.put(RequestIds.MDC_KEY, id);
        ctx.next();
    }

    /**
     * Refuses a declared oversize body with a problem before anything reads it (Quarkus would otherwise
     * answer a bare 413 further down).
     */
    private static void checkDeclaredLength(RoutingContext ctx, BodyLimits limits) {
        String length = ctx.request().getHeader("Content-Length");
        long maxBody = limits.forPath(ctx.request().path());
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > maxBody) {
                    ctx.response().putHeader("Connection", "close");
                    HttpProblems.write(ctx, HttpProblems.of(ProblemType.PAYLOAD_TOO_LARGE, 413,
                            "The request body is " + length.trim() + " bytes; this endpoint accepts at most "
                                    + maxBody + " bytes.", ctx));
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
            HttpProblems.write(ctx, HttpProblems.of(ProblemType.FORBIDDEN, 403,
                    "Your token is valid but its roles do not allow this operation.", ctx));
        } else if (ctx.statusCode() >= 400) {
            HttpProblems.write(ctx, HttpProblems.of(ctx.statusCode(), ctx));
        } else if (failure != null) {
            org.jboss.logging.Logger.getLogger(HttpConventions.class)
                    .errorf(failure, "Unhandled failure in request %s", RequestIds.of(ctx));
            HttpProblems.write(ctx, HttpProblems.of(ProblemType.INTERNAL_ERROR, 500,
                    "The server could not complete the request. Quote the request id when you report it.", ctx));
        }
        if (!ctx.response().ended()) {
            ctx.next();
        }
    }
}
