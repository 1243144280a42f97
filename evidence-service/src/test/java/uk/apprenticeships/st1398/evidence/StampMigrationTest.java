package uk.apprenticeships.st1398.evidence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static uk.apprenticeships.st1398.evidence.AuditTrailTest.APPRENTICES;
import static uk.apprenticeships.st1398.evidence.AuditTrailTest.allEvents;
import static uk.apprenticeships.st1398.evidence.AuditTrailTest.assertChain;
import static uk.apprenticeships.st1398.evidence.AuditTrailTest.assertDigestContinuity;
import static uk.apprenticeships.st1398.evidence.EvidenceResourceTest.step;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.evidence.domain.ApprenticeTombstone;
import uk.apprenticeships.st1398.evidence.domain.AuditEvent;
import uk.apprenticeships.st1398.evidence.domain.Evidence;
import uk.apprenticeships.st1398.evidence.repository.AuditEventRepository;
import uk.apprenticeships.st1398.evidence.repository.EvidenceRepository;
import uk.apprenticeships.st1398.evidence.repository.TombstoneRepository;
import uk.apprenticeships.st1398.evidence.service.AuditTrail;
import uk.apprenticeships.st1398.evidence.service.StampMigration;
import uk.apprenticeships.st1398.testing.TestClock;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/**
 * The start-up upgrade of documents written before the "who did it" fields became stamps: documents inserted exactly
 * as the old code stored them (read from its entity classes: subjects as strings, times in separate fields, nulls
 * left out) are rewritten once, read back through the API with their stamps, and keep the audit trail whole.
 */
@QuarkusTest
@QuarkusTestResource(value = StandardsServiceStub.class, restrictToAnnotatedClass = false)
class StampMigrationTest {

    /** Fresh ids for this class's records: the database is shared, so no two test classes meet. */
    static final String UKPRN = TestIds.ukprn();

    static final String EMPLOYER = TestIds.employerId();
    static final String ULN_A = TestIds.uln();
    static final String ULN_B = TestIds.uln();
    static final String ULN_C = TestIds.uln();
    static final String ULN_D = TestIds.uln();
    static final String ULN_E = TestIds.uln();

    /** Subjects as the old code recorded them (a token's subject). */
    static final String TUTOR = "tutor-" + UKPRN + "-subject";

    static final String OLD_TUTOR = "old-tutor-subject";
    static final String APPRENTICE = "apprentice-" + ULN_A + "-subject";
    static final String EMPLOYER_USER = "employer-" + EMPLOYER + "-subject";
    static final String ADMIN = "admin-who-started-subject";

    static final Instant T0 = Instant.parse("2025-09-01T09:00:00Z");
    static final Instant T1 = Instant.parse("2025-10-06T10:30:00Z");
    static final Instant T2 = Instant.parse("2025-11-03T14:15:00Z");
    static final Instant T3 = Instant.parse("2026-01-12T08:45:00Z");

    @Inject
    MongoClient mongo;

    @Inject
    StampMigration migration;

    @Inject
    AuditEventRepository events;

    @Inject
    EvidenceRepository evidence;

    @Inject
    TombstoneRepository tombstones;

    @Inject
    TestClock clock;

    @AfterEach
    void systemClock() {
        clock.reset();
    }

    MongoDatabase db() {
        return mongo.getDatabase("evidence");
    }

    static Date date(Instant at) {
        return Date.from(at);
    }

