package uk.apprenticeships.st1398.standards;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

    private HttpServer hub;
    private final List<DomainEvent> received = new ArrayList<>();

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
}
