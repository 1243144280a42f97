package uk.apprenticeships.st1398.standards;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.apprenticeships.st1398.standards.FeedItems.item;
import static uk.apprenticeships.st1398.standards.FeedItems.json;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.platform.events.DomainEvent;
import uk.apprenticeships.st1398.platform.events.EventIngestClient;
import uk.apprenticeships.st1398.platform.events.WebhookSignatures;
import uk.apprenticeships.st1398.standards.events.EventRelay;
import uk.apprenticeships.st1398.testing.Tokens;

/**
 * An imported item records standard-version.imported (or .changed) in its own transaction; a rejected item and an
 * unchanged one record nothing; the relay hands the events, signed, to a stub hub and deletes what it acknowledged.
 */
@QuarkusTest
class EventOutboxTest {

    private static final String SECRET = WebhookSignatures.newSecret();

    @Inject
    EventRelay relay;

    @Inject
    ObjectMapper mapper;

    @Inject
    uk.apprenticeships.st1398.standards.service.SeedLoader seed;

    private HttpServer hub;
    // Static: the events of the start-up seed may be relayed by whichever test runs first.
    private static final List<DomainEvent> received = new ArrayList<>();

    @BeforeEach
    void startHub() throws Exception {
        hub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hub.createContext(EventIngestClient.PATH, exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean signed = WebhookSignatures.verify(
                    SECRET,
                    exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"),
                    body,
                    Instant.now());
            if (signed) {
                synchronized (received) {
                    received.addAll(mapper.readValue(body, new TypeReference<List<DomainEvent>>() {}));
                }
            }
            exchange.sendResponseHeaders(signed ? 204 : 401, -1);
            exchange.close();
        });
        hub.start();
    }

    @AfterEach
    void stopHub() {
        hub.stop(0);
    }

    private List<DomainEvent> relayed(String key) throws Exception {
        EventIngestClient client = new EventIngestClient(
                "http://127.0.0.1:" + hub.getAddress().getPort(),
                SECRET,
                Duration.ofSeconds(5),
                mapper,
                Clock.systemUTC());
        for (int i = 0; i < 50 && relay.relay(client) > 0; i++) {
            // the seed's events may be waiting too
        }
        synchronized (received) {
            return received.stream().filter(e -> key.equals(e.subject().id())).toList();
        }
    }

    private static void importItems(List<Map<String, Object>> items, int created, int rejected) {
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(json(items))
                .when()
                .post("/api/v1/standards/import")
                .then()
                .statusCode(200)
                .body("summary.created", equalTo(created))
                .body("summary.rejected", equalTo(rejected));
    }

    @Test
    void importsRecordTheirEventsAndRejectedItemsNone() throws Exception {
        importItems(List.of(item("ST0993", "1.0", "In development"), item("XX0993", "1.0", "In development")), 1, 1);
        List<DomainEvent> events = relayed("ST0993_1.0");
        assertEquals(1, events.size());
        assertEquals("standard-version.imported", events.get(0).type());
        assertEquals(DomainEvent.Scope.PUBLIC, events.get(0).scope());
        assertEquals("ST0993", events.get(0).data().get("standardReference"));
        synchronized (received) {
            assertEquals(
                    0,
                    received.stream()
                            .filter(e -> e.subject().id().startsWith("XX0993"))
                            .count());
        }
        // the same item again changes nothing and records nothing; a changed status records standard-version.changed
        importItems(List.of(item("ST0993", "1.0", "In development")), 0, 0);
        assertEquals(1, relayed("ST0993_1.0").size());
        importItems(List.of(item("ST0993", "1.0", "Approved for delivery")), 0, 0);
        List<DomainEvent> after = relayed("ST0993_1.0");
        assertEquals(
                List.of("standard-version.imported", "standard-version.changed"),
                after.stream().map(DomainEvent::type).toList());
        assertEquals(
                0,
                relay.relay(new EventIngestClient(
                        "http://127.0.0.1:" + hub.getAddress().getPort(),
                        SECRET,
                        Duration.ofSeconds(5),
                        mapper,
                        Clock.systemUTC())),
                "everything sent was deleted from the outbox");
    }

    private EventIngestClient client() {
        return new EventIngestClient(
                "http://127.0.0.1:" + hub.getAddress().getPort(),
                SECRET,
                Duration.ofSeconds(5),
                mapper,
                Clock.systemUTC());
    }

    private static Map<String, Object> standard(String reference, String title, String route) {
        return Map.of(
                "reference",
                reference,
                "title",
                title,
                "level",
                4,
                "route",
                route,
                "typicalJobTitles",
                List.of("Data technician"));
    }

    private static io.restassured.response.ValidatableResponse write(String method, String path, Object body) {
        return given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(body)
                .when()
                .request(method, path)
                .then();
    }

    @Test
    void standardCreatedAndChangedRecordWhatChangedAndRefusedOrEmptyChangesNothing() throws Exception {
        write("POST", "/api/v1/standards", standard("ST0994", "Events one", "Digital"))
                .statusCode(201);
        List<DomainEvent> events = relayed("ST0994");
        assertEquals(1, events.size());
        assertEquals("standard.changed", events.get(0).type());
        assertEquals(
                new DomainEvent.Subject("standard", "ST0994"), events.get(0).subject());
        assertEquals(DomainEvent.Scope.PUBLIC, events.get(0).scope());
        assertEquals("created", events.get(0).data().get("action"));
        assertEquals(
                List.of("title", "level", "route", "typicalJobTitles"),
                events.get(0).data().get("fields"));

        // Two fields changed: named, their values not in the event.
        write("PUT", "/api/v1/standards/ST0994", standard("ST0994", "Events renamed", "Business"))
                .statusCode(200);
        events = relayed("ST0994");
        assertEquals(2, events.size());
        assertEquals("updated", events.get(1).data().get("action"));
        assertEquals(List.of("title", "route"), events.get(1).data().get("fields"));
        assertEquals(
                Map.of("standardReference", "ST0994", "action", "updated", "fields", List.of("title", "route")),
                events.get(1).data());

        // The same again changes nothing and records nothing; refused writes record nothing.
        write("PUT", "/api/v1/standards/ST0994", standard("ST0994", "Events renamed", "Business"))
                .statusCode(200);
        write("PUT", "/api/v1/standards/ST0994", standard("ST0995", "Other", "Business"))
                .statusCode(400);
        write("POST", "/api/v1/standards", standard("ST0994", "Again", "Digital"))
                .statusCode(409);
        write("PUT", "/api/v1/standards/ST0994", Map.of("reference", "ST0994")).statusCode(400);
        assertEquals(2, relayed("ST0994").size());
        assertEquals(0, relay.relay(client()), "everything sent was deleted from the outbox");
    }

    @Test
    void anAssessmentPlanChangeRecordsStandardVersionChangedNamingTheSections() throws Exception {
        String plan = "/api/v1/standards/ST1398/versions/1.0/assessment-plan";
        com.fasterxml.jackson.databind.node.ObjectNode original =
                (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(given().when()
                        .get(plan)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        int before = relayed("ST1398_1.0").size();
        try {
            com.fasterxml.jackson.databind.node.ObjectNode changed = original.deepCopy();
            changed.put("sourceNote", "Changed by EventOutboxTest");
            write("PUT", plan, changed.toString()).statusCode(200);
            List<DomainEvent> events = relayed("ST1398_1.0");
            assertEquals(before + 1, events.size());
            DomainEvent event = events.get(events.size() - 1);
            assertEquals("standard-version.changed", event.type());
            assertEquals("assessment-plan", event.data().get("changed"));
            assertEquals(List.of("sourceNote"), event.data().get("sections"));
            assertEquals("ST1398_1.0", event.data().get("key"));

            // Refused plans record nothing: a negative assessment period (400), a stale If-Match (412).
            com.fasterxml.jackson.databind.node.ObjectNode invalid = changed.deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) invalid.get("assessmentPeriod")).put("months", -1);
            write("PUT", plan, invalid.toString()).statusCode(400);
            given().auth()
                    .oauth2(Tokens.admin())
                    .contentType("application/json")
                    .header("If-Match", "\"stale\"")
                    .body(changed.toString())
                    .when()
                    .put(plan)
                    .then()
                    .statusCode(412);
            assertEquals(before + 1, relayed("ST1398_1.0").size());
            // The same plan again is stored as a new revision (new ETag): its event names no section.
            write("PUT", plan, changed.toString()).statusCode(200);
            events = relayed("ST1398_1.0");
            assertEquals(before + 2, events.size());
            assertEquals(List.of(), events.get(events.size() - 1).data().get("sections"));
        } finally {
            write("PUT", plan, original.toString()).statusCode(200);
        }
        List<DomainEvent> events = relayed("ST1398_1.0");
        assertEquals(before + 3, events.size(), "restoring the plan is a change too");
        assertEquals(List.of("sourceNote"), events.get(events.size() - 1).data().get("sections"));
    }

    @Test
    void theSeedRecordsWhatItInsertedOrFilled() throws Exception {
        // The seed ran at start-up: it filled the version the migrations created (standard-version.changed) and
        // stored its assessment plan, each recorded.
        List<DomainEvent> events = relayed("ST1398_1.0");
        assertTrue(
                events.stream()
                        .anyMatch(e -> e.type().equals("standard-version.changed")
                                && "seed".equals(e.data().get("changed"))),
                events.toString());
        assertTrue(
                events.stream().anyMatch(e -> "assessment-plan".equals(e.data().get("changed"))), events.toString());
        // Loading it again changes nothing and records nothing.
        int before = events.size();
        seed.load();
        seed.loadAssessmentPlans();
        assertEquals(before, relayed("ST1398_1.0").size());
    }
}
