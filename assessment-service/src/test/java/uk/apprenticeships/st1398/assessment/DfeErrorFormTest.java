package uk.apprenticeships.st1398.assessment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.platform.problem.DfeErrorForm;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/**
 * Every error on the DfE paths is DfE's {@code {statusCode, message}} (AS
 * {@code Api.External/Middleware/ApiResponse.cs}, written camelCase by {@code ErrorHandlingMiddleware.cs}), including
 * those produced before the DfE adapter runs: authentication, roles, unknown paths (Azure API Management's "Resource
 * not found"), wrong methods. This platform's own paths keep RFC 9457 problems.
 */
@QuarkusTest
@QuarkusTestResource(value = StandardsPlanStub.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = EvidenceServiceStub.class, restrictToAnnotatedClass = false)
class DfeErrorFormTest {

    static final String LEARNER = DfeContractTest.BASE + "/learner/1234567890/Blogs/1";

    private static String dfeBody(int status, String message) {
        return "{\"statusCode\":" + status + ",\"message\":\"" + message + "\"}";
    }

    @Test
    void noOrABadTokenIs401() {
        for (var request : new io.restassured.specification.RequestSpecification[] {
            given(), given().auth().oauth2(Tokens.forged()), given().auth().oauth2(Tokens.wrongAudience())
        }) {
            String body = request.get(LEARNER)
                    .then()
                    .statusCode(401)
                    .contentType("application/json")
                    .header("WWW-Authenticate", "Bearer")
                    .extract()
                    .asString();
            assertEquals(DfeContractTest.json(dfeBody(401, DfeErrorForm.UNAUTHORIZED)), DfeContractTest.json(body));
        }
    }

    @Test
    void aRoleWithoutTheApiIs403InDfesWordsAboutTheAccount() {
        // DfE has no roles (one API Management subscription per organisation), so it never refuses a role; here a
        // valid token of a kind of caller that may not use the API is 403 in DfE's form, worded like DfE's own
        // account refusal ("Your account is not linked to a valid UKPRN", das-assessor-service
        // Api.External/Middleware/GetHeadersMiddleware.cs). Every operation, every such role, nothing changed.
        // (Grades and options are reference data every signed-in caller may read, as any DfE subscriber may.)
        String uln = TestIds.uln();
        for (String token : new String[] {
            Tokens.tutor(TestIds.ukprn()),
            Tokens.employer(TestIds.employerId()),
            Tokens.apprentice(uln, TestIds.ukprn(), TestIds.employerId())
        }) {
            for (String[] call : new String[][] {
                {"GET", LEARNER},
                {"GET", DfeContractTest.BASE + "/certificate/" + uln + "/Blogs/1"},
                {"POST", DfeContractTest.BASE + "/epa"},
                {"PUT", DfeContractTest.BASE + "/certificate"},
                {"POST", DfeContractTest.BASE + "/certificate/submit"},
                {"DELETE", DfeContractTest.BASE + "/certificate/" + uln + "/Blogs/1/00000001"}
            }) {
                var request = given().auth().oauth2(token);
                if (call[0].equals("POST") || call[0].equals("PUT")) {
                    request = request.contentType("application/json").body("[]");
                }
                String body = request.request(call[0], call[1])
                        .then()
                        .statusCode(403)
                        .contentType("application/json")
                        .extract()
                        .asString();
                assertEquals(
                        DfeContractTest.json(dfeBody(
                                403,
                                "Your account is not linked to an end-point assessment organisation, so it cannot use"
                                        + " this API")),
                        DfeContractTest.json(body),
                        call[0] + " " + call[1]);
            }
        }
    }

    @Test
    void anUnknownPathIsApiManagements404() {
        String assessor = Tokens.assessor(TestIds.epaoId());
        for (String path : new String[] {
            DfeContractTest.BASE + "/certificates", DfeContractTest.BASE + "/nothing/here", "/assessor-service/other"
        }) {
            String body = given().auth()
                    .oauth2(assessor)
                    .get(path)
                    .then()
                    .statusCode(404)
                    .contentType("application/json")
                    .extract()
                    .asString();
            assertEquals(DfeContractTest.json(dfeBody(404, DfeErrorForm.NOT_FOUND)), DfeContractTest.json(body), path);
        }
        // This platform's own API keeps its problem documents.
        given().auth().oauth2(assessor).get("/api/v1/nothing").then().spec(Problems.problem(404, "not-found"));
        given().get("/api/v1/certificates").then().spec(Problems.problem(401, "unauthorized"));
    }

    @Test
    void aWrongMethodIs405InDfesForm() {
        given().auth()
                .oauth2(Tokens.assessor(TestIds.epaoId()))
                .patch(DfeContractTest.BASE + "/epa")
                .then()
                .statusCode(405)
                .contentType("application/json")
                .body("statusCode", equalTo(405))
                .body("message", equalTo("PATCH is not allowed on " + DfeContractTest.BASE + "/epa."));
    }
}
