package uk.apprenticeships.st1398.evidence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.TestClock;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/** Each test enrols its own apprentices (ids from TestIds): the database is shared. */
@QuarkusTest
@QuarkusTestResource(value = StandardsServiceStub.class, restrictToAnnotatedClass = false)
class OffTheJobResourceTest {

    /** Fresh ids for this class's records: the database is shared, so no two test classes meet. */
    static final String EMPLOYER_1 = TestIds.employerId();

    static final String EMPLOYER_2 = TestIds.employerId();
    static final String EMPLOYER_3 = TestIds.employerId();
    static final String EMPLOYER_4 = TestIds.employerId();
    static final String EMPLOYER_5 = TestIds.employerId();
    static final String EMPLOYER_6 = TestIds.employerId();
    static final String EMPLOYER_7 = TestIds.employerId();
    static final String EMPLOYER_8 = TestIds.employerId();
    static final String UKPRN_1 = TestIds.ukprn();
    static final String UKPRN_2 = TestIds.ukprn();
    static final String UKPRN_3 = TestIds.ukprn();
    static final String UKPRN_4 = TestIds.ukprn();
    static final String UKPRN_5 = TestIds.ukprn();
    static final String UKPRN_6 = TestIds.ukprn();
    static final String UKPRN_7 = TestIds.ukprn();
    static final String UKPRN_8 = TestIds.ukprn();
    static final String ULN_1 = TestIds.uln();
    static final String ULN_2 = TestIds.uln();
    static final String ULN_3 = TestIds.uln();
    static final String ULN_4 = TestIds.uln();
    static final String ULN_5 = TestIds.uln();
    static final String ULN_6 = TestIds.uln();
    static final String ULN_7 = TestIds.uln();
    static final String ULN_8 = TestIds.uln();
    static final String ULN_9 = TestIds.uln();
    static final String ULN_10 = TestIds.uln();
    static final String ULN_11 = TestIds.uln();

    @Inject
    TestClock clock;

    @AfterEach
    void systemClock() {
        clock.reset();
    }

