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
import uk.apprenticeships.st1398.testing.Tokens;

/** Every test uses its own ULNs, providers and employers: all test classes share one database. */
@QuarkusTest
class ApprenticeResourceTest {

    private static final String PATH = "/api/v1/apprentices";

    private static Map<String, Object> apprentice(String uln, String ukprn, String employerId, String familyName) {
        Map<String, Object> body = new HashMap<>(Map.of("uln", uln, "givenName", "Ada", "familyName", familyName,
                "dateOfBirth", "2001-12-10", "providerUkprn", ukprn, "standardVersion", "ST1398_1.0",
                "startDate", "2025-09-01", "plannedEndDate", "2027-09-01"));
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
        return given().auth().oauth2(token).contentType("application/json").body(body).when().post(PATH).then();
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
        String tutor = Tokens.tutor("10000001");
        ExtractableResponse<Response> created = post(tutor,
                apprentice("1000000001", "10000001", "EMP-A", " Lovelace ")).statusCode(201)
                .body("status", equalTo("active")).body("familyName", equalTo("Lovelace")).extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith(PATH + "/" + id), created.header("Location"));

        get(tutor, id).statusCode(200).body("id", equalTo(id)).body("uln", equalTo("1000000001"))
                .body("givenName", equalTo("Ada")).body("familyName", equalTo("Lovelace"))
                .body("dateOfBirth", equalTo("2001-12-10")).body("providerUkprn", equalTo("10000001"))
                .body("employerId", equalTo("EMP-A")).body("standardVersion", equalTo("ST1398_1.0"))
                .body("startDate", equalTo("2025-09-01")).body("plannedEndDate", equalTo("2027-09-01"))
                .body("status", equalTo("active")).body("statusHistory", hasSize(1))
                .body("statusHistory[0].status", equalTo("active"))
                .body("statusHistory[0].by", equalTo("tutor-10000001-subject"))
                .body("statusHistory[0].at", equalTo(created.path("statusHistory[0].at")))
                .body("createdAt", equalTo(created.path("createdAt")));
        list(tutor, "standardVersion=ST1398_1.0&status=active&size=100").statusCode(200)
                .body("items.id", hasItem(id)).body("items.providerUkprn", everyItem(equalTo("10000001")));
        list(tutor, "status=withdrawn&size=100").statusCode(200).body("items.id", not(hasItem(id)));
        list(tutor, "standardVersion=ST0001_1.0").statusCode(200).body("items.id", not(hasItem(id)));
    }

    @Test
    void lmsClientCreatesForItsOwnProvider() {
        String id = create(lms("10000003"), apprentice("1000000301", "10000003", null, "Turing"));
        get(Tokens.tutor("10000003"), id).statusCode(200).body("employerId", equalTo(null))
                .body("statusHistory[0].by", equalTo("lms-10000003-subject"));
        post(lms("10000003"), apprentice("1000000302", "10000004", null, "Turing"))
                .spec(Problems.invalid("providerUkprn"));
    }

    @Test
    void listsAreSortedAndPagedStably() {
        String tutor = Tokens.tutor("10000005");
        String zephyr = create(tutor, apprentice("1000000501", "10000005", null, "Zephyr"));
        String brown1 = create(tutor, apprentice("1000000502", "10000005", null, "Brown"));
        String adams = create(tutor, apprentice("1000000503", "10000005", null, "Adams"));
        String brown2 = create(tutor, apprentice("1000000504", "10000005", null, "Brown"));
        List<String> browns = brown1.compareTo(brown2) < 0 ? List.of(brown1, brown2) : List.of(brown2, brown1);
        list(tutor, "size=2&page=0").statusCode(200).body("items.id", contains(adams, browns.get(0)))
                .body("totalItems", equalTo(4)).body("totalPages", equalTo(2)).body("page", equalTo(0))
                .body("size", equalTo(2));
        list(tutor, "size=2&page=1").statusCode(200).body("items.id", contains(browns.get(1), zephyr));
        list(tutor, "size=2&page=2").statusCode(200).body("items", hasSize(0)).body("totalItems", equalTo(4));
    }

    @Test
    void badQueriesAreProblems() {
        String tutor = Tokens.tutor("10000001");
        list(tutor, "size=0").spec(Problems.invalid("size"));
        list(tutor, "size=101").spec(Problems.invalid("size"));
        list(tutor, "page=-1").spec(Problems.invalid("page"));
        list(tutor, "status=dormant").spec(Problems.invalid("status"));
        list(tutor, "standardVersion=ST1398").spec(Problems.invalid("standardVersion"));
        get(tutor, "not-an-id").spec(Problems.invalid("id"));
        get(tutor, "0123456789abcdef01234567").spec(Problems.problem(404, "not-found"))
                .body("instance", equalTo(PATH + "/0123456789abcdef01234567"));
    }

    @Test
    void invalidWritesChangeNothing() {
        String tutor = Tokens.tutor("10000006");
        Map<String, Object> valid = apprentice("1000000601", "10000006", "EMP-F", "Noether");
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
        post(tutor, Map.of()).spec(Problems.invalid("uln")).body("violations.field",
                hasItems("givenName", "familyName", "dateOfBirth", "providerUkprn", "standardVersion", "startDate",
                        "plannedEndDate"));
        // Another provider's ULN is its own business; the foreign-provider rule is what refuses this.
        post(tutor, with(with(valid, "providerUkprn", "10000002"), "uln", "1000000602"))
                .spec(Problems.invalid("providerUkprn")).body("detail", equalTo(
                        "1 input is invalid: providerUkprn must be your own provider"));
        post(tutor, with(with(valid, "providerUkprn", "10000002"), "plannedEndDate", "2020-01-01"))
                .spec(Problems.invalid("providerUkprn")).body("violations.field", hasItem("plannedEndDate"));
        post(tutor, valid).spec(Problems.problem(409, "conflict"));
        post(tutor, with(valid, "familyName", "Someone else")).spec(Problems.problem(409, "conflict"));
        post(tutor, "{\"uln\": \"1000000603\", ").spec(Problems.problem(400, "malformed-request-body"));
        post(tutor, with(valid, "startDate", "first of September"))
                .spec(Problems.problem(400, "malformed-request-body")).body("violations.field", hasItem("startDate"));
        post(Tokens.employer("EMP-F"), with(valid, "uln", "1000000604")).spec(Problems.problem(403, "forbidden"));
        given().contentType("application/json").body(with(valid, "uln", "1000000605")).when().post(PATH).then()
                .spec(Problems.problem(401, "unauthorized"));

        assertEquals(before, total());
    }

    @Test
    void sameUlnMayStudyWithAnotherProvider() {
        create(Tokens.tutor("10000007"), apprentice("1000000701", "10000007", null, "Franklin"));
        create(Tokens.tutor("10000008"), apprentice("1000000701", "10000008", null, "Franklin"));
    }

    @Test
    void tenantsAreIsolatedEndpointByEndpoint() {
        String mine = create(Tokens.tutor("10000009"), apprentice("1000000901", "10000009", "EMP-I1", "Curie"));
        String theirs = create(Tokens.admin(), apprentice("1000000902", "10000010", "EMP-I2", "Meitner"));

        String otherTutor = Tokens.tutor("10000010");
        get(otherTutor, mine).spec(Problems.problem(404, "not-found"));
        get(otherTutor, theirs).statusCode(200);
        list(otherTutor, "size=100").statusCode(200).body("items.id", not(hasItem(mine)))
                .body("items.id", hasItem(theirs)).body("items.providerUkprn", everyItem(equalTo("10000010")));
        get(lms("10000010"), mine).spec(Problems.problem(404, "not-found"));

        String employer = Tokens.employer("EMP-I1");
        get(employer, mine).statusCode(200);
        get(employer, theirs).spec(Problems.problem(404, "not-found"));
        list(employer, "size=100").statusCode(200).body("items.id", contains(mine));

        String apprentice = Tokens.apprentice("1000000901", "10000009", "EMP-I1");
        get(apprentice, mine).statusCode(200).body("uln", equalTo("1000000901"));
        get(apprentice, theirs).spec(Problems.problem(404, "not-found"));
        list(apprentice, "size=100").statusCode(200).body("items.id", contains(mine));

        // Neither is assigned to this assessment organisation.
        String assessor = Tokens.assessor("EPA0001");
        list(assessor, "size=100").statusCode(200).body("items.id", not(hasItem(mine)))
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
            io.restassured.path.json.JsonPath json = list(Tokens.admin(), "size=100&page=" + page).statusCode(200)
                    .body("totalItems", greaterThanOrEqualTo(2)).extract().jsonPath();
            all.addAll(json.getList("items.id", String.class));
            pages = json.getInt("totalPages");
        }
        org.hamcrest.MatcherAssert.assertThat(all, hasItems(mine, theirs));
        get(Tokens.admin(), mine).statusCode(200);
        get(Tokens.admin(), theirs).statusCode(200);

        given().when().get(PATH).then().spec(Problems.problem(401, "unauthorized"));
        given().when().get(PATH + "/" + mine).then().spec(Problems.problem(401, "unauthorized"));
        given().auth().oauth2(Tokens.forged()).when().get(PATH + "/" + mine).then()
                .spec(Problems.problem(401, "unauthorized"));
    }
}
