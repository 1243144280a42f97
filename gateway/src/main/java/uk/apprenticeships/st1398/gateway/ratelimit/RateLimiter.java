package uk.apprenticeships.st1398.gateway.ratelimit;

import io.quarkus.logging.Log;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.redis.client.Redis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.security.Principal;
import java.time.Clock;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import uk.apprenticeships.st1398.gateway.api.GatewayError;
import uk.apprenticeships.st1398.platform.problem.HttpProblems;
import uk.apprenticeships.st1398.platform.problem.Problem;

/**
 * Per-client rate limits in fixed windows. Every routed response carries the IETF fields {@code RateLimit-Limit},
 * {@code RateLimit-Remaining} and {@code RateLimit-Reset} (seconds until the window ends) and
 * {@code RateLimit-Policy}; a request over the limit is answered {@code 429 rate-limited} with {@code Retry-After}
 * and never reaches a service. If the shared store (Redis) cannot be reached, requests pass (and are logged): the
 * limiter protects the services, it must not take the platform down with it.
 */
@ApplicationScoped
public class RateLimiter {

    public static final String LIMIT = "RateLimit-Limit";
    public static final String REMAINING = "RateLimit-Remaining";
    public static final String RESET = "RateLimit-Reset";
    public static final String POLICY = "RateLimit-Policy";

    // Written on every routed response: pre-encoded once (Vert.x copies their bytes instead of encoding each char).
    private static final CharSequence LIMIT_NAME = HttpHeaders.createOptimized(LIMIT);
    private static final CharSequence REMAINING_NAME = HttpHeaders.createOptimized(REMAINING);
    private static final CharSequence RESET_NAME = HttpHeaders.createOptimized(RESET);
    private static final CharSequence POLICY_NAME = HttpHeaders.createOptimized(POLICY);

    private final RateLimitConfig config;
    private final Clock clock;
    private final Counters counters;

    @Inject
    public RateLimiter(RateLimitConfig config, Clock clock, Instance<Redis> redis) {
        this(
                config,
                clock,
                config.store() == RateLimitConfig.Store.REDIS
                        ? new RedisCounters(redis.get(), config.redisKeyPrefix())
                        : new LocalCounters());
        Log.infof("Rate limits: %s, counters in %s", config.enabled() ? "on" : "off", config.store());
    }

    /** A limiter over the given counters (tests use it as a second gateway replica). */
    RateLimiter(RateLimitConfig config, Clock clock, Counters counters) {
        this.config = config;
        this.clock = clock;
        this.counters = counters;
    }

    /** The handler for one route group; {@code null} when rate limits are off. */
    public Handler<RoutingContext> forGroup(String group) {
        if (!config.enabled()) {
            return null;
        }
        RateLimitConfig.Limit limit = config.groups().getOrDefault(group, config.defaults());
        long windowMillis = limit.window().toMillis();
        return new GroupLimiter(
                group,
                limit.requests(),
                windowMillis,
                counters,
                clock,
                HttpHeaders.createOptimized(Integer.toString(limit.requests())),
                HttpHeaders.createOptimized(limit.requests() + ";w=" + Math.max(1, windowMillis / 1000)));
    }

    /** Who is counted: the token's client (client credentials), else its subject; without a token, the address. */
    static String client(RoutingContext ctx) {
        if (ctx.user() instanceof QuarkusHttpUser user
                && !user.getSecurityIdentity().isAnonymous()) {
            Principal principal = user.getSecurityIdentity().getPrincipal();
            if (principal instanceof JsonWebToken jwt) {
                Object clientId = jwt.getClaim("client_id");
                if (clientId != null) {
                    return "client:" + clientId;
                }
                if (jwt.getSubject() != null) {
                    return "sub:" + jwt.getSubject();
                }
            }
            return "user:" + principal.getName();
        }
        return "addr:" + ctx.request().remoteAddress().hostAddress();
    }

    private record GroupLimiter(
            String group,
            int requests,
            long windowMillis,
            Counters counters,
            Clock clock,
            CharSequence limitValue,
            CharSequence policyValue)
            implements Handler<RoutingContext> {

        @Override
        public void handle(RoutingContext ctx) {
            long now = clock.millis();
            long window = now / windowMillis;
            long resetSeconds = Math.max(1, ((window + 1) * windowMillis - now + 999) / 1000);
            counters.increment(group + "|" + client(ctx), window, windowMillis).onComplete(result -> {
                if (result.failed()) {
                    Log.warnf(
                            "Rate limit store failed; request let through: %s",
                            result.cause().toString());
                    ctx.next();
                    return;
                }
                long count = result.result();
                MultiMap headers = ctx.response().headers();
                headers.set(LIMIT_NAME, limitValue);
                headers.set(REMAINING_NAME, Long.toString(Math.max(0, requests - count)));
                headers.set(RESET_NAME, Long.toString(resetSeconds));
                headers.set(POLICY_NAME, policyValue);
                if (count <= requests) {
                    ctx.next();
                    return;
                }
                headers.set("Retry-After", Long.toString(resetSeconds));
                Problem problem = new Problem(
                        GatewayError.RATE_LIMITED,
                        "More than " + requests + " requests to the " + group + " routes in "
                                + Math.max(1, windowMillis / 1000) + " s; retry after " + resetSeconds + " s.",
                        ctx.request().path(),
                        uk.apprenticeships.st1398.platform.http.RequestIds.of(ctx),
                        null,
                        Map.of("limit", requests, "retryAfterSeconds", resetSeconds));
                HttpProblems.write(ctx, problem);
            });
        }
    }
}