    /** A LocalDate as the driver's codec stores it: midnight UTC. */
    static Date day(String date) {
        return Date.from(LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    // ------------------------------------------------------------------ documents as the old code wrote them

    static Document statusChange(String status, Instant at, String by, String reason, String effectiveDate) {
        Document d = new Document("status", status).append("at", date(at)).append("by", by);
        if (reason != null) {
            d.append("reason", reason);
        }
        return d.append("effectiveDate", day(effectiveDate));
    }

    static Document apprentice(ObjectId id, String uln, String status, List<Document> history) {
        return new Document("_id", id)
                .append("uln", uln)
                .append("givenName", "Olga")
                .append("familyName", "Oldshape")
                .append("dateOfBirth", day("2002-04-03"))
                .append("providerUkprn", UKPRN)
                .append("employerId", EMPLOYER)
                .append("standardVersion", "ST1398_1.0")
                .append("startDate", day("2025-09-01"))
                .append("plannedEndDate", day("2027-09-01"))
                .append("status", status)
                .append("statusHistory", history)
                .append("createdAt", date(T0));
    }

    static Document oldStep(String action, String status, int revision, String by, Instant at) {
        return new Document("action", action)
                .append("status", status)
                .append("revision", revision)
                .append("by", by)
                .append("at", date(at));
    }

    static Document file(String name, Instant at, String by) {
        return new Document("fileId", new ObjectId())
                .append("filename", name)
                .append("contentType", "application/pdf")
                .append("size", 3000L)
                .append("sha256", "ab".repeat(32))
                .append("uploadedAt", date(at))
                .append("uploadedBy", by);
    }

    static Document content(String title, Document file) {
        return new Document("kind", "file")
                .append("title", title)
                .append("ksbCodes", List.of("K1"))
                .append("employerConfirmationRequired", true)
                .append("file", file);
    }

    /**
     * Revision 2 submitted and confirmed by the employer; revision 1 accepted, confirmed and superseded when the
     * tutor replaced its file.
     */
    static Document evidence(ObjectId id, ObjectId apprenticeId) {
        return new Document("_id", id)
                .append("apprenticeId", apprenticeId)
                .append("providerUkprn", UKPRN)
                .append("employerId", EMPLOYER)
                .append("uln", ULN_A)
                .append("standardVersion", "ST1398_1.0")
                .append("revision", 2)
                .append("version", 9L)
                .append("status", "submitted")
                .append("content", content("Pipeline design v2", file("v2.pdf", T2, TUTOR)))
                .append("employerConfirmation", oldStep("confirmed", "submitted", 2, EMPLOYER_USER, T3))
                .append(
                        "history",
                        List.of(
                                oldStep("created", "draft", 1, APPRENTICE, T0),
                                oldStep("file-uploaded", "draft", 1, APPRENTICE, T0),
                                oldStep("submitted", "submitted", 1, APPRENTICE, T1),
                                oldStep("accepted", "accepted", 1, OLD_TUTOR, T1),
                                oldStep("revised", "draft", 2, TUTOR, T2),
                                oldStep("file-uploaded", "draft", 2, TUTOR, T2),
                                oldStep("submitted", "submitted", 2, TUTOR, T2)))
                .append(
                        "revisions",
                        List.of(new Document("revision", 1)
                                .append("status", "accepted")
                                .append("content", content("Pipeline design", file("v1.pdf", T0, APPRENTICE)))
                                .append("employerConfirmation", oldStep("confirmed", "submitted", 1, EMPLOYER_USER, T1))
                                .append("supersededAt", date(T2))
                                .append("supersededBy", TUTOR)))
                .append("createdAt", date(T0))
                .append("createdBy", APPRENTICE)
                .append("updatedAt", date(T3));
    }

    static Document offTheJob(ObjectId id, ObjectId apprenticeId, String uln, String date, String status) {
        Document d = new Document("_id", id)
                .append("apprenticeId", apprenticeId)
                .append("providerUkprn", UKPRN)
                .append("employerId", EMPLOYER)
                .append("uln", uln)
                .append("date", day(date))
                .append("hundredths", 750L)
                .append("activity", "Workshop")
                .append("ksbCodes", List.of("K1"))
                .append("status", status)
                .append("version", 1L);
        if (!"pending".equals(status)) {
            d.append("decidedBy", OLD_TUTOR).append("decidedAt", date(T2));
        }
        return d.append("createdAt", date(T1)).append("createdBy", APPRENTICE).append("updatedAt", date(T2));
    }

    static Document review(ObjectId id, ObjectId apprenticeId) {
        return new Document("_id", id)
                .append("apprenticeId", apprenticeId)
                .append("providerUkprn", UKPRN)
                .append("employerId", EMPLOYER)
                .append("uln", ULN_A)
                .append("date", day("2025-11-03"))
                .append("summary", "Going well")
                .append("nextSteps", "Finish the project")
                .append("ksbCodes", List.of("K1"))
                .append("version", 3L)
                .append("apprenticeSignOff", new Document("by", APPRENTICE).append("at", date(T2)))
                .append("providerSignOff", new Document("by", TUTOR).append("at", date(T3)))
                .append("createdAt", date(T1))
                .append("createdBy", TUTOR)
                .append("updatedAt", date(T3));
    }

    // ------------------------------------------------------------------ helpers

    BsonDocument raw(String collection, ObjectId id) {
        return db().getCollection(collection, BsonDocument.class)
                .find(Filters.eq("_id", id))
                .first();
    }

    /** An event the old service left: the creation of a resource, ending at the document's stored digest. */
    void oldEvent(ObjectId apprenticeId, String action, String type, ObjectId resourceId, String collection) {
        AuditEvent last = events.last(apprenticeId.toHexString()).orElse(null);
        AuditEvent e = new AuditEvent();
        e.chain = apprenticeId.toHexString();
        e.seq = last == null ? 1 : last.seq + 1;
        e.previousHash = last == null ? null : last.hash;
        e.occurredAt = T1;
        e.actor = TUTOR;
        e.actorRole = "tutor";
        e.actorTenant = UKPRN;
        e.action = action;
        e.resourceType = type;
        e.resourceId = resourceId.toHexString();
        e.apprenticeId = apprenticeId;
        e.afterDigest = AuditTrail.storedDigest(raw(collection, resourceId));
        e.hash = AuditTrail.hash(e);
        events.append(e);
    }

    Map<String, BsonDocument> snapshot(Map<String, List<ObjectId>> ids) {
        Map<String, BsonDocument> all = new LinkedHashMap<>();
        ids.forEach((collection, list) -> list.forEach(id -> all.put(collection + "/" + id, raw(collection, id))));
        return all;
    }

    static Map<String, StampMigration.Outcome> outcomes(
            int apprentices, int tombstones, int evidence, int offTheJob, int reviews) {
        Map<String, StampMigration.Outcome> m = new LinkedHashMap<>();
        m.put("apprentices", new StampMigration.Outcome(apprentices, 0));
        m.put("apprentice_tombstones", new StampMigration.Outcome(tombstones, 0));
        m.put("evidence", new StampMigration.Outcome(evidence, 0));
        m.put("offTheJob", new StampMigration.Outcome(offTheJob, 0));
        m.put("reviews", new StampMigration.Outcome(reviews, 0));
        return m;
    }

    static List<String> actions(List<Map<String, Object>> events) {
        return events.stream().map(m -> (String) m.get("action")).toList();
    }

    // ------------------------------------------------------------------ tests

    @Test
    void oldDocumentsOfEveryCollectionAreUpgradedOnceAndReadBackWithTheirStamps() {
        clock.fix(Instant.parse("2026-03-02T10:00:00Z"));
        ObjectId a = new ObjectId();
        ObjectId b = new ObjectId();
        ObjectId c = new ObjectId();
        ObjectId e1 = new ObjectId();
        ObjectId o1 = new ObjectId();
        ObjectId o2 = new ObjectId();
        ObjectId r1 = new ObjectId();
        db().getCollection("apprentices")
                .insertOne(apprentice(
                        a,
                        ULN_A,
                        "active",
                        List.of(
                                statusChange("active", T0, OLD_TUTOR, null, "2025-09-01"),
                                statusChange("break-in-learning", T1, OLD_TUTOR, "Parental leave", "2025-10-06"),
                                statusChange("active", T2, TUTOR, "Back", "2025-11-03"))));
        // B: withdrawn, an erasure started by an admin and interrupted.
        db().getCollection("apprentices")
                .insertOne(apprentice(
                                b,
                                ULN_B,
                                "withdrawn",
                                List.of(
                                        statusChange("active", T0, TUTOR, null, "2025-09-01"),
                                        statusChange("withdrawn", T1, TUTOR, "Left", "2025-10-06")))
                        .append(
                                "erasure",
                                new Document("startedAt", date(T3))
                                        .append("by", ADMIN)
                                        .append("reason", "Asked")));
        // C: erased long ago; only the tombstone is left.
        db().getCollection("apprentice_tombstones")
                .insertOne(new Document("_id", c)
                        .append("providerUkprn", UKPRN)
                        .append("erasedAt", date(T2))
                        .append("erasedBy", ADMIN)
                        .append("reason", "Asked"));
        db().getCollection("evidence").insertOne(evidence(e1, a));
        db().getCollection("offTheJob").insertOne(offTheJob(o1, a, ULN_A, "2025-10-06", "approved"));
        db().getCollection("offTheJob").insertOne(offTheJob(o2, a, ULN_A, "2025-10-07", "pending"));
        db().getCollection("reviews").insertOne(review(r1, a));
        // The trail the old service left for A: one event per resource, ending at each document's stored digest.
        oldEvent(a, "apprentice.created", "apprentice", a, "apprentices");
        oldEvent(a, "evidence.created", "evidence", e1, "evidence");
        oldEvent(a, "off-the-job.created", "off-the-job-entry", o1, "offTheJob");
        oldEvent(a, "off-the-job.created", "off-the-job-entry", o2, "offTheJob");
        oldEvent(a, "review.created", "review", r1, "reviews");
        Map<String, List<ObjectId>> ids = Map.of(
                "apprentices",
                List.of(a, b),
                "apprentice_tombstones",
                List.of(c),
                "evidence",
                List.of(e1),
                "offTheJob",
                List.of(o1, o2),
                "reviews",
                List.of(r1));

        assertEquals(outcomes(2, 1, 1, 2, 1), migration.run());
        Map<String, BsonDocument> once = snapshot(ids);
        long eventsOnce = events.count();
        // Idempotent: a second run (the next start) finds nothing and changes nothing.
        assertEquals(outcomes(0, 0, 0, 0, 0), migration.run());
        assertEquals(once, snapshot(ids));
        assertEquals(eventsOnce, events.count());
        BsonDocument storedA = once.get("apprentices/" + a);
        assertEquals(
                BsonDocument.parse("{subject: '" + OLD_TUTOR + "', at: {$date: '" + T0 + "'}}"),
                storedA.getArray("statusHistory").get(0).asDocument().getDocument("stamp"));

        String tutor = Tokens.tutor(UKPRN);
        // Apprentices: the status history.
        given().auth()
                .oauth2(tutor)
                .when()
                .get(APPRENTICES + "/" + a)
                .then()
                .statusCode(200)
                .body("statusHistory.by", contains(OLD_TUTOR, OLD_TUTOR, TUTOR))
                .body("statusHistory.at", contains(T0.toString(), T1.toString(), T2.toString()))
                .body("statusHistory.reason", contains(null, "Parental leave", "Back"))
                .body("statusHistory[0].byName", nullValue())
                .body("statusHistory[0].role", nullValue());
        // Evidence: creator, workflow steps, the employer's confirmation, the file; revision 1 likewise.
        String evidencePath = APPRENTICES + "/" + a + "/evidence/" + e1;
        given().auth()
                .oauth2(tutor)
                .when()
                .get(evidencePath)
                .then()
                .statusCode(200)
                .body("createdBy", equalTo(APPRENTICE))
                .body("created.by", equalTo(APPRENTICE))
                .body("created.at", equalTo(T0.toString()))
                .body("created.byName", nullValue())
                .body("history.action", contains("revised", "file-uploaded", "submitted"))
                .body("history.by", contains(TUTOR, TUTOR, TUTOR))
                .body("history.at", contains(T2.toString(), T2.toString(), T2.toString()))
                .body("employerConfirmation.by", equalTo(EMPLOYER_USER))
                .body("employerConfirmation.at", equalTo(T3.toString()))
                .body("file.uploadedBy", equalTo(TUTOR))
                .body("file.uploadedAt", equalTo(T2.toString()))
                .body("file.uploaded.by", equalTo(TUTOR))
                .body("file.uploaded.at", equalTo(T2.toString()));
        given().auth()
                .oauth2(tutor)
                .when()
                .get(evidencePath + "/revisions/1")
                .then()
                .statusCode(200)
                .body("status", equalTo("accepted"))
                .body("history.by", contains(APPRENTICE, APPRENTICE, APPRENTICE, OLD_TUTOR))
                .body("employerConfirmation.by", equalTo(EMPLOYER_USER))
                .body("employerConfirmation.at", equalTo(T1.toString()))
                .body("file.uploaded.by", equalTo(APPRENTICE))
                .body("file.uploaded.at", equalTo(T0.toString()));
        // Who superseded a revision is stored only (no response shows it).
        Evidence stored = evidence.findById(e1);
        assertEquals(TUTOR, stored.revisions.get(0).superseded.subject);
        assertEquals(T2, stored.revisions.get(0).superseded.at);
        // Off-the-job: creator and decision.
        given().auth()
                .oauth2(tutor)
                .when()
                .get(APPRENTICES + "/" + a + "/off-the-job")
                .then()
                .statusCode(200)
                .body("items.id", contains(o1.toHexString(), o2.toHexString()))
                .body("items.createdBy", contains(APPRENTICE, APPRENTICE))
                .body("items.created.at", contains(T1.toString(), T1.toString()))
                .body("items[0].decidedBy", equalTo(OLD_TUTOR))
                .body("items[0].decided.by", equalTo(OLD_TUTOR))
                .body("items[0].decided.at", equalTo(T2.toString()))
                .body("items[1].decided", nullValue());
        // Reviews: creator and sign-offs.
        given().auth()
                .oauth2(tutor)
                .when()
                .get(APPRENTICES + "/" + a + "/reviews")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].createdBy", equalTo(TUTOR))
                .body("items[0].created.at", equalTo(T1.toString()))
                .body("items[0].apprenticeSignOff.by", equalTo(APPRENTICE))
                .body("items[0].apprenticeSignOff.at", equalTo(T2.toString()))
                .body("items[0].providerSignOff.by", equalTo(TUTOR))
                .body("items[0].providerSignOff.at", equalTo(T3.toString()))
                .body("items[0].employerSignOff", nullValue())
                .body("items[0].complete", equalTo(false));
        // Tombstones: read (the apprentice answers 410, not 500), with who erased it and when.
        given().auth().oauth2(tutor).when().get(APPRENTICES + "/" + c).then().statusCode(410);
        ApprenticeTombstone t = tombstones.findById(c);
        assertEquals(ADMIN, t.erased.subject);
        assertEquals(T2, t.erased.at);
        assertNull(t.erased.displayName);

        // The upgraded documents take new changes, each recorded from the digest the upgrade left.
        given().auth()
                .oauth2(tutor)
                .when()
                .post(APPRENTICES + "/" + a + "/off-the-job/" + o2 + "/approve")
                .then()
                .statusCode(200)
                .body("decided.by", equalTo(TUTOR));
        step(tutor, a.toHexString(), e1.toHexString(), "accept", null)
                .statusCode(200)
                .body("history.action", contains("revised", "file-uploaded", "submitted", "accepted"));
        given().auth()
                .oauth2(Tokens.employer(EMPLOYER))
                .contentType("application/json")
                .body(Map.of("party", "employer"))
                .when()
                .post(APPRENTICES + "/" + a + "/reviews/" + r1 + "/sign-off")
                .then()
                .statusCode(200)
                .body("complete", equalTo(true));
        AuditTrailTest.status(tutor, a.toHexString(), "completed", "2026-02-27");
        List<Map<String, Object>> trail = allEvents(a.toHexString());
        assertEquals(
                List.of(
                        "apprentice.created",
                        "evidence.created",
                        "off-the-job.created",
                        "off-the-job.created",
                        "review.created",
                        "apprentice.stamps-migrated",
                        "evidence.stamps-migrated",
                        "off-the-job.stamps-migrated",
                        "off-the-job.stamps-migrated",
                        "review.stamps-migrated",
                        "off-the-job.approved",
                        "evidence.accepted",
                        "review.signed-off",
                        "apprentice.status-changed"),
                actions(trail));
        assertChain(trail);
        assertDigestContinuity(trail);
        Map<String, Object> migrated = trail.get(5);
        assertEquals("evidence-service", migrated.get("actor"));
        assertNull(migrated.get("actorRole"));
        assertNull(migrated.get("actorTenant"));
        // The digest of a document as stored is the digest of its entity: the old events' digests are comparable.
        assertEquals(
                AuditTrail.storedDigest(raw("apprentices", a)),
                trail.get(trail.size() - 1).get("afterDigest"));

        // B: the interrupted erasure completes, naming the admin who started it under the old shape.
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(Map.of("reason", "Asked"))
                .when()
                .post(APPRENTICES + "/" + b + "/erasure")
                .then()
                .statusCode(200)
                .body("erased.by", equalTo(ADMIN))
                .body("erasedBy", equalTo(ADMIN));
        List<Map<String, Object>> trailB = allEvents(b.toHexString());
        assertEquals(List.of("apprentice.stamps-migrated", "apprentice.erased"), actions(trailB));
        assertChain(trailB);
        assertEquals(trailB.get(0).get("afterDigest"), trailB.get(1).get("beforeDigest"));
        given().auth().oauth2(tutor).when().get(APPRENTICES + "/" + b).then().statusCode(410);
    }

    @Test
    void instancesStartingTogetherUpgradeEachDocumentOnce() throws Exception {
        ObjectId d = new ObjectId();
        db().getCollection("apprentices")
                .insertOne(
                        apprentice(d, ULN_D, "active", List.of(statusChange("active", T0, TUTOR, null, "2025-09-01"))));
        List<ObjectId> entries = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ObjectId id = new ObjectId();
            entries.add(id);
            db().getCollection("offTheJob")
                    .insertOne(offTheJob(id, d, ULN_D, "2025-10-" + (10 + i), i % 2 == 0 ? "pending" : "rejected"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Map<String, StampMigration.Outcome>>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(pool.submit(migration::run));
            }
            int apprentices = 0;
            int offTheJob = 0;
            for (Future<Map<String, StampMigration.Outcome>> run : runs) {
                Map<String, StampMigration.Outcome> outcome = run.get();
                apprentices += outcome.get("apprentices").migrated();
                offTheJob += outcome.get("offTheJob").migrated();
                outcome.values().forEach(o -> assertEquals(0, o.failed()));
            }
            assertEquals(1, apprentices);
            assertEquals(12, offTheJob);
        } finally {
            pool.shutdownNow();
        }
        List<Map<String, Object>> trail = allEvents(d.toHexString());
        assertEquals(13, trail.size(), "one event per document");
        assertChain(trail);
        given().auth()
                .oauth2(Tokens.tutor(UKPRN))
                .when()
                .get(APPRENTICES + "/" + d + "/off-the-job?size=50")
                .then()
                .statusCode(200)
                .body("items", hasSize(12))
                .body("items.createdBy", hasSize(12))
                .body("items[1].decided.by", equalTo(OLD_TUTOR));
    }

    @Test
    void aDocumentThatCannotBeUpgradedIsReportedAndLeftAsItWas() {
        ObjectId e = new ObjectId();
        ObjectId bad = new ObjectId();
        db().getCollection("apprentices").insertOne(apprentice(e, ULN_E, "active", List.of()));
        Document entry = offTheJob(bad, e, ULN_E, "2025-10-06", "approved").append("decidedBy", 42);
        db().getCollection("offTheJob").insertOne(entry);
        try {
            BsonDocument before = raw("offTheJob", bad);
            assertEquals(new StampMigration.Outcome(0, 1), migration.run().get("offTheJob"));
            assertEquals(before, raw("offTheJob", bad));
        } finally {
            db().getCollection("offTheJob").deleteOne(Filters.eq("_id", bad));
        }
        assertEquals(new StampMigration.Outcome(0, 0), migration.run().get("offTheJob"));
    }
}
