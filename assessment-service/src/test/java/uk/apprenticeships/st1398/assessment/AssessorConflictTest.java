package uk.apprenticeships.st1398.assessment;

import static io.restassured.RestAssured.given;
import static uk.apprenticeships.st1398.assessment.AssessmentApi.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

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
 * Conflicts of interest declared after assignment, and their recorded history. Organisations EPA0871/EPA0872, ULNs
 * 30000087xx, providers 100087xx.
 */
@QuarkusTest
@QuarkusTestResource(value = StandardsPlanStub.class, restrictToAnnotatedClass = false)
class AssessorConflictTest {

    private static final String ORG = "/api/v1/assessment-organisations/EPA0871/assessors";
    private static final LocalDate GATEWAY = LocalDate.now(ZoneOffset.UTC).minusDays(40);

    private static String kc() {
        return Tokens.token("kc0871", Set.of("assessor"), Map.of("epao_id", "EPA0871"));
    }

    private static String assessor(String user) {
        return as(Tokens.admin()).body(Map.of("userId", user + "-subject", "name", "Assessor " + user,
                "conflictEmployerIds", List.of("EMP-OLD"))).when().post(ORG).then().statusCode(201)
                .extract().path("id");
    }

    private static String assigned(String uln, String ukprn, String employerId, String assessorId) {
        String id = as(Tokens.admin()).body(Map.of("uln", uln, "familyName", "Hopper", "standardVersion",
                "ST1398_1.0", "providerUkprn", ukprn, "employerId", employerId, "epaoId", "EPA0871", "gatewayDate",
                GATEWAY.toString())).when().post("/api/v1/assessments").then().statusCode(201).extract().path("id");
        as(Tokens.admin()).body(Map.of("assessorId", assessorId)).when().put("/api/v1/assessments/" + id + "/assessor")
                .then().statusCode(200);
        return id;
    }

    private static ValidatableResponse declare(String token, String assessorId, Map<String, Object> body) {
        return as(token).body(body).when().post(ORG + "/" + assessorId + "/conflicts").then();
    }

    private static ValidatableResponse history(String token, String assessorId) {
        return as(token).when().get(ORG + "/" + assessorId + "/conflicts/history").then();
    }

    private static List<String> providers(String assessorId) {
        return as(Tokens.admin()).when().get(ORG + "?size=100").then().statusCode(200)
                .extract().path("items.find { it.id == '" + assessorId + "' }.conflictProviderUkprns");
    }

    @Test
    void aConflictWithAssignedUngradedAssessmentsIsRefusedUntilTheyAreReassigned() {
        as(Tokens.admin()).body(Map.of("epaoId", "EPA0871", "name", "Conflicts org")).when()
                .post("/api/v1/assessment-organisations").then().statusCode(201);
        as(Tokens.admin()).body(Map.of("epaoId", "EPA0872", "name", "Other org")).when()
                .post("/api/v1/assessment-organisations").then().statusCode(201);
        String kc = assessor("kc0871");
        String other = assessor("lo0871");
        String ungraded = assigned("3000008701", "10008711", "EMP-871", kc);
        String graded = assigned("3000008702", "10008712", "EMP-872", kc);
        for (String method : List.of("M1", "M2")) {
            as(kc()).body(Map.of("methodCode", method, "kind", "first", "date", GATEWAY.plusDays(5).toString(),
                    "grade", "Pass", "reason", "Graded")).when().post("/api/v1/assessments/" + graded + "/attempts")
                    .then().statusCode(201);
        }
        history(Tokens.admin(), kc).statusCode(200).body("totalItems", equalTo(1))
                .body("items[0].value", equalTo("EMP-OLD")).body("items[0].action", equalTo("Declared"));

        // Clashes with the assigned, ungraded assessment: 409 naming it, nothing changed.
        declare(kc(), kc, Map.of("providerUkprn", "10008711", "reason", "Former employer"))
                .spec(Problems.problem(409, "conflict")).body("code", equalTo("conflict-with-assigned-assessments"))
                .body("assessments", equalTo(List.of(ungraded)));
        declare(Tokens.admin(), kc, Map.of("employerId", "EMP-871")).spec(Problems.problem(409, "conflict"))
                .body("assessments", equalTo(List.of(ungraded)));
        assertProviders(kc, List.of());
        history(Tokens.admin(), kc).body("totalItems", equalTo(1));

        // A graded assessment does not block a declaration.
        declare(kc(), kc, Map.of("providerUkprn", "10008712")).statusCode(201)
                .body("conflictProviderUkprns", equalTo(List.of("10008712")));
        // Reassigned first, the declaration goes through; assigning the assessor back is then refused.
        as(Tokens.admin()).body(Map.of("assessorId", other)).when()
                .put("/api/v1/assessments/" + ungraded + "/assessor").then().statusCode(200);
        declare(kc(), kc, Map.of("providerUkprn", "10008711", "reason", "Former employer")).statusCode(201);
        as(Tokens.admin()).body(Map.of("assessorId", kc)).when().put("/api/v1/assessments/" + ungraded + "/assessor")
                .then().spec(Problems.problem(409, "conflict")).body("code", equalTo("assessor-conflict-of-interest"));
        assertProviders(kc, List.of("10008712", "10008711"));
        history(Tokens.assessor("EPA0871"), kc).statusCode(200).body("totalItems", equalTo(3))
                .body("items[2].value", equalTo("10008711")).body("items[2].reason", equalTo("Former employer"))
                .body("items[2].changedBy", equalTo("kc0871-subject"));
    }

