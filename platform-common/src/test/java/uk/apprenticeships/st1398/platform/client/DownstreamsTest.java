package uk.apprenticeships.st1398.platform.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.platform.problem.PlatformError;

/** The guards run for real (SmallRye Fault Tolerance, standalone); the "client" is a supplier. */
class DownstreamsTest {

    /** Short waits (the first guarded call also starts the timer thread, so not too short). */
    record Config(
            Duration timeout,
            Map<String, Duration> timeouts,
            int readRetries,
            Duration retryDelay,
            double breakerFailureRatio,
            int breakerWindow,
            Duration breakerDelay)
            implements DownstreamConfig {

        static Config fast() {
            return new Config(
                    Duration.ofMillis(1000),
                    Map.of("slow-service", Duration.ofMillis(3000)),
                    2,
                    Duration.ofMillis(1),
                    0.5,
                    4,
                    Duration.ofSeconds(30));
        }
    }

    private final Downstreams downstreams = new Downstreams(Config.fast());

    @Test
    void anAnswerIsPassedOn() {
        assertEquals("ok", downstreams.read("standards-service", () -> "ok"));
        assertEquals(Optional.of("ok"), downstreams.readOptional("standards-service", () -> "ok"));
        assertEquals(7, downstreams.write("evidence-service", () -> 7));
    }

    @Test
    void aHungDownstreamIsA504NamingIt() {
        ApiException e = assertThrows(
                ApiException.class,
                () -> downstreams.read("evidence-service", () -> {
                    sleep(10_000);
                    return "late";
                }));
        assertEquals(PlatformError.DOWNSTREAM_TIMEOUT, e.code());
        assertEquals(504, e.status());
        assertEquals("evidence-service", e.extensions().get("downstream"));
        assertTrue(e.getMessage().contains("1000 ms"), e.getMessage());
    }

    @Test
    void eachDownstreamMayHaveItsOwnTimeout() {
        assertEquals("in time", downstreams.read("slow-service", () -> {
            sleep(1_200);
            return "in time";
        }));
    }

    @Test
    void anUnreachableDownstreamIsA503AfterRetries() {
        AtomicInteger attempts = new AtomicInteger();
        ApiException e = assertThrows(
                ApiException.class,
                () -> downstreams.read("standards-service", () -> {
                    attempts.incrementAndGet();
                    throw new ProcessingException(new ConnectException("Connection refused"));
                }));
        assertEquals(PlatformError.DOWNSTREAM_UNAVAILABLE, e.code());
        assertEquals(503, e.status());
        assertEquals("standards-service", e.extensions().get("downstream"));
        assertEquals(3, attempts.get(), "one call and two retries");
    }

    @Test
    void aWriteIsNeverRetried() {
        AtomicInteger attempts = new AtomicInteger();
        ApiException e = assertThrows(
                ApiException.class,
                () -> downstreams.write("standards-service", () -> {
                    attempts.incrementAndGet();
                    throw new WebApplicationException(500);
                }));
        assertEquals(PlatformError.DOWNSTREAM_UNAVAILABLE, e.code());
        assertEquals(1, attempts.get());
    }

    @Test
    void aRefusalComesBackWithItsStatusAndIsNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        DownstreamRejected e = assertThrows(
                DownstreamRejected.class,
                () -> downstreams.read("evidence-service", () -> {
                    attempts.incrementAndGet();
                    throw new WebApplicationException(403);
                }));
        assertEquals(403, e.status());
        assertEquals("evidence-service", e.downstream());
        assertEquals(1, attempts.get());
        assertEquals(Optional.empty(), downstreams.readOptional("evidence-service", () -> {
            throw new WebApplicationException(404);
        }));
        assertThrows(
                DownstreamRejected.class,
                () -> downstreams.readOptional("evidence-service", () -> {
                    throw new WebApplicationException(409);
                }));
    }

    @Test
    void anEmptyAnswerIsUnavailable() {
        ApiException e = assertThrows(ApiException.class, () -> downstreams.read("standards-service", () -> null));
        assertEquals(PlatformError.DOWNSTREAM_UNAVAILABLE, e.code());
    }

    @Test
    void theCircuitOpensAfterFailuresAndThenFailsAtOnce() {
        Downstreams fresh = new Downstreams(
                new Config(Duration.ofMillis(1000), Map.of(), 0, Duration.ofMillis(1), 0.5, 4, Duration.ofSeconds(30)));
        AtomicInteger attempts = new AtomicInteger();
        for (int i = 0; i < 4; i++) {
            assertThrows(
                    ApiException.class,
                    () -> fresh.read("assessment-service", () -> {
                        attempts.incrementAndGet();
                        throw new WebApplicationException(503);
                    }));
        }
        ApiException open = assertThrows(
                ApiException.class,
                () -> fresh.read("assessment-service", () -> {
                    attempts.incrementAndGet();
                    return "never called";
                }));
        assertEquals(4, attempts.get(), "an open circuit does not call the downstream");
        assertEquals(PlatformError.DOWNSTREAM_UNAVAILABLE, open.code());
        assertEquals(30L, open.extensions().get("retryAfterSeconds"));
        // Another downstream has its own breaker.
        assertEquals("ok", fresh.read("standards-service", () -> "ok"));
    }

    @Test
    void refusalsDoNotOpenTheCircuit() {
        Downstreams fresh = new Downstreams(
                new Config(Duration.ofMillis(1000), Map.of(), 0, Duration.ofMillis(1), 0.5, 4, Duration.ofSeconds(30)));
        for (int i = 0; i < 8; i++) {
            assertThrows(
                    DownstreamRejected.class,
                    () -> fresh.read("evidence-service", () -> {
                        throw new WebApplicationException(404);
                    }));
        }
        assertEquals("ok", fresh.read("evidence-service", () -> "ok"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