    static String enrol(
            String uln, String ukprn, String employerId, String standardVersion, String start, String plannedEnd) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "uln",
                uln,
                "givenName",
                "Ada",
                "familyName",
                "Offjob",
                "dateOfBirth",
                "2001-12-10",
                "providerUkprn",
                ukprn,
                "standardVersion",
                standardVersion,
                "startDate",
                start,
                "plannedEndDate",
                plannedEnd,
                "employerId",
                employerId));
        return given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(body)
                .when()
                .post("/api/v1/apprentices")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static String path(String a) {
        return "/api/v1/apprentices/" + a + "/off-the-job";
    }

    static Map<String, Object> entry(String date, Object hours, String... codes) {
        return new HashMap<>(Map.of(
                "date", date, "hours", hours, "activity", "Workshop on model evaluation", "ksbCodes", List.of(codes)));
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    static ValidatableResponse post(String token, String a, Object body) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .when()
                .post(path(a))
                .then();
    }

    static String create(String token, String a, Object body) {
        return post(token, a, body).statusCode(201).extract().path("id");
    }

    static ValidatableResponse get(String token, String a, String entryId) {
        return given().auth().oauth2(token).when().get(path(a) + "/" + entryId).then();
    }

    static ValidatableResponse put(String token, String a, String entryId, Object body) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .when()
                .put(path(a) + "/" + entryId)
                .then();
    }

    static ValidatableResponse delete(String token, String a, String entryId) {
        return given().auth()
                .oauth2(token)
                .when()
                .delete(path(a) + "/" + entryId)
                .then();
    }

    static ValidatableResponse approve(String token, String a, String entryId) {
        return given().auth()
                .oauth2(token)
                .when()
                .post(path(a) + "/" + entryId + "/approve")
                .then();
    }

    static ValidatableResponse reject(String token, String a, String entryId, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("reason", reason);
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .when()
                .post(path(a) + "/" + entryId + "/reject")
                .then();
    }

    static ValidatableResponse summary(String token, String a) {
        return given().auth().oauth2(token).when().get(path(a) + "/summary").then();
    }

    /** Every entry of the apprentice as the admin sees them, to compare before and after a refused request. */
    static String snapshot(String a) {
        return given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get(path(a) + "?size=100")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    @Test
    void logApproveRejectAndList() {
        String a = enrol(ULN_1, UKPRN_1, EMPLOYER_1, "ST1398_1.0", "2025-09-01", "2027-09-01");
        String tutor = Tokens.tutor(UKPRN_1);
        String apprentice = Tokens.apprentice(ULN_1, UKPRN_1, EMPLOYER_1);
        String lms =
                Tokens.token("lms-" + UKPRN_1, java.util.Set.of("lms-integration"), Map.of("provider_ukprn", UKPRN_1));

        var created = post(apprentice, a, entry("2025-10-06", 7.5, "S2", "K4", "K4"))
                .statusCode(201)
                .body("status", equalTo("pending"))
                .body("hours", equalTo(7.5f))
                .body("version", equalTo(1))
                .body("ksbCodes", contains("K4", "S2"))
                .body("createdBy", equalTo("apprentice-" + ULN_1 + "-subject"))
                .body("decidedBy", nullValue())
                .extract();
        String first = created.path("id");
        assertTrue(created.header("Location").endsWith(path(a) + "/" + first), created.header("Location"));
        String second = create(tutor, a, entry("2025-11-03", 3.25));
        String third = create(lms, a, entry("2025-12-01", 24));

        approve(tutor, a, first)
                .statusCode(200)
                .body("status", equalTo("approved"))
                .body("decidedBy", equalTo("tutor-" + UKPRN_1 + "-subject"))
                .body("decidedAt", notNullValue())
                .body("version", equalTo(2));
        reject(tutor, a, third, "Normal working day")
                .statusCode(200)
                .body("status", equalTo("rejected"))
                .body("rejectionReason", equalTo("Normal working day"));

        get(apprentice, a, first).statusCode(200).body("status", equalTo("approved"));
        given().auth()
                .oauth2(lms)
                .when()
                .get(path(a) + "?from=2025-10-07&to=2025-12-31")
                .then()
                .statusCode(200)
                .body("items.id", contains(second, third))
                .body("totalItems", equalTo(2));
        // Employers confirm evidence and sign reviews; the training log is not theirs to read.
        String employer = Tokens.employer(EMPLOYER_1);
        get(employer, a, first).spec(Problems.problem(403, "forbidden"));
        given().auth().oauth2(employer).when().get(path(a)).then().spec(Problems.problem(403, "forbidden"));
        given().auth()
                .oauth2(apprentice)
                .when()
                .get(path(a) + "?status=approved")
                .then()
                .statusCode(200)
                .body("items.id", contains(first));
        given().auth()
                .oauth2(tutor)
                .when()
                .get(path(a) + "?size=1&page=2")
                .then()
                .statusCode(200)
                .body("items.id", contains(third))
                .body("totalPages", equalTo(3));

        put(apprentice, a, second, entry("2025-11-03", 4))
                .statusCode(200)
                .body("hours", equalTo(4f))
                .body("version", equalTo(2));
        delete(apprentice, a, second).statusCode(204);
        get(tutor, a, second).spec(Problems.problem(404, "not-found"));
    }

    @Test
    void badEntriesChangeNothing() {
        String a = enrol(ULN_2, UKPRN_2, EMPLOYER_2, "ST1398_1.0", "2025-09-01", "2027-09-01");
        String tutor = Tokens.tutor(UKPRN_2);
        String id = create(tutor, a, entry("2025-10-06", 2, "K1"));
        String before = snapshot(a);
        // "Today" is the injected clock's: fixed, so the day after is known without reading the system clock.
        clock.fix(Instant.parse("2026-03-01T12:00:00Z"));
        String tomorrow = "2026-03-02";

        post(tutor, a, entry(tomorrow, 2)).spec(Problems.invalid("date"));
        post(tutor, a, entry("2025-08-31", 2)).spec(Problems.invalid("date"));
        post(tutor, a, entry("2025-10-06", 0)).spec(Problems.invalid("hours"));
        post(tutor, a, entry("2025-10-06", 25)).spec(Problems.invalid("hours"));
        post(tutor, a, entry("2025-10-06", -1)).spec(Problems.invalid("hours"));
        post(tutor, a, entry("2025-10-06", 1.005)).spec(Problems.invalid("hours"));
        post(tutor, a, with(entry("2025-10-06", 2), "activity", " ")).spec(Problems.invalid("activity"));
        post(tutor, a, entry("2025-10-06", 2, "K1", "K99"))
                .spec(Problems.problem(422, "unprocessable"))
                .body("unknownKsbCodes", contains("K99"))
                .body("validKsbCodes", hasItem("B5"));
        post(tutor, a, entry("2025-10-06", 2, "X1")).spec(Problems.invalid("ksbCodes[0]"));
        put(tutor, a, id, entry(tomorrow, 2)).spec(Problems.invalid("date"));
        put(tutor, a, id, entry("2025-10-06", 25)).spec(Problems.invalid("hours"));
        put(tutor, a, id, entry("2025-10-06", 2, "S35")).spec(Problems.problem(422, "unprocessable"));
        put(tutor, a, id, with(entry("2025-10-06", 3), "version", 7)).spec(Problems.problem(409, "conflict"));
        given().auth()
                .oauth2(tutor)
                .when()
                .get(path(a) + "?from=2025-13-01")
                .then()
                .spec(Problems.invalid("from"));
        given().auth()
                .oauth2(tutor)
                .when()
                .get(path(a) + "?from=2025-10-02&to=2025-10-01")
                .then()
                .spec(Problems.invalid("to"));
        given().auth().oauth2(tutor).when().get(path(a) + "?size=0").then().spec(Problems.invalid("size"));
        assertEquals(before, snapshot(a));
    }

    @Test
    void approvedAndRejectedEntriesAreImmutable() {
        String a = enrol(ULN_3, UKPRN_3, EMPLOYER_3, "ST1398_1.0", "2025-09-01", "2027-09-01");
        String tutor = Tokens.tutor(UKPRN_3);
        String apprentice = Tokens.apprentice(ULN_3, UKPRN_3, EMPLOYER_3);
        String approved = create(apprentice, a, entry("2025-10-06", 2));
        String rejected = create(apprentice, a, entry("2025-10-07", 2));
        approve(tutor, a, approved).statusCode(200);
        reject(tutor, a, rejected, "Not training").statusCode(200);
        String before = snapshot(a);

        approve(tutor, a, approved).spec(Problems.problem(409, "conflict"));
        reject(tutor, a, approved, "Changed my mind").spec(Problems.problem(409, "conflict"));
        approve(tutor, a, rejected).spec(Problems.problem(409, "conflict"));
        put(apprentice, a, approved, entry("2025-10-06", 3)).spec(Problems.problem(409, "conflict"));
        put(tutor, a, rejected, entry("2025-10-06", 3)).spec(Problems.problem(409, "conflict"));
        delete(apprentice, a, approved).spec(Problems.problem(409, "conflict"));
        assertEquals(before, snapshot(a));
    }

    @Test
    void rolesAndTenantsAreEnforced() {
        String a = enrol(ULN_4, UKPRN_4, EMPLOYER_4, "ST1398_1.0", "2025-09-01", "2027-09-01");
        String tutor = Tokens.tutor(UKPRN_4);
        String apprentice = Tokens.apprentice(ULN_4, UKPRN_4, EMPLOYER_4);
        String employer = Tokens.employer(EMPLOYER_4);
        String id = create(apprentice, a, entry("2025-10-06", 2));
        String before = snapshot(a);

        post(employer, a, entry("2025-10-06", 2)).spec(Problems.problem(403, "forbidden"));
        put(employer, a, id, entry("2025-10-06", 3)).spec(Problems.problem(403, "forbidden"));
        delete(employer, a, id).spec(Problems.problem(403, "forbidden"));
        approve(apprentice, a, id).spec(Problems.problem(403, "forbidden"));
        approve(employer, a, id).spec(Problems.problem(403, "forbidden"));
        reject(tutor, a, id, " ").spec(Problems.invalid("reason"));

        String otherTutor = Tokens.tutor(UKPRN_5);
        String otherApprentice = Tokens.apprentice(ULN_5, UKPRN_4, EMPLOYER_4);
        String otherEmployer = Tokens.employer(EMPLOYER_5);
        post(otherTutor, a, entry("2025-10-06", 2)).spec(Problems.problem(404, "not-found"));
        post(otherApprentice, a, entry("2025-10-06", 2)).spec(Problems.problem(404, "not-found"));
        approve(otherTutor, a, id).spec(Problems.problem(404, "not-found"));
        put(otherTutor, a, id, entry("2025-10-06", 3)).spec(Problems.problem(404, "not-found"));
        delete(otherTutor, a, id).spec(Problems.problem(404, "not-found"));
        get(otherEmployer, a, id).spec(Problems.problem(403, "forbidden"));
        summary(otherEmployer, a).spec(Problems.problem(404, "not-found", "apprentice-not-found"));
        given().auth().oauth2(otherTutor).when().get(path(a)).then().spec(Problems.problem(404, "not-found"));
        // An entry id of another apprentice is not found under this one.
        String b = enrol(ULN_5, UKPRN_4, EMPLOYER_4, "ST1398_1.0", "2025-09-01", "2027-09-01");
        approve(tutor, b, id).spec(Problems.problem(404, "not-found"));
        assertEquals(before, snapshot(a));
    }

    @Test
    void summaryAgainstTheFixedRule() {
        String a = enrol(ULN_6, UKPRN_6, EMPLOYER_6, "ST1398_1.0", "2025-09-01", "2027-09-01");
        String tutor = Tokens.tutor(UKPRN_6);
        approve(tutor, a, create(tutor, a, entry("2025-10-06", 7.5))).statusCode(200);
        approve(tutor, a, create(tutor, a, entry("2025-10-13", 0.75))).statusCode(200);
        create(tutor, a, entry("2025-10-20", 6));
        reject(tutor, a, create(tutor, a, entry("2025-10-27", 5)), "No").statusCode(200);

        // The employer reads the totals for gateway readiness (not the log itself).
        summary(Tokens.employer(EMPLOYER_6), a).statusCode(200).body("approvedHours", equalTo(8.25f));
        summary(Tokens.apprentice(ULN_6, UKPRN_6, EMPLOYER_6), a)
                .statusCode(200)
                .body("approvedHours", equalTo(8.25f))
                .body("pendingHours", equalTo(6f))
                .body("requiredHours", equalTo(418))
                .body("shortfallHours", equalTo(409.75f))
                .body("percentComplete", equalTo(1.9f))
                .body("plannedWeeks", equalTo(104))
                .body("confirmed", equalTo(false))
                .body("rule.basis", equalTo("FIXED_HOURS"))
                .body("calculation", equalTo("Fixed minimum of 418 " + "hours for starts from 2025-08-01"))
                .body("requirementUnavailable", nullValue());
    }

    @Test
    void summaryAgainstTheWeeklyRule() {
        String a = enrol(ULN_7, UKPRN_7, EMPLOYER_7, "ST1398_1.0", "2025-03-03", "2027-03-01");
        String tutor = Tokens.tutor(UKPRN_7);
        summary(tutor, a)
                .statusCode(200)
                .body("approvedHours", equalTo(0f))
                .body("requiredHours", equalTo(624))
                .body("shortfallHours", equalTo(624f))
                .body("percentComplete", equalTo(0f))
                .body("rule.basis", equalTo("WEEKLY_HOURS"))
                .body("confirmed", equalTo(true));
        for (int week = 0; week < 4; week++) {
            approve(
                            tutor,
                            a,
                            create(
                                    tutor,
                                    a,
                                    entry(
                                            LocalDate.of(2025, 3, 3)
                                                    .plusWeeks(week)
                                                    .toString(),
                                            24)))
                    .statusCode(200);
        }
        summary(Tokens.apprentice(ULN_7, UKPRN_7, EMPLOYER_7), a)
                .statusCode(200)
                .body("approvedHours", equalTo(96f))
                .body("shortfallHours", equalTo(528f))
                .body("percentComplete", equalTo(15.3f));
    }

    @Test
    void weeklyRuleIsProRataAndExcludesLeaveButTheFixedMinimumIsNot() {
        Map<String, Object> body = new HashMap<>(Map.of(
                "uln",
                ULN_8,
                "givenName",
                "Ada",
                "familyName",
                "Offjob",
                "dateOfBirth",
                "2001-12-10",
                "providerUkprn",
                UKPRN_7,
                "standardVersion",
                "ST1398_1.0",
                "startDate",
                "2025-03-03",
                "plannedEndDate",
                "2027-03-01",
                "employerId",
                EMPLOYER_7));
        body.put("contractedWeeklyHours", 15);
        body.put("plannedLeaveWeeks", 10);
        String tutor = Tokens.tutor(UKPRN_7);
        String a = given().auth()
                .oauth2(tutor)
                .contentType("application/json")
                .body(body)
                .when()
                .post("/api/v1/apprentices")
                .then()
                .statusCode(201)
                .body("contractedWeeklyHours", equalTo(15.0f))
                .body("plannedLeaveWeeks", equalTo(10))
                .extract()
                .path("id");
        approve(tutor, a, create(tutor, a, entry("2025-03-10", 24))).statusCode(200);
        // 6 hours × (104 − 10) weeks × 15/30 = 282.
        summary(tutor, a)
                .statusCode(200)
                .body("weeksInLearning", equalTo(104))
                .body("plannedLeaveWeeks", equalTo(10))
                .body("plannedWeeks", equalTo(94))
                .body("weeklyContractedHours", equalTo(15.0f))
                .body("requiredHours", equalTo(282))
                .body("shortfallHours", equalTo(258f))
                .body("percentComplete", equalTo(8.5f))
                .body("calculation", containsString("(pro rata)"));

        // Back to full time without leave: 6 × 104 = 624.
        given().auth()
                .oauth2(tutor)
                .contentType("application/json")
                .body(Map.of())
                .when()
                .put("/api/v1/apprentices/" + a + "/programme")
                .then()
                .statusCode(200);
        summary(tutor, a)
                .statusCode(200)
                .body("plannedWeeks", equalTo(104))
                .body("plannedLeaveWeeks", equalTo(0))
                .body("weeklyContractedHours", nullValue())
                .body("requiredHours", equalTo(624));

        // Starting from 2025-08-01 the fixed minimum applies whatever the hours and leave.
        body.put("uln", ULN_9);
        body.put("startDate", "2025-09-01");
        body.put("plannedEndDate", "2027-08-30");
        String fixed = given().auth()
                .oauth2(tutor)
                .contentType("application/json")
                .body(body)
                .when()
                .post("/api/v1/apprentices")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        summary(tutor, fixed)
                .statusCode(200)
                .body("plannedWeeks", equalTo(94))
                .body("requiredHours", equalTo(418))
                .body("rule.basis", equalTo("FIXED_HOURS"));
    }

    @Test
    void summaryWithoutAPlanOrCatalogue() {
        String noPlan = enrol(ULN_10, UKPRN_8, EMPLOYER_8, "ST1398_2.0", "2025-09-01", "2027-09-01");
        String tutor = Tokens.tutor(UKPRN_8);
        approve(tutor, noPlan, create(tutor, noPlan, entry("2025-10-06", 2, "K1")))
                .statusCode(200);
        summary(tutor, noPlan)
                .statusCode(200)
                .body("approvedHours", equalTo(2f))
                .body("requiredHours", nullValue())
                .body("shortfallHours", nullValue())
                .body("percentComplete", nullValue())
                .body("requirementUnavailable", notNullValue());

        String down = enrol(ULN_11, UKPRN_8, EMPLOYER_8, "ST0503_1.0", "2025-09-01", "2027-09-01");
        summary(tutor, down).spec(Problems.problem(503, "service-unavailable"));
        post(tutor, down, entry("2025-10-06", 2, "K1")).spec(Problems.problem(503, "service-unavailable"));
        given().auth()
                .oauth2(tutor)
                .when()
                .get(path(down))
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
    }
}
