package uk.apprenticeships.st1398.assessment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static uk.apprenticeships.st1398.assessment.AssessmentApi.as;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.assessment.domain.AssessmentOrganisation;
import uk.apprenticeships.st1398.assessment.repository.AssessmentOrganisationRepository;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/**
 * The directory of assessment organisations. Each test takes its organisation ids and UKPRNs from TestIds: the database
 * is shared, so ids that must be unknown are fresh ones never registered.
 */
@QuarkusTest
class AssessmentOrganisationResourceTest {

    private static final String PATH = "/api/v1/assessment-organisations";

    @Inject
    AssessmentOrganisationRepository repository;

    /** The UKPRN of this test's organisations. */
    private final String ukprn = TestIds.ukprn();

    private Map<String, Object> organisation(String epaoId, String name) {
        Map<String, Object> body = new HashMap<>(Map.of("epaoId", epaoId, "name", name));
        body.put("ukprn", ukprn);
        body.put("contactEmail", "epa@example.org");
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    private static void create(Map<String, Object> body) {
        as(Tokens.admin()).body(body).when().post(PATH).then().statusCode(201);
    }

    private static int count() {
        return given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get(PATH)
                .then()
                .statusCode(200)
                .extract()
                .path("totalItems");
    }

    private AssessmentOrganisation stored(String epaoId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> repository.findByEpaoId(epaoId).orElseThrow());
    }

    @Test
    void adminRegistersAndReplacesAnOrganisation() {
        String epaoId = TestIds.epaoId();
        as(Tokens.admin())
                .body(organisation(epaoId, "  Digital Skills Assessment  "))
                .when()
                .post(PATH)
                .then()
                .statusCode(201)
                .header("Location", endsWith(PATH + "/" + epaoId))
                .body("epaoId", equalTo(epaoId))
                .body("name", equalTo("Digital Skills Assessment"))
                .body("ukprn", equalTo(ukprn))
                .body("contactEmail", equalTo("epa@example.org"))
                .body("createdAt", notNullValue())
                .body("createdBy", nullValue());
        given().auth()
                .oauth2(Tokens.tutor(TestIds.ukprn()))
                .when()
                .get(PATH + "/" + epaoId)
                .then()
                .statusCode(200)
                .body("name", equalTo("Digital Skills Assessment"));

        as(Tokens.token("admin2", "admin"))
                .body(Map.of("epaoId", epaoId, "name", "Renamed"))
                .when()
                .put(PATH + "/" + epaoId)
                .then()
                .statusCode(200)
                .body("name", equalTo("Renamed"))
                .body("ukprn", nullValue())
                .body("contactEmail", nullValue());
        given().auth()
                .oauth2(Tokens.assessor(epaoId))
                .when()
                .get(PATH + "/" + epaoId)
                .then()
                .statusCode(200)
                .body("name", equalTo("Renamed"))
                .body("ukprn", nullValue());

        AssessmentOrganisation row = stored(epaoId);
        // The platform's stamp: the token subject (stable), the display name, the role and the request.
        assertEquals("admin1-subject", row.created.subject);
        assertEquals("admin1", row.created.displayName);
        assertEquals("admin", row.created.role);
        assertNotNull(row.created.requestId);
        assertEquals("admin2-subject", row.updated.subject);
        assertEquals("admin2", row.updated.displayName);
    }

