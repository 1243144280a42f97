package uk.apprenticeships.st1398.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Crash faults under load, through the gateway with real Keycloak tokens: for each part of the stack, four writers
 * create records that part stores (evidence for evidence-service, the gateway and infra; standards for
 * standards-service; assessment organisations for assessment-service) while the part is killed with {@code kill -9}
 * and started again with {@code ./stack start <part>}. Then:
 *
 * <ul>
 *   <li>every acknowledged write (201) is readable afterwards: nothing acknowledged is lost;
 *   <li>every other answer was a problem response ({@code 502}/{@code 503}/{@code 504}, {@code
 *       application/problem+json}) that came within the gateway's timeout: no hang (the client gives up a little after
 *       the gateway's timeout, and a request it gives up on fails the test);
 *   <li>the part is back: writes succeed again.
 * </ul>
 *
 * Bounded: 4 writers, about {@value #OUTAGE_MS} ms of load with the part down plus the restart, on loopback. When the
 * gateway itself is down there is nobody to answer: a refused or dropped connection is then the expected outcome (never
 * acknowledged, so never counted as written).
 */
@ExtendWith(Stack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceEndToEndTest {

    private static final int WRITERS = 4;
    /** Load before the kill, so the part is killed in the middle of writes. */
    private static final long BEFORE_KILL_MS = 1000;
    /** Load while the part is dead, before it is started again. */
    private static final long OUTAGE_MS = 3000;
    /** Load after the part is ready again. */
    private static final long AFTER_MS = 1500;
    /** The gateway's {@code gateway.request-timeout} in the stack. */
    private static final Duration GATEWAY_TIMEOUT = Duration.ofSeconds(30);
    /** The client waits a little longer than the gateway: a request still unanswered then is a hang. */
    private static final Duration CLIENT_TIMEOUT = GATEWAY_TIMEOUT.plusSeconds(5);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private static String apprenticeId;

    @BeforeAll
    static void anApprenticeToWriteFor() {
        String uln = String.valueOf(6_000_000_000L + System.nanoTime() % 1_000_000_000L);
        apprenticeId = given().baseUri(Stack.GATEWAY)
                .auth()
                .oauth2(freshToken())
                .contentType("application/json")
                .body(Map.of(
                        "uln", uln,
                        "givenName", "Faulty",
                        "familyName", "Tolerance",
                        "dateOfBirth", "2001-04-02",
                        "providerUkprn", "10000001",
                        "employerId", "EMP0001",
                        "standardVersion", "ST1398_1.0",
                        "startDate", "2025-09-01",
                        "plannedEndDate", "2027-09-01"))
                .when()
                .post("/api/v1/apprentices")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    @Order(1)
    void evidenceServiceCrash() throws Exception {
        crashUnderLoad("evidence");
    }

    @Test
    @Order(2)
    void standardsServiceCrash() throws Exception {
        crashUnderLoad("standards");
    }

    @Test
    @Order(3)
    void assessmentServiceCrash() throws Exception {
        crashUnderLoad("assessment");
    }

    @Test
    @Order(4)
    void gatewayCrash() throws Exception {
        crashUnderLoad("gateway");
    }

    /**
     * The embedded PostgreSQL and MongoDB wire server. Needs {@code ./stack start infra} to clean up what a killed
     * infra leaves behind (its orphaned PostgreSQL still holding the port), which the stack does since issue 10.
     */
    @Test
    @Order(5)
    void infraCrash() throws Exception {
        crashUnderLoad("infra");
    }

    /** One answer (or the lack of one) to a create; {@code id} is the created record's, read back afterwards. */
    record Outcome(long startedMs, long tookMs, int status, String contentType, String id, String failure) {}

    /**
     * What the writers create while a part is down: records that part itself stores, so its own routes are what the
     * gateway answers for during the outage. {@code idMember} names the created record's id in the answer;
     * {@code readPath} where it is read back.
     */
    record Workload(
            String user,
            String createPath,
            IntFunction<Map<String, Object>> body,
            String idMember,
            Function<String, String> readPath) {}

    /** Catalogue references for the standards workload: FA0000-FA9999, then AU0000-AU9999 (never ST: seeded). */
    private static final AtomicInteger STANDARD = new AtomicInteger();
    /** Assessment organisations for the assessment workload: EPA1000 up (other e2e tests use EPA0001). */
    private static final AtomicInteger ORGANISATION = new AtomicInteger(1000);

    private static Workload workload(String part) {
        return switch (part) {
            case "standards" ->
                new Workload(
                        "admin1",
                        "/api/v1/standards",
                        n -> {
                            int c = STANDARD.getAndIncrement();
                            return Map.of(
                                    "reference",
                                    String.format("%s%04d", c < 10_000 ? "FA" : "AU", c % 10_000),
                                    "title",
                                    "Fault suite standard " + n,
                                    "level",
                                    6);
                        },
                        "reference",
                        ref -> "/api/v1/standards/" + ref);
            case "assessment" ->
                new Workload(
                        "admin1",
                        "/api/v1/assessment-organisations",
                        n -> Map.of(
                                "epaoId",
                                String.format("EPA%04d", ORGANISATION.getAndIncrement()),
                                "name",
                                "Fault suite organisation " + n),
                        "epaoId",
                        epaoId -> "/api/v1/assessment-organisations/" + epaoId);
            default ->
                new Workload(
                        "tutor1",
                        "/api/v1/apprentices/" + apprenticeId + "/evidence",
                        n -> Map.of(
                                "kind",
                                "reflection",
                                "title",
                                "Fault suite " + part + "-" + n,
                                "text",
                                "Written while a part of the stack crashes.",
                                "ksbCodes",
                                List.of("K1")),
                        "id",
                        id -> "/api/v1/apprentices/" + apprenticeId + "/evidence/" + id);
        };
    }

    private void crashUnderLoad(String part) throws Exception {
        Workload load = workload(part);
        String token = freshToken(load.user());
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger sequence = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(WRITERS);
        long t0 = System.nanoTime();
        for (int w = 0; w < WRITERS; w++) {
            Thread writer = new Thread(
                    () -> {
                        try {
                            while (running.get()) {
                                Outcome outcome = create(load, token, sequence.incrementAndGet(), t0);
                                outcomes.add(outcome);
                                if (outcome.status() >= 500) {
                                    // A problem answer comes fast: back off a little, as a client should, so the
                                    // outage does not use up the workload's ids (EPA1000-EPA9999) in a tight loop.
                                    pause();
                                }
                            }
                        } finally {
                            done.countDown();
                        }
                    },
                    "writer-" + part + "-" + w);
            writer.setDaemon(true);
            writer.start();
        }
        long killedAtMs;
        long readyAtMs;
        try {
            Thread.sleep(BEFORE_KILL_MS);
            long pid = Stack.pidOf(part);
            killedAtMs = ms(t0);
            Process kill = new ProcessBuilder("kill", "-9", Long.toString(pid))
                    .inheritIO()
                    .start();
            assertEquals(0, kill.waitFor(), "kill -9 " + pid + " (" + part + ")");
            Thread.sleep(OUTAGE_MS);
            Stack.run(240, "start", part);
            readyAtMs = ms(t0);
            Thread.sleep(AFTER_MS);
        } finally {
            running.set(false);
        }
        assertTrue(
                done.await(CLIENT_TIMEOUT.toSeconds() + 5, java.util.concurrent.TimeUnit.SECONDS),
                "the writers stopped (each request is bounded by the client timeout)");

        List<Outcome> all = new ArrayList<>(outcomes);
        List<Outcome> acknowledged = all.stream().filter(o -> o.status() == 201).toList();
        List<String> wrong = new ArrayList<>();
        long firstProblemMs = -1;
        long recoveredMs = -1;
        int problems = 0;
        int refused = 0;
        for (Outcome o : all) {
            if (o.failure() != null) {
                // No HTTP answer at all: acceptable only when the gateway itself is what is down, and never a hang.
                if (o.failure().startsWith("hang") || !part.equals("gateway")) {
                    wrong.add(o.toString());
                } else {
                    refused++;
                }
            } else if (o.status() == 201) {
                if (o.startedMs() > killedAtMs && recoveredMs < 0 && (problems > 0 || refused > 0)) {
                    recoveredMs = o.startedMs() + o.tookMs() - killedAtMs;
                }
            } else if ((o.status() == 502 || o.status() == 503 || o.status() == 504)
                    && o.contentType() != null
                    && o.contentType().startsWith("application/problem+json")
                    && o.tookMs() < GATEWAY_TIMEOUT.toMillis()) {
                problems++;
                if (firstProblemMs < 0 && o.startedMs() >= killedAtMs) {
                    firstProblemMs = o.startedMs() + o.tookMs() - killedAtMs;
                }
            } else {
                wrong.add(o.toString());
            }
        }

        // Every acknowledged write is there after the restart.
        List<String> lost = new ArrayList<>();
        for (Outcome o : acknowledged) {
            HttpResponse<String> read = send(HttpRequest.newBuilder(
                            URI.create(Stack.GATEWAY + load.readPath().apply(o.id())))
                    .header("Authorization", "Bearer " + token)
                    .timeout(CLIENT_TIMEOUT)
                    .GET()
                    .build());
            if (read.statusCode() != 200) {
                lost.add(o.id() + " -> " + read.statusCode());
            }
        }
        // The part is back: a write goes through now.
        Outcome after = create(load, token, -1, t0);
        long maxMs = all.stream().mapToLong(Outcome::tookMs).max().orElse(0);
        System.out.printf(
                "fault %-10s requests %d, acknowledged %d, lost %d, problems %d, refused %d, wrong %d, "
                        + "first problem %d ms after kill, writes back %d ms after kill (restart ready %d ms after"
                        + " kill), slowest answer %d ms%n",
                part,
                all.size(),
                acknowledged.size(),
                lost.size(),
                problems,
                refused,
                wrong.size(),
                firstProblemMs,
                recoveredMs,
                readyAtMs - killedAtMs,
                maxMs);

        assertTrue(lost.isEmpty(), part + ": acknowledged writes not readable after the restart: " + lost);
        assertTrue(
                wrong.isEmpty(),
                part + ": answers that were neither 201 nor a quick 502/503/504 problem: "
                        + wrong.subList(0, Math.min(10, wrong.size())));
        assertEquals(201, after.status(), part + " is back: a write after the restart " + after);
        assertTrue(!acknowledged.isEmpty(), part + ": some writes were acknowledged");
    }

    private static Outcome create(Workload load, String token, int n, long t0) {
        long started = ms(t0);
        long start = System.nanoTime();
        try {
            String body = JSON.writeValueAsString(load.body().apply(n));
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(Stack.GATEWAY + load.createPath()))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .timeout(CLIENT_TIMEOUT)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build());
            long took = (System.nanoTime() - start) / 1_000_000;
            String id = null;
            if (response.statusCode() == 201) {
                id = JSON.readTree(response.body()).path(load.idMember()).asText(null);
            }
            return new Outcome(
                    started,
                    took,
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    id,
                    null);
        } catch (HttpTimeoutException e) {
            return new Outcome(started, (System.nanoTime() - start) / 1_000_000, 0, null, null, "hang: " + e);
        } catch (IOException e) {
            // Refused or dropped connection (only expected when the gateway is down).
            long took = (System.nanoTime() - start) / 1_000_000;
            pause();
            return new Outcome(
                    started, took, 0, null, null, (e instanceof ConnectException ? "refused: " : "dropped: ") + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(started, 0, 0, null, null, "interrupted");
        }
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A writer that got no answer or a problem waits a little, so a dead part is not hammered in a tight loop. */
    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** A token of its own (not the suite's cache): each crash may take a while, and tokens expire. */
    private static String freshToken() {
        return freshToken("tutor1");
    }

    private static String freshToken(String user) {
        return Stack.passwordToken("platform-web", user);
    }
}
