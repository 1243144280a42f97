package uk.apprenticeships.st1398.evidence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.TestClock;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/** Enrolment checks against the catalogue and status changes. */
@QuarkusTest
@QuarkusTestResource(value = StandardsServiceStub.class, restrictToAnnotatedClass = false)
class ApprenticeStatusTest {

    /** Fresh ids for this class's records: the database is shared, so no two test classes meet. */
    static final String EMPLOYER_1 = TestIds.employerId();

    static final String UKPRN_1 = TestIds.ukprn();
    static final String UKPRN_2 = TestIds.ukprn();
    static final String UKPRN_3 = TestIds.ukprn();
    static final String UKPRN_4 = TestIds.ukprn();
    static final String ULN_1 = TestIds.uln();
    static final String ULN_2 = TestIds.uln();
    static final String ULN_3 = TestIds.uln();

    private static final String PATH = "/api/v1/apprentices";

    @Inject
    TestClock clock;

    @AfterEach
    void systemClock() {
        clock.reset();
    }

    /** "Not in the future" is the injected clock's today, for bean validation and the service alike. */
    @Test
    void effectiveDatesAreJudgedByTheInjectedClock() {
        String ukprn = TestIds.ukprn();
        String tutor = Tokens.tutor(ukprn);
        String id = enrol(tutor, apprentice(TestIds.uln(), ukprn, "ST1398_1.0"))
                .statusCode(201)
                .extract()
                .path("id");
        clock.fix(Instant.parse("2027-06-01T12:00:00Z"));
        status(tutor, id, "break-in-learning", "Ahead of the system clock", "2027-06-01")
                .statusCode(200);
        status(tutor, id, "active", "Back", "2027-06-02").spec(Problems.invalid("effectiveDate"));
        clock.fix(Instant.parse("2027-05-31T22:59:59Z"));
        status(tutor, id, "active", "Back", "2027-06-01").spec(Problems.invalid("effectiveDate"));
        clock.fix(Instant.parse("2027-05-31T23:00:00Z"));
        status(tutor, id, "active", "Back at midnight in London", "2027-06-01")
                .statusCode(200)
                .body("statusHistory[2].at", equalTo("2027-05-31T23:00:00Z"));
    }

    private static Map<String, Object> apprentice(String uln, String ukprn, String standardVersion) {
        return new HashMap<>(Map.of(
                "uln",
                uln,
                "givenName",
                "Ada",
                "familyName",
                "Status",
                "dateOfBirth",
                "2001-12-10",
                "providerUkprn",
                ukprn,
                "standardVersion",
                standardVersion,
                "startDate",
                "2025-09-01",
                "plannedEndDate",
                "2027-09-01",
                "employerId",
                EMPLOYER_1));
    }

    private static ValidatableResponse enrol(String token, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .when()
                .post(PATH)
                .then();
    }

    private static ValidatableResponse status(
            String token, String id, String status, String reason, String effectiveDate) {
        Map<String, Object> body = new HashMap<>();
        body.put("status", status);
        body.put("reason", reason);
        body.put("effectiveDate", effectiveDate);
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .when()
                .post(PATH + "/" + id + "/status")
                .then();
    }

