package uk.apprenticeships.st1398.evidence;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.apprenticeships.st1398.evidence.AuditTrailTest.enrol;
import static uk.apprenticeships.st1398.evidence.AuditTrailTest.offTheJob;
import static uk.apprenticeships.st1398.evidence.AuditTrailTest.review;
import static uk.apprenticeships.st1398.evidence.AuditTrailTest.status;
import static uk.apprenticeships.st1398.evidence.EvidenceResourceTest.create;
import static uk.apprenticeships.st1398.evidence.EvidenceResourceTest.reflection;
import static uk.apprenticeships.st1398.evidence.EvidenceResourceTest.step;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResource;
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
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.evidence.events.EventRelay;
import uk.apprenticeships.st1398.platform.events.DomainEvent;
import uk.apprenticeships.st1398.platform.events.EventIngestClient;
import uk.apprenticeships.st1398.platform.events.WebhookSignatures;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/**
 * Domain events in evidence-service: every change listed in docs/events.md puts its event into the changed document
 * in the same write (a refused change puts none), and the relay hands them, signed, to a stub of the hub, removing
 * exactly what the hub acknowledged; while the hub fails, nothing is removed.
 */
@QuarkusTest
@QuarkusTestResource(value = StandardsServiceStub.class, restrictToAnnotatedClass = false)
class EventOutboxTest {

    private static final String SECRET = WebhookSignatures.newSecret();
    private static final String APPRENTICES = "/api/v1/apprentices";

    @Inject
    EventRelay relay;

    @Inject
    ObjectMapper json;

    @Inject
    MongoClient mongo;

    @Inject
    MongoCommands commands;

    private HttpServer hub;
    private final List<DomainEvent> received = new ArrayList<>();
    private final List<Integer> batchSizes = new ArrayList<>();
    private volatile int answer = 204;

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
            int status = signed ? answer : 401;
            if (status == 204) {
                synchronized (received) {
                    List<DomainEvent> batch = json.readValue(body, new TypeReference<List<DomainEvent>>() {});
                    received.addAll(batch);
                    batchSizes.add(batch.size());
                }
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        hub.start();
    }

    @AfterEach
    void stopHub() {
        hub.stop(0);
    }

    private EventIngestClient client() {
        return new EventIngestClient(
                "http://127.0.0.1:" + hub.getAddress().getPort(),
                SECRET,
                Duration.ofSeconds(5),
                json,
                Clock.systemUTC());
    }

    private MongoDatabase db() {
        return mongo.getDatabase("evidence");
    }

    /** Relays until nothing waits; answers the events received about this apprentice, in order. */
    private List<DomainEvent> relayed(String apprenticeId) throws Exception {
        for (int i = 0; i < 50 && relay.relay(client()) > 0; i++) {
            // other test classes' documents may be waiting too
        }
        synchronized (received) {
            return received.stream()
                    .filter(e -> apprenticeId.equals(e.apprenticeId()))
                    .toList();
        }
    }

    private static List<String> types(List<DomainEvent> events) {
        return events.stream().map(DomainEvent::type).toList();
    }

    /** A backlog larger than a round goes in rounds of about batchSize (100) events, not in one oversized batch. */
    @Test
    void aBacklogIsSentInRoundsOfAboutTheBatchSize() throws Exception {
        String ukprn = TestIds.ukprn();
        String tutor = Tokens.tutor(ukprn);
        String a =
                enrol(tutor, "events-backlog", TestIds.uln(), ukprn, TestIds.employerId(), "2018-09-01", "2019-09-01");
        for (int i = 0; i < 65; i++) {
            String e = create(tutor, a, reflection("K1"));
            step(tutor, a, e, "submit", null).statusCode(200);
        }
        List<DomainEvent> events = relayed(a);
        assertEquals(131, events.size(), "the enrolment, and each item's created and submitted");
        assertTrue(batchSizes.size() >= 2, "more than one round: " + batchSizes);
        // A round stops taking documents at 100 events; the last document's events all go with it.
        batchSizes.forEach(n -> assertTrue(n <= 100 + 10, "a batch of " + n + " events"));
    }

