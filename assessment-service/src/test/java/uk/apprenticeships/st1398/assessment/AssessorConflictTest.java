package uk.apprenticeships.st1398.assessment;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static uk.apprenticeships.st1398.assessment.AssessmentApi.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/** Conflicts of interest declared after assignment, and their recorded history. Every id comes from TestIds. */
@QuarkusTest
@QuarkusTestResource(value = StandardsPlanStub.class, restrictToAnnotatedClass = false)
class AssessorConflictTest {

    private static final LocalDate GATEWAY = LocalDate.now(ZoneOffset.UTC).minusDays(40);

    private String epaoId;
    /** The employer every assessor of the test declares at registration. */
    private final String formerEmployer = TestIds.employerId();

    private String kcUser;

    @BeforeEach
    void organisation() {
        epaoId = AssessmentApi.freshOrganisation();
        kcUser = "kc" + TestIds.suffix();
    }

    private String org() {
        return "/api/v1/assessment-organisations/" + epaoId + "/assessors";
    }

    private String kc() {
        return Tokens.token(kcUser, Set.of("assessor"), Map.of("epao_id", epaoId));
    }

    private String assessor(String user) {
        return as(Tokens.admin())
                .body(Map.of(
                        "userId",
                        user + "-subject",
                        "name",
                        "Assessor " + user,
                        "conflictEmployerIds",
                        List.of(formerEmployer)))
                .when()
                .post(org())
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private String assigned(String uln, String ukprn, String employerId, String assessorId) {
        String id = as(Tokens.admin())
                .body(Map.of(
                        "uln",
                        uln,
                        "familyName",
                        "Hopper",
                        "standardVersion",
                        "ST1398_1.0",
                        "providerUkprn",
                        ukprn,
                        "employerId",
                        employerId,
                        "epaoId",
                        epaoId,
                        "gatewayDate",
                        GATEWAY.toString()))
                .when()
                .post("/api/v1/assessments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(Tokens.admin())
                .body(Map.of("assessorId", assessorId))
                .when()
                .put("/api/v1/assessments/" + id + "/assessor")
                .then()
                .statusCode(200);
        return id;
    }

    private ValidatableResponse declare(String token, String assessorId, Map<String, Object> body) {
        return as(token)
                .body(body)
                .when()
                .post(org() + "/" + assessorId + "/conflicts")
                .then();
    }

    private ValidatableResponse history(String token, String assessorId) {
        return as(token)
                .when()
                .get(org() + "/" + assessorId + "/conflicts/history")
                .then();
    }

    private List<String> providers(String assessorId) {
        return as(Tokens.admin())
                .when()
                .get(org() + "?size=100")
                .then()
                .statusCode(200)
                .extract()
                .path("items.find { it.id == '" + assessorId + "' }.conflictProviderUkprns");
    }

    @Test
    void aConflictWithAssignedUngradedAssessmentsIsRefusedUntilTheyAreReassigned() {
        String p1 = TestIds.ukprn();
        String p2 = TestIds.ukprn();
        String e1 = TestIds.employerId();
        String kc = assessor(kcUser);
        String other = assessor("lo" + TestIds.suffix());
        String ungraded = assigned(TestIds.uln(), p1, e1, kc);
        String graded = assigned(TestIds.uln(), p2, TestIds.employerId(), kc);
        for (String method : List.of("M1", "M2")) {
            as(kc()).body(Map.of(
                            "methodCode",
                            method,
                            "kind",
                            "first",
                            "date",
                            GATEWAY.plusDays(5).toString(),
                            "grade",
                            "Pass",
                            "reason",
                            "Graded"))
                    .when()
                    .post("/api/v1/assessments/" + graded + "/attempts")
                    .then()
                    .statusCode(201);
        }
        history(Tokens.admin(), kc)
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].value", equalTo(formerEmployer))
                .body("items[0].action", equalTo("Declared"));

        // Clashes with the assigned, ungraded assessment: 409 naming it, nothing changed.
        declare(kc(), kc, Map.of("providerUkprn", p1, "reason", "Former employer"))
                .spec(Problems.problem(409, "conflict"))
                .body("code", equalTo("conflict-with-assigned-assessments"))
                .body("assessments", equalTo(List.of(ungraded)));
        declare(Tokens.admin(), kc, Map.of("employerId", e1))
                .spec(Problems.problem(409, "conflict"))
                .body("assessments", equalTo(List.of(ungraded)));
        assertProviders(kc, List.of());
        history(Tokens.admin(), kc).body("totalItems", equalTo(1));

        // A graded assessment does not block a declaration.
        declare(kc(), kc, Map.of("providerUkprn", p2))
                .statusCode(201)
                .body("conflictProviderUkprns", equalTo(List.of(p2)));
        // Reassigned first, the declaration goes through; assigning the assessor back is then refused.
        as(Tokens.admin())
                .body(Map.of("assessorId", other))
                .when()
                .put("/api/v1/assessments/" + ungraded + "/assessor")
                .then()
                .statusCode(200);
        declare(kc(), kc, Map.of("providerUkprn", p1, "reason", "Former employer"))
                .statusCode(201);
        as(Tokens.admin())
                .body(Map.of("assessorId", kc))
                .when()
                .put("/api/v1/assessments/" + ungraded + "/assessor")
                .then()
                .spec(Problems.problem(409, "conflict"))
                .body("code", equalTo("assessor-conflict-of-interest"));
        assertProviders(kc, List.of(p2, p1));
        history(Tokens.assessor(epaoId), kc)
                .statusCode(200)
                .body("totalItems", equalTo(3))
                .body("items[2].value", equalTo(p1))
                .body("items[2].reason", equalTo("Former employer"))
                .body("items[2].changedBy", equalTo(kcUser + "-subject"));
    }

    @Test
    void badDeclarationsAndForeignCallersChangeNothingAndRemovalsAreRecorded() {
        String p1 = TestIds.ukprn();
        String p2 = TestIds.ukprn();
        String p3 = TestIds.ukprn();
        String foreign = AssessmentApi.freshOrganisation();
        String path = org();
        String moUser = "mo" + TestIds.suffix();
        String mo = as(Tokens.admin())
                .body(Map.of("userId", moUser + "-subject", "name", "Mo", "conflictProviderUkprns", List.of(p1)))
                .when()
                .post(path)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String mine = path + "/" + mo + "/conflicts";
        String moToken = Tokens.token(moUser, Set.of("assessor"), Map.of("epao_id", epaoId));
        as(moToken)
                .body(Map.of("providerUkprn", p2, "employerId", TestIds.employerId()))
                .when()
                .post(mine)
                .then()
                .spec(Problems.invalid("providerUkprn"));
        as(moToken).body(Map.of("reason", "neither")).when().post(mine).then().spec(Problems.invalid("providerUkprn"));
        as(moToken)
                .body(Map.of("providerUkprn", "123"))
                .when()
                .post(mine)
                .then()
                .spec(Problems.invalid("providerUkprn"));
        as(moToken)
                .body(Map.of("providerUkprn", p1))
                .when()
                .post(mine)
                .then()
                .spec(Problems.problem(409, "conflict", "conflict-already-declared"));
        // Another assessor of the organisation may not declare for Mo; another organisation's sees nothing.
        as(Tokens.token("no" + TestIds.suffix(), Set.of("assessor"), Map.of("epao_id", epaoId)))
                .body(Map.of("providerUkprn", p3))
                .when()
                .post(mine)
                .then()
                .spec(Problems.problem(403, "forbidden", "conflict-not-yours"));
        as(Tokens.assessor(foreign))
                .body(Map.of("providerUkprn", p3))
                .when()
                .post(mine)
                .then()
                .spec(Problems.problem(404, "not-found", "organisation-not-found"));
        as(Tokens.tutor(p1))
                .body(Map.of("providerUkprn", p3))
                .when()
                .post(mine)
                .then()
                .spec(Problems.problem(403, "forbidden", "role-not-allowed"));
        as(Tokens.admin())
                .body(Map.of("providerUkprn", p3))
                .when()
                .post(path + "/00000000-0000-0000-0000-000000000000/conflicts")
                .then()
                .spec(Problems.problem(404, "not-found", "assessor-not-found"));
        as(Tokens.assessor(foreign)).when().get(mine + "/history").then().spec(Problems.problem(404, "not-found"));
        as(Tokens.admin()).when().get(mine + "/history?size=0").then().spec(Problems.problem(400, "validation-failed"));
        as(Tokens.admin()).when().get(mine + "/history").then().statusCode(200).body("totalItems", equalTo(1));

        // Removal: admins only, recorded, and the set no longer holds it.
        as(moToken).when().delete(mine + "/providers/" + p1).then().spec(Problems.problem(403, "forbidden"));
        as(Tokens.admin())
                .when()
                .delete(mine + "/colleagues/" + p1)
                .then()
                .spec(Problems.problem(400, "validation-failed"));
        as(Tokens.admin()).when().delete(mine + "/providers/" + p1).then().statusCode(204);
        as(Tokens.admin())
                .when()
                .delete(mine + "/providers/" + p1)
                .then()
                .spec(Problems.problem(404, "not-found", "declared-conflict-not-found"));
        as(Tokens.admin()).when().get(path).then().body("items[0].conflictProviderUkprns", not(hasItem(p1)));
        as(Tokens.admin())
                .when()
                .get(mine + "/history")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items.action", equalTo(List.of("Declared", "Removed")))
                .body("items[1].changedBy", equalTo("admin1-subject"));
    }

    private void assertProviders(String assessorId, List<String> expected) {
        org.junit.jupiter.api.Assertions.assertEquals(Set.copyOf(expected), Set.copyOf(providers(assessorId)));
    }
}
