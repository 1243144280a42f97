package uk.apprenticeships.st1398.evidence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/**
 * Assessors read the records of apprentices assigned to their assessment organisation and change nothing; the
 * programme endpoint assigns the organisation.
 */
@QuarkusTest
@QuarkusTestResource(value = StandardsServiceStub.class, restrictToAnnotatedClass = false)
class AssessorAccessTest {

    /** Fresh ids for this class's records: the database is shared, so no two test classes meet. */
    static final String EMPLOYER_1 = TestIds.employerId();

    static final String EMPLOYER_2 = TestIds.employerId();
    static final String EPAO_1 = TestIds.epaoId();
    static final String EPAO_2 = TestIds.epaoId();
    static final String EPAO_3 = TestIds.epaoId();
    static final String UKPRN_1 = TestIds.ukprn();
    static final String UKPRN_2 = TestIds.ukprn();
    static final String UKPRN_3 = TestIds.ukprn();
    static final String UKPRN_4 = TestIds.ukprn();
    static final String ULN_1 = TestIds.uln();
    static final String ULN_2 = TestIds.uln();
    static final String ULN_3 = TestIds.uln();
    static final String ULN_4 = TestIds.uln();

    static final String APPRENTICES = "/api/v1/apprentices";

    static ValidatableResponse programme(String token, String a, Object body) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .when()
                .put(APPRENTICES + "/" + a + "/programme")
                .then();
    }

    static String record(String a) {
        return given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get(APPRENTICES + "/" + a)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private static Map<String, Object> enrolment(String uln, String ukprn) {
        return new HashMap<>(Map.of(
                "uln",
                uln,
                "givenName",
                "Ada",
                "familyName",
                "Assessed",
                "dateOfBirth",
                "2001-12-10",
                "providerUkprn",
                ukprn,
                "standardVersion",
                "ST1398_1.0",
                "startDate",
                "2025-09-01",
                "plannedEndDate",
                "2027-09-01",
                "employerId",
                EMPLOYER_1));
    }

    @Test
    void assessorsReadOnlyWhatIsAssigned() {
        Map<String, Object> body = enrolment(ULN_1, UKPRN_1);
        body.put("assessmentOrganisationId", EPAO_1);
        String assigned = given().auth()
                .oauth2(Tokens.tutor(UKPRN_1))
                .contentType("application/json")
                .body(body)
                .when()
                .post(APPRENTICES)
                .then()
                .statusCode(201)
                .body("assessmentOrganisationId", equalTo(EPAO_1))
                .extract()
                .path("id");
        String other = EvidenceResourceTest.enrol(ULN_2, UKPRN_1, EMPLOYER_1, "ST1398_1.0");
        String evidence =
                EvidenceResourceTest.create(Tokens.tutor(UKPRN_1), assigned, EvidenceResourceTest.reflection("K1"));
        String otherEvidence =
                EvidenceResourceTest.create(Tokens.tutor(UKPRN_1), other, EvidenceResourceTest.reflection("K1"));

        String assessor = Tokens.assessor(EPAO_1);
        given().auth()
                .oauth2(assessor)
                .when()
                .get(APPRENTICES)
                .then()
                .statusCode(200)
                .body("items.id", contains(assigned))
                .body("totalItems", equalTo(1));
        given().auth()
                .oauth2(assessor)
                .when()
                .get(APPRENTICES + "/" + assigned)
                .then()
                .statusCode(200);
        EvidenceResourceTest.get(assessor, assigned, evidence).statusCode(200);
        given().auth()
                .oauth2(assessor)
                .when()
                .get(APPRENTICES + "/" + assigned + "/coverage")
                .then()
                .statusCode(200);

        // Not assigned: exactly as if there were no such apprentice.
        given().auth()
                .oauth2(assessor)
                .when()
                .get(APPRENTICES + "/" + other)
                .then()
                .spec(Problems.problem(404, "not-found"));
        EvidenceResourceTest.get(assessor, other, otherEvidence).spec(Problems.problem(404, "not-found"));
        given().auth()
                .oauth2(Tokens.assessor(EPAO_2))
                .when()
                .get(APPRENTICES + "/" + assigned)
                .then()
                .spec(Problems.problem(404, "not-found"));

        // Read-only: writes are refused and change nothing.
        String before = EvidenceResourceTest.get(Tokens.admin(), assigned, evidence)
                .extract()
                .asString();
        EvidenceResourceTest.put(assessor, assigned, evidence, EvidenceResourceTest.reflection("K2"))
                .spec(Problems.problem(403, "forbidden"));
        EvidenceResourceTest.step(assessor, assigned, evidence, "submit", null)
                .spec(Problems.problem(403, "forbidden"));
        EvidenceResourceTest.post(assessor, assigned, EvidenceResourceTest.reflection("K1"))
                .spec(Problems.problem(403, "forbidden"));
        programme(assessor, assigned, Map.of()).spec(Problems.problem(403, "forbidden"));
        assertEquals(
                before,
                EvidenceResourceTest.get(Tokens.admin(), assigned, evidence)
                        .extract()
                        .asString());
        assertEquals(1, (int) given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get(EvidenceResourceTest.evidencePath(assigned))
                .then()
                .extract()
                .path("totalItems"));
    }

    @Test
    void anAssessorTokenWithoutItsClaimIsRefused() {
        given().auth()
                .oauth2(Tokens.token("assessor-noclaim", "assessor"))
                .when()
                .get(APPRENTICES)
                .then()
                .spec(Problems.problem(403, "forbidden"));
    }

    @Test
    void programmeIsSetByTheProviderAndValidated() {
        String a = EvidenceResourceTest.enrol(ULN_3, UKPRN_2, EMPLOYER_2, "ST1398_1.0");
        String tutor = Tokens.tutor(UKPRN_2);
        programme(
                        tutor,
                        a,
                        Map.of(
                                "assessmentOrganisationId",
                                EPAO_3,
                                "contractedWeeklyHours",
                                15,
                                "plannedLeaveWeeks",
                                10))
                .statusCode(200)
                .body("assessmentOrganisationId", equalTo(EPAO_3))
                .body("contractedWeeklyHours", equalTo(15.0f))
                .body("plannedLeaveWeeks", equalTo(10));
        // The assessor's view of the apprentice leaves the contract and leave out (property-level access).
        given().auth()
                .oauth2(Tokens.assessor(EPAO_3))
                .when()
                .get(APPRENTICES + "/" + a)
                .then()
                .statusCode(200)
                .body("view", equalTo("assessor"))
                .body("assessmentOrganisationId", equalTo(EPAO_3))
                .body("contractedWeeklyHours", nullValue())
                .body("plannedLeaveWeeks", nullValue());
        String before = record(a);

        programme(tutor, a, Map.of("assessmentOrganisationId", "EPA12"))
                .spec(Problems.invalid("assessmentOrganisationId"));
        programme(tutor, a, Map.of("contractedWeeklyHours", 0)).spec(Problems.invalid("contractedWeeklyHours"));
        programme(tutor, a, Map.of("contractedWeeklyHours", 48.01)).spec(Problems.invalid("contractedWeeklyHours"));
        programme(tutor, a, Map.of("plannedLeaveWeeks", -1)).spec(Problems.invalid("plannedLeaveWeeks"));
        // 2025-09-01 to 2027-09-01 is 104 whole weeks: leave must be fewer.
        programme(tutor, a, Map.of("plannedLeaveWeeks", 104)).spec(Problems.invalid("plannedLeaveWeeks"));
        programme(Tokens.tutor(UKPRN_3), a, Map.of()).spec(Problems.problem(404, "not-found"));
        programme(Tokens.employer(EMPLOYER_2), a, Map.of()).spec(Problems.problem(403, "forbidden"));
        programme(Tokens.apprentice(ULN_3, UKPRN_2, EMPLOYER_2), a, Map.of()).spec(Problems.problem(403, "forbidden"));
        assertEquals(before, record(a));

        // Fields left out are cleared.
        programme(Tokens.admin(), a, Map.of())
                .statusCode(200)
                .body("assessmentOrganisationId", nullValue())
                .body("contractedWeeklyHours", nullValue())
                .body("plannedLeaveWeeks", equalTo(0));
        given().auth()
                .oauth2(Tokens.assessor(EPAO_3))
                .when()
                .get(APPRENTICES + "/" + a)
                .then()
                .spec(Problems.problem(404, "not-found"));
    }

    @Test
    void enrolmentValidatesTheNewFields() {
        Map<String, Object> body = enrolment(ULN_4, UKPRN_4);
        String admin = Tokens.admin();
        for (Map.Entry<String, Object> bad : Map.<String, Object>of(
                        "assessmentOrganisationId", "EPAO0001", "contractedWeeklyHours", 49, "plannedLeaveWeeks", 521)
                .entrySet()) {
            Map<String, Object> copy = new HashMap<>(body);
            copy.put(bad.getKey(), bad.getValue());
            given().auth()
                    .oauth2(admin)
                    .contentType("application/json")
                    .body(copy)
                    .when()
                    .post(APPRENTICES)
                    .then()
                    .spec(Problems.invalid(bad.getKey()));
        }
        Map<String, Object> tooMuchLeave = new HashMap<>(body);
        tooMuchLeave.put("plannedLeaveWeeks", 104);
        given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(tooMuchLeave)
                .when()
                .post(APPRENTICES)
                .then()
                .spec(Problems.invalid("plannedLeaveWeeks"));
        given().auth()
                .oauth2(admin)
                .when()
                .get(APPRENTICES + "?size=1&standardVersion=ST1398_1.0")
                .then()
                .statusCode(200);
        assertEquals(0, (int) given().auth()
                .oauth2(Tokens.tutor(UKPRN_4))
                .when()
                .get(APPRENTICES)
                .then()
                .statusCode(200)
                .extract()
                .path("totalItems"));
    }
}