    /**
     * What the hub acknowledged is removed by one bulk update per collection, and neither it nor the purge of relayed
     * deletions waits for the journal (repository {@code UnjournaledWrites.relayed}: lost in a crash, the events are
     * sent again and the hub ignores them). Before, two journaled updates per document held the relay below the
     * rate a write load makes events.
     */
    @Test
    void theRelayRemovesWhatTheHubAcknowledgedInOneUnjournaledUpdatePerCollection() throws Exception {
        String ukprn = TestIds.ukprn();
        String tutor = Tokens.tutor(ukprn);
        relayed("nobody"); // what other tests left waiting
        String a = enrol(tutor, "relay-bulk", TestIds.uln(), ukprn, TestIds.employerId(), "2018-09-01", "2019-09-01");
        List<String> items = List.of(
                create(tutor, a, reflection("K1")),
                create(tutor, a, reflection("K2")),
                create(tutor, a, reflection("S1")));

        List<MongoCommands.Sent> sent = commands.during(() -> {
            try {
                assertEquals(4, relay.relay(client()), "the enrolment and three items created");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        String all = MongoCommands.describe(sent);
        List<MongoCommands.Sent> writes = sent.stream()
                .filter(c -> List.of("insert", "update", "delete").contains(c.name()))
                .toList();
        assertFalse(writes.isEmpty(), all);
        writes.forEach(w -> assertEquals(Boolean.FALSE, w.journal(), () -> "unjournaled:\n" + all));
        for (String collection : List.of("apprentices", "evidence")) {
            assertEquals(
                    1,
                    writes.stream()
                            .filter(w ->
                                    w.name().equals("update") && w.collection().equals(collection))
                            .count(),
                    () -> "one update of " + collection + ":\n" + all);
        }
        assertEquals(List.of(), outbox("apprentices", a));
        for (String item : items) {
            assertEquals(List.of(), outbox("evidence", item), item);
            assertFalse(
                    db().getCollection("evidence")
                            .find(Filters.eq("_id", ObjectId.isValid(item) ? new ObjectId(item) : item))
                            .first()
                            .containsKey("outbox"),
                    "an emptied outbox is removed");
        }
    }

    /** A relay round reads only documents with events waiting: each collection it reads has the sparse index. */
    @Test
    void everyCollectionTheRelayReadsHasTheSparseOutboxIndex() {
        for (String collection : List.of("apprentices", "evidence", "offTheJob", "reviews", "apprentice_tombstones")) {
            Document index = db().getCollection(collection).listIndexes().into(new ArrayList<>()).stream()
                    .filter(i -> EventRelay.OUTBOX_INDEX.equals(i.getString("name")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(collection + " has no " + EventRelay.OUTBOX_INDEX));
            assertEquals(new Document("outbox", 1), index.get("key", Document.class), collection);
            assertTrue(index.getBoolean("sparse", false), collection + ": sparse");
        }
    }

    /** Every round's purge looks for documents marked deleted: each collection it reads has a sparse index on it. */
    @Test
    void everyCollectionThePurgeReadsHasTheSparseDeletionIndex() {
        for (String collection : List.of("evidence", "offTheJob")) {
            Document index = db().getCollection(collection).listIndexes().into(new ArrayList<>()).stream()
                    .filter(i -> EventRelay.DELETED_INDEX.equals(i.getString("name")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(collection + " has no " + EventRelay.DELETED_INDEX));
            assertEquals(new Document("deletedAt", 1), index.get("key", Document.class), collection);
            assertTrue(index.getBoolean("sparse", false), collection + ": sparse");
        }
    }

    private List<String> outbox(String collection, String id) {
        Document doc = db().getCollection(collection)
                .find(Filters.eq("_id", ObjectId.isValid(id) ? new ObjectId(id) : id))
                .first();
        return doc == null || doc.getList("outbox", String.class) == null
                ? List.of()
                : doc.getList("outbox", String.class);
    }

    @Test
    void everyChangeOfTheJourneyIsRelayedInOrderAndErasureToo() throws Exception {
        String ukprn = TestIds.ukprn();
        String uln = TestIds.uln();
        String employer = TestIds.employerId();
        String tutor = Tokens.tutor(ukprn);
        String a = enrol(tutor, "events-1", uln, ukprn, employer, "2018-09-01", "2019-09-01");
        assertEquals(1, outbox("apprentices", a).size(), "the enrolment's event is in the apprentice document");
        String e = create(tutor, a, reflection("K1"));
        step(tutor, a, e, "submit", null).statusCode(200);
        step(tutor, a, e, "accept", null).statusCode(200);
        assertEquals(3, outbox("evidence", e).size(), "created, submitted, accepted: in the evidence document");
        EvidenceFileTest.upload(tutor, a, e, "application/pdf", EvidenceFileTest.pdf(3000, 60), "plan.pdf")
                .statusCode(200);
        String o = offTheJob(tutor, a, "2018-10-06", 7.5);
        given().auth()
                .oauth2(tutor)
                .when()
                .post(APPRENTICES + "/" + a + "/off-the-job/" + o + "/approve")
                .then()
                .statusCode(200);
        String r = review(tutor, a, "2018-11-01");
        given().auth()
                .oauth2(Tokens.employer(employer))
                .contentType("application/json")
                .body(Map.of("party", "employer"))
                .when()
                .post(APPRENTICES + "/" + a + "/reviews/" + r + "/sign-off")
                .then()
                .statusCode(200);
        status(tutor, a, "completed", "2019-06-30");

        List<DomainEvent> events = relayed(a);
        assertEquals(
                List.of(
                        "apprentice.enrolled",
                        "evidence.created",
                        "evidence.submitted",
                        "evidence.accepted",
                        "evidence.file-uploaded",
                        "off-the-job.created",
                        "off-the-job.approved",
                        "review.created",
                        "review.signed",
                        "apprentice.status-changed"),
                types(events));
        for (DomainEvent event : events) {
            assertEquals("evidence-service", event.source());
            assertEquals(new DomainEvent.Scope(ukprn, employer, null, uln), event.scope());
            assertFalse(json.writeValueAsString(event).contains("Auditable"), "no names in events");
        }
        assertEquals(List.of(), outbox("apprentices", a), "relayed events leave their documents");
        assertEquals(List.of(), outbox("evidence", e));

        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(Map.of("reason", "Requested by the apprentice"))
                .when()
                .post(APPRENTICES + "/" + a + "/erasure")
                .then()
                .statusCode(200);
        List<DomainEvent> after = relayed(a);
        assertEquals("apprentice.erased", after.get(after.size() - 1).type());
        assertEquals(
                1, types(after).stream().filter("apprentice.erased"::equals).count());
    }

    @Test
    void aRefusedChangeLeavesNoEvent() throws Exception {
        String ukprn = TestIds.ukprn();
        String uln = TestIds.uln();
        String employer = TestIds.employerId();
        String tutor = Tokens.tutor(ukprn);
        String a = enrol(tutor, "events-2", uln, ukprn, employer, "2025-09-01", "2027-09-01");
        String e = create(tutor, a, reflection("K1"));
        // accepting a draft is refused: the document and its outbox stay as they were
        step(tutor, a, e, "accept", null).statusCode(409);
        assertEquals(1, outbox("evidence", e).size());
        // a second enrolment of the same ULN with the same provider is refused: no second apprentice, no event
        given().auth()
                .oauth2(tutor)
                .contentType("application/json")
                .body(Map.of(
                        "uln", uln,
                        "givenName", "Grace",
                        "familyName", "Auditable",
                        "dateOfBirth", "2001-12-10",
                        "providerUkprn", ukprn,
                        "standardVersion", "ST1398_1.0",
                        "startDate", "2025-09-01",
                        "plannedEndDate", "2027-09-01",
                        "employerId", employer))
                .when()
                .post(APPRENTICES)
                .then()
                .statusCode(409);
        assertEquals(List.of("apprentice.enrolled", "evidence.created"), types(relayed(a)));
        synchronized (received) {
            assertEquals(
                    1,
                    received.stream()
                            .filter(ev -> ev.type().equals("apprentice.enrolled")
                                    && uln.equals(ev.scope().uln()))
                            .count());
        }
    }

    @Test
    void whileTheHubFailsNothingLeavesTheOutbox() throws Exception {
        String ukprn = TestIds.ukprn();
        String tutor = Tokens.tutor(ukprn);
        String a = enrol(tutor, "events-3", TestIds.uln(), ukprn, TestIds.employerId(), "2025-09-01", "2027-09-01");
        answer = 503;
        assertThrows(Exception.class, () -> relay.relay(client()));
        assertEquals(1, outbox("apprentices", a).size());
        answer = 204;
        assertEquals(List.of("apprentice.enrolled"), types(relayed(a)));
        assertEquals(List.of(), outbox("apprentices", a));
        assertTrue(relay.relay(client()) >= 0);
        assertEquals(1, relayed(a).size(), "sent once");
    }

    @Test
    void evidenceFromAnXapiStatementIsCreatedWithItsEventOnce() throws Exception {
        String ukprn = TestIds.ukprn();
        String uln = TestIds.uln();
        String a = EvidenceResourceTest.enrol(uln, ukprn, TestIds.employerId(), "ST1398_1.0");
        XapiStatementResourceTest.Lms lms = XapiStatementResourceTest.lms(ukprn);
        String statement = XapiEvidenceTest.about(
                uln,
                java.util.UUID.randomUUID().toString(),
                "http://adlnet.gov/expapi/verbs/completed",
                XapiEvidenceTest.ksbs("K1"),
                "{\"completion\":true}");
        XapiEvidenceTest.send(lms, statement, 200);
        XapiEvidenceTest.send(lms, statement, 200); // the same statement again: no second item, no second event
        String e = XapiEvidenceTest.evidence(ukprn, a).extract().path("items[0].id");
        assertEquals(1, outbox("evidence", e).size(), "evidence.created is in the inserted evidence document");

        List<DomainEvent> created =
                relayed(a).stream().filter(ev -> ev.subject().id().equals(e)).toList();
        assertEquals(List.of("evidence.created"), types(created));
        assertEquals("created", created.get(0).data().get("action"));
        assertEquals("draft", created.get(0).data().get("status"));
        assertEquals(uln, created.get(0).scope().uln());
        assertEquals(ukprn, created.get(0).scope().providerUkprn());
        assertTrue(outbox("evidence", e).isEmpty(), "relayed and removed");
    }

    @Test
    void changedIdentifiersEmitApprenticeChangedAndARefusedChangeEmitsNothing() throws Exception {
        String ukprn = TestIds.ukprn();
        String tutor = Tokens.tutor(ukprn);
        String a = EvidenceResourceTest.enrol(TestIds.uln(), ukprn, TestIds.employerId(), "ST1398_1.0");
        String b = EvidenceResourceTest.enrol(TestIds.uln(), ukprn, TestIds.employerId(), "ST1398_1.0");
        relayed(a);
        relayed(b);
        String ref = "LRN" + TestIds.suffix();
        identifiers(tutor, a, ref).statusCode(200);
        List<DomainEvent> changed = relayed(a).stream()
                .filter(ev -> ev.type().equals("apprentice.changed"))
                .toList();
        assertEquals(1, changed.size());
        assertEquals("identifiers", changed.get(0).data().get("changed"));
        assertFalse(changed.get(0).data().containsValue(ref), "the identifiers themselves are not in the event");
        // The same identifiers again: nothing changed, no event.
        identifiers(tutor, a, ref).statusCode(200);
        assertEquals(
                1,
                relayed(a).stream()
                        .filter(ev -> ev.type().equals("apprentice.changed"))
                        .count(),
                "a PUT that changes nothing emits nothing");

        // b may not take a's learner reference: 409, and no event for b.
        identifiers(tutor, b, ref).statusCode(409);
        assertTrue(outbox("apprentices", b).isEmpty(), "the refused update pushed nothing");
        assertEquals(
                List.of("apprentice.enrolled"),
                types(relayed(b)),
                "only b's enrolment: the refused change left no event");
    }

    @Test
    void voidingAStatementWithdrawsItsDraftsWithTheirEventsAndTheRelayThenRemovesThem() throws Exception {
        String ukprn = TestIds.ukprn();
        String uln = TestIds.uln();
        String a = EvidenceResourceTest.enrol(uln, ukprn, TestIds.employerId(), "ST1398_1.0");
        XapiStatementResourceTest.Lms lms = XapiStatementResourceTest.lms(ukprn);
        String id = java.util.UUID.randomUUID().toString();
        XapiEvidenceTest.send(
                lms,
                XapiEvidenceTest.about(
                        uln,
                        id,
                        "http://adlnet.gov/expapi/verbs/passed",
                        XapiEvidenceTest.ksbs("K3") + ",\""
                                + uk.apprenticeships.st1398.evidence.xapi.XapiEvidence.OFF_THE_JOB_EXTENSION
                                + "\":true",
                        "{\"duration\":\"PT2H\"}"),
                200);
        String e = XapiEvidenceTest.evidence(ukprn, a).extract().path("items[0].id");
        String o = XapiEvidenceTest.offTheJob(ukprn, a).extract().path("items[0].id");
        assertEquals(1, outbox("offTheJob", o).size(), "off-the-job.created is in the inserted entry");
        // The voiding statement arrives before the creations were relayed: both events of each record wait in it.
        XapiEvidenceTest.send(
                lms,
                "{\"actor\":{\"mbox\":\"mailto:lms@example.org\"},\"verb\":{\"id\":\""
                        + uk.apprenticeships.st1398.evidence.xapi.StatementValidator.VOIDED
                        + "\"},\"object\":{\"objectType\":\"StatementRef\",\"id\":\"" + id + "\"}}",
                200);
        XapiEvidenceTest.evidence(ukprn, a).body("items", org.hamcrest.Matchers.hasSize(0));
        XapiEvidenceTest.offTheJob(ukprn, a).body("items", org.hamcrest.Matchers.hasSize(0));
        given().auth()
                .oauth2(Tokens.tutor(ukprn))
                .get(APPRENTICES + "/" + a + "/evidence/" + e)
                .then()
                .statusCode(404);
        assertEquals(2, outbox("evidence", e).size(), "created and withdrawn wait in the marked draft");
        assertEquals(2, outbox("offTheJob", o).size());

        List<DomainEvent> events = relayed(a);
        assertEquals(
                List.of("evidence.created", "evidence.withdrawn"),
                types(events.stream().filter(ev -> ev.subject().id().equals(e)).toList()));
        assertEquals(
                List.of("off-the-job.created", "off-the-job.deleted"),
                types(events.stream().filter(ev -> ev.subject().id().equals(o)).toList()));
        DomainEvent withdrawn = events.stream()
                .filter(ev -> ev.type().equals("evidence.withdrawn"))
                .findFirst()
                .orElseThrow();
        assertEquals("withdrawn", withdrawn.data().get("action"));
        assertEquals(uln, withdrawn.scope().uln());
        assertEquals(ukprn, withdrawn.scope().providerUkprn());
        DomainEvent deleted = events.stream()
                .filter(ev -> ev.type().equals("off-the-job.deleted"))
                .findFirst()
                .orElseThrow();
        assertEquals("withdrawn", deleted.data().get("action"));
        assertFalse(deleted.data().containsKey("activity"), "no free text");
        // Relayed: the marked documents are gone.
        assertEquals(0, db().getCollection("evidence").countDocuments(Filters.eq("_id", new ObjectId(e))));
        assertEquals(0, db().getCollection("offTheJob").countDocuments(Filters.eq("_id", new ObjectId(o))));
    }

    @Test
    void offTheJobEntriesLoggedChangedAndDeletedRecordTheirEventsAndRefusedChangesNone() throws Exception {
        String ukprn = TestIds.ukprn();
        String tutor = Tokens.tutor(ukprn);
        String a = enrol(tutor, "events-5", TestIds.uln(), ukprn, TestIds.employerId(), "2025-09-01", "2027-09-01");
        String o = offTheJob(tutor, a, "2025-10-06", 3.5);
        given().auth()
                .oauth2(tutor)
                .contentType("application/json")
                .body(Map.of("date", "2025-10-07", "hours", 4, "activity", "Workshop", "version", 1))
                .when()
                .put(APPRENTICES + "/" + a + "/off-the-job/" + o)
                .then()
                .statusCode(200);
        // A stale version is refused (409): no event.
        given().auth()
                .oauth2(tutor)
                .contentType("application/json")
                .body(Map.of("date", "2025-10-08", "hours", 5, "activity", "Workshop", "version", 1))
                .when()
                .put(APPRENTICES + "/" + a + "/off-the-job/" + o)
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(tutor)
                .when()
                .delete(APPRENTICES + "/" + a + "/off-the-job/" + o)
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(tutor)
                .when()
                .get(APPRENTICES + "/" + a + "/off-the-job/" + o)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(tutor)
                .when()
                .delete(APPRENTICES + "/" + a + "/off-the-job/" + o)
                .then()
                .statusCode(404);
        List<DomainEvent> events =
                relayed(a).stream().filter(ev -> ev.subject().id().equals(o)).toList();
        assertEquals(List.of("off-the-job.created", "off-the-job.changed", "off-the-job.deleted"), types(events));
        assertEquals("2025-10-07", events.get(1).data().get("date"));
        assertEquals(4.0, ((Number) events.get(1).data().get("hours")).doubleValue());
        assertEquals("deleted", events.get(2).data().get("action"));
        assertEquals(0, db().getCollection("offTheJob").countDocuments(Filters.eq("_id", new ObjectId(o))));
    }

    @Test
    void erasureKeepsTheEventsStillWaitingInTheRecordsItDeletes() throws Exception {
        String ukprn = TestIds.ukprn();
        String tutor = Tokens.tutor(ukprn);
        String a = enrol(tutor, "events-6", TestIds.uln(), ukprn, TestIds.employerId(), "2018-09-01", "2019-09-01");
        String e = create(tutor, a, reflection("K1"));
        status(tutor, a, "withdrawn", "2019-01-31");
        // Nothing relayed yet: enrolled and status-changed wait in the apprentice, created in the evidence.
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(Map.of("reason", "Requested by the apprentice"))
                .when()
                .post(APPRENTICES + "/" + a + "/erasure")
                .then()
                .statusCode(200);
        assertEquals(0, db().getCollection("evidence").countDocuments(Filters.eq("_id", new ObjectId(e))));
        assertEquals(
                List.of("apprentice.enrolled", "evidence.created", "apprentice.status-changed", "apprentice.erased"),
                types(relayed(a)));
    }

    @Test
    void reviewsCreatedAndChangedRecordTheirEventsWithoutTheirText() throws Exception {
        String ukprn = TestIds.ukprn();
        String tutor = Tokens.tutor(ukprn);
        String a = enrol(tutor, "events-7", TestIds.uln(), ukprn, TestIds.employerId(), "2025-09-01", "2027-09-01");
        String r = review(tutor, a, "2025-11-01");
        Map<String, Object> edit =
                Map.of("date", "2025-11-02", "summary", "Going very well", "nextSteps", "Finish it", "version", 1);
        given().auth()
                .oauth2(tutor)
                .contentType("application/json")
                .body(edit)
                .when()
                .put(APPRENTICES + "/" + a + "/reviews/" + r)
                .then()
                .statusCode(200);
        given().auth() // stale version: refused, no event
                .oauth2(tutor)
                .contentType("application/json")
                .body(edit)
                .when()
                .put(APPRENTICES + "/" + a + "/reviews/" + r)
                .then()
                .statusCode(409);
        List<DomainEvent> events =
                relayed(a).stream().filter(ev -> ev.subject().id().equals(r)).toList();
        assertEquals(List.of("review.created", "review.changed"), types(events));
        assertEquals("2025-11-02", events.get(1).data().get("date"));
        assertEquals(2, ((Number) events.get(1).data().get("version")).intValue());
        assertFalse(json.writeValueAsString(events).contains("Going"), "no free text");
    }

    @Test
    void theProviderRegisterRecordsItsChangesForThatProvider() throws Exception {
        String ukprn = TestIds.ukprn();
        for (String name : List.of("Events Training Ltd", "Events Training Limited")) {
            given().auth()
                    .oauth2(Tokens.admin())
                    .contentType("application/json")
                    .body(Map.of("name", name))
                    .when()
                    .put("/api/v1/providers/" + ukprn)
                    .then()
                    .statusCode(
                            org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)));
        }
        relayed("none");
        List<DomainEvent> events;
        synchronized (received) {
            events = received.stream()
                    .filter(ev -> ev.subject().equals(new DomainEvent.Subject("provider", ukprn)))
                    .toList();
        }
        assertEquals(List.of("provider.changed", "provider.changed"), types(events));
        assertEquals(
                List.of("created", "updated"),
                events.stream().map(ev -> ev.data().get("action")).toList());
        assertEquals(
                new DomainEvent.Scope(ukprn, null, null, null), events.get(0).scope());
        assertFalse(json.writeValueAsString(events).contains("Events Training"), "the name is not in the event");
        assertEquals(List.of(), outbox("providers", ukprn));
    }

    private static io.restassured.response.ValidatableResponse identifiers(String token, String id, String ref) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Map.of("learnerReference", ref))
                .put(APPRENTICES + "/" + id + "/identifiers")
                .then();
    }
}
