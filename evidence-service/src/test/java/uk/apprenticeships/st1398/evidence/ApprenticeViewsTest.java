package uk.apprenticeships.st1398.evidence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/**
 * Property-level access (OWASP API3): each role receives the apprentice in its own view. The employer's view (which
 * assessment-service reads, with the employer's token, for gateway readiness) keeps every member it needs but not
 * the date of birth nor who changed the status and why; the assessor's keeps identity (with
 * the date of birth) but leaves out the status history, contract and leave.
 */
@QuarkusTest
@QuarkusTestResource(value = StandardsServiceStub.class, restrictToAnnotatedClass = false)
class ApprenticeViewsTest {

    @Inject
    MongoClient mongo;

    /** The members assessment-service's EvidenceClient reads, besides dateOfBirth. */
    static final List<String> READ_BY_ASSESSMENT = List.of(
            "id",
            "uln",
            "familyName",
            "providerUkprn",
            "employerId",
            "standardVersion",
            "startDate",
            "plannedEndDate",
            "status");

    record Apprentice(String id, String uln, String ukprn, String employer, String epao) {}

    static Apprentice onBreak() {
        String uln = TestIds.uln();
        String ukprn = TestIds.ukprn();
        String employer = TestIds.employerId();
        String epao = TestIds.epaoId();
        Map<String, Object> body = new HashMap<>(Map.of(
                "uln",
                uln,
                "givenName",
                "Ada",
                "familyName",
                "Viewed",
                "dateOfBirth",
                "2001-12-10",
                "providerUkprn",
                ukprn,
                "employerId",
                employer,
                "standardVersion",
                "ST1398_1.0",
                "startDate",
                "2025-09-01",
                "plannedEndDate",
                "2027-09-01",
                "assessmentOrganisationId",
                epao));
        String id = given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(body)
                .when()
                .post("/api/v1/apprentices")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(Tokens.tutor(ukprn))
                .contentType("application/json")
                .body(Map.of(
                        "status",
                        "break-in-learning",
                        "reason",
                        "Medical: private detail",
                        "effectiveDate",
                        "2026-01-05"))
                .when()
                .post("/api/v1/apprentices/" + id + "/status")
                .then()
                .statusCode(200);
        return new Apprentice(id, uln, ukprn, employer, epao);
    }

    static ValidatableResponse read(String token, String path) {
        return given().auth().oauth2(token).when().get(path).then();
    }

    @Test
    void theApprenticeTheirProviderAndAdminsSeeTheWholeRecord() {
        Apprentice a = onBreak();
        for (String token :
                List.of(Tokens.tutor(a.ukprn()), Tokens.admin(), Tokens.apprentice(a.uln(), a.ukprn(), a.employer()))) {
            read(token, "/api/v1/apprentices/" + a.id())
                    .statusCode(200)
                    .body("view", equalTo("full"))
                    .body("dateOfBirth", equalTo("2001-12-10"))
                    .body("$", not(hasKey("ageAtStart")))
                    .body("plannedLeaveWeeks", equalTo(0))
                    .body("statusHistory[1].reason", equalTo("Medical: private detail"))
                    .body("statusHistory[1].by", equalTo("tutor-" + a.ukprn() + "-subject"))
                    .body("statusHistory[1].role", equalTo("tutor"));
        }
    }

    @Test
    void employersSeeNoDateOfBirthAndNoReasonsButWhatGatewayReadinessNeeds() {
        Apprentice a = onBreak();
        String employer = Tokens.employer(a.employer());
        ValidatableResponse one = read(employer, "/api/v1/apprentices/" + a.id())
                .statusCode(200)
                .body("view", equalTo("employer"))
                .body("$", not(hasKey("dateOfBirth")))
                .body("ageAtStart", equalTo(23))
                .body("plannedLeaveWeeks", equalTo(0))
                .body("statusHistory[1].status", equalTo("break-in-learning"))
                .body("statusHistory[1].effectiveDate", equalTo("2026-01-05"))
                .body("statusHistory[1]", not(hasKey("reason")))
                .body("statusHistory[1]", not(hasKey("by")))
                .body("statusHistory[1]", not(hasKey("byName")));
        for (String member : READ_BY_ASSESSMENT) {
            one.body(member, notNullValue());
        }
        read(employer, "/api/v1/apprentices?size=100")
                .statusCode(200)
                .body("items[0].view", equalTo("employer"))
                .body("items[0]", not(hasKey("dateOfBirth")))
                .body("items[0].id", equalTo(a.id()));

        // Gateway readiness: assessment-service reads these two with the employer's token.
        read(employer, "/api/v1/apprentices/" + a.id() + "/coverage")
                .statusCode(200)
                .body("standardVersion", equalTo("ST1398_1.0"))
                .body("totalKsbs", equalTo(25))
                .body("ksbs[0].code", equalTo("K1"));
        read(employer, "/api/v1/apprentices/" + a.id() + "/off-the-job/summary")
                .statusCode(200)
                .body("requiredHours", equalTo(418))
                .body("approvedHours", equalTo(0.0f));

        // Another employer's apprentice does not exist for them.
        String other = Tokens.employer(TestIds.employerId());
        for (String path : List.of("", "/coverage", "/off-the-job/summary")) {
            read(other, "/api/v1/apprentices/" + a.id() + path)
                    .spec(Problems.problem(404, "not-found", "apprentice-not-found"));
        }
    }

    /** Enums are stored as the strings they always were, and the status change carries the whole stamp. */
    @Test
    void storedValuesAndStampsKeepTheirShape() {
        Apprentice a = onBreak();
        Document stored = mongo.getDatabase("evidence")
                .getCollection("apprentices")
                .find(Filters.eq("_id", new ObjectId(a.id())))
                .first();
        assertEquals("break-in-learning", stored.getString("status"));
        Document change = stored.getList("statusHistory", Document.class).get(1);
        assertEquals("break-in-learning", change.getString("status"));
        Document stamp = change.get("stamp", Document.class);
        assertEquals("tutor-" + a.ukprn() + "-subject", stamp.getString("subject"));
        assertEquals("tutor-" + a.ukprn(), stamp.getString("displayName"));
        assertEquals("tutor", stamp.getString("role"));
        assertNotNull(stamp.getString("requestId"));
        assertNotNull(stamp.getDate("at"));
    }

    @Test
    void assessorsSeeOnlyWhatAnAssessmentNeeds() {
        Apprentice a = onBreak();
        read(Tokens.assessor(a.epao()), "/api/v1/apprentices/" + a.id())
                .statusCode(200)
                .body("view", equalTo("assessor"))
                .body("dateOfBirth", equalTo("2001-12-10"))
                .body("$", not(hasKey("statusHistory")))
                .body("$", not(hasKey("contractedWeeklyHours")))
                .body("$", not(hasKey("plannedLeaveWeeks")))
                .body("$", not(hasKey("createdAt")))
                .body("$", not(hasKey("ageAtStart")))
                .body("uln", equalTo(a.uln()))
                .body("status", equalTo("break-in-learning"))
                .body("assessmentOrganisationId", equalTo(a.epao()));
    }
}