    @Test
    void badDeclarationsAndForeignCallersChangeNothingAndRemovalsAreRecorded() {
        as(Tokens.admin()).body(Map.of("epaoId", "EPA0873", "name", "Conflicts org 3")).when()
                .post("/api/v1/assessment-organisations").then().statusCode(201);
        String path = "/api/v1/assessment-organisations/EPA0873/assessors";
        String mo = as(Tokens.admin()).body(Map.of("userId", "mo0873-subject", "name", "Mo",
                "conflictProviderUkprns", List.of("10008731"))).when().post(path).then().statusCode(201)
                .extract().path("id");
        String mine = path + "/" + mo + "/conflicts";
        String moToken = Tokens.token("mo0873", Set.of("assessor"), Map.of("epao_id", "EPA0873"));
        as(moToken).body(Map.of("providerUkprn", "10008732", "employerId", "EMP-X")).when().post(mine).then()
                .spec(Problems.invalid("providerUkprn"));
        as(moToken).body(Map.of("reason", "neither")).when().post(mine).then().spec(Problems.invalid("providerUkprn"));
        as(moToken).body(Map.of("providerUkprn", "123")).when().post(mine).then()
                .spec(Problems.invalid("providerUkprn"));
        as(moToken).body(Map.of("providerUkprn", "10008731")).when().post(mine).then()
                .spec(Problems.problem(409, "conflict"));
        // Another assessor of the organisation may not declare for Mo; another organisation's sees nothing.
        as(Tokens.token("no0873", Set.of("assessor"), Map.of("epao_id", "EPA0873")))
                .body(Map.of("providerUkprn", "10008733")).when().post(mine).then()
                .spec(Problems.problem(403, "forbidden"));
        as(Tokens.assessor("EPA0874")).body(Map.of("providerUkprn", "10008733")).when().post(mine).then()
                .spec(Problems.problem(404, "not-found"));
        as(Tokens.tutor("10008731")).body(Map.of("providerUkprn", "10008733")).when().post(mine).then()
                .spec(Problems.problem(403, "forbidden"));
        as(Tokens.admin()).body(Map.of("providerUkprn", "10008733")).when()
                .post(path + "/00000000-0000-0000-0000-000000000000/conflicts").then()
                .spec(Problems.problem(404, "not-found"));
        as(Tokens.assessor("EPA0874")).when().get(mine + "/history").then().spec(Problems.problem(404, "not-found"));
        as(Tokens.admin()).when().get(mine + "/history?size=0").then().spec(Problems.problem(400,
                "validation-failed"));
        as(Tokens.admin()).when().get(mine + "/history").then().statusCode(200).body("totalItems", equalTo(1));

        // Removal: admins only, recorded, and the set no longer holds it.
        as(moToken).when().delete(mine + "/providers/10008731").then().spec(Problems.problem(403, "forbidden"));
        as(Tokens.admin()).when().delete(mine + "/colleagues/10008731").then()
                .spec(Problems.problem(400, "validation-failed"));
        as(Tokens.admin()).when().delete(mine + "/providers/10008731").then().statusCode(204);
        as(Tokens.admin()).when().delete(mine + "/providers/10008731").then().spec(Problems.problem(404, "not-found"));
        as(Tokens.admin()).when().get(path).then().body("items[0].conflictProviderUkprns", not(hasItem("10008731")));
        as(Tokens.admin()).when().get(mine + "/history").then().statusCode(200).body("totalItems", equalTo(2))
                .body("items.action", equalTo(List.of("Declared", "Removed")))
                .body("items[1].changedBy", equalTo("admin1-subject"));
    }

    private static void assertProviders(String assessorId, List<String> expected) {
        org.junit.jupiter.api.Assertions.assertEquals(Set.copyOf(expected), Set.copyOf(providers(assessorId)));
    }
}
