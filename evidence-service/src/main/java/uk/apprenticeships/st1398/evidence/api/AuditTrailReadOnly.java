package uk.apprenticeships.st1398.evidence.api;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import uk.apprenticeships.st1398.platform.problem.HttpProblems;
import uk.apprenticeships.st1398.platform.problem.PlatformError;

/**
 * The audit trail is read-only at the HTTP layer too: any method other than GET (or HEAD, OPTIONS) on
 * {@code /api/v1/apprentices/{id}/audit-events} and below answers 405 with {@code Allow: GET}, before
 * authentication or routing. (Left to the REST layer, a PUT there would fall through to the apprentice resource and
 * answer 404, which misleads.)
 */
@ApplicationScoped
public class AuditTrailReadOnly {

    /** After the request id and body-limit handlers of platform-common, before the REST layer. */
    private static final int ORDER = Integer.MIN_VALUE + 10;

    void install(@Observes Router router) {
        router.routeWithRegex("^/api/v1/apprentices/[^/]+/audit-events(/.*)?$")
                .order(ORDER)
                .handler(ctx -> {
                    HttpMethod method = ctx.request().method();
                    if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
                        ctx.next();
                        return;
                    }
                    ctx.response().putHeader("Allow", "GET");
                    HttpProblems.write(
                            ctx,
                            HttpProblems.of(
                                    PlatformError.METHOD_NOT_ALLOWED,
                                    "The audit trail is "
                                            + "append-only: its events can be read (GET) but never changed or deleted.",
                                    ctx));
                });
    }
}
