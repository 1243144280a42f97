package uk.apprenticeships.st1398.evidence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
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
class ProgressReviewResourceTest {

    /** Fresh ids for this class's records: the database is shared, so no two test classes meet. */
    static final String EMPLOYER_1 = TestIds.employerId();

    static final String EMPLOYER_2 = TestIds.employerId();
    static final String EMPLOYER_3 = TestIds.employerId();
    static final String EMPLOYER_4 = TestIds.employerId();
    static final String UKPRN_1 = TestIds.ukprn();
    static final String UKPRN_2 = TestIds.ukprn();
    static final String UKPRN_3 = TestIds.ukprn();
    static final String UKPRN_4 = TestIds.ukprn();
    static final String ULN_1 = TestIds.uln();
    static final String ULN_2 = TestIds.uln();
    static final String ULN_3 = TestIds.uln();
    static final String ULN_4 = TestIds.uln();

    @Inject
    TestClock clock;

    @AfterEach
    void systemClock() {
        clock.reset();
    }

    static String path(String a) {
        return "/api/v1/apprentices/" + a + "/reviews";
    }

    static Map<String, Object> review(String date, String... codes) {
        return new HashMap<>(Map.of(
                "date",
                date,
                "summary",
                "Good progress on the pipeline project",
                "nextSteps",
                "Write up the evaluation",
                "ksbCodes",
                List.of(codes)));
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

    static ValidatableResponse put(String token, String a, String reviewId, Object body) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .when()
                .put(path(a) + "/" + reviewId)
                .then();
    }

