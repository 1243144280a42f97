package uk.apprenticeships.st1398.assessment;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.apprenticeships.st1398.assessment.AssessmentApi.as;
import static uk.apprenticeships.st1398.assessment.AssessmentApi.assessor;
import static uk.apprenticeships.st1398.assessment.AssessmentApi.assessorToken;
import static uk.apprenticeships.st1398.assessment.AssessmentApi.freshOrganisation;
import static uk.apprenticeships.st1398.assessment.AssessmentApi.freshUser;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/**
 * Assessors, registrations, assignment, attempts and results. Each test takes its organisations, assessors' users,
 * ULNs, providers and employers from TestIds: the database is shared. Every refused write is followed by a check
 * that nothing changed.
 */
@QuarkusTest
@QuarkusTestResource(value = StandardsPlanStub.class, restrictToAnnotatedClass = false)
class AssessmentResourceTest {

    private static final String ASSESSMENTS = "/api/v1/assessments";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private static Map<String, Object> registration(
            String uln, String version, String ukprn, String employerId, String epaoId, LocalDate gatewayDate) {
        return new HashMap<>(Map.of(
                "uln",
                uln,
                "familyName",
                "Lovelace",
                "standardVersion",
                version,
                "providerUkprn",
                ukprn,
                "employerId",
                employerId,
                "epaoId",
                epaoId,
                "gatewayDate",
                gatewayDate.toString()));
    }

