package uk.apprenticeships.st1398.platform.client;

import io.quarkus.logging.Log;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.platform.problem.PlatformError;

/**
 * The one way a service calls another: wrap the typed REST client call in {@link #read} (idempotent: retried after a
 * connection failure or a 5xx) or {@link #write} (never retried). Every call gets a timeout and the downstream's
 * circuit breaker (SmallRye Fault Tolerance guards, one pair per downstream); failures become one set of problems
 * naming the downstream: {@code 503 downstream-unavailable}, {@code 504 downstream-timeout}; a 4xx answer comes back
 * as {@link DownstreamRejected} for the caller to interpret. Traces follow the call (quarkus-opentelemetry
 * instruments the REST client).
 */
@ApplicationScoped
public class Downstreams {

    /** 4xx answers are the caller's business, not a sign the downstream is unwell: they never trip the breaker. */
    private static final Predicate<Throwable> FAILURE = e -> !(e instanceof WebApplicationException w
            && w.getResponse() != null
            && w.getResponse().getStatus() < 500);

    private final DownstreamConfig config;
    private final Map<String, Guard> readGuards = new ConcurrentHashMap<>();
    private final Map<String, Guard> writeGuards = new ConcurrentHashMap<>();

    public Downstreams(DownstreamConfig config) {
        this.config = config;
    }

    /** An idempotent read: timeout, circuit breaker, retries. */
    public <T> T read(String downstream, Supplier<T> call) {
        return guarded(downstream, readGuards.computeIfAbsent(downstream, d -> guard(d, true)), call);
    }

    /** An idempotent read where the downstream's 404 means "none": empty instead of {@link DownstreamRejected}. */
    public <T> Optional<T> readOptional(String downstream, Supplier<T> call) {
        try {
            return Optional.ofNullable(read(downstream, call));
        } catch (DownstreamRejected e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** A call that changes something downstream: timeout and circuit breaker, never retried. */
    public <T> T write(String downstream, Supplier<T> call) {
        return guarded(downstream, writeGuards.computeIfAbsent(downstream, d -> guard(d, false)), call);
    }

    private <T> T guarded(String downstream, Guard guard, Supplier<T> call) {
        try {
            @SuppressWarnings("unchecked")
            Class<T> any = (Class<T>) (Class<?>) Object.class;
            T answer = guard.get(call, any);
            if (answer == null) {
                throw unavailable(downstream, "gave an empty answer");
            }
            return answer;
        } catch (ApiException | DownstreamRejected e) {
            throw e;
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
            if (status < 500) {
                throw new DownstreamRejected(downstream, status);
            }
            Log.warnf("%s answered %d", downstream, status);
            throw unavailable(downstream, "answered " + status);
        } catch (TimeoutException e) {
            Log.warnf("%s did not answer within %s", downstream, timeout(downstream));
            throw ApiException.of(
                            PlatformError.DOWNSTREAM_TIMEOUT,
                            downstream + " did not answer within "
                                    + timeout(downstream).toMillis() + " ms; nothing was saved. Retry shortly.")
                    .with("downstream", downstream);
        } catch (CircuitBreakerOpenException e) {
            throw unavailable(
                            downstream,
                            "has been failing, so calls are paused for "
                                    + config.breakerDelay().toSeconds() + " s")
                    .with("retryAfterSeconds", Math.max(1, config.breakerDelay().toSeconds()));
        } catch (RuntimeException e) {
            // Connection refused, reset, unreadable bodies: the downstream cannot be used right now.
            Log.warnf("%s unreachable: %s", downstream, e.toString());
            throw unavailable(downstream, "cannot be reached");
        }
    }

    private static ApiException unavailable(String downstream, String why) {
        return ApiException.of(
                        PlatformError.DOWNSTREAM_UNAVAILABLE,
                        downstream + " " + why + "; nothing was saved. Retry shortly.")
                .with("downstream", downstream);
    }

    private Duration timeout(String downstream) {
        return config.timeouts().getOrDefault(downstream, config.timeout());
    }

    private Guard guard(String downstream, boolean retried) {
        Guard.Builder builder = Guard.create()
                .withDescription(downstream + (retried ? " read" : " write"))
                .withTimeout()
                .duration(timeout(downstream).toMillis(), ChronoUnit.MILLIS)
                .done()
                // Unnamed: a circuit breaker name must be unique in the JVM, and a second Downstreams (a test, a
                // restarted application) would fail every call with "already exists".
                .withCircuitBreaker()
                .requestVolumeThreshold(config.breakerWindow())
                .failureRatio(config.breakerFailureRatio())
                .delay(config.breakerDelay().toMillis(), ChronoUnit.MILLIS)
                .when(FAILURE)
                .done();
        if (retried && config.readRetries() > 0) {
            builder = builder.withRetry()
                    .maxRetries(config.readRetries())
                    .delay(config.retryDelay().toMillis(), ChronoUnit.MILLIS)
                    .jitter(0, ChronoUnit.MILLIS)
                    .whenException(e -> FAILURE.test(e)
                            && !(e instanceof TimeoutException)
                            && !(e instanceof CircuitBreakerOpenException))
                    .done();
        }
        return builder.build();
    }
}
