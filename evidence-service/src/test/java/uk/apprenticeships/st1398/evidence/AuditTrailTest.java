package uk.apprenticeships.st1398.evidence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static uk.apprenticeships.st1398.evidence.EvidenceResourceTest.create;
import static uk.apprenticeships.st1398.evidence.EvidenceResourceTest.put;
import static uk.apprenticeships.st1398.evidence.EvidenceResourceTest.reflection;
import static uk.apprenticeships.st1398.evidence.EvidenceResourceTest.step;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.evidence.domain.AuditEvent;
import uk.apprenticeships.st1398.evidence.service.AuditTrail;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/** The audit trail: one event per change, a gapless hash chain, read-only API. */
@QuarkusTest
class AuditTrailTest {

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
    static final String ULN_1 = TestIds.uln();
    static final String ULN_2 = TestIds.uln();
    static final String ULN_3 = TestIds.uln();
    static final String ULN_4 = TestIds.uln();

    static final String APPRENTICES = "/api/v1/apprentices";

    static String enrol(
            String token,
            String requestId,
            String uln,
            String ukprn,
            String employerId,
            String startDate,
            String plannedEndDate) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "uln",
                uln,
                "givenName",
                "Grace",
                "familyName",
                "Auditable",
                "dateOfBirth",
                "2001-12-10",
                "providerUkprn",
                ukprn,
                "standardVersion",
                "ST1398_1.0",
                "startDate",
                startDate,
                "plannedEndDate",
                plannedEndDate,
                "employerId",
                employerId));
        return given().auth()
                .oauth2(token)
                .header("X-Request-Id", requestId)
                .contentType("application/json")
                .body(body)
                .when()
                .post(APPRENTICES)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static ValidatableResponse events(String token, String apprenticeId, String query) {
        var request = token == null ? given() : given().auth().oauth2(token);
        return request.when()
                .get(APPRENTICES + "/" + apprenticeId + "/audit-events" + query)
                .then();
    }

    static List<Map<String, Object>> allEvents(String apprenticeId) {
        return events(Tokens.admin(), apprenticeId, "?size=100")
                .statusCode(200)
                .extract()
                .path("items");
    }

    static String offTheJob(String token, String apprenticeId, String date, double hours) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Map.of("date", date, "hours", hours, "activity", "Workshop", "ksbCodes", List.of("K1")))
                .when()
                .post(APPRENTICES + "/" + apprenticeId + "/off-the-job")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static String review(String token, String apprenticeId, String date) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Map.of("date", date, "summary", "Going well", "nextSteps", "Finish the project"))
                .when()
                .post(APPRENTICES + "/" + apprenticeId + "/reviews")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static void status(String token, String apprenticeId, String status, String effectiveDate) {
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Map.of("status", status, "reason", "Finished", "effectiveDate", effectiveDate))
                .when()
                .post(APPRENTICES + "/" + apprenticeId + "/status")
                .then()
                .statusCode(200);
    }

    /** Checks seq 1..n, the previous-hash links and every hash, recomputed from the event's fields. */
    static void assertChain(List<Map<String, Object>> events) {
        String previous = null;
        for (int i = 0; i < events.size(); i++) {
            Map<String, Object> m = events.get(i);
            assertEquals(i + 1, ((Number) m.get("seq")).intValue(), "seq of event " + i);
            assertEquals(previous, m.get("previousHash"), "previousHash of event " + (i + 1));
            AuditEvent e = new AuditEvent();
            e.previousHash = (String) m.get("previousHash");
            e.chain = (String) m.get("apprenticeId");
            e.seq = ((Number) m.get("seq")).longValue();
            e.occurredAt = Instant.parse((String) m.get("occurredAt"));
            e.actor = (String) m.get("actor");
            e.actorRole = (String) m.get("actorRole");
            e.actorTenant = (String) m.get("actorTenant");
            e.action = (String) m.get("action");
            e.resourceType = (String) m.get("resourceType");
            e.resourceId = (String) m.get("resourceId");
            e.apprenticeId = new ObjectId((String) m.get("apprenticeId"));
            e.requestId = (String) m.get("requestId");
            e.beforeDigest = (String) m.get("beforeDigest");
            e.afterDigest = (String) m.get("afterDigest");
            assertEquals(AuditTrail.hash(e), m.get("hash"), "hash of event " + (i + 1));
            previous = (String) m.get("hash");
        }
    }

    /** Each change of a resource starts from the state its previous event left: no change went unrecorded. */
    static void assertDigestContinuity(List<Map<String, Object>> events) {
        Map<String, String> lastAfter = new HashMap<>();
        for (Map<String, Object> m : events) {
            String resource = m.get("resourceType") + "/" + m.get("resourceId");
            if (m.get("beforeDigest") == null && m.get("afterDigest") == null) {
                continue;
            }
            assertEquals(
                    lastAfter.get(resource),
                    m.get("beforeDigest"),
                    "beforeDigest of " + m.get("action") + " #" + m.get("seq"));
            lastAfter.put(resource, (String) m.get("afterDigest"));
        }
    }

    @Test
    void everyChangeWritesOneChainedEventWithoutPersonalData() {
        String tutor = Tokens.tutor(UKPRN_1);
        String a = enrol(tutor, "audit-req-1", ULN_1, UKPRN_1, EMPLOYER_1, "2025-09-01", "2027-09-01");
        String e = create(tutor, a, reflection("K1"));
        step(tutor, a, e, "submit", null).statusCode(200);
        step(tutor, a, e, "accept", null).statusCode(200);
        put(tutor, a, e, reflection("K1", "S1")).statusCode(200).body("revision", equalTo(2));
        EvidenceFileTest.upload(tutor, a, e, "application/pdf", EvidenceFileTest.pdf(3000, 60), "plan.pdf")
                .statusCode(200);
        String o1 = offTheJob(tutor, a, "2025-10-06", 7.5);
        given().auth()
                .oauth2(tutor)
                .contentType("application/json")
                .body(Map.of("date", "2025-10-06", "hours", 6, "activity", "Workshop, shorter"))
                .when()
                .put(APPRENTICES + "/" + a + "/off-the-job/" + o1)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(tutor)
                .when()
                .post(APPRENTICES + "/" + a + "/off-the-job/" + o1 + "/approve")
                .then()
                .statusCode(200);
        String o2 = offTheJob(Tokens.apprentice(ULN_1, UKPRN_1, EMPLOYER_1), a, "2025-10-07", 2);
        given().auth()
                .oauth2(tutor)
                .when()
                .delete(APPRENTICES + "/" + a + "/off-the-job/" + o2)
                .then()
                .statusCode(204);
        String r = review(tutor, a, "2025-11-01");
        given().auth()
                .oauth2(tutor)
                .contentType("application/json")
                .body(Map.of("date", "2025-11-02", "summary", "Going very well", "nextSteps", "Finish"))
                .when()
                .put(APPRENTICES + "/" + a + "/reviews/" + r)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.employer(EMPLOYER_1))
                .contentType("application/json")
                .body(Map.of("party", "employer"))
                .when()
                .post(APPRENTICES + "/" + a + "/reviews/" + r + "/sign-off")
                .then()
                .statusCode(200);
        status(tutor, a, "break-in-learning", "2026-01-05");

        List<Map<String, Object>> events = allEvents(a);
        assertEquals(
                List.of(
                        "apprentice.created",
                        "evidence.created",
                        "evidence.submitted",
                        "evidence.accepted",
                        "evidence.revised",
                        "evidence.file-uploaded",
                        "off-the-job.created",
                        "off-the-job.updated",
                        "off-the-job.approved",
                        "off-the-job.created",
                        "off-the-job.deleted",
                        "review.created",
                        "review.updated",
                        "review.signed-off",
                        "apprentice.status-changed"),
                events.stream().map(m -> m.get("action")).toList());
        assertChain(events);
        assertDigestContinuity(events);

        Map<String, Object> first = events.get(0);
        assertEquals("tutor-" + UKPRN_1 + "-subject", first.get("actor"));
        assertEquals("tutor", first.get("actorRole"));
        assertEquals(UKPRN_1, first.get("actorTenant"));
        assertEquals("audit-req-1", first.get("requestId"));
        assertEquals("apprentice", first.get("resourceType"));
        assertEquals(a, first.get("resourceId"));
        assertNull(first.get("beforeDigest"));
        assertNotNull(first.get("afterDigest"));
        Map<String, Object> deleted = events.get(10);
        assertEquals(o2, deleted.get("resourceId"));
        assertNotNull(deleted.get("beforeDigest"));
        assertNull(deleted.get("afterDigest"));
        Map<String, Object> byApprentice = events.get(9);
        assertEquals("apprentice", byApprentice.get("actorRole"));
        assertNull(byApprentice.get("actorTenant"), "an apprentice's tenant is their ULN: personal data");
        assertEquals(EMPLOYER_1, events.get(13).get("actorTenant"));

        // Ids and digests only. (Test tokens' subjects embed the ULN; real subjects are opaque ids.)
        for (Map<String, Object> event : events) {
            event.forEach((field, value) -> {
                for (String personal : List.of(ULN_1, "Grace", "Auditable", "2001-12-10")) {
                    assertFalse(
                            !"actor".equals(field) && String.valueOf(value).contains(personal),
                            field + " must not contain " + personal);
                }
            });
        }
    }

    @Test
    void filtersPagingAndVisibility() {
        String tutor = Tokens.tutor(UKPRN_2);
        String a = enrol(tutor, "audit-req-2", ULN_2, UKPRN_2, EMPLOYER_2, "2025-09-01", "2027-09-01");
        String e = create(tutor, a, reflection("K1"));
        step(tutor, a, e, "submit", null).statusCode(200);

        events(tutor, a, "?action=evidence.submitted")
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items.action", contains("evidence.submitted"));
        events(tutor, a, "?size=1&page=1")
                .statusCode(200)
                .body("totalItems", equalTo(3))
                .body("items.action", contains("evidence.created"));
        events(tutor, a, "?from=2100-01-01T00:00:00Z").statusCode(200).body("totalItems", equalTo(0));
        events(tutor, a, "?from=2020-01-01T00:00:00Z&to=2100-01-01T00:00:00Z")
                .statusCode(200)
                .body("totalItems", equalTo(3))
                .body("items.apprenticeId", everyItem(equalTo(a)));
        events(tutor, a, "?from=yesterday").spec(Problems.invalid("from"));
        events(tutor, a, "?to=2026-13-01T00:00:00Z").spec(Problems.invalid("to"));
        events(tutor, a, "?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z").spec(Problems.invalid("to"));
        events(tutor, a, "?action=DROP%20TABLE").spec(Problems.invalid("action"));
        events(tutor, a, "?size=0").spec(Problems.invalid("size"));

        events(Tokens.admin(), a, "").statusCode(200).body("totalItems", equalTo(3));
        events(Tokens.tutor(UKPRN_3), a, "").spec(Problems.problem(404, "not-found"));
        events(Tokens.employer(EMPLOYER_2), a, "").spec(Problems.problem(403, "forbidden"));
        events(
                        Tokens.token(
                                "lms-" + UKPRN_2,
                                java.util.Set.of("lms-integration"),
                                Map.of("provider_ukprn", UKPRN_2)),
                        a,
                        "")
                .spec(Problems.problem(403, "forbidden"));
        events(null, a, "").spec(Problems.problem(401, "unauthorized"));
        events(Tokens.apprentice(ULN_2, UKPRN_2, EMPLOYER_2), a, "").spec(Problems.problem(403, "forbidden"));
        events(tutor, "0123456789abcdef01234567", "").spec(Problems.problem(404, "not-found"));
        events(tutor, "not-an-id", "").spec(Problems.invalid("id"));
    }

    @Test
    void noMethodChangesOrDeletesEvents() {
        String tutor = Tokens.tutor(UKPRN_4);
        String a = enrol(tutor, "audit-req-3", ULN_3, UKPRN_4, EMPLOYER_3, "2025-09-01", "2027-09-01");
        create(tutor, a, reflection("K1"));
        List<Map<String, Object>> before = allEvents(a);
        String path = APPRENTICES + "/" + a + "/audit-events";
        String admin = Tokens.admin();
        given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body("[]")
                .when()
                .put(path)
                .then()
                .spec(Problems.problem(405, "method-not-allowed", "method-not-allowed"))
                .header("Allow", "GET");
        given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body("{}")
                .when()
                .patch(path)
                .then()
                .spec(Problems.problem(405, "method-not-allowed", "method-not-allowed"));
        given().auth()
                .oauth2(admin)
                .when()
                .delete(path)
                .then()
                .spec(Problems.problem(405, "method-not-allowed", "method-not-allowed"));
        given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body("{}")
                .when()
                .post(path)
                .then()
                .spec(Problems.problem(405, "method-not-allowed", "method-not-allowed"));
        String one = APPRENTICES + "/" + a + "/audit-events/" + before.get(0).get("id");
        given().auth()
                .oauth2(admin)
                .when()
                .delete(one)
                .then()
                .spec(Problems.problem(405, "method-not-allowed", "method-not-allowed"));
        given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body("{}")
                .when()
                .put(one)
                .then()
                .spec(Problems.problem(405, "method-not-allowed", "method-not-allowed"));
        given().when().delete(path).then().spec(Problems.problem(405, "method-not-allowed", "method-not-allowed"));
        assertEquals(before, allEvents(a));
    }

    @Test
    void concurrentChangesKeepTheChainGapless() throws Exception {
        String tutor = Tokens.tutor(UKPRN_5);
        String a = enrol(tutor, "audit-req-4", ULN_4, UKPRN_5, EMPLOYER_4, "2025-09-01", "2027-09-01");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> created = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                int day = 10 + i;
                created.add(pool.submit(() -> offTheJob(tutor, a, "2025-10-" + day, 1)));
            }
            for (Future<String> f : created) {
                assertNotNull(f.get());
            }
        } finally {
            pool.shutdown();
        }
        List<Map<String, Object>> events = allEvents(a);
        assertEquals(13, events.size());
        assertChain(events);
        events(tutor, a, "?action=off-the-job.created&size=100").body("items", hasSize(12));
    }
}