    @Test
    void listIsPagedOrderedByEpaoIdAndFilteredByName() {
        // Three fresh ids in order, registered out of order; the names share a marker no other test uses.
        List<String> ids = new ArrayList<>(List.of(TestIds.epaoId(), TestIds.epaoId(), TestIds.epaoId()));
        ids.sort(null);
        String marker = "listtest" + TestIds.suffix();
        create(organisation(ids.get(2), "Alpha " + marker));
        create(organisation(ids.get(0), "Gamma " + marker.toUpperCase()));
        create(organisation(ids.get(1), "Beta 100% " + marker));
        for (String token : List.of(
                Tokens.admin(),
                Tokens.token("reg1", "regulator"),
                Tokens.assessor(TestIds.epaoId()),
                Tokens.tutor(TestIds.ukprn()),
                Tokens.employer(TestIds.employerId()),
                Tokens.token("lms1", "lms-integration"))) {
            given().auth()
                    .oauth2(token)
                    .when()
                    .get(PATH + "?q=" + marker)
                    .then()
                    .statusCode(200)
                    .body("items.epaoId", contains(ids.get(0), ids.get(1), ids.get(2)))
                    .body("totalItems", equalTo(3));
        }
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get(PATH + "?q=" + marker + "&size=2&page=1")
                .then()
                .statusCode(200)
                .body("items.epaoId", contains(ids.get(2)))
                .body("page", equalTo(1))
                .body("size", equalTo(2))
                .body("totalPages", equalTo(2));
        // LIKE wildcards in q are literal text, not patterns.
        given().auth()
                .oauth2(Tokens.admin())
                .queryParam("q", "0%")
                .when()
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items.epaoId", contains(ids.get(1)));
        given().auth()
                .oauth2(Tokens.admin())
                .queryParam("q", "__")
                .when()
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void unknownAndMalformedIds() {
        String unknown = TestIds.epaoId();
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get(PATH + "/" + unknown)
                .then()
                .spec(Problems.problem(404, "not-found"))
                .body("instance", equalTo(PATH + "/" + unknown));
        given().auth().oauth2(Tokens.admin()).when().get(PATH + "/EPA12").then().spec(Problems.invalid("epaoId"));
        String ghost = TestIds.epaoId();
        as(Tokens.admin())
                .body(organisation(ghost, "Ghost"))
                .when()
                .put(PATH + "/" + ghost)
                .then()
                .spec(Problems.problem(404, "not-found"));
        as(Tokens.admin())
                .body(organisation("EPA12", "Bad"))
                .when()
                .put(PATH + "/EPA12")
                .then()
                .spec(Problems.invalid("epaoId"));
    }

    @Test
    void badPagingAndFiltersAreProblems() {
        int before = count();
        for (String query : List.of("size=0", "size=101", "page=-1", "q=x", "q=" + "x".repeat(101))) {
            String field = query.substring(0, query.indexOf('='));
            given().auth()
                    .oauth2(Tokens.admin())
                    .when()
                    .get(PATH + "?" + query)
                    .then()
                    .spec(Problems.invalid(field));
        }
        assertEquals(before, count());
    }

    @Test
    void invalidWritesChangeNothing() {
        String epaoId = TestIds.epaoId();
        String path = PATH + "/" + epaoId;
        Map<String, Object> valid = organisation(epaoId, "Original");
        create(valid);
        int before = count();
        for (String[] bad : new String[][] {
            {"epaoId", "EPA301"},
            {"epaoId", "XYZ0301"},
            {"name", " "},
            {"name", "n".repeat(201)},
            {"contactEmail", "nope"},
            {"ukprn", "1234567"},
            {"ukprn", "1234567a"}
        }) {
            as(Tokens.admin())
                    .body(with(organisation(TestIds.epaoId(), "New"), bad[0], bad[1]))
                    .when()
                    .post(PATH)
                    .then()
                    .spec(Problems.invalid(bad[0]));
            as(Tokens.admin())
                    .body(with(valid, bad[0], bad[1]))
                    .when()
                    .put(path)
                    .then()
                    .spec(Problems.invalid(bad[0]));
        }
        as(Tokens.admin())
                .body(with(valid, "name", "Duplicate"))
                .when()
                .post(PATH)
                .then()
                .spec(Problems.problem(409, "conflict"));
        as(Tokens.admin())
                .body(organisation(TestIds.epaoId(), "Other"))
                .when()
                .put(path)
                .then()
                .spec(Problems.invalid("epaoId"));
        String unregistered = TestIds.epaoId();
        as(Tokens.admin())
                .body("{\"epaoId\": \"" + unregistered + "\", ")
                .when()
                .post(PATH)
                .then()
                .spec(Problems.problem(400, "malformed-request-body"));
        as(Tokens.admin())
                .body("{\"epaoId\": \"" + unregistered + "\", \"name\": [1]}")
                .when()
                .post(PATH)
                .then()
                .spec(Problems.problem(400, "malformed-request-body"))
                .body("violations.field", hasItem("name"));
        as(Tokens.admin()).when().put(path).then().spec(Problems.problem(400, "validation-failed"));
        as(Tokens.tutor(ukprn))
                .body(organisation(TestIds.epaoId(), "Not allowed"))
                .when()
                .post(PATH)
                .then()
                .spec(Problems.problem(403, "forbidden"));
        as(Tokens.assessor(epaoId))
                .body(with(valid, "name", "Hijacked"))
                .when()
                .put(path)
                .then()
                .spec(Problems.problem(403, "forbidden"));

        assertEquals(before, count());
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .body("name", equalTo("Original"))
                .body("ukprn", equalTo(ukprn));
    }

    @Test
    void readsNeedATokenOfAPlatformRole() {
        given().when().get(PATH).then().spec(Problems.problem(401, "unauthorized"));
        String epaoId = AssessmentApi.freshOrganisation();
        given().when().get(PATH + "/" + epaoId).then().spec(Problems.problem(401, "unauthorized"));
        String apprentice = Tokens.apprentice(TestIds.uln(), TestIds.ukprn(), TestIds.employerId());
        given().auth().oauth2(apprentice).when().get(PATH).then().spec(Problems.problem(403, "forbidden"));
        given().auth()
                .oauth2(apprentice)
                .when()
                .get(PATH + "/" + epaoId)
                .then()
                .spec(Problems.problem(403, "forbidden"));
    }

    @Test
    void concurrentDuplicateCreatesGiveOneOrganisationAndConflicts() throws Exception {
        String epaoId = TestIds.epaoId();
        int callers = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                String token = Tokens.admin();
                statuses.add(pool.submit(() -> {
                    start.await();
                    return as(token)
                            .body(organisation(epaoId, "Raced"))
                            .when()
                            .post(PATH)
                            .then()
                            .extract()
                            .statusCode();
                }));
            }
            start.countDown();
            List<Integer> seen = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                seen.add(status.get());
            }
            assertEquals(1, seen.stream().filter(s -> s == 201).count(), "statuses " + seen);
            assertEquals(callers - 1, seen.stream().filter(s -> s == 409).count(), "statuses " + seen);
        } finally {
            pool.shutdownNow();
        }
    }
}
