package uk.apprenticeships.st1398.assessment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.apprenticeships.st1398.assessment.AssessmentApi.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.assessment.events.DeliveryWorker;
import uk.apprenticeships.st1398.assessment.events.EventRetention;
import uk.apprenticeships.st1398.platform.events.WebhookSignatures;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.TestClock;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/**
 * The event hub end to end inside assessment-service: a change records its event in the same transaction (a refused
 * change records none), the sequencer puts it in the feed, a worker delivers it signed to a receiver on loopback,
 * retries, order per apprentice, two workers, give-up and disabling, tenancy of subscriptions and of the feed, and
 * the subscription API's validation. Each test uses its own providers, ULNs and subscription owners.
 */
@QuarkusTest
@QuarkusTestResource(value = StandardsPlanStub.class, restrictToAnnotatedClass = false)
class EventsHubTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INGEST_SECRET = "whsec_ZGV2LW9ubHktZXZlbnRzLWluZ2VzdC1zZWNyZXQtMDE=";

    @Inject
    DeliveryWorker worker;

    @Inject
    AgroalDataSource database;

    @Inject
    EventRetention retention;

    @Inject
    TestClock clock;

    private WebhookReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stop() {
        receiver.close();
        clock.reset();
    }

    private static String lms(String user, String ukprn) {
        return Tokens.token(user, Set.of("lms-integration"), Map.of("provider_ukprn", ukprn));
    }

    private static String employerToken(String user, String employerId) {
        return Tokens.token(user, Set.of("employer"), Map.of("employer_id", employerId));
    }

    /** Subscribes and answers {id, secret}. */
    private static JsonPath subscribe(String token, String url, String... types) {
        return as(token)
                .body(Map.of("url", url, "eventTypes", List.of(types), "description", "test"))
                .when()
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201)
                .body("secret", notNullValue())
                .extract()
                .jsonPath();
    }

    private static String register(String epaoId, String uln, String ukprn, String employerId) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "uln", uln,
                "familyName", "Lovelace",
                "standardVersion", "ST1398_1.0",
                "providerUkprn", ukprn,
                "employerId", employerId,
                "epaoId", epaoId));
        return as(Tokens.admin())
                .body(body)
                .when()
                .post("/api/v1/assessments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** The feed as the token sees it, all pages, only events about this ULN. */
    private static List<JsonNode> feed(String token, String uln) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 1000; page++) {
            var request = given().auth().oauth2(token).queryParam("limit", 500);
            if (after != null) {
                request.queryParam("after", after);
            }
            String body = request.when()
                    .get("/api/v1/events")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            JsonNode json = JSON.readTree(body);
            for (JsonNode e : json.get("events")) {
                if (uln == null || uln.equals(e.path("scope").path("uln").asText(null))) {
                    events.add(e);
                }
            }
            after = json.get("next").asText();
            if (!json.get("hasMore").asBoolean()) {
                return events;
            }
        }
        throw new AssertionError("feed did not end");
    }

    /** Verified as a receiver would, with plain JDK HMAC (Standard Webhooks: id.timestamp.body, base64 key). */
    private static boolean verified(WebhookReceiver.Received r, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String expected = "v1,"
                + Base64.getEncoder()
                        .encodeToString(mac.doFinal(
                                (r.id() + "." + r.timestamp() + "." + r.body()).getBytes(StandardCharsets.UTF_8)));
        return expected.equals(r.signature());
    }

    private static List<WebhookReceiver.Received> about(List<WebhookReceiver.Received> list, String uln) {
        return list.stream()
                .filter(r -> r.body().contains("\"uln\":\"" + uln + "\""))
                .toList();
    }

    @Test
    void aRegistrationIsDeliveredSignedAndAppearsInTheFeed() throws Exception {
        String epaoId = AssessmentApi.freshOrganisation();
        String ukprn = TestIds.ukprn();
        String uln = TestIds.uln();
        String client = "lms-" + TestIds.suffix();
        JsonPath sub = subscribe(lms(client, ukprn), receiver.url(), "assessment.registered");
        String id = register(epaoId, uln, ukprn, "EMP-" + uln);

        WebhookReceiver.await(
                "the registration's delivery",
                () -> !about(receiver.accepted(), uln).isEmpty());
        WebhookReceiver.Received delivered = about(receiver.accepted(), uln).get(0);
        assertTrue(verified(delivered, sub.getString("secret")), "signature verifies");
        assertTrue(WebhookSignatures.verify(
                sub.getString("secret"),
                delivered.id(),
                delivered.timestamp(),
                delivered.signature(),
                delivered.body(),
                Instant.now()));
        JsonNode event = JSON.readTree(delivered.body());
        assertEquals("assessment.registered", event.get("type").asText());
        assertEquals(delivered.id(), event.get("id").asText(), "webhook-id is the event id");
        assertEquals(id, event.get("subject").get("id").asText());
        assertEquals(epaoId, event.get("scope").get("epaoId").asText());
        assertFalse(delivered.body().contains("Lovelace"), "no family name in events");

        List<JsonNode> feed = feed(lms(client, ukprn), uln);
        assertEquals(1, feed.size());
        assertEquals(delivered.id(), feed.get(0).get("id").asText());

        String deliveries = "/api/v1/webhooks/" + sub.getString("id") + "/deliveries";
        // The receiver records the request before it answers; the worker records the answer after it: wait for that.
        WebhookReceiver.await(
                "the delivery log to record the answer",
                () -> as(lms(client, ukprn))
                                .when()
                                .get(deliveries + "?status=delivered")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .getInt("totalItems")
                        == 1);
        String deliveryId = as(lms(client, ukprn))
                .when()
                .get(deliveries + "?status=delivered")
                .then()
                .statusCode(200)
                .body("items[0].status", equalTo("delivered"))
                .body("items[0].attempts", equalTo(1))
                .body("items[0].lastStatusCode", equalTo(204))
                .extract()
                .path("items[0].id");
        as(lms(client, ukprn))
                .when()
                .get(deliveries + "/" + deliveryId)
                .then()
                .statusCode(200)
                .body("attemptLog[0].statusCode", equalTo(204))
                .body("attemptLog[0].latencyMs", notNullValue());

        // manual redelivery: the same event, the same webhook-id
        as(lms(client, ukprn))
                .when()
                .post(deliveries + "/" + deliveryId + "/redeliver")
                .then()
                .statusCode(202)
                .body("manual", equalTo(true));
        WebhookReceiver.await(
                "the redelivery", () -> about(receiver.accepted(), uln).size() == 2);
        assertEquals(delivered.id(), about(receiver.accepted(), uln).get(1).id());
    }

    @Test
    void aRefusedChangeRecordsNoEvent() throws Exception {
        String uln = TestIds.uln();
        as(Tokens.admin())
                .body(Map.of(
                        "uln",
                        uln,
                        "familyName",
                        "Lovelace",
                        "standardVersion",
                        "ST1398_1.0",
                        "providerUkprn",
                        TestIds.ukprn(),
                        "employerId",
                        "EMP-" + uln,
                        "epaoId",
                        "EPA9999"))
                .when()
                .post("/api/v1/assessments")
                .then()
                .statusCode(422);
        // a later change is sequenced after it would have been: once that one is in the feed, the refused one is not
        String epaoId = AssessmentApi.freshOrganisation();
        String other = TestIds.uln();
        register(epaoId, other, TestIds.ukprn(), "EMP-" + other);
        WebhookReceiver.await("the later event in the feed", () -> {
            try {
                return !feed(Tokens.admin(), other).isEmpty();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertEquals(List.of(), feed(Tokens.admin(), uln));
    }

    @Test
    void subscribersAndFeedReadersSeeOnlyTheirTenantsEvents() throws Exception {
        String epaoId = AssessmentApi.freshOrganisation();
        String providerA = TestIds.ukprn();
        String providerB = TestIds.ukprn();
        String ulnA = TestIds.uln();
        String ulnB = TestIds.uln();
        String employerA = "EMP-" + ulnA;
        String clientA = "lms-" + TestIds.suffix();
        String clientB = "lms-" + TestIds.suffix();
        subscribe(lms(clientA, providerA), receiver.url(), "assessment.registered");
        try (WebhookReceiver other = new WebhookReceiver()) {
            subscribe(lms(clientB, providerB), other.url(), "assessment.registered");
            register(epaoId, ulnA, providerA, employerA);
            register(epaoId, ulnB, providerB, "EMP-" + ulnB);
            WebhookReceiver.await(
                    "both deliveries",
                    () -> !about(receiver.accepted(), ulnA).isEmpty()
                            && !about(other.accepted(), ulnB).isEmpty());
            // give any wrong delivery the same chance to arrive: the next registration of A reaches A first
            assertEquals(List.of(), about(receiver.received(), ulnB), "A never receives B's events");
            assertEquals(List.of(), about(other.received(), ulnA), "B never receives A's events");
        }
        assertEquals(1, feed(lms(clientA, providerA), ulnA).size());
        assertEquals(List.of(), feed(lms(clientA, providerA), ulnB));
        assertEquals(
                1,
                feed(employerToken("emp-" + TestIds.suffix(), employerA), ulnA).size());
        assertEquals(List.of(), feed(employerToken("emp-" + TestIds.suffix(), employerA), ulnB));
        assertEquals(
                1,
                feed(AssessmentApi.assessorToken("a-" + TestIds.suffix(), epaoId), ulnB)
                        .size());
        assertEquals(List.of(), feed(AssessmentApi.assessorToken("a-" + TestIds.suffix(), "EPA0001"), ulnB));
        assertEquals(1, feed(Tokens.admin(), ulnB).size());
    }

    @Test
    void failedDeliveriesAreRetriedWithTheSameIdAndInOrderPerApprentice() throws Exception {
        String epaoId = AssessmentApi.freshOrganisation();
        String ukprn = TestIds.ukprn();
        String uln = TestIds.uln();
        String client = "lms-" + TestIds.suffix();
        JsonPath sub = subscribe(lms(client, ukprn), receiver.url(), "assessment.registered", "epa-record.changed");
        receiver.failNext(2);
        register(epaoId, uln, ukprn, "EMP-" + uln);
        WebhookReceiver.await(
                "the delivery after two failures",
                () -> !about(receiver.accepted(), uln).isEmpty());
        List<WebhookReceiver.Received> all = about(receiver.received(), uln);
        assertEquals(3, all.size(), "two failed attempts and the successful one");
        assertEquals(1, new HashSet<>(WebhookReceiver.ids(all)).size(), "every attempt carries the same webhook-id");
        for (WebhookReceiver.Received r : all) {
            assertTrue(verified(r, sub.getString("secret")));
        }
        WebhookReceiver.await(
                "the delivery log to record the answer",
                () -> "delivered"
                        .equals(as(lms(client, ukprn))
                                .when()
                                .get("/api/v1/webhooks/" + sub.getString("id") + "/deliveries")
                                .then()
                                .extract()
                                .path("items[0].status")));
        as(lms(client, ukprn))
                .when()
                .get("/api/v1/webhooks/" + sub.getString("id") + "/deliveries")
                .then()
                .statusCode(200)
                .body("items[0].attempts", equalTo(3))
                .body("items[0].status", equalTo("delivered"));
    }

    @Test
    void aDeliveryThatKeepsFailingIsGivenUpAndTheSubscriptionDisabledWithANotice() throws Exception {
        String ukprn = TestIds.ukprn();
        String client = "lms-" + TestIds.suffix();
        String epaoId = AssessmentApi.freshOrganisation();
        String uln = TestIds.uln();
        try (WebhookReceiver notices = new WebhookReceiver()) {
            JsonPath failing = subscribe(lms(client, ukprn), receiver.url(), "assessment.registered");
            subscribe(lms(client, ukprn), notices.url(), "webhook.disabled");
            receiver.down(true);
            register(epaoId, uln, ukprn, "EMP-" + uln);
            String path = "/api/v1/webhooks/" + failing.getString("id");
            WebhookReceiver.await(
                    "the subscription disabled",
                    () -> "disabled"
                            .equals(as(lms(client, ukprn))
                                    .when()
                                    .get(path)
                                    .then()
                                    .extract()
                                    .path("status")));
            // the test profile's schedule: the first attempt and three retries
            assertEquals(4, about(receiver.received(), uln).size());
            as(lms(client, ukprn))
                    .when()
                    .get(path + "/deliveries?status=failed")
                    .then()
                    .statusCode(200)
                    .body("totalItems", equalTo(1));
            WebhookReceiver.await("the notice", () -> !notices.accepted().isEmpty());
            JsonNode notice = JSON.readTree(notices.accepted().get(0).body());
            assertEquals("webhook.disabled", notice.get("type").asText());
            assertEquals(
                    failing.getString("id"),
                    notice.get("data").get("subscriptionId").asText());
            // nobody else sees the notice in the feed
            assertTrue(feed(lms("someone-" + TestIds.suffix(), ukprn), null).stream()
                    .noneMatch(e -> e.get("subject").get("id").asText().equals(failing.getString("id"))));
            // re-enabled: the owner may redeliver and events flow again
            receiver.down(false);
            as(lms(client, ukprn))
                    .body(Map.of("status", "active"))
                    .when()
                    .patch(path)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("active"))
                    .body("disabledReason", nullValue());
            String other = TestIds.uln();
            register(epaoId, other, ukprn, "EMP-" + other);
            WebhookReceiver.await(
                    "delivery after re-enabling",
                    () -> !about(receiver.accepted(), other).isEmpty());
        }
    }

    @Test
    void twoWorkersNeverDeliverTheSameAttemptTwice() throws Exception {
        String epaoId = AssessmentApi.freshOrganisation();
        String ukprn = TestIds.ukprn();
        String client = "lms-" + TestIds.suffix();
        JsonPath sub = subscribe(lms(client, ukprn), receiver.url(), "assessment.registered");
        List<String> ulns = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String uln = TestIds.uln();
            ulns.add(uln);
            register(epaoId, uln, ukprn, "EMP-" + uln);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                runs.add(pool.submit(() -> {
                    for (int round = 0; round < 40; round++) {
                        worker.runOnce();
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        WebhookReceiver.await(
                "every registration delivered",
                () -> ulns.stream().allMatch(u -> !about(receiver.accepted(), u).isEmpty()));
        // Every request the receiver got is one recorded attempt: no attempt was made by two workers. (A second
        // request with the same webhook-id is only allowed as a retry after an attempt recorded as failed.) The
        // scheduled worker may still be recording a batch it sent (its attempts are written once its whole batch has
        // answered), so the count is taken once no delivery of the subscription is being sent or waiting.
        WebhookReceiver.await("every attempt recorded", () -> unfinished(sub.getString("id")) == 0);
        List<String> ids = WebhookReceiver.ids(receiver.received());
        try (Connection c = database.getConnection();
                PreparedStatement q = c.prepareStatement("select count(*), count(*) filter (where a.attempt > 1)"
                        + " from webhook_attempt a join webhook_delivery d on d.id = a.delivery_id"
                        + " where d.subscription_id = ?")) {
            q.setObject(1, UUID.fromString(sub.getString("id")));
            try (ResultSet r = q.executeQuery()) {
                r.next();
                assertEquals(ids.size(), r.getInt(1), "one request per recorded attempt");
                assertEquals(ids.size() - new HashSet<>(ids).size(), r.getInt(2), "repeats only as retries");
            }
        }
        assertEquals(30, new HashSet<>(ids).size());
    }

    private int unfinished(String subscriptionId) {
        try (Connection c = database.getConnection();
                PreparedStatement q = c.prepareStatement("select count(*) from webhook_delivery"
                        + " where subscription_id = ? and status in ('pending', 'sending')")) {
            q.setObject(1, UUID.fromString(subscriptionId));
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void eventsOfOneApprenticeArriveInOrder() throws Exception {
        String epaoId = AssessmentApi.freshOrganisation();
        String ukprn = TestIds.ukprn();
        String uln = TestIds.uln();
        String client = "lms-" + TestIds.suffix();
        subscribe(lms(client, ukprn), receiver.url(), "assessment.registered");
        receiver.failNext(2);
        // the same learner registered twice (two standard versions would need two plans; a second organisation works)
        register(epaoId, uln, ukprn, "EMP-" + uln);
        register(AssessmentApi.freshOrganisation(), uln, ukprn, "EMP-" + uln);
        WebhookReceiver.await(
                "both delivered", () -> about(receiver.accepted(), uln).size() == 2);
        List<String> order = WebhookReceiver.ids(about(receiver.received(), uln));
        List<JsonNode> feed = feed(lms(client, ukprn), uln);
        String first = feed.get(0).get("id").asText();
        String second = feed.get(1).get("id").asText();
        // the first event failed twice; the second was not sent before the first succeeded
        assertEquals(List.of(first, first, first, second), order);
    }

    @Test
    void subscriptionsAreValidatedAndBelongToTheirOwner() {
        String ukprn = TestIds.ukprn();
        String owner = lms("owner-" + TestIds.suffix(), ukprn);
        String other = lms("other-" + TestIds.suffix(), ukprn);
        as(owner)
                .body(Map.of("url", "ftp://example.com/x", "eventTypes", List.of("assessment.registered")))
                .when()
                .post("/api/v1/webhooks")
                .then()
                .spec(Problems.problem(400, "validation-failed", "validation-failed"));
        as(owner)
                .body(Map.of("url", receiver.url(), "eventTypes", List.of("assessment.nonsense")))
                .when()
                .post("/api/v1/webhooks")
                .then()
                .statusCode(400)
                .body("code", equalTo("event-type-unknown"));
        as(owner)
                .body(Map.of("url", receiver.url(), "eventTypes", List.of()))
                .when()
                .post("/api/v1/webhooks")
                .then()
                .statusCode(400);
        as(owner)
                .body(Map.of("url", "http://no-such-host.invalid/hook", "eventTypes", List.of("assessment.registered")))
                .when()
                .post("/api/v1/webhooks")
                .then()
                .statusCode(422)
                .body("code", equalTo("webhook-url-refused"));
        as(owner).when().get("/api/v1/webhooks").then().statusCode(200).body("totalItems", equalTo(0));

        String id = subscribe(owner, receiver.url(), "assessment.registered").getString("id");
        as(owner).when().get("/api/v1/webhooks/" + id).then().statusCode(200).body("secret", nullValue());
        as(other)
                .when()
                .get("/api/v1/webhooks/" + id)
                .then()
                .statusCode(404)
                .body("code", equalTo("webhook-not-found"));
        as(other).when().delete("/api/v1/webhooks/" + id).then().statusCode(404);
        as(other).when().get("/api/v1/webhooks").then().body("totalItems", equalTo(0));
        as(Tokens.admin()).when().get("/api/v1/webhooks/" + id).then().statusCode(200);
        as(owner)
                .body(Map.of("status", "paused"))
                .when()
                .patch("/api/v1/webhooks/" + id)
                .then()
                .statusCode(400);
        as(owner)
                .when()
                .get("/api/v1/webhooks/" + id + "/deliveries/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("code", equalTo("delivery-not-found"));
        as(Tokens.apprentice(TestIds.uln(), ukprn, "E1"))
                .when()
                .get("/api/v1/webhooks")
                .then()
                .spec(Problems.problem(403, "forbidden", "role-not-allowed"));

        JsonPath ping = as(owner)
                .when()
                .post("/api/v1/webhooks/" + id + "/ping")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertTrue(ping.getBoolean("delivered"), "ping not delivered: " + ping.getString("error"));
        assertEquals(204, ping.getInt("statusCode"));
        assertTrue(receiver.received().stream()
                .anyMatch(r ->
                        r.id().equals(ping.getString("webhookId")) && r.body().contains("webhook.ping")));

        as(owner).when().delete("/api/v1/webhooks/" + id).then().statusCode(204);
        as(owner).when().get("/api/v1/webhooks/" + id).then().statusCode(404);
    }

    @Test
    void theFeedRefusesCursorsItDidNotGiveAndUnknownTypes() {
        String token = lms("reader-" + TestIds.suffix(), TestIds.ukprn());
        given().auth()
                .oauth2(token)
                .queryParam("after", "not-a-cursor")
                .when()
                .get("/api/v1/events")
                .then()
                .statusCode(400)
                .body("code", equalTo("cursor-invalid"));
        given().auth()
                .oauth2(token)
                .queryParam("types", "assessment.registered,bogus.type")
                .when()
                .get("/api/v1/events")
                .then()
                .statusCode(400)
                .body("code", equalTo("event-type-unknown"));
        given().auth()
                .oauth2(token)
                .queryParam("limit", 0)
                .when()
                .get("/api/v1/events")
                .then()
                .statusCode(400);
        given().when().get("/api/v1/events").then().statusCode(401);
    }

    @Test
    void theFeedPagesInAStableOrderAndFiltersByType() throws Exception {
        String epaoId = AssessmentApi.freshOrganisation();
        String ukprn = TestIds.ukprn();
        String token = lms("pager-" + TestIds.suffix(), ukprn);
        List<String> ulns = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String uln = TestIds.uln();
            ulns.add(uln);
            register(epaoId, uln, ukprn, "EMP-" + uln);
        }
        WebhookReceiver.await("five events", () -> {
            try {
                return feed(token, null).size() == 5;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        List<String> seen = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 10; page++) {
            var request =
                    given().auth().oauth2(token).queryParam("limit", 2).queryParam("types", "assessment.registered");
            if (after != null) {
                request.queryParam("after", after);
            }
            JsonPath json = request.when()
                    .get("/api/v1/events")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            json.getList("events.scope.uln", String.class).forEach(seen::add);
            after = json.getString("next");
            if (!json.getBoolean("hasMore")) {
                break;
            }
        }
        assertEquals(ulns, seen);
        // the cursor at the end gives nothing more, and stays valid
        given().auth()
                .oauth2(token)
                .queryParam("after", after)
                .when()
                .get("/api/v1/events")
                .then()
                .statusCode(200)
                .body("events.size()", equalTo(0))
                .body("next", equalTo(after));
        given().auth()
                .oauth2(token)
                .queryParam("types", "certificate.status-changed")
                .when()
                .get("/api/v1/events")
                .then()
                .statusCode(200)
                .body("events.size()", equalTo(0));
    }

    @Test
    void ingestAcceptsSignedBatchesOnceAndRefusesUnsignedOnes() throws Exception {
        String uln = TestIds.uln();
        String id = UUID.randomUUID().toString();
        String body = "[{\"id\":\"" + id + "\",\"type\":\"evidence.accepted\",\"occurredAt\":\"2026-01-05T10:00:00Z\","
                + "\"source\":\"evidence-service\",\"subject\":{\"kind\":\"evidence\",\"id\":\"e1\"},"
                + "\"apprenticeId\":\"a1\",\"scope\":{\"providerUkprn\":\"10000001\",\"uln\":\"" + uln + "\"},"
                + "\"data\":{\"evidenceId\":\"e1\"}}]";
        long now = Instant.now().getEpochSecond();
        for (int i = 0; i < 2; i++) {
            given().contentType("application/json")
                    .header("webhook-id", "ingest_" + i)
                    .header("webhook-timestamp", Long.toString(now))
                    .header("webhook-signature", WebhookSignatures.sign(INGEST_SECRET, "ingest_" + i, now, body))
                    .body(body)
                    .when()
                    .post("/internal/v1/events")
                    .then()
                    .statusCode(204);
        }
        given().contentType("application/json")
                .header("webhook-id", "ingest_x")
                .header("webhook-timestamp", Long.toString(now))
                .header(
                        "webhook-signature",
                        WebhookSignatures.sign(WebhookSignatures.newSecret(), "ingest_x", now, body))
                .body(body.replace(id, UUID.randomUUID().toString()))
                .when()
                .post("/internal/v1/events")
                .then()
                .statusCode(401)
                .body("code", equalTo("ingest-signature-invalid"));
        WebhookReceiver.await("the ingested event in the feed", () -> {
            try {
                return !feed(Tokens.admin(), uln).isEmpty();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        Thread.sleep(500); // a second copy would have been sequenced by now
        assertEquals(1, feed(Tokens.admin(), uln).size(), "the batch sent twice is stored once");
    }

    @Test
    void retentionRemovesOldEventsAndOlderCursorsExpire() throws Exception {
        String epaoId = AssessmentApi.freshOrganisation();
        String uln = TestIds.uln();
        String start = given().auth()
                .oauth2(Tokens.admin())
                .queryParam("types", "webhook.disabled")
                .when()
                .get("/api/v1/events")
                .then()
                .statusCode(200)
                .extract()
                .path("next");
        register(epaoId, uln, TestIds.ukprn(), "EMP-" + uln);
        WebhookReceiver.await("the event", () -> {
            try {
                return !feed(Tokens.admin(), uln).isEmpty();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        clock.fix(Instant.now().plus(java.time.Duration.ofDays(91)));
        assertTrue(retention.prune() > 0);
        clock.reset();
        assertEquals(List.of(), feed(Tokens.admin(), uln));
        given().auth()
                .oauth2(Tokens.admin())
                .queryParam("after", start)
                .when()
                .get("/api/v1/events")
                .then()
                .statusCode(410)
                .body("code", equalTo("cursor-expired"));
    }
}
