package uk.apprenticeships.st1398.evidence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/** Every test uses its own ULNs, providers and employers: all test classes share one database. */
@QuarkusTest
class ApprenticeResourceTest {

    /** Fresh ids for this class's records: the database is shared, so no two test classes meet. */
    static final String EPAO_1 = TestIds.epaoId();

    static final String UKPRN_1 = TestIds.ukprn();
    static final String UKPRN_2 = TestIds.ukprn();
    static final String UKPRN_3 = TestIds.ukprn();
    static final String UKPRN_4 = TestIds.ukprn();
    static final String UKPRN_5 = TestIds.ukprn();
    static final String UKPRN_6 = TestIds.ukprn();
    static final String UKPRN_7 = TestIds.ukprn();
    static final String UKPRN_8 = TestIds.ukprn();
    static final String UKPRN_9 = TestIds.ukprn();
    static final String UKPRN_10 = TestIds.ukprn();
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
    static final String ULN_12 = TestIds.uln();
    static final String ULN_13 = TestIds.uln();
    static final String ULN_14 = TestIds.uln();
    static final String ULN_15 = TestIds.uln();

    private static final String PATH = "/api/v1/apprentices";

    private static Map<String, Object> apprentice(String uln, String ukprn, String employerId, String familyName) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "uln",
                uln,
                "givenName",
                "Ada",
                "familyName",
                familyName,
                "dateOfBirth",
                "2001-12-10",
                "providerUkprn",
                ukprn,
                "standardVersion",
                "ST1398_1.0",
                "startDate",
                "2025-09-01",
                "plannedEndDate",
                "2027-09-01"));
        if (employerId != null) {
            body.put("employerId", employerId);
        }
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    private static ValidatableResponse post(String token, Object body) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .when()
                .post(PATH)
                .then();
    }

    private static String create(String token, Map<String, Object> body) {
        return post(token, body).statusCode(201).extract().path("id");
    }

    private static ValidatableResponse get(String token, String id) {
        return given().auth().oauth2(token).when().get(PATH + "/" + id).then();
    }

    private static ValidatableResponse list(String token, String query) {
        return given().auth().oauth2(token).when().get(PATH + "?" + query).then();
    }

    private static int total() {
        return list(Tokens.admin(), "size=1").statusCode(200).extract().path("totalItems");
    }

    private static String lms(String ukprn) {
        return Tokens.token("lms-" + ukprn, Set.of("lms-integration"), Map.of("provider_ukprn", ukprn));
    }

    @Test
    void tutorCreatesGetsAndLists() {
        String tutor = Tokens.tutor(UKPRN_1);
        ExtractableResponse<Response> created = post(tutor, apprentice(ULN_1, UKPRN_1, "EMP-A", " Lovelace "))
                .statusCode(201)
                .body("status", equalTo("active"))
                .body("familyName", equalTo("Lovelace"))
                .extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith(PATH + "/" + id), created.header("Location"));

        get(tutor, id)
                .statusCode(200)
                .body("id", equalTo(id))
                .body("uln", equalTo(ULN_1))
                .body("givenName", equalTo("Ada"))
                .body("familyName", equalTo("Lovelace"))
                .body("dateOfBirth", equalTo("2001-12-10"))
                .body("providerUkprn", equalTo(UKPRN_1))
                .body("employerId", equalTo("EMP-A"))
                .body("standardVersion", equalTo("ST1398_1.0"))
                .body("startDate", equalTo("2025-09-01"))
                .body("plannedEndDate", equalTo("2027-09-01"))
                .body("status", equalTo("active"))
                .body("statusHistory", hasSize(1))
                .body("statusHistory[0].status", equalTo("active"))
                .body("statusHistory[0].by", equalTo("tutor-" + UKPRN_1 + "-subject"))
                .body("statusHistory[0].at", equalTo(created.path("statusHistory[0].at")))
                .body("createdAt", equalTo(created.path("createdAt")));
        list(tutor, "standardVersion=ST1398_1.0&status=active&size=100")
                .statusCode(200)
                .body("items.id", hasItem(id))
                .body("items.providerUkprn", everyItem(equalTo(UKPRN_1)));
        list(tutor, "status=withdrawn&size=100").statusCode(200).body("items.id", not(hasItem(id)));
        list(tutor, "standardVersion=ST0001_1.0").statusCode(200).body("items.id", not(hasItem(id)));
    }

    @Test
    void lmsClientCreatesForItsOwnProvider() {
        String id = create(lms(UKPRN_2), apprentice(ULN_2, UKPRN_2, null, "Turing"));
        get(Tokens.tutor(UKPRN_2), id)
                .statusCode(200)
                .body("employerId", equalTo(null))
                .body("statusHistory[0].by", equalTo("lms-" + UKPRN_2 + "-subject"));
        post(lms(UKPRN_2), apprentice(ULN_3, UKPRN_3, null, "Turing")).spec(Problems.invalid("providerUkprn"));
    }

    @Test
    void listsAreSortedAndPagedStably() {
        String tutor = Tokens.tutor(UKPRN_4);
        String zephyr = create(tutor, apprentice(ULN_4, UKPRN_4, null, "Zephyr"));
        String brown1 = create(tutor, apprentice(ULN_5, UKPRN_4, null, "Brown"));
        String adams = create(tutor, apprentice(ULN_6, UKPRN_4, null, "Adams"));
        String brown2 = create(tutor, apprentice(ULN_7, UKPRN_4, null, "Brown"));
        List<String> browns = brown1.compareTo(brown2) < 0 ? List.of(brown1, brown2) : List.of(brown2, brown1);
        list(tutor, "size=2&page=0")
                .statusCode(200)
                .body("items.id", contains(adams, browns.get(0)))
                .body("totalItems", equalTo(4))
                .body("totalPages", equalTo(2))
                .body("page", equalTo(0))
                .body("size", equalTo(2));
        list(tutor, "size=2&page=1").statusCode(200).body("items.id", contains(browns.get(1), zephyr));
        list(tutor, "size=2&page=2").statusCode(200).body("items", hasSize(0)).body("totalItems", equalTo(4));
    }

    @Test
    void badQueriesAreProblems() {
        String tutor = Tokens.tutor(UKPRN_1);
        list(tutor, "size=0").spec(Problems.invalid("size"));
        list(tutor, "size=101").spec(Problems.invalid("size"));
        list(tutor, "page=-1").spec(Problems.invalid("page"));
        list(tutor, "status=dormant").spec(Problems.invalid("status"));
        list(tutor, "standardVersion=ST1398").spec(Problems.invalid("standardVersion"));
        get(tutor, "not-an-id").spec(Problems.invalid("id"));
        get(tutor, "0123456789abcdef01234567")
                .spec(Problems.problem(404, "not-found"))
                .body("instance", equalTo(PATH + "/0123456789abcdef01234567"));
    }

    @Test
    void invalidWritesChangeNothing() {
        String tutor = Tokens.tutor(UKPRN_5);
        Map<String, Object> valid = apprentice(ULN_8, UKPRN_5, "EMP-F", "Noether");
        create(tutor, valid);
        int before = total();

        post(tutor, with(valid, "uln", "123")).spec(Problems.invalid("uln"));
        post(tutor, with(valid, "uln", "0999999999")).spec(Problems.invalid("uln"));
        post(tutor, with(valid, "uln", "10000006011")).spec(Problems.invalid("uln"));
        post(Tokens.admin(), with(valid, "providerUkprn", "1000006")).spec(Problems.invalid("providerUkprn"));
        post(Tokens.admin(), with(valid, "providerUkprn", "1000000A")).spec(Problems.invalid("providerUkprn"));
        post(tutor, with(valid, "plannedEndDate", "2025-08-31")).spec(Problems.invalid("plannedEndDate"));
        post(tutor, with(valid, "plannedEndDate", "2025-09-01")).spec(Problems.invalid("plannedEndDate"));
        post(tutor, with(valid, "dateOfBirth", LocalDate.now().plusDays(1).toString()))
                .spec(Problems.invalid("dateOfBirth"));
        post(tutor, with(valid, "standardVersion", "ST1398")).spec(Problems.invalid("standardVersion"));
        post(tutor, with(valid, "givenName", " ")).spec(Problems.invalid("givenName"));
        post(tutor, with(valid, "familyName", "x".repeat(101))).spec(Problems.invalid("familyName"));
        post(tutor, with(valid, "employerId", "e".repeat(51))).spec(Problems.invalid("employerId"));
        post(tutor, Map.of())
                .spec(Problems.invalid("uln"))
                .body(
                        "violations.field",
                        hasItems(
                                "givenName",
                                "familyName",
                                "dateOfBirth",
                                "providerUkprn",
                                "standardVersion",
                                "startDate",
                                "plannedEndDate"));
        // Another provider's ULN is its own business; the foreign-provider rule is what refuses this.
        post(tutor, with(with(valid, "providerUkprn", UKPRN_6), "uln", ULN_9))
                .spec(Problems.invalid("providerUkprn"))
                .body("detail", equalTo("1 input is invalid: providerUkprn must be your own provider"));
        post(tutor, with(with(valid, "providerUkprn", UKPRN_6), "plannedEndDate", "2020-01-01"))
                .spec(Problems.invalid("providerUkprn"))
                .body("violations.field", hasItem("plannedEndDate"));
        post(tutor, valid).spec(Problems.problem(409, "conflict", "apprentice-already-enrolled"));
        post(tutor, with(valid, "familyName", "Someone else"))
                .spec(Problems.problem(409, "conflict", "apprentice-already-enrolled"));
        post(tutor, "{\"uln\": \"" + ULN_10 + "\", ").spec(Problems.problem(400, "malformed-request-body"));
        post(tutor, with(valid, "startDate", "first of September"))
                .spec(Problems.problem(400, "malformed-request-body"))
                .body("violations.field", hasItem("startDate"));
        post(Tokens.employer("EMP-F"), with(valid, "uln", ULN_11)).spec(Problems.problem(403, "forbidden"));
        given().contentType("application/json")
                .body(with(valid, "uln", ULN_12))
                .when()
                .post(PATH)
                .then()
                .spec(Problems.problem(401, "unauthorized"));

        assertEquals(before, total());
    }

    @Test
    void sameUlnMayStudyWithAnotherProvider() {
        create(Tokens.tutor(UKPRN_7), apprentice(ULN_13, UKPRN_7, null, "Franklin"));
        create(Tokens.tutor(UKPRN_8), apprentice(ULN_13, UKPRN_8, null, "Franklin"));
    }

    @Test
    void tenantsAreIsolatedEndpointByEndpoint() {
        String mine = create(Tokens.tutor(UKPRN_9), apprentice(ULN_14, UKPRN_9, "EMP-I1", "Curie"));
        String theirs = create(Tokens.admin(), apprentice(ULN_15, UKPRN_10, "EMP-I2", "Meitner"));

        String otherTutor = Tokens.tutor(UKPRN_10);
        get(otherTutor, mine).spec(Problems.problem(404, "not-found"));
        get(otherTutor, theirs).statusCode(200);
        list(otherTutor, "size=100")
                .statusCode(200)
                .body("items.id", not(hasItem(mine)))
                .body("items.id", hasItem(theirs))
                .body("items.providerUkprn", everyItem(equalTo(UKPRN_10)));
        get(lms(UKPRN_10), mine).spec(Problems.problem(404, "not-found"));

        String employer = Tokens.employer("EMP-I1");
        get(employer, mine).statusCode(200);
        get(employer, theirs).spec(Problems.problem(404, "not-found"));
        list(employer, "size=100").statusCode(200).body("items.id", contains(mine));

        String apprentice = Tokens.apprentice(ULN_14, UKPRN_9, "EMP-I1");
        get(apprentice, mine).statusCode(200).body("uln", equalTo(ULN_14));
        get(apprentice, theirs).spec(Problems.problem(404, "not-found"));
        list(apprentice, "size=100").statusCode(200).body("items.id", contains(mine));

        // Neither is assigned to this assessment organisation.
        String assessor = Tokens.assessor(EPAO_1);
        list(assessor, "size=100")
                .statusCode(200)
                .body("items.id", not(hasItem(mine)))
                .body("items.id", not(hasItem(theirs)));
        get(assessor, mine).spec(Problems.problem(404, "not-found"));

        // A scoped role without its tenant claim must not fall back to seeing everything.
        String claimless = Tokens.token("tutor-without-provider", "tutor");
        list(claimless, "size=100").spec(Problems.problem(403, "forbidden"));
        get(claimless, mine).spec(Problems.problem(403, "forbidden"));

        // Other test classes share the database, so the admin's list may run to several pages: read them all.
        List<String> all = new java.util.ArrayList<>();
        int pages = 1;
        for (int page = 0; page < pages; page++) {
            io.restassured.path.json.JsonPath json = list(Tokens.admin(), "size=100&page=" + page)
                    .statusCode(200)
                    .body("totalItems", greaterThanOrEqualTo(2))
                    .extract()
                    .jsonPath();
            all.addAll(json.getList("items.id", String.class));
            pages = json.getInt("totalPages");
        }
        org.hamcrest.MatcherAssert.assertThat(all, hasItems(mine, theirs));
        get(Tokens.admin(), mine).statusCode(200);
        get(Tokens.admin(), theirs).statusCode(200);

        given().when().get(PATH).then().spec(Problems.problem(401, "unauthorized"));
        given().when().get(PATH + "/" + mine).then().spec(Problems.problem(401, "unauthorized"));
        given().auth()
                .oauth2(Tokens.forged())
                .when()
                .get(PATH + "/" + mine)
                .then()
                .spec(Problems.problem(401, "unauthorized"));
    }
}
