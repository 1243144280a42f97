package uk.apprenticeships.st1398.assessment;

import static io.restassured.RestAssured.given;
import static uk.apprenticeships.st1398.assessment.AssessmentApi.as;
import static uk.apprenticeships.st1398.assessment.AssessmentApi.assessor;
import static uk.apprenticeships.st1398.assessment.AssessmentApi.assessorToken;
import static uk.apprenticeships.st1398.assessment.AssessmentApi.organisation;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.Tokens;

/**
 * Assessors, registrations, assignment, attempts and results. Each test uses its own organisations (EPA07xx), ULNs,
 * providers and employers: the database is shared. Every refused write is followed by a check that nothing changed.
 */
@QuarkusTest
@QuarkusTestResource(value = StandardsPlanStub.class, restrictToAnnotatedClass = false)
class AssessmentResourceTest {

    private static final String ASSESSMENTS = "/api/v1/assessments";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private static Map<String, Object> registration(String uln, String version, String ukprn, String employerId,
            String epaoId, LocalDate gatewayDate) {
        return new HashMap<>(Map.of("uln", uln, "familyName", "Lovelace", "standardVersion", version,
                "providerUkprn", ukprn, "employerId", employerId, "epaoId", epaoId,
                "gatewayDate", gatewayDate.toString()));
    }

    private static String register(Map<String, Object> body) {
        return as(Tokens.admin()).body(body).when().post(ASSESSMENTS).then().statusCode(201).extract().path("id");
    }

    private static ValidatableResponse assign(String token, String id, String assessorId) {
        return as(token).body(Map.of("assessorId", assessorId)).when().put(ASSESSMENTS + "/" + id + "/assessor")
                .then();
    }

    /** An assessment of a fresh organisation, with {@code user} registered and assigned as its assessor. */
    private static String graded(String epaoId, String user, String uln, String version, LocalDate gateway) {
        organisation(epaoId);
        String assessorId = assessor(epaoId, user, List.of(), List.of());
        String id = register(registration(uln, version, "10007001", "EMP-" + uln, epaoId, gateway));
        assign(Tokens.admin(), id, assessorId).statusCode(200);
        return id;
    }

