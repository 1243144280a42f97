package uk.apprenticeships.st1398.assessment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static uk.apprenticeships.st1398.assessment.AssessmentApi.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/** Requests refused below the resources are problems too, naming what is wrong. */
@QuarkusTest
@QuarkusTestResource(value = StandardsPlanStub.class, restrictToAnnotatedClass = false)
class ParameterProblemsTest {

    @Test
    void anUnparsableTypedParameterIs400NamingIt() {
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/v1/assessments/not-a-uuid")
                .then()
                .spec(Problems.problem(400, "validation-failed", "parameter-invalid"))
                .body("violations.field", hasItem("id"));
        as(Tokens.assessor(TestIds.epaoId()))
                .body(Map.of("decision", "accepted"))
                .when()
                .post("/api/v1/assessments/" + UUID.randomUUID() + "/gateway/submissions/abc/components/coverage"
                        + "/decision")
                .then()
                .spec(Problems.problem(400, "validation-failed", "parameter-invalid"))
                .body("violations.field", hasItem("attempt"));
        // page is a member of the @BeanParam PageRequest: 400 parameter-invalid (naming it needs the kernel's
        // BeanParam support).
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/v1/assessments?page=abc")
                .then()
                .spec(Problems.problem(400, "validation-failed", "parameter-invalid"));
    }

    @Test
    void aUriOver8KiBIs414() {
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/v1/assessments?uln=" + "1".repeat(9 * 1024))
                .then()
                .statusCode(414)
                .contentType("application/problem+json")
                .body("code", org.hamcrest.Matchers.equalTo("uri-too-long"))
                .body("status", org.hamcrest.Matchers.equalTo(414));
    }
}