    static ValidatableResponse sign(String token, String a, String reviewId, String party) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Map.of("party", party))
                .when()
                .post(path(a) + "/" + reviewId + "/sign-off")
                .then();
    }

    static String snapshot(String a, String reviewId) {
        return given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get(path(a) + "/" + reviewId)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    static int count(String a) {
        return given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get(path(a) + "?size=1")
                .then()
                .statusCode(200)
                .extract()
                .path("totalItems");
    }

    @Test
    void threePartiesSignOffOnce() {
        String a = OffTheJobResourceTest.enrol(ULN_1, UKPRN_1, EMPLOYER_1, "ST1398_1.0", "2025-09-01", "2027-09-01");
        String tutor = Tokens.tutor(UKPRN_1);
        String apprentice = Tokens.apprentice(ULN_1, UKPRN_1, EMPLOYER_1);
        String employer = Tokens.employer(EMPLOYER_1);
        var created = post(tutor, a, review("2025-12-01", "S3", "K1"))
                .statusCode(201)
                .body("ksbCodes", contains("K1", "S3"))
                .body("complete", equalTo(false))
                .body("createdBy", equalTo("tutor-" + UKPRN_1 + "-subject"))
                .body("providerSignOff", nullValue())
                .extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith(path(a) + "/" + id), created.header("Location"));
        String earlier = create(tutor, a, review("2025-10-01"));
        put(tutor, a, earlier, review("2025-10-02", "B1"))
                .statusCode(200)
                .body("version", equalTo(2))
                .body("date", equalTo("2025-10-02"));
        given().auth()
                .oauth2(employer)
                .when()
                .get(path(a))
                .then()
                .statusCode(200)
                .body("items.id", contains(earlier, id))
                .body("totalItems", equalTo(2));

        sign(apprentice, a, id, "apprentice")
                .statusCode(200)
                .body("apprenticeSignOff.by", equalTo("apprentice-" + ULN_1 + "-subject"))
                .body("apprenticeSignOff.at", notNullValue())
                .body("complete", equalTo(false));
        sign(tutor, a, id, "provider")
                .statusCode(200)
                .body("providerSignOff.by", equalTo("tutor-" + UKPRN_1 + "-subject"));
        sign(employer, a, id, "employer")
                .statusCode(200)
                .body("employerSignOff.by", equalTo("employer-" + EMPLOYER_1 + "-subject"))
                .body("complete", equalTo(true))
                .body("version", equalTo(4));

        String before = snapshot(a, id);
        sign(apprentice, a, id, "apprentice").spec(Problems.problem(409, "conflict"));
        sign(tutor, a, id, "provider").spec(Problems.problem(409, "conflict"));
        sign(employer, a, id, "employer").spec(Problems.problem(409, "conflict"));
        put(tutor, a, id, review("2025-12-02")).spec(Problems.problem(409, "conflict"));
        assertEquals(before, snapshot(a, id));
    }

    @Test
    void partiesSignOnlyForThemselvesAndSignedReviewsAreFrozen() {
        String a = OffTheJobResourceTest.enrol(ULN_2, UKPRN_2, EMPLOYER_2, "ST1398_1.0", "2025-09-01", "2027-09-01");
        String tutor = Tokens.tutor(UKPRN_2);
        String apprentice = Tokens.apprentice(ULN_2, UKPRN_2, EMPLOYER_2);
        String employer = Tokens.employer(EMPLOYER_2);
        String id = create(tutor, a, review("2025-12-01"));
        String untouched = snapshot(a, id);

        sign(tutor, a, id, "apprentice").spec(Problems.problem(403, "forbidden"));
        sign(tutor, a, id, "employer").spec(Problems.problem(403, "forbidden"));
        sign(apprentice, a, id, "provider").spec(Problems.problem(403, "forbidden"));
        sign(employer, a, id, "apprentice").spec(Problems.problem(403, "forbidden"));
        sign(Tokens.admin(), a, id, "provider").spec(Problems.problem(403, "forbidden"));
        sign(tutor, a, id, "assessor").spec(Problems.invalid("party"));
        post(apprentice, a, review("2025-12-01")).spec(Problems.problem(403, "forbidden"));
        post(employer, a, review("2025-12-01")).spec(Problems.problem(403, "forbidden"));
        put(apprentice, a, id, review("2025-12-02")).spec(Problems.problem(403, "forbidden"));
        assertEquals(untouched, snapshot(a, id));

        sign(employer, a, id, "employer").statusCode(200).body("complete", equalTo(false));
        String signed = snapshot(a, id);
        put(tutor, a, id, review("2025-12-02")).spec(Problems.problem(409, "conflict"));
        sign(employer, a, id, "employer").spec(Problems.problem(409, "conflict"));
        assertEquals(signed, snapshot(a, id));
    }

    @Test
    void badReviewsAndForeignTenantsChangeNothing() {
        String a = OffTheJobResourceTest.enrol(ULN_3, UKPRN_3, EMPLOYER_3, "ST1398_1.0", "2025-09-01", "2027-09-01");
        String tutor = Tokens.tutor(UKPRN_3);
        String id = create(tutor, a, review("2025-12-01"));
        String before = snapshot(a, id);
        // "Today" is the injected clock's: fixed, so the day after is known without reading the system clock.
        clock.fix(Instant.parse("2026-03-01T12:00:00Z"));
        String tomorrow = "2026-03-02";

        post(tutor, a, review(tomorrow)).spec(Problems.invalid("date"));
        post(tutor, a, review("2025-08-31")).spec(Problems.invalid("date"));
        Map<String, Object> noSummary = review("2025-12-01");
        noSummary.put("summary", " ");
        post(tutor, a, noSummary).spec(Problems.invalid("summary"));
        post(tutor, a, review("2025-12-01", "K77"))
                .spec(Problems.problem(422, "unprocessable"))
                .body("validKsbCodes", hasItem("K10"));
        put(tutor, a, id, review(tomorrow)).spec(Problems.invalid("date"));
        put(tutor, a, id, review("2025-12-01", "S99")).spec(Problems.problem(422, "unprocessable"));

        String otherTutor = Tokens.tutor(UKPRN_4);
        post(otherTutor, a, review("2025-12-01")).spec(Problems.problem(404, "not-found"));
        put(otherTutor, a, id, review("2025-12-02")).spec(Problems.problem(404, "not-found"));
        sign(otherTutor, a, id, "provider").spec(Problems.problem(404, "not-found"));
        sign(Tokens.employer(EMPLOYER_4), a, id, "employer").spec(Problems.problem(404, "not-found"));
        sign(Tokens.apprentice(ULN_4, UKPRN_3, EMPLOYER_3), a, id, "apprentice")
                .spec(Problems.problem(404, "not-found"));
        given().auth()
                .oauth2(Tokens.employer(EMPLOYER_4))
                .when()
                .get(path(a) + "/" + id)
                .then()
                .spec(Problems.problem(404, "not-found"));
        given().auth().oauth2(tutor).when().get(path(a) + "?size=101").then().spec(Problems.invalid("size"));
        assertEquals(before, snapshot(a, id));
        assertEquals(1, count(a));
    }
}
