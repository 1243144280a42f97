package uk.apprenticeships.st1398.evidence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.apprenticeships.st1398.evidence.AuditTrailTest.APPRENTICES;
import static uk.apprenticeships.st1398.evidence.AuditTrailTest.allEvents;
import static uk.apprenticeships.st1398.evidence.AuditTrailTest.assertChain;
import static uk.apprenticeships.st1398.evidence.AuditTrailTest.enrol;
import static uk.apprenticeships.st1398.evidence.AuditTrailTest.offTheJob;
import static uk.apprenticeships.st1398.evidence.AuditTrailTest.review;
import static uk.apprenticeships.st1398.evidence.AuditTrailTest.status;
import static uk.apprenticeships.st1398.evidence.EvidenceResourceTest.create;
import static uk.apprenticeships.st1398.evidence.EvidenceResourceTest.reflection;
import static uk.apprenticeships.st1398.evidence.EvidenceResourceTest.step;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.evidence.service.FileNames;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.TestClock;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/** Subject-access export and erasure with retention. */
@QuarkusTest
class GovernanceTest {

    /** Fresh ids for this class's records: the database is shared, so no two test classes meet. */
    static final String EMPLOYER_1 = TestIds.employerId();

    static final String EMPLOYER_2 = TestIds.employerId();
    static final String EMPLOYER_3 = TestIds.employerId();
    static final String EMPLOYER_4 = TestIds.employerId();
    static final String UKPRN_1 = TestIds.ukprn();
    static final String UKPRN_2 = TestIds.ukprn();
    static final String UKPRN_3 = TestIds.ukprn();
    static final String UKPRN_4 = TestIds.ukprn();
    static final String UKPRN_5 = TestIds.ukprn();
    static final String UKPRN_6 = TestIds.ukprn();
    static final String ULN_1 = TestIds.uln();
    static final String ULN_2 = TestIds.uln();
    static final String ULN_3 = TestIds.uln();
    static final String ULN_4 = TestIds.uln();
    static final String ULN_5 = TestIds.uln();

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    MongoClient mongo;

    @Inject
    TestClock clock;

    MongoDatabase db() {
        return mongo.getDatabase("evidence");
    }

    static ValidatableResponse export(String token, String apprenticeId) {
        return given().auth()
                .oauth2(token)
                .when()
                .get(APPRENTICES + "/" + apprenticeId + "/subject-access-export")
                .then();
    }

    static ValidatableResponse erase(String token, String apprenticeId, Object body) {
        var request = given().auth().oauth2(token).contentType("application/json");
        if (body != null) {
            request.body(body);
        }
        return request.when()
                .post(APPRENTICES + "/" + apprenticeId + "/erasure")
                .then();
    }