    private static String snapshot(String id) {
        return given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get(PATH + "/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private static int total(String ukprn) {
        return given().auth()
                .oauth2(Tokens.tutor(ukprn))
                .when()
                .get(PATH + "?size=1")
                .then()
                .statusCode(200)
                .extract()
                .path("totalItems");
    }

    @Test
    void unknownOrUncheckableStandardVersionCreatesNothing() {
        String tutor = Tokens.tutor(UKPRN_1);
        int before = total(UKPRN_1);
        enrol(tutor, apprentice(ULN_1, UKPRN_1, "ST0001_1.0"))
                .spec(Problems.problem(422, "unprocessable", "standard-version-unknown"))
                .body("detail", containsString("ST0001_1.0"))
                .body("standardVersion", equalTo("ST0001_1.0"));
        enrol(tutor, apprentice(ULN_1, UKPRN_1, "ST0002_1.0")).spec(Problems.problem(503, "service-unavailable"));
        assertEquals(before, total(UKPRN_1));
        enrol(tutor, apprentice(ULN_1, UKPRN_1, "ST1398_1.0"))
                .statusCode(201)
                .body("statusHistory[0].effectiveDate", equalTo("2025-09-01"))
                .body("statusHistory[0].reason", equalTo(null));
    }

    @Test
    void breakReturnThenWithdrawalIsFinal() {
        String tutor = Tokens.tutor(UKPRN_2);
        String id = enrol(tutor, apprentice(ULN_2, UKPRN_2, "ST1398_1.0"))
                .statusCode(201)
                .extract()
                .path("id");
        status(tutor, id, "break-in-learning", " Parental leave ", "2026-01-05")
                .statusCode(200)
                .body("status", equalTo("break-in-learning"))
                .body("statusHistory", hasSize(2))
                .body("statusHistory[1].status", equalTo("break-in-learning"))
                .body("statusHistory[1].reason", equalTo("Parental leave"))
                .body("statusHistory[1].effectiveDate", equalTo("2026-01-05"))
                .body("statusHistory[1].by", equalTo("tutor-" + UKPRN_2 + "-subject"))
                .body("statusHistory[1].at", notNullValue());
        // Not straight to completed from a break.
        status(tutor, id, "completed", "Done", "2026-02-01")
                .spec(Problems.problem(409, "conflict", "apprentice-status-change-not-allowed"));
        status(Tokens.admin(), id, "active", "Back", "2026-03-02")
                .statusCode(200)
                .body("status", equalTo("active"));
        status(tutor, id, "withdrawn", "Left employer", "2026-04-01")
                .statusCode(200)
                .body("statusHistory.status", contains("active", "break-in-learning", "active", "withdrawn"));

        String before = snapshot(id);
        for (String next : new String[] {"active", "break-in-learning", "completed", "withdrawn"}) {
            status(tutor, id, next, "Try again", "2026-05-01")
                    .spec(Problems.problem(409, "conflict", "apprentice-status-change-not-allowed"))
                    .body("detail", containsString("final"));
        }
        assertEquals(before, snapshot(id));
        given().auth()
                .oauth2(tutor)
                .when()
                .get(PATH + "/" + id)
                .then()
                .body("statusHistory", hasSize(4))
                .body("statusHistory[3].reason", equalTo("Left employer"));
    }

    @Test
    void completedIsFinalAndBadRequestsChangeNothing() {
        String tutor = Tokens.tutor(UKPRN_3);
        String id = enrol(tutor, apprentice(ULN_3, UKPRN_3, "ST1398_1.0"))
                .statusCode(201)
                .extract()
                .path("id");
        String before = snapshot(id);
        status(tutor, id, "active", "Again", "2026-01-01")
                .spec(Problems.problem(409, "conflict", "apprentice-status-change-not-allowed"));
        status(tutor, id, "dormant", "x", "2026-01-01").spec(Problems.invalid("status"));
        status(tutor, id, "withdrawn", " ", "2026-01-01").spec(Problems.invalid("reason"));
        status(tutor, id, "withdrawn", "x", null).spec(Problems.invalid("effectiveDate"));
        status(tutor, id, "withdrawn", "x", LocalDate.now().plusDays(1).toString())
                .spec(Problems.invalid("effectiveDate"));
        status(tutor, id, "withdrawn", "x", "2025-08-31").spec(Problems.invalid("effectiveDate"));
        status(Tokens.tutor(UKPRN_4), id, "withdrawn", "x", "2026-01-01").spec(Problems.problem(404, "not-found"));
        status(Tokens.employer(EMPLOYER_1), id, "withdrawn", "x", "2026-01-01")
                .spec(Problems.problem(403, "forbidden"));
        status(Tokens.apprentice(ULN_3, UKPRN_3, EMPLOYER_1), id, "withdrawn", "x", "2026-01-01")
                .spec(Problems.problem(403, "forbidden"));
        status(
                        Tokens.token(
                                "lms-" + UKPRN_3,
                                java.util.Set.of("lms-integration"),
                                Map.of("provider_ukprn", UKPRN_3)),
                        id,
                        "withdrawn",
                        "x",
                        "2026-01-01")
                .spec(Problems.problem(403, "forbidden"));
        status(tutor, "0123456789abcdef01234567", "withdrawn", "x", "2026-01-01")
                .spec(Problems.problem(404, "not-found"));
        assertEquals(before, snapshot(id));

        status(tutor, id, "completed", "Gateway passed", "2026-06-30")
                .statusCode(200)
                .body("status", equalTo("completed"));
        status(tutor, id, "withdrawn", "x", "2026-07-01")
                .spec(Problems.problem(409, "conflict", "apprentice-status-change-not-allowed"));
        given().auth()
                .oauth2(tutor)
                .when()
                .get(PATH + "?status=completed&size=100")
                .then()
                .statusCode(200)
                .body("items.id", contains(id));
    }
}