    private static String register(Map<String, Object> body) {
        return as(Tokens.admin())
                .body(body)
                .when()
                .post(ASSESSMENTS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static ValidatableResponse assign(String token, String id, String assessorId) {
        return as(token)
                .body(Map.of("assessorId", assessorId))
                .when()
                .put(ASSESSMENTS + "/" + id + "/assessor")
                .then();
    }

    /** An assessment, its organisation, the user of its assigned assessor and its provider. */
    private record Graded(String id, String epaoId, String user, String ukprn) {

        String token() {
            return assessorToken(user, epaoId);
        }
    }

    /**
     * An assessment of a fresh learner, provider and employer with a fresh organisation, with a fresh user
     * registered and assigned as its assessor.
     */
    private static Graded graded(String version, LocalDate gateway) {
        String epaoId = freshOrganisation();
        String user = freshUser("assessor");
        String ukprn = TestIds.ukprn();
        String assessorId = assessor(epaoId, user, List.of(), List.of());
        String id = register(registration(TestIds.uln(), version, ukprn, TestIds.employerId(), epaoId, gateway));
        assign(Tokens.admin(), id, assessorId).statusCode(200);
        return new Graded(id, epaoId, user, ukprn);
    }

    private static Map<String, Object> attempt(String method, String kind, LocalDate date, String grade) {
        return new HashMap<>(Map.of(
                "methodCode",
                method,
                "kind",
                kind,
                "date",
                date.toString(),
                "grade",
                grade,
                "reason",
                "Observed against the grading criteria"));
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    private static ValidatableResponse post(String token, String id, Map<String, Object> body) {
        return as(token)
                .body(body)
                .when()
                .post(ASSESSMENTS + "/" + id + "/attempts")
                .then();
    }

    private static String recorded(String token, String id, Map<String, Object> body) {
        return post(token, id, body).statusCode(201).extract().path("id");
    }

    private static void refused(String token, String id, Map<String, Object> body, int status, String rule) {
        int before = attemptCount(id);
        post(token, id, body)
                .spec(Problems.problem(status, status == 409 ? "conflict" : "unprocessable"))
                .body("code", equalTo(rule));
        assertEquals(before, attemptCount(id), "a refused attempt must change nothing");
    }

    private static int attemptCount(String id) {
        return as(Tokens.admin())
                .when()
                .get(ASSESSMENTS + "/" + id + "/attempts")
                .then()
                .statusCode(200)
                .extract()
                .path("totalItems");
    }

    private static ValidatableResponse result(String token, String id) {
        return as(token).when().get(ASSESSMENTS + "/" + id + "/result").then();
    }

    @Test
    void assessorsAreRegisteredByAdminsAndSeenOnlyInTheirOrganisation() {
        String own = freshOrganisation();
        String other = freshOrganisation();
        String ada = freshUser("ada");
        String conflict = TestIds.ukprn();
        String employerId = TestIds.employerId();
        String path = "/api/v1/assessment-organisations/" + own + "/assessors";
        String id = assessor(own, ada, List.of(conflict), List.of(employerId));
        as(assessorToken(ada, own))
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id))
                .body("items[0].conflictProviderUkprns", equalTo(List.of(conflict)))
                .body("items[0].conflictEmployerIds", equalTo(List.of(employerId)));
        as(assessorToken(freshUser("bob"), other)).when().get(path).then().spec(Problems.problem(404, "not-found"));
        as(assessorToken(ada, own))
                .body(Map.of("userId", freshUser("x"), "name", "Self-made"))
                .when()
                .post(path)
                .then()
                .statusCode(403);
        as(Tokens.admin())
                .body(Map.of("userId", ada + "-subject", "name", "Again"))
                .when()
                .post(path)
                .then()
                .spec(Problems.problem(409, "conflict"));
        as(Tokens.admin())
                .body(Map.of("userId", freshUser("y"), "name", "Bad", "conflictProviderUkprns", List.of("123")))
                .when()
                .post(path)
                .then()
                .spec(Problems.invalid("conflictProviderUkprns[0]"));
        as(Tokens.admin()).when().get(path + "?size=0").then().statusCode(400);
        as(Tokens.tutor(conflict)).when().get(path).then().statusCode(403);
    }

    @Test
    void registrationLoadsThePlanAndStartsTheAssessmentPeriodAtTheGateway() {
        String own = freshOrganisation();
        String other = freshOrganisation();
        String ukprn = TestIds.ukprn();
        String uln = TestIds.uln();
        String notRegistered = TestIds.uln();
        Map<String, Object> body =
                registration(uln, "ST1398_1.0", ukprn, TestIds.employerId(), own, LocalDate.of(2026, 1, 10));
        String id = as(assessorToken(freshUser("cy"), own))
                .body(body)
                .when()
                .post(ASSESSMENTS)
                .then()
                .statusCode(201)
                .header("Location", notNullValue())
                .body("assessmentPeriodEnd", equalTo("2026-05-10"))
                .body("assessorId", nullValue())
                .extract()
                .path("id");
        as(Tokens.admin())
                .when()
                .get(ASSESSMENTS + "/" + id)
                .then()
                .statusCode(200)
                .body("epaoId", equalTo(own));
        as(Tokens.admin()).body(body).when().post(ASSESSMENTS).then().spec(Problems.problem(409, "conflict"));
        as(assessorToken(freshUser("di"), other))
                .body(with(body, "uln", TestIds.uln()))
                .when()
                .post(ASSESSMENTS)
                .then()
                .statusCode(403);
        as(Tokens.admin())
                .body(with(with(body, "uln", notRegistered), "standardVersion", "ST0404_1.0"))
                .when()
                .post(ASSESSMENTS)
                .then()
                .spec(Problems.problem(422, "unprocessable"));
        as(Tokens.admin())
                .body(with(with(body, "uln", TestIds.uln()), "standardVersion", "ST0503_1.0"))
                .when()
                .post(ASSESSMENTS)
                .then()
                .spec(Problems.problem(503, "service-unavailable", "downstream-unavailable"));
        as(Tokens.admin())
                .body(with(with(body, "uln", TestIds.uln()), "epaoId", TestIds.epaoId()))
                .when()
                .post(ASSESSMENTS)
                .then()
                .spec(Problems.problem(422, "unprocessable"));
        as(Tokens.admin())
                .when()
                .get(ASSESSMENTS + "?uln=" + notRegistered)
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0));
        as(Tokens.tutor(ukprn))
                .body(with(body, "uln", TestIds.uln()))
                .when()
                .post(ASSESSMENTS)
                .then()
                .statusCode(403);
    }

    @Test
    void readsAreScopedToTheCallersTenantAndForeignRecordsAre404() {
        String own = freshOrganisation();
        String other = freshOrganisation();
        String ukprn = TestIds.ukprn();
        String employerId = TestIds.employerId();
        String uln = TestIds.uln();
        String otherTutor = Tokens.tutor(TestIds.ukprn());
        String otherEmployer = Tokens.employer(TestIds.employerId());
        String otherAssessor = assessorToken(freshUser("fa"), other);
        String id = register(registration(uln, "ST1398_1.0", ukprn, employerId, own, TODAY.minusDays(30)));
        String one = ASSESSMENTS + "/" + id;
        as(Tokens.tutor(ukprn)).when().get(one).then().statusCode(200);
        as(Tokens.employer(employerId)).when().get(one).then().statusCode(200);
        as(assessorToken(freshUser("ed"), own)).when().get(one).then().statusCode(200);
        as(Tokens.token("reg", "regulator")).when().get(one).then().statusCode(200);
        as(otherTutor).when().get(one).then().spec(Problems.problem(404, "not-found"));
        as(otherEmployer).when().get(one).then().spec(Problems.problem(404, "not-found"));
        as(otherAssessor).when().get(one).then().spec(Problems.problem(404, "not-found"));
        as(otherAssessor).when().get(one + "/result").then().statusCode(404);
        as(otherTutor).when().get(one + "/attempts").then().statusCode(404);
        as(Tokens.tutor(ukprn)).when().get(ASSESSMENTS).then().statusCode(200).body("items.id", hasItem(id));
        as(otherTutor).when().get(ASSESSMENTS).then().statusCode(200).body("items.id", not(hasItem(id)));
        as(otherEmployer).when().get(ASSESSMENTS).then().body("items.id", not(hasItem(id)));
        as(otherAssessor).when().get(ASSESSMENTS).then().body("items.id", not(hasItem(id)));
        as(Tokens.apprentice(uln, ukprn, employerId)).when().get(one).then().statusCode(403);
        as(Tokens.admin()).when().get(ASSESSMENTS + "?size=101").then().statusCode(400);
    }

    @Test
    void assessorsWithAConflictOrFromAnotherOrganisationCannotBeAssigned() {
        String own = freshOrganisation();
        String other = freshOrganisation();
        String ukprn = TestIds.ukprn();
        String employerId = TestIds.employerId();
        String foreignUser = freshUser("io");
        String cleanUser = freshUser("jo");
        String byProvider = assessor(own, freshUser("gu"), List.of(ukprn), List.of());
        String byEmployer = assessor(own, freshUser("ha"), List.of(), List.of(employerId));
        String foreign = assessor(other, foreignUser, List.of(), List.of());
        String clean = assessor(own, cleanUser, List.of(TestIds.ukprn()), List.of(TestIds.employerId()));
        String id = register(registration(TestIds.uln(), "ST1398_1.0", ukprn, employerId, own, TODAY.minusDays(30)));
        assign(Tokens.admin(), id, byProvider)
                .spec(Problems.problem(409, "conflict"))
                .body("code", equalTo("assessor-conflict-of-interest"));
        assign(Tokens.admin(), id, byEmployer).spec(Problems.problem(409, "conflict"));
        assign(Tokens.admin(), id, foreign)
                .spec(Problems.problem(422, "unprocessable"))
                .body("code", equalTo("assessor-not-in-organisation"));
        as(Tokens.admin()).when().get(ASSESSMENTS + "/" + id).then().body("assessorId", nullValue());
        assign(assessorToken(foreignUser, other), id, foreign).statusCode(404);
        assign(Tokens.tutor(ukprn), id, clean).statusCode(403);
        assign(assessorToken(cleanUser, own), id, clean).statusCode(200).body("assessorId", equalTo(clean));
    }

    @Test
    void st1398RulesComeFromItsPlan() {
        Graded graded = graded("ST1398_1.0", TODAY.minusDays(60));
        String id = graded.id();
        String token = graded.token();
        LocalDate d = TODAY.minusDays(50);
        // Not the assigned assessor, though of the same organisation.
        String lu = freshUser("lu");
        assessor(graded.epaoId(), lu, List.of(), List.of());
        post(assessorToken(lu, graded.epaoId()), id, attempt("M1", "first", d, "Pass"))
                .statusCode(403);
        refused(token, id, attempt("M1", "first", d, "Merit"), 422, "grade-not-allowed");
        refused(token, id, attempt("M3", "first", d, "Pass"), 422, "unknown-method");
        refused(token, id, attempt("M1", "first", TODAY.minusDays(61), "Pass"), 422, "outside-assessment-period");
        refused(token, id, attempt("M1", "first", TODAY.plusDays(1), "Pass"), 422, "date-in-future");
        refused(token, id, attempt("M1", "resit", d, "Pass"), 422, "no-failed-attempt");
        recorded(
                token,
                id,
                with(
                        attempt("M1", "first", d, "Fail"),
                        "ksbJudgements",
                        List.of(Map.of("code", "K1", "met", false, "note", "not shown"))));
        refused(token, id, attempt("M1", "first", d, "Pass"), 409, "first-attempt-exists");
        refused(token, id, attempt("M1", "resit", d.plusDays(10), "Pass"), 422, "employer-agreement-required");
        Map<String, Object> agreed =
                with(attempt("M1", "resit", d.plusDays(10), "Distinction"), "employerAgreed", true);
        refused(token, id, agreed, 422, "grade-above-cap");
        refused(
                token,
                id,
                with(attempt("M1", "resit", d, "Pass"), "employerAgreed", true),
                422,
                "before-previous-attempt");
        // ST1398's plan lets exceptional circumstances lift the Pass cap.
        String resit = recorded(token, id, with(agreed, "exceptionalCircumstances", true));
        as(Tokens.admin())
                .when()
                .get(ASSESSMENTS + "/" + id + "/attempts/" + resit)
                .then()
                .statusCode(200)
                .body("recordedBy", equalTo(graded.user() + "-subject"))
                .body("reason", notNullValue())
                .body("kind", equalTo("resit"))
                .body("exceptionalCircumstances", equalTo(true));
        result(token, id)
                .statusCode(200)
                .body("status", equalTo("incomplete"))
                .body("overallGrade", nullValue())
                .body("methods[0].grade", equalTo("Distinction"))
                .body("methods[1].grade", nullValue());
        recorded(token, id, attempt("M2", "first", d.plusDays(20), "Distinction"));
        result(Tokens.tutor(graded.ukprn()), id)
                .statusCode(200)
                .body("status", equalTo("complete"))
                .body("overallGrade", equalTo("Distinction"));
    }

    @Test
    void anyFailIsAnOverallFailForSt1398() {
        Graded graded = graded("ST1398_1.0", TODAY.minusDays(60));
        String id = graded.id();
        String token = graded.token();
        recorded(token, id, attempt("M1", "first", TODAY.minusDays(50), "Distinction"));
        recorded(token, id, attempt("M2", "first", TODAY.minusDays(40), "Fail"));
        result(token, id).body("status", equalTo("complete")).body("overallGrade", equalTo("Fail"));
    }

    @Test
    void attemptsOutsideTheAssessmentPeriodAreRefused() {
        // ST1398's period is 4 months: a gateway 8 months ago has closed it.
        Graded graded = graded("ST1398_1.0", TODAY.minusMonths(8));
        refused(
                graded.token(),
                graded.id(),
                attempt("M1", "first", TODAY.minusDays(10), "Pass"),
                422,
                "outside-assessment-period");
    }

    @Test
    void aMadeUpPlanBringsItsOwnMethodsCapsLimitsAndTable() {
        Graded graded = graded("ST9999_1.0", TODAY.minusDays(100));
        String id = graded.id();
        String token = graded.token();
        as(Tokens.admin())
                .when()
                .get(ASSESSMENTS + "/" + id)
                .then()
                .body(
                        "assessmentPeriodEnd",
                        equalTo(TODAY.minusDays(100).plusMonths(6).toString()));
        refused(token, id, attempt("M1", "first", TODAY.minusDays(90), "Pass"), 422, "unknown-method");
        refused(
                token,
                id,
                with(
                        attempt("PROJECT", "first", TODAY.minusDays(90), "Pass"),
                        "ksbJudgements",
                        List.of(Map.of("code", "B9", "met", true))),
                422,
                "ksb-not-assessed-by-method");
        recorded(
                token,
                id,
                with(
                        attempt("PROJECT", "first", TODAY.minusDays(90), "Fail"),
                        "ksbJudgements",
                        List.of(Map.of("code", "K1", "met", false), Map.of("code", "S1", "met", true))));
        // Resits need no employer agreement here, and the Merit cap is never lifted.
        refused(
                token,
                id,
                with(attempt("PROJECT", "resit", TODAY.minusDays(80), "Distinction"), "exceptionalCircumstances", true),
                422,
                "grade-above-cap");
        recorded(token, id, attempt("PROJECT", "resit", TODAY.minusDays(80), "Merit"));
        // At most 2 resits per method.
        recorded(token, id, attempt("TEST", "first", TODAY.minusDays(90), "Fail"));
        recorded(token, id, attempt("TEST", "resit", TODAY.minusDays(80), "Fail"));
        recorded(token, id, attempt("TEST", "resit", TODAY.minusDays(70), "Fail"));
        refused(token, id, attempt("TEST", "resit", TODAY.minusDays(60), "Pass"), 422, "too-many-attempts");
        // Retakes need agreement but have no cap.
        refused(
                token,
                id,
                attempt("TEST", "retake", TODAY.minusDays(60), "Distinction"),
                422,
                "employer-agreement-required");
        recorded(
                token, id, with(attempt("TEST", "retake", TODAY.minusDays(60), "Distinction"), "employerAgreed", true));
        recorded(token, id, attempt("INTERVIEW", "first", TODAY.minusDays(50), "Pass"));
        // Pass, Merit, Distinction: this table gives the middle grade (ST1398's rule would give Pass).
        result(token, id)
                .statusCode(200)
                .body("status", equalTo("complete"))
                .body("overallGrade", equalTo("Merit"))
                .body("methods.code", equalTo(List.of("PROJECT", "TEST", "INTERVIEW")));
    }

    @Test
    void correctionsAreNewAttemptsAndTheCorrectedOneIsOnlyMarkedSuperseded() {
        Graded graded = graded("ST1398_1.0", TODAY.minusDays(60));
        String id = graded.id();
        String token = graded.token();
        String original = recorded(
                token, id, with(attempt("M1", "first", TODAY.minusDays(50), "Pass"), "evidenceRefs", List.of("ev-1")));
        String corrections = ASSESSMENTS + "/" + id + "/attempts/" + original + "/corrections";
        Map<String, Object> correction = Map.of(
                "date",
                TODAY.minusDays(50).toString(),
                "grade",
                "Distinction",
                "reason",
                "Marks for the presentation were transcribed wrongly");
        as(assessorToken(freshUser("qu"), graded.epaoId()))
                .body(correction)
                .when()
                .post(corrections)
                .then()
                .statusCode(403);
        int before = attemptCount(id);
        as(token)
                .body(with(correction, "grade", "Merit"))
                .when()
                .post(corrections)
                .then()
                .spec(Problems.problem(422, "unprocessable"))
                .body("code", equalTo("grade-not-allowed"));
        assertEquals(before, attemptCount(id));
        String corrected = as(token)
                .body(correction)
                .when()
                .post(corrections)
                .then()
                .statusCode(201)
                .body("correctsId", equalTo(original))
                .body("kind", equalTo("first"))
                .body("methodCode", equalTo("M1"))
                .extract()
                .path("id");
        as(Tokens.admin())
                .when()
                .get(ASSESSMENTS + "/" + id + "/attempts/" + original)
                .then()
                .body("supersededBy", equalTo(corrected))
                .body("grade", equalTo("Pass"))
                .body("evidenceRefs", equalTo(List.of("ev-1")));
        as(token)
                .body(correction)
                .when()
                .post(corrections)
                .then()
                .spec(Problems.problem(409, "conflict"))
                .body("code", equalTo("already-superseded"));
        recorded(token, id, attempt("M2", "first", TODAY.minusDays(40), "Distinction"));
        result(token, id).body("overallGrade", equalTo("Distinction")).body("methods[0].attemptId", equalTo(corrected));
        assertEquals(3, attemptCount(id));
    }
}