    static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                in.transferTo(out);
                entries.put(entry.getName(), out.toByteArray());
            }
        }
        return entries;
    }

    /** An apprentice with evidence (two revisions, each with a file), off-the-job and a review. */
    record Record(String apprentice, String evidence, byte[] first, byte[] second) {}

    Record populated(
            String tutor, String uln, String ukprn, String employer, String start, String end, String activityDate) {
        String a = enrol(tutor, "gov-" + uln, uln, ukprn, employer, start, end);
        String e = create(tutor, a, reflection("K1"));
        byte[] first = EvidenceFileTest.pdf(70_000, 1);
        byte[] second = EvidenceFileTest.pdf(120_000, 2);
        EvidenceFileTest.upload(tutor, a, e, "application/pdf", first, "plan.pdf")
                .statusCode(200);
        step(tutor, a, e, "submit", null).statusCode(200);
        step(tutor, a, e, "accept", null).statusCode(200);
        EvidenceFileTest.upload(tutor, a, e, "application/pdf", second, "plan v2?.pdf")
                .statusCode(200)
                .body("revision", equalTo(2));
        offTheJob(tutor, a, activityDate, 7.5);
        review(tutor, a, activityDate);
        return new Record(a, e, first, second);
    }

    @Test
    void exportHoldsTheWholeRecordWithAManifest() throws Exception {
        String tutor = Tokens.tutor(UKPRN_1);
        Record r = populated(tutor, ULN_1, UKPRN_1, EMPLOYER_1, "2025-09-01", "2027-09-01", "2025-10-06");
        String apprentice = Tokens.apprentice(ULN_1, UKPRN_1, EMPLOYER_1);

        var response = export(apprentice, r.apprentice())
                .statusCode(200)
                .contentType("application/zip")
                .header("Content-Disposition", containsString("subject-access-" + r.apprentice() + ".zip"))
                .extract();
        Map<String, byte[]> zip = unzip(response.asByteArray());
        String firstPath = "files/" + r.evidence() + "/1/plan.pdf";
        String secondPath = "files/" + r.evidence() + "/2/" + FileNames.sanitise("plan v2?.pdf");
        assertEquals(
                List.of(
                        "apprentice.json",
                        "evidence.json",
                        "off-the-job.json",
                        "reviews.json",
                        "audit-events.json",
                        firstPath,
                        secondPath,
                        "manifest.json"),
                new ArrayList<>(zip.keySet()));
        assertArrayEquals(r.first(), zip.get(firstPath));
        assertArrayEquals(r.second(), zip.get(secondPath));

        JsonNode manifest = JSON.readTree(zip.get("manifest.json"));
        assertEquals(r.apprentice(), manifest.get("apprenticeId").asText());
        assertEquals(zip.size() - 1, manifest.get("entries").size());
        for (JsonNode entry : manifest.get("entries")) {
            byte[] bytes = zip.get(entry.get("path").asText());
            assertNotNull(bytes, entry.toString());
            assertEquals(bytes.length, entry.get("size").asLong(), entry.toString());
            assertEquals(EvidenceFileTest.sha256(bytes), entry.get("sha256").asText(), entry.toString());
        }

        JsonNode a = JSON.readTree(zip.get("apprentice.json"));
        assertEquals(ULN_1, a.get("uln").asText());
        assertEquals("active", a.get("statusHistory").get(0).get("status").asText());
        JsonNode evidence = JSON.readTree(zip.get("evidence.json"));
        assertEquals(1, evidence.size());
        assertEquals(2, evidence.get(0).get("current").get("revision").asInt());
        assertEquals(
                EvidenceFileTest.sha256(r.second()),
                evidence.get(0).get("current").get("file").get("sha256").asText());
        assertEquals(1, evidence.get(0).get("revisions").size());
        assertEquals(
                "accepted",
                evidence.get(0).get("revisions").get(0).get("status").asText());
        List<String> steps = new ArrayList<>();
        evidence.get(0).get("history").forEach(s -> steps.add(s.get("action").asText()));
        assertEquals(List.of("created", "file-uploaded", "submitted", "accepted", "revised", "file-uploaded"), steps);
        assertEquals(1, JSON.readTree(zip.get("off-the-job.json")).size());
        assertEquals(
                "Going well",
                JSON.readTree(zip.get("reviews.json")).get(0).get("summary").asText());
        JsonNode audit = JSON.readTree(zip.get("audit-events.json"));
        assertEquals(
                "apprentice.subject-access-exported",
                audit.get(audit.size() - 1).get("action").asText());
        assertEquals(
                "apprentice-" + ULN_1 + "-subject",
                audit.get(audit.size() - 1).get("actor").asText());

        // Who may export: the apprentice themself, their provider's tutors, admins; nobody else.
        export(tutor, r.apprentice()).statusCode(200);
        export(Tokens.admin(), r.apprentice()).statusCode(200);
        export(Tokens.tutor(UKPRN_2), r.apprentice()).spec(Problems.problem(404, "not-found"));
        export(Tokens.apprentice(ULN_2, UKPRN_1, EMPLOYER_1), r.apprentice()).spec(Problems.problem(404, "not-found"));
        export(Tokens.employer(EMPLOYER_1), r.apprentice()).spec(Problems.problem(403, "forbidden"));
        export(tutor, "0123456789abcdef01234567").spec(Problems.problem(404, "not-found"));
        List<Map<String, Object>> events = allEvents(r.apprentice());
        assertEquals(
                3,
                events.stream()
                        .filter(e -> "apprentice.subject-access-exported".equals(e.get("action")))
                        .count());
        assertChain(events);
    }

    @Test
    void erasureIsRefusedWhileRetentionOrStatusForbidsIt() {
        String tutor = Tokens.tutor(UKPRN_3);
        Record active = populated(tutor, ULN_3, UKPRN_3, EMPLOYER_2, "2025-09-01", "2027-09-01", "2025-10-06");
        String admin = Tokens.admin();
        Map<String, Object> reason = Map.of("reason", "Requested by the apprentice");
        String before = snapshot(active.apprentice());
        long events = allEvents(active.apprentice()).size();

        erase(admin, active.apprentice(), reason)
                .spec(Problems.problem(409, "conflict", "apprentice-not-closed"))
                .body("apprenticeStatus", equalTo("active"))
                .body("detail", containsString("completed or withdrawn"));
        erase(tutor, active.apprentice(), reason).spec(Problems.problem(403, "forbidden"));
        erase(Tokens.apprentice(ULN_3, UKPRN_3, EMPLOYER_2), active.apprentice(), reason)
                .spec(Problems.problem(403, "forbidden"));
        erase(admin, active.apprentice(), Map.of("reason", " ")).spec(Problems.invalid("reason"));
        erase(admin, active.apprentice(), Map.of()).spec(Problems.invalid("reason"));
        erase(admin, active.apprentice(), Map.of("reason", "x".repeat(2001))).spec(Problems.invalid("reason"));
        erase(admin, "not-an-id", reason).spec(Problems.invalid("id"));
        erase(admin, active.apprentice(), null).spec(Problems.problem(400, "validation-failed"));
        erase(admin, active.apprentice(), "{\"reason\": ").spec(Problems.problem(400, "malformed-request-body"));
        erase(admin, "0123456789abcdef01234567", reason).spec(Problems.problem(404, "not-found"));
        assertEquals(before, snapshot(active.apprentice()));

        // Completed within the retention period: 409 naming the date it may be erased from.
        status(tutor, active.apprentice(), "completed", "2026-06-30");
        String completed = snapshot(active.apprentice());
        erase(admin, active.apprentice(), reason)
                .spec(Problems.problem(409, "conflict", "retention-period-not-over"))
                .body("retainUntil", equalTo("2032-06-30"))
                .body("apprenticeStatus", equalTo("completed"));
        assertEquals(completed, snapshot(active.apprentice()));
        assertEquals(1, db().getCollection("evidence").countDocuments(apprenticeIs(active.apprentice())));
        assertEquals(2, files(active.apprentice()));
        assertEquals(1, db().getCollection("offTheJob").countDocuments(apprenticeIs(active.apprentice())));
        assertEquals(1, db().getCollection("reviews").countDocuments(apprenticeIs(active.apprentice())));
        // Only the status change was added to the trail: refusals change nothing.
        assertEquals(events + 1, allEvents(active.apprentice()).size());
    }

    @Test
    void erasureAfterRetentionLeavesOnlyTheTombstoneAndTheAuditTrail() throws Exception {
        String tutor = Tokens.tutor(UKPRN_4);
        Record r = populated(tutor, ULN_4, UKPRN_4, EMPLOYER_3, "2018-09-01", "2019-09-01", "2019-01-10");
        String a = r.apprentice();
        String key = given().auth()
                .oauth2(tutor)
                .header("Idempotency-Key", "gov-key-1")
                .contentType("application/json")
                .body(reflection("K2"))
                .when()
                .post(APPRENTICES + "/" + a + "/evidence")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertEquals(
                1, db().getCollection("idempotency_keys").countDocuments(Filters.eq("evidenceId", new ObjectId(key))));
        status(tutor, a, "completed", "2019-06-30");
        List<Map<String, Object>> beforeErasure = allEvents(a);
        List<ObjectId> gridIds = db().getCollection("evidence_files.files")
                .find(Filters.eq("metadata.apprenticeId", new ObjectId(a)))
                .map(d -> d.getObjectId("_id"))
                .into(new ArrayList<>());
        assertEquals(2, gridIds.size());
        assertTrue(db().getCollection("evidence_files.chunks").countDocuments(Filters.in("files_id", gridIds)) > 0);

        String admin = Tokens.admin();
        erase(admin, a, Map.of("reason", " Apprentice asked, ticket 4711 "))
                .statusCode(200)
                .body("apprenticeId", equalTo(a))
                .body("providerUkprn", equalTo(UKPRN_4))
                .body("erasedBy", equalTo("admin1-subject"))
                .body("reason", equalTo("Apprentice asked, ticket 4711"))
                .body("deleted.evidence", equalTo(2))
                .body("deleted.files", equalTo(2))
                .body("deleted.offTheJobEntries", equalTo(1))
                .body("deleted.reviews", equalTo(1))
                .body("deleted.idempotencyKeys", equalTo(1));

        assertEquals(0, db().getCollection("evidence").countDocuments(apprenticeIs(a)));
        assertEquals(0, files(a));
        assertEquals(0, db().getCollection("evidence_files.chunks").countDocuments(Filters.in("files_id", gridIds)));
        assertEquals(0, db().getCollection("offTheJob").countDocuments(apprenticeIs(a)));
        assertEquals(0, db().getCollection("reviews").countDocuments(apprenticeIs(a)));
        assertEquals(
                0, db().getCollection("idempotency_keys").countDocuments(Filters.eq("evidenceId", new ObjectId(key))));
        assertEquals(0, db().getCollection("apprentices").countDocuments(Filters.eq("_id", new ObjectId(a))));
        Document tombstone = db().getCollection("apprentice_tombstones")
                .find(Filters.eq("_id", new ObjectId(a)))
                .first();
        assertNotNull(tombstone);
        // Until the relay hands them to the event hub, the tombstone also carries its apprentice.erased event, last,
        // and the events that still waited in the deleted records (docs/events.md): ids only, no ULN.
        List<String> pending = tombstone.getList("outbox", String.class);
        assertTrue(pending.get(pending.size() - 1).contains("\"type\":\"apprentice.erased\""));
        assertEquals(
                1,
                pending.stream()
                        .filter(p -> p.contains("\"type\":\"apprentice.erased\""))
                        .count());
        assertTrue(pending.stream().noneMatch(p -> p.contains(ULN_4)), "no ULN in the tombstone's events");
        tombstone.remove("outbox");
        assertEquals(Set.of("_id", "providerUkprn", "erased", "reason"), tombstone.keySet());
        assertTrue(tombstone.get("erased", Document.class).keySet().containsAll(Set.of("subject", "role", "at")));
        assertTrue(!tombstone.toJson().contains(ULN_4) && !tombstone.toJson().contains("Grace"));

        // The audit trail is intact, and records the erasure.
        List<Map<String, Object>> after = allEvents(a);
        assertEquals(beforeErasure, after.subList(0, beforeErasure.size()));
        assertEquals(
                List.of("apprentice.erasure-started", "apprentice.erased"),
                after.subList(beforeErasure.size(), after.size()).stream()
                        .map(m -> m.get("action"))
                        .toList());
        assertChain(after);
        AuditTrailTest.assertDigestContinuity(after);
        AuditTrailTest.events(tutor, a, "?action=apprentice.erased")
                .statusCode(200)
                .body("items.actor", hasItems("admin1-subject"));

        // Everything else answers 410 to those who could see the apprentice, 404 to everyone else.
        for (String token : List.of(admin, tutor)) {
            given().auth()
                    .oauth2(token)
                    .when()
                    .get(APPRENTICES + "/" + a)
                    .then()
                    .spec(Problems.problem(410, "erased", "apprentice-erased"));
            given().auth()
                    .oauth2(token)
                    .when()
                    .get(APPRENTICES + "/" + a + "/evidence")
                    .then()
                    .spec(Problems.problem(410, "erased", "apprentice-erased"));
            given().auth()
                    .oauth2(token)
                    .when()
                    .get(APPRENTICES + "/" + a + "/evidence/" + r.evidence() + "/file")
                    .then()
                    .spec(Problems.problem(410, "erased", "apprentice-erased"));
            given().auth()
                    .oauth2(token)
                    .when()
                    .get(APPRENTICES + "/" + a + "/off-the-job")
                    .then()
                    .spec(Problems.problem(410, "erased", "apprentice-erased"));
            given().auth()
                    .oauth2(token)
                    .when()
                    .get(APPRENTICES + "/" + a + "/reviews")
                    .then()
                    .spec(Problems.problem(410, "erased", "apprentice-erased"));
            given().auth()
                    .oauth2(token)
                    .when()
                    .get(APPRENTICES + "/" + a + "/coverage")
                    .then()
                    .spec(Problems.problem(410, "erased", "apprentice-erased"));
            export(token, a).spec(Problems.problem(410, "erased", "apprentice-erased"));
        }
        given().auth()
                .oauth2(tutor)
                .contentType("application/json")
                .body(Map.of("status", "active", "reason", "x", "effectiveDate", "2020-01-01"))
                .when()
                .post(APPRENTICES + "/" + a + "/status")
                .then()
                .spec(Problems.problem(410, "erased", "apprentice-erased"));
        erase(admin, a, Map.of("reason", "again")).spec(Problems.problem(410, "erased", "apprentice-erased"));
        given().auth()
                .oauth2(Tokens.tutor(UKPRN_5))
                .when()
                .get(APPRENTICES + "/" + a)
                .then()
                .spec(Problems.problem(404, "not-found"));
        given().auth()
                .oauth2(Tokens.employer(EMPLOYER_3))
                .when()
                .get(APPRENTICES + "/" + a)
                .then()
                .spec(Problems.problem(404, "not-found"));
        given().auth()
                .oauth2(tutor)
                .when()
                .get(APPRENTICES + "?size=100")
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(hasItems(a)));
        assertEquals(after, allEvents(a));
    }

    /** The retention rule reads the injected clock: its boundary day is tested without waiting six years. */
    @Test
    void retentionEndsOnItsLastDayByTheClock() {
        String ukprn = TestIds.ukprn();
        String uln = TestIds.uln();
        String tutor = Tokens.tutor(ukprn);
        Record r = populated(tutor, uln, ukprn, TestIds.employerId(), "2018-09-01", "2019-09-01", "2019-01-10");
        status(tutor, r.apprentice(), "withdrawn", "2019-03-31");
        Map<String, Object> reason = Map.of("reason", "Requested by the apprentice");
        try {
            clock.fix(Instant.parse("2025-03-30T22:59:59Z"));
            erase(Tokens.admin(), r.apprentice(), reason)
                    .spec(Problems.problem(409, "conflict", "retention-period-not-over"))
                    .body("retainUntil", equalTo("2025-03-31"));
            // Midnight in London (BST from 30 March 2025) is 23:00 UTC the day before.
            clock.fix(Instant.parse("2025-03-30T23:00:00Z"));
            erase(Tokens.admin(), r.apprentice(), reason)
                    .statusCode(200)
                    .body("erased.at", equalTo("2025-03-30T23:00:00Z"))
                    .body("erased.role", equalTo("admin"));
        } finally {
            clock.reset();
        }
    }

    @Test
    void anInterruptedErasureIsCompletedByAskingAgain() {
        String tutor = Tokens.tutor(UKPRN_6);
        Record r = populated(tutor, ULN_5, UKPRN_6, EMPLOYER_4, "2018-09-01", "2019-09-01", "2019-01-10");
        String a = r.apprentice();
        status(tutor, a, "withdrawn", "2019-03-31");
        // As if a run died right after marking the apprentice and deleting its off-the-job entries.
        Document marker = new Document(
                        "started",
                        new Document("subject", "admin1-subject")
                                .append("displayName", "admin1")
                                .append("role", "admin")
                                .append("at", java.util.Date.from(Instant.now())))
                .append("reason", "First attempt");
        db().getCollection("apprentices").updateOne(Filters.eq("_id", new ObjectId(a)), Updates.set("erasure", marker));
        db().getCollection("offTheJob").deleteMany(apprenticeIs(a));

        given().auth()
                .oauth2(tutor)
                .when()
                .get(APPRENTICES + "/" + a + "/evidence")
                .then()
                .spec(Problems.problem(410, "erased", "apprentice-erased"));
        export(tutor, a).spec(Problems.problem(410, "erased", "apprentice-erased"));
        AuditTrailTest.events(tutor, a, "").statusCode(200);

        erase(Tokens.admin(), a, Map.of("reason", "Second attempt"))
                .statusCode(200)
                .body("reason", equalTo("First attempt"))
                .body("erasedBy", equalTo("admin1-subject"))
                .body("deleted.evidence", equalTo(1))
                .body("deleted.offTheJobEntries", equalTo(0))
                .body("deleted.files", equalTo(2));
        assertEquals(0, db().getCollection("evidence").countDocuments(apprenticeIs(a)));
        assertEquals(0, files(a));
        assertEquals(0, db().getCollection("reviews").countDocuments(apprenticeIs(a)));
        assertEquals(0, db().getCollection("apprentices").countDocuments(Filters.eq("_id", new ObjectId(a))));
        assertEquals(1, db().getCollection("apprentice_tombstones").countDocuments(Filters.eq("_id", new ObjectId(a))));
        List<Map<String, Object>> events = allEvents(a);
        assertEquals("apprentice.erased", events.get(events.size() - 1).get("action"));
        assertChain(events);
    }

    private static org.bson.conversions.Bson apprenticeIs(String id) {
        return Filters.eq("apprenticeId", new ObjectId(id));
    }

    private long files(String apprenticeId) {
        return db().getCollection("evidence_files.files")
                .countDocuments(Filters.eq("metadata.apprenticeId", new ObjectId(apprenticeId)));
    }

    private String snapshot(String id) {
        return given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get(APPRENTICES + "/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    /** Every operation on one apprentice documents the 410 it answers after erasure. */
    @Test
    @SuppressWarnings("unchecked")
    void theOpenApiDocumentListsGoneForEveryApprenticeOperation() {
        Map<String, Map<String, Object>> paths = given().accept("application/json")
                .when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("paths");
        List<String> missing = new ArrayList<>();
        paths.forEach((path, item) -> {
            if (!path.startsWith("/api/v1/apprentices/{id}")) {
                return;
            }
            item.forEach((method, op) -> {
                if (op instanceof Map
                        && !((Map<String, Object>) ((Map<String, Object>) op).get("responses")).containsKey("410")) {
                    missing.add(method + " " + path);
                }
            });
        });
        // The audit trail stays readable after erasure: its 410 is the only one not expected.
        missing.remove("get /api/v1/apprentices/{id}/audit-events");
        assertTrue(missing.isEmpty(), "operations without a documented 410: " + missing);
    }
}