    private static Map<String, Object> attempt(String method, String kind, LocalDate date, String grade) {
        return new HashMap<>(Map.of("methodCode", method, "kind", kind, "date", date.toString(), "grade", grade,
                "reason", "Observed against the grading criteria"));
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    private static ValidatableResponse post(String token, String id, Map<String, Object> body) {
        return as(token).body(body).when().post(ASSESSMENTS + "/" + id + "/attempts").then();
    }

    private static String recorded(String token, String id, Map<String, Object> body) {
        return post(token, id, body).statusCode(201).extract().path("id");
    }

    private static void refused(String token, String id, Map<String, Object> body, int status, String rule) {
        int before = attemptCount(id);
        post(token, id, body).spec(Problems.problem(status, status == 409 ? "conflict" : "unprocessable"))
                .body("code", equalTo(rule));
        assertEquals(before, attemptCount(id), "a refused attempt must change nothing");
    }

    private static int attemptCount(String id) {
        return as(Tokens.admin()).when().get(ASSESSMENTS + "/" + id + "/attempts").then().statusCode(200)
                .extract().path("totalItems");
    }

    private static ValidatableResponse result(String token, String id) {
        return as(token).when().get(ASSESSMENTS + "/" + id + "/result").then();
    }

    @Test
    void assessorsAreRegisteredByAdminsAndSeenOnlyInTheirOrganisation() {
        organisation("EPA0701");
        organisation("EPA0702");
        String path = "/api/v1/assessment-organisations/EPA0701/assessors";
        String id = assessor("EPA0701", "ada0701", List.of("10007011"), List.of("EMP-X"));
        as(assessorToken("ada0701", "EPA0701")).when().get(path).then().statusCode(200)
                .body("items.id", hasItem(id)).body("items[0].conflictProviderUkprns", equalTo(List.of("10007011")))
                .body("items[0].conflictEmployerIds", equalTo(List.of("EMP-X")));
        as(assessorToken("bob0702", "EPA0702")).when().get(path).then().spec(Problems.problem(404, "not-found"));
        as(assessorToken("ada0701", "EPA0701")).body(Map.of("userId", "x", "name", "Self-made")).when().post(path)
                .then().statusCode(403);
        as(Tokens.admin()).body(Map.of("userId", "ada0701-subject", "name", "Again")).when().post(path).then()
                .spec(Problems.problem(409, "conflict"));
        as(Tokens.admin()).body(Map.of("userId", "y", "name", "Bad", "conflictProviderUkprns", List.of("123")))
                .when().post(path).then().spec(Problems.invalid("conflictProviderUkprns[0]"));
        as(Tokens.admin()).when().get(path + "?size=0").then().statusCode(400);
        as(Tokens.tutor("10007011")).when().get(path).then().statusCode(403);
    }

    @Test
    void registrationLoadsThePlanAndStartsTheAssessmentPeriodAtTheGateway() {
        organisation("EPA0711");
        organisation("EPA0712");
        Map<String, Object> body = registration("2000000711", "ST1398_1.0", "10007111", "EMP-711", "EPA0711",
                LocalDate.of(2026, 1, 10));
        String id = as(assessorToken("cy0711", "EPA0711")).body(body).when().post(ASSESSMENTS).then()
                .statusCode(201).header("Location", notNullValue())
                .body("assessmentPeriodEnd", equalTo("2026-05-10")).body("assessorId", nullValue())
                .extract().path("id");
        as(Tokens.admin()).when().get(ASSESSMENTS + "/" + id).then().statusCode(200).body("epaoId",
                equalTo("EPA0711"));
        as(Tokens.admin()).body(body).when().post(ASSESSMENTS).then().spec(Problems.problem(409, "conflict"));
        as(assessorToken("di0712", "EPA0712")).body(with(body, "uln", "2000000712")).when().post(ASSESSMENTS)
                .then().statusCode(403);
        as(Tokens.admin()).body(with(with(body, "uln", "2000000713"), "standardVersion", "ST0404_1.0")).when()
                .post(ASSESSMENTS).then().spec(Problems.problem(422, "unprocessable"));
        as(Tokens.admin()).body(with(with(body, "uln", "2000000714"), "standardVersion", "ST0503_1.0")).when()
                .post(ASSESSMENTS).then().spec(Problems.problem(503, "service-unavailable", "downstream-unavailable"));
        as(Tokens.admin()).body(with(with(body, "uln", "2000000715"), "epaoId", "EPA0799")).when()
                .post(ASSESSMENTS).then().spec(Problems.problem(422, "unprocessable"));
        as(Tokens.admin()).when().get(ASSESSMENTS + "?uln=2000000713").then().statusCode(200)
                .body("totalItems", equalTo(0));
        as(Tokens.tutor("10007111")).body(with(body, "uln", "2000000716")).when().post(ASSESSMENTS).then()
                .statusCode(403);
    }

    @Test
    void readsAreScopedToTheCallersTenantAndForeignRecordsAre404() {
        organisation("EPA0721");
        organisation("EPA0722");
        String id = register(registration("2000000721", "ST1398_1.0", "10007211", "EMP-721", "EPA0721",
                TODAY.minusDays(30)));
        String one = ASSESSMENTS + "/" + id;
        as(Tokens.tutor("10007211")).when().get(one).then().statusCode(200);
        as(Tokens.employer("EMP-721")).when().get(one).then().statusCode(200);
        as(assessorToken("ed0721", "EPA0721")).when().get(one).then().statusCode(200);
        as(Tokens.token("reg", "regulator")).when().get(one).then().statusCode(200);
        as(Tokens.tutor("10007212")).when().get(one).then().spec(Problems.problem(404, "not-found"));
        as(Tokens.employer("EMP-722")).when().get(one).then().spec(Problems.problem(404, "not-found"));
        as(assessorToken("fa0722", "EPA0722")).when().get(one).then().spec(Problems.problem(404, "not-found"));
        as(assessorToken("fa0722", "EPA0722")).when().get(one + "/result").then().statusCode(404);
        as(Tokens.tutor("10007212")).when().get(one + "/attempts").then().statusCode(404);
        as(Tokens.tutor("10007211")).when().get(ASSESSMENTS).then().statusCode(200).body("items.id", hasItem(id));
        as(Tokens.tutor("10007212")).when().get(ASSESSMENTS).then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        as(Tokens.employer("EMP-722")).when().get(ASSESSMENTS).then().body("items.id", not(hasItem(id)));
        as(assessorToken("fa0722", "EPA0722")).when().get(ASSESSMENTS).then().body("items.id", not(hasItem(id)));
        as(Tokens.apprentice("2000000721", "10007211", "EMP-721")).when().get(one).then().statusCode(403);
        as(Tokens.admin()).when().get(ASSESSMENTS + "?size=101").then().statusCode(400);
    }

    @Test
    void assessorsWithAConflictOrFromAnotherOrganisationCannotBeAssigned() {
        organisation("EPA0731");
        organisation("EPA0732");
        String byProvider = assessor("EPA0731", "gu0731", List.of("10007311"), List.of());
        String byEmployer = assessor("EPA0731", "ha0731", List.of(), List.of("EMP-731"));
        String foreign = assessor("EPA0732", "io0732", List.of(), List.of());
        String clean = assessor("EPA0731", "jo0731", List.of("10009999"), List.of("EMP-OTHER"));
        String id = register(registration("2000000731", "ST1398_1.0", "10007311", "EMP-731", "EPA0731",
                TODAY.minusDays(30)));
        assign(Tokens.admin(), id, byProvider).spec(Problems.problem(409, "conflict"))
                .body("code", equalTo("assessor-conflict-of-interest"));
        assign(Tokens.admin(), id, byEmployer).spec(Problems.problem(409, "conflict"));
        assign(Tokens.admin(), id, foreign).spec(Problems.problem(422, "unprocessable"))
                .body("code", equalTo("assessor-not-in-organisation"));
        as(Tokens.admin()).when().get(ASSESSMENTS + "/" + id).then().body("assessorId", nullValue());
        assign(assessorToken("io0732", "EPA0732"), id, foreign).statusCode(404);
        assign(Tokens.tutor("10007311"), id, clean).statusCode(403);
        assign(assessorToken("jo0731", "EPA0731"), id, clean).statusCode(200).body("assessorId", equalTo(clean));
    }

    @Test
    void st1398RulesComeFromItsPlan() {
        String id = graded("EPA0741", "ka0741", "2000000741", "ST1398_1.0", TODAY.minusDays(60));
        String token = assessorToken("ka0741", "EPA0741");
        LocalDate d = TODAY.minusDays(50);
        // Not the assigned assessor, though of the same organisation.
        assessor("EPA0741", "lu0741", List.of(), List.of());
        post(assessorToken("lu0741", "EPA0741"), id, attempt("M1", "first", d, "Pass")).statusCode(403);
        refused(token, id, attempt("M1", "first", d, "Merit"), 422, "grade-not-allowed");
        refused(token, id, attempt("M3", "first", d, "Pass"), 422, "unknown-method");
        refused(token, id, attempt("M1", "first", TODAY.minusDays(61), "Pass"), 422, "outside-assessment-period");
        refused(token, id, attempt("M1", "first", TODAY.plusDays(1), "Pass"), 422, "date-in-future");
        refused(token, id, attempt("M1", "resit", d, "Pass"), 422, "no-failed-attempt");
        recorded(token, id, with(attempt("M1", "first", d, "Fail"), "ksbJudgements",
                List.of(Map.of("code", "K1", "met", false, "note", "not shown"))));
        refused(token, id, attempt("M1", "first", d, "Pass"), 409, "first-attempt-exists");
        refused(token, id, attempt("M1", "resit", d.plusDays(10), "Pass"), 422, "employer-agreement-required");
        Map<String, Object> agreed = with(attempt("M1", "resit", d.plusDays(10), "Distinction"), "employerAgreed",
                true);
        refused(token, id, agreed, 422, "grade-above-cap");
        refused(token, id, with(attempt("M1", "resit", d, "Pass"), "employerAgreed", true), 422,
                "before-previous-attempt");
        // ST1398's plan lets exceptional circumstances lift the Pass cap.
        String resit = recorded(token, id, with(agreed, "exceptionalCircumstances", true));
        as(Tokens.admin()).when().get(ASSESSMENTS + "/" + id + "/attempts/" + resit).then().statusCode(200)
                .body("recordedBy", equalTo("ka0741-subject")).body("reason", notNullValue())
                .body("kind", equalTo("resit")).body("exceptionalCircumstances", equalTo(true));
        result(token, id).statusCode(200).body("status", equalTo("incomplete")).body("overallGrade", nullValue())
                .body("methods[0].grade", equalTo("Distinction")).body("methods[1].grade", nullValue());
        recorded(token, id, attempt("M2", "first", d.plusDays(20), "Distinction"));
        result(Tokens.tutor("10007001"), id).statusCode(200).body("status", equalTo("complete"))
                .body("overallGrade", equalTo("Distinction"));
    }

    @Test
    void anyFailIsAnOverallFailForSt1398() {
        String id = graded("EPA0742", "ma0742", "2000000742", "ST1398_1.0", TODAY.minusDays(60));
        String token = assessorToken("ma0742", "EPA0742");
        recorded(token, id, attempt("M1", "first", TODAY.minusDays(50), "Distinction"));
        recorded(token, id, attempt("M2", "first", TODAY.minusDays(40), "Fail"));
        result(token, id).body("status", equalTo("complete")).body("overallGrade", equalTo("Fail"));
    }

    @Test
    void attemptsOutsideTheAssessmentPeriodAreRefused() {
        // ST1398's period is 4 months: a gateway 8 months ago has closed it.
        String id = graded("EPA0751", "ni0751", "2000000751", "ST1398_1.0", TODAY.minusMonths(8));
        refused(assessorToken("ni0751", "EPA0751"), id, attempt("M1", "first", TODAY.minusDays(10), "Pass"), 422,
                "outside-assessment-period");
    }

    @Test
    void aMadeUpPlanBringsItsOwnMethodsCapsLimitsAndTable() {
        String id = graded("EPA0761", "ol0761", "2000000761", "ST9999_1.0", TODAY.minusDays(100));
        String token = assessorToken("ol0761", "EPA0761");
        as(Tokens.admin()).when().get(ASSESSMENTS + "/" + id).then()
                .body("assessmentPeriodEnd", equalTo(TODAY.minusDays(100).plusMonths(6).toString()));
        refused(token, id, attempt("M1", "first", TODAY.minusDays(90), "Pass"), 422, "unknown-method");
        refused(token, id, with(attempt("PROJECT", "first", TODAY.minusDays(90), "Pass"), "ksbJudgements",
                List.of(Map.of("code", "B9", "met", true))), 422, "ksb-not-assessed-by-method");
        recorded(token, id, with(attempt("PROJECT", "first", TODAY.minusDays(90), "Fail"), "ksbJudgements",
                List.of(Map.of("code", "K1", "met", false), Map.of("code", "S1", "met", true))));
        // Resits need no employer agreement here, and the Merit cap is never lifted.
        refused(token, id, with(attempt("PROJECT", "resit", TODAY.minusDays(80), "Distinction"),
                "exceptionalCircumstances", true), 422, "grade-above-cap");
        recorded(token, id, attempt("PROJECT", "resit", TODAY.minusDays(80), "Merit"));
        // At most 2 resits per method.
        recorded(token, id, attempt("TEST", "first", TODAY.minusDays(90), "Fail"));
        recorded(token, id, attempt("TEST", "resit", TODAY.minusDays(80), "Fail"));
        recorded(token, id, attempt("TEST", "resit", TODAY.minusDays(70), "Fail"));
        refused(token, id, attempt("TEST", "resit", TODAY.minusDays(60), "Pass"), 422, "too-many-attempts");
        // Retakes need agreement but have no cap.
        refused(token, id, attempt("TEST", "retake", TODAY.minusDays(60), "Distinction"), 422,
                "employer-agreement-required");
        recorded(token, id, with(attempt("TEST", "retake", TODAY.minusDays(60), "Distinction"), "employerAgreed",
                true));
        recorded(token, id, attempt("INTERVIEW", "first", TODAY.minusDays(50), "Pass"));
        // Pass, Merit, Distinction: this table gives the middle grade (ST1398's rule would give Pass).
        result(token, id).statusCode(200).body("status", equalTo("complete")).body("overallGrade", equalTo("Merit"))
                .body("methods.code", equalTo(List.of("PROJECT", "TEST", "INTERVIEW")));
    }

    @Test
    void correctionsAreNewAttemptsAndTheCorrectedOneIsOnlyMarkedSuperseded() {
        String id = graded("EPA0771", "pe0771", "2000000771", "ST1398_1.0", TODAY.minusDays(60));
        String token = assessorToken("pe0771", "EPA0771");
        String original = recorded(token, id, with(attempt("M1", "first", TODAY.minusDays(50), "Pass"),
                "evidenceRefs", List.of("ev-1")));
        String corrections = ASSESSMENTS + "/" + id + "/attempts/" + original + "/corrections";
        Map<String, Object> correction = Map.of("date", TODAY.minusDays(50).toString(), "grade", "Distinction",
                "reason", "Marks for the presentation were transcribed wrongly");
        as(assessorToken("qu0771", "EPA0771")).body(correction).when().post(corrections).then().statusCode(403);
        int before = attemptCount(id);
        as(token).body(with(correction, "grade", "Merit")).when().post(corrections).then()
                .spec(Problems.problem(422, "unprocessable")).body("code", equalTo("grade-not-allowed"));
        assertEquals(before, attemptCount(id));
        String corrected = as(token).body(correction).when().post(corrections).then().statusCode(201)
                .body("correctsId", equalTo(original)).body("kind", equalTo("first"))
                .body("methodCode", equalTo("M1")).extract().path("id");
        as(Tokens.admin()).when().get(ASSESSMENTS + "/" + id + "/attempts/" + original).then()
                .body("supersededBy", equalTo(corrected)).body("grade", equalTo("Pass"))
                .body("evidenceRefs", equalTo(List.of("ev-1")));
        as(token).body(correction).when().post(corrections).then().spec(Problems.problem(409, "conflict"))
                .body("code", equalTo("already-superseded"));
        recorded(token, id, attempt("M2", "first", TODAY.minusDays(40), "Distinction"));
        result(token, id).body("overallGrade", equalTo("Distinction")).body("methods[0].attemptId",
                equalTo(corrected));
        assertEquals(3, attemptCount(id));
    }
}
