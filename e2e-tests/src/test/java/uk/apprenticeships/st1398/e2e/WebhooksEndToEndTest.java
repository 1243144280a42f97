package uk.apprenticeships.st1398.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Webhooks and the change feed through the gateway with real Keycloak tokens (docs/events.md): an LMS client's
 * receiver on loopback (the stack allows loopback receivers, {@code EVENTS_DELIVERY_ALLOW_PRIVATE_TARGETS}) is
 * subscribed by the provider's tutor; a scripted journey (enrol, evidence created, submitted, accepted, assessment
 * registered with its gateway date, assessor assigned, both methods graded, result complete, certificate created,
 * submitted and approved) is made; every delivery's Standard Webhooks signature is
 * verified. Then the receiver is stopped, more changes are made, it is started again on the same port: the retries
 * arrive (Stack sets a short retry schedule), nothing is lost, a repeat only ever has the same {@code webhook-id}.
 * The apprentice is then completed and erased ({@code apprentice.erased} arrives signed, last of the apprentice's
 * events), and {@code GET /api/v1/events}, read page by page with its cursor, holds the same events in the same
 * order.
 *
 * <p>Erasure is allowed once the completion's effective date plus the retention period (six years) is not after
 * today (evidence-service's erasure rule, docs/integrators.md "Erasure on request"). So the journey's apprenticeship
 * is a historical one, as a provider moving its records onto the platform enters them: it started eight years ago,
 * its gateway, attempts and certificate are dated then, and its completion is recorded with its real effective
 * date (about six and a half years ago). No clock is moved and no rule is bypassed.
 */
@ExtendWith(Stack.class)
class WebhooksEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TYPES = List.of(
            "apprentice.enrolled",
            "apprentice.changed",
            "apprentice.status-changed",
            "apprentice.erased",
            "evidence.created",
            "evidence.changed",
            "evidence.submitted",
            "evidence.accepted",
            "evidence.referred-back",
            "assessment.registered",
            "assessment.attempt-graded",
            "assessment.result",
            "certificate.status-changed");

    /** One delivery as received: its headers and the raw body, after its signature was checked. */
    record Delivery(String id, String timestamp, String body, JsonNode event) {}

    /** A Standard Webhooks receiver on loopback; answers 204 to every correctly signed delivery, 400 otherwise. */
    static final class Receiver {
        final int port;
        final byte[] key;
        final List<Delivery> received = new CopyOnWriteArrayList<>();
        final List<String> badSignatures = new CopyOnWriteArrayList<>();
        private HttpServer server;

        Receiver(int port, String secret) {
            this.port = port;
            this.key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        }

        void start() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            server.createContext("/hooks", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String id = exchange.getRequestHeaders().getFirst("webhook-id");
                String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
                String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
                int status = 204;
                if (id == null
                        || timestamp == null
                        || signatures == null
                        || !verifies(id, timestamp, body, signatures)) {
                    badSignatures.add(id + " " + timestamp + " " + signatures);
                    status = 400;
                } else {
                    JsonNode event = JSON.readTree(body);
                    received.add(new Delivery(id, timestamp, body, event));
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
        }

        void stop() {
            server.stop(0);
        }

        String url() {
            return "http://127.0.0.1:" + port + "/hooks";
        }

        boolean verifies(String id, String timestamp, String body, String signatures) {
            long age = Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp));
            if (age > 300) {
                return false;
            }
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                String expected = "v1,"
                        + Base64.getEncoder()
                                .encodeToString(mac.doFinal(
                                        (id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
                for (String candidate : signatures.split(" ")) {
                    if (MessageDigest.isEqual(
                            candidate.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
                        return true;
                    }
                }
                return false;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /** Events in order of first arrival, one per webhook-id. */
        List<JsonNode> distinct() {
            Map<String, JsonNode> first = new LinkedHashMap<>();
            for (Delivery d : received) {
                first.putIfAbsent(d.id(), d.event());
            }
            return new ArrayList<>(first.values());
        }
    }

    @Test
    void subscribedReceiverGetsEverySignedEventAfterAnOutageAndTheFeedAgrees() throws Exception {
        String tutor = Stack.token("tutor1");
        String admin = Stack.token("admin1");
        String assessor = Stack.token("assessor1");
        String uln = String.valueOf(7_000_000_000L + System.nanoTime() % 1_000_000_000L);
        // A historical apprenticeship (see the class comment): every date of the journey is in its past.
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate start = today.minusYears(8);
        LocalDate gateway = start.plusMonths(18);
        LocalDate achieved = gateway.plusDays(21);
        LocalDate completed = gateway.plusDays(30);

        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        // Subscribe through the gateway (the tutor of provider 10000001: events of that provider's apprentices).
        var subscribed = given().baseUri(Stack.GATEWAY)
                .auth()
                .oauth2(tutor)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "url",
                        "http://127.0.0.1:" + port + "/hooks",
                        "eventTypes",
                        TYPES,
                        "description",
                        "WebhooksEndToEndTest"))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201)
                .extract();
        String subscriptionId = subscribed.path("id");
        String secret = subscribed.path("secret");
        assertTrue(secret.startsWith("whsec_"), secret);
        Receiver receiver = new Receiver(port, secret);
        receiver.start();
        try {
            // The journey.
            String apprenticeId = given().baseUri(Stack.GATEWAY)
                    .auth()
                    .oauth2(tutor)
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "uln", uln,
                            "givenName", "Grace",
                            "familyName", "Hopper",
                            "dateOfBirth", "2001-12-09",
                            "providerUkprn", "10000001",
                            "employerId", "EMP0001",
                            "standardVersion", "ST1398_1.0",
                            "startDate", start.toString(),
                            "plannedEndDate", start.plusYears(2).toString(),
                            "assessmentOrganisationId", "EPA0001"))
                    .post("/api/v1/apprentices")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            String evidenceId = createEvidence(tutor, apprenticeId, "Designing the data pipeline");
            workflow(tutor, apprenticeId, evidenceId, "submit");
            workflow(tutor, apprenticeId, evidenceId, "accept");

            int status = given().baseUri(Stack.GATEWAY)
                    .auth()
                    .oauth2(admin)
                    .contentType(ContentType.JSON)
                    .body(Map.of("epaoId", "EPA0001", "name", "End-to-end Assessments"))
                    .post("/api/v1/assessment-organisations")
                    .statusCode();
            assertTrue(status == 201 || status == 409, "created or already there: " + status);
            status = given().baseUri(Stack.GATEWAY)
                    .auth()
                    .oauth2(admin)
                    .contentType(ContentType.JSON)
                    .body(Map.of("standardVersion", "ST1398_1.0"))
                    .post("/api/v1/assessment-organisations/EPA0001/standard-versions")
                    .statusCode();
            assertTrue(status == 200 || status == 201 || status == 409, "approved or already: " + status);
            // Registered through gateway (the admin records the gateway date), assessor1 assigned, both methods
            // of ST1398's plan graded: attempt-graded events and the overall result.
            String assessmentId = given().baseUri(Stack.GATEWAY)
                    .auth()
                    .oauth2(admin)
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "uln", uln,
                            "familyName", "Hopper",
                            "standardVersion", "ST1398_1.0",
                            "providerUkprn", "10000001",
                            "employerId", "EMP0001",
                            "epaoId", "EPA0001",
                            "apprenticeId", apprenticeId,
                            "gatewayDate", gateway.toString()))
                    .post("/api/v1/assessments")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            String assessorId = given().baseUri(Stack.GATEWAY)
                    .auth()
                    .oauth2(admin)
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "userId", subjectOf(assessor),
                            "name", "Assessor One",
                            "conflictProviderUkprns", List.of(),
                            "conflictEmployerIds", List.of()))
                    .post("/api/v1/assessment-organisations/EPA0001/assessors")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            given().baseUri(Stack.GATEWAY)
                    .auth()
                    .oauth2(admin)
                    .contentType(ContentType.JSON)
                    .body(Map.of("assessorId", assessorId))
                    .put("/api/v1/assessments/" + assessmentId + "/assessor")
                    .then()
                    .statusCode(200);
            attempt(assessor, assessmentId, "M1", gateway.plusDays(10), "Pass");
            attempt(assessor, assessmentId, "M2", gateway.plusDays(20), "Pass");
            given().baseUri(Stack.GATEWAY)
                    .auth()
                    .oauth2(assessor)
                    .get("/api/v1/assessments/" + assessmentId + "/result")
                    .then()
                    .statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("complete"));
            String reference = given().baseUri(Stack.GATEWAY)
                    .auth()
                    .oauth2(assessor)
                    .contentType(ContentType.JSON)
                    .body(List.of(Map.of(
                            "requestId", "row-1",
                            "standard", Map.of("standardCode", 795, "standardReference", "ST1398"),
                            "learner", Map.of("uln", uln, "familyName", "Hopper", "givenNames", "Grace"),
                            "learningDetails",
                                    Map.of(
                                            "version", "1.0",
                                            "overallGrade", "Merit",
                                            "achievementDate", achieved.toString(),
                                            "providerUkprn", "10000001",
                                            "ksbCodes", List.of("K1")),
                            "postalContact",
                                    Map.of(
                                            "contactName", "Pat Jones",
                                            "addressLine1", "1 High Street",
                                            "city", "Leeds",
                                            "postCode", "LS1 1AA"))))
                    .post("/api/v1/certificates")
                    .then()
                    .extract()
                    .path("[0].certificate.certificateReference");
            assertNotNull(reference, "certificate created");
            given().baseUri(Stack.GATEWAY)
                    .auth()
                    .oauth2(assessor)
                    .contentType(ContentType.JSON)
                    .body(List.of(Map.of("requestId", "s1", "certificateReference", reference)))
                    .post("/api/v1/certificates/submit")
                    .then()
                    .statusCode(200);
            given().baseUri(Stack.GATEWAY)
                    .auth()
                    .oauth2(admin)
                    .contentType(ContentType.JSON)
                    .body(Map.of("status", "Approved", "note", "webhooks end-to-end"))
                    .post("/api/v1/certificates/" + reference + "/status")
                    .then()
                    .statusCode(200);

            // Everything so far arrives: 3 evidence, 1 enrolment, 1 assessment, 3 certificate events at least.
            awaitTrue(
                    Duration.ofSeconds(60),
                    () -> mine(receiver.distinct(), apprenticeId, uln).stream()
                            .map(e -> e.path("type").asText())
                            .collect(Collectors.toSet())
                            .containsAll(List.of(
                                    "apprentice.enrolled",
                                    "evidence.created",
                                    "evidence.submitted",
                                    "evidence.accepted",
                                    "assessment.registered",
                                    "assessment.attempt-graded",
                                    "assessment.result",
                                    "certificate.status-changed")));
            int beforeOutage = receiver.distinct().size();

            // The receiver goes away; more changes are made meanwhile.
            receiver.stop();
            String second = createEvidence(tutor, apprenticeId, "Testing the pipeline");
            workflow(tutor, apprenticeId, second, "submit");
            workflow(tutor, apprenticeId, second, "accept");
            String third = createEvidence(tutor, apprenticeId, "Monitoring the pipeline");
            // Failed attempts are recorded while it is down.
            awaitTrue(
                    Duration.ofSeconds(60),
                    () -> given().baseUri(Stack.GATEWAY)
                                    .auth()
                                    .oauth2(tutor)
                                    .get("/api/v1/webhooks/" + subscriptionId + "/deliveries?status=pending")
                                    .then()
                                    .statusCode(200)
                                    .extract()
                                    .jsonPath()
                                    .getList("items.findAll { it.attempts > 0 }")
                                    .size()
                            > 0);
            Thread.sleep(3000);
            receiver.start();

            awaitTrue(
                    Duration.ofSeconds(120),
                    () -> receiver.distinct().stream()
                            .map(e -> e.path("subject").path("id").asText())
                            .collect(Collectors.toSet())
                            .containsAll(List.of(second, third)));
            assertTrue(receiver.distinct().size() > beforeOutage);

            // Completion, with its real (historical) effective date, then erasure: apprentice.erased arrives signed,
            // after every other event of the apprentice.
            given().baseUri(Stack.GATEWAY)
                    .auth()
                    .oauth2(tutor)
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "status",
                            "completed",
                            "effectiveDate",
                            completed.toString(),
                            "reason",
                            "Completed the apprenticeship"))
                    .post("/api/v1/apprentices/" + apprenticeId + "/status")
                    .then()
                    .statusCode(200);
            given().baseUri(Stack.GATEWAY)
                    .auth()
                    .oauth2(admin)
                    .contentType(ContentType.JSON)
                    .body(Map.of("reason", "Requested by the apprentice"))
                    .post("/api/v1/apprentices/" + apprenticeId + "/erasure")
                    .then()
                    .statusCode(200);
            awaitTrue(
                    Duration.ofSeconds(60),
                    () -> mine(receiver.distinct(), apprenticeId, uln).stream()
                            .anyMatch(e -> e.path("type").asText().equals("apprentice.erased")));
            List<JsonNode> apprenticeEvents = receiver.distinct().stream()
                    .filter(e -> apprenticeId.equals(e.path("apprenticeId").asText()))
                    .toList();
            JsonNode erased = apprenticeEvents.get(apprenticeEvents.size() - 1);
            assertEquals("apprentice.erased", erased.path("type").asText(), "erasure is the apprentice's last event");
            assertEquals(apprenticeId, erased.path("subject").path("id").asText());
            assertTrue(erased.path("scope").path("uln").isMissingNode()
                    || erased.path("scope").path("uln").isNull());
            assertTrue(
                    apprenticeEvents.stream()
                            .anyMatch(e -> e.path("type").asText().equals("apprentice.status-changed")),
                    "the completion arrived too");
            given().baseUri(Stack.GATEWAY)
                    .auth()
                    .oauth2(tutor)
                    .get("/api/v1/apprentices/" + apprenticeId)
                    .then()
                    .statusCode(410);
            assertEquals(List.of(), receiver.badSignatures, "every delivery was correctly signed");

            // Duplicates only ever carry the same webhook-id: one body per id.
            Map<String, List<String>> bodies = receiver.received.stream()
                    .collect(Collectors.groupingBy(
                            Delivery::id, Collectors.mapping(d -> d.event().toString(), Collectors.toList())));
            bodies.forEach((id, list) -> {
                assertEquals(1, list.stream().distinct().count(), "one event per webhook-id " + id);
                try {
                    assertEquals(id, JSON.readTree(list.get(0)).path("id").asText(), "webhook-id is the event id");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });

            // The feed, page by page, holds the same events of this apprentice in the same order.
            List<JsonNode> feed = new ArrayList<>();
            String after = null;
            for (int page = 0; page < 1000; page++) {
                var request =
                        given().baseUri(Stack.GATEWAY).auth().oauth2(tutor).queryParam("limit", 50);
                if (after != null) {
                    request.queryParam("after", after);
                }
                JsonNode answer = JSON.readTree(request.get("/api/v1/events")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
                answer.path("events").forEach(feed::add);
                after = answer.path("next").asText();
                if (!answer.path("hasMore").asBoolean()) {
                    break;
                }
            }
            List<JsonNode> fromFeed = mine(feed, apprenticeId, uln).stream()
                    .filter(e -> TYPES.contains(e.path("type").asText()))
                    .toList();
            List<JsonNode> fromHooks = mine(receiver.distinct(), apprenticeId, uln);
            assertEquals(
                    fromFeed.stream().map(e -> e.path("id").asText()).sorted().toList(),
                    fromHooks.stream().map(e -> e.path("id").asText()).sorted().toList(),
                    "the same events through both");
            // Same order within each ordering key (the apprentice, else the record: docs/events.md "Order").
            assertEquals(byKey(fromFeed), byKey(fromHooks), "the same order per apprentice");
            // And the same content.
            Map<String, JsonNode> feedById =
                    fromFeed.stream().collect(Collectors.toMap(e -> e.path("id").asText(), e -> e));
            for (JsonNode e : fromHooks) {
                assertEquals(feedById.get(e.path("id").asText()), e, "same content in feed and webhook");
            }
        } finally {
            receiver.stop();
            given().baseUri(Stack.GATEWAY).auth().oauth2(tutor).delete("/api/v1/webhooks/" + subscriptionId);
        }
    }

    private static List<JsonNode> mine(List<JsonNode> events, String apprenticeId, String uln) {
        return events.stream()
                .filter(e -> apprenticeId.equals(e.path("apprenticeId").asText())
                        || uln.equals(e.path("scope").path("uln").asText()))
                .toList();
    }

    private static Map<String, List<String>> byKey(List<JsonNode> events) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        for (JsonNode e : events) {
            String key = e.hasNonNull("apprenticeId")
                            && !e.path("apprenticeId").asText().isEmpty()
                    ? e.path("apprenticeId").asText()
                    : e.path("subject").path("kind").asText() + ":"
                            + e.path("subject").path("id").asText();
            keys.computeIfAbsent(key, k -> new ArrayList<>()).add(e.path("id").asText());
        }
        return keys;
    }

    private static void attempt(String token, String assessmentId, String method, LocalDate date, String grade) {
        given().baseUri(Stack.GATEWAY)
                .auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "methodCode",
                        method,
                        "kind",
                        "first",
                        "date",
                        date.toString(),
                        "grade",
                        grade,
                        "reason",
                        "Observed against the grading criteria"))
                .post("/api/v1/assessments/" + assessmentId + "/attempts")
                .then()
                .statusCode(201);
    }

    /** The token's subject ({@code sub}), which the assessor register keys assessors by. */
    private static String subjectOf(String token) throws IOException {
        String payload = token.split("\\.")[1];
        return JSON.readTree(Base64.getUrlDecoder().decode(payload)).path("sub").asText();
    }

    private static String createEvidence(String token, String apprenticeId, String title) {
        return given().baseUri(Stack.GATEWAY)
                .auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "kind",
                        "reflection",
                        "title",
                        title,
                        "text",
                        "What I built and what I would do differently.",
                        "ksbCodes",
                        List.of("K1")))
                .post("/api/v1/apprentices/" + apprenticeId + "/evidence")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static void workflow(String token, String apprenticeId, String evidenceId, String action) {
        given().baseUri(Stack.GATEWAY)
                .auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("action", action))
                .post("/api/v1/apprentices/" + apprenticeId + "/evidence/" + evidenceId + "/workflow")
                .then()
                .statusCode(200);
    }

    private static void awaitTrue(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("not reached within " + timeout);
            }
            Thread.sleep(250);
        }
    }
}
