package uk.apprenticeships.st1398.evidence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.platform.security.Roles;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/** The provider register (UKPRN and name; the DfE learner answer's providerName comes from it). */
@QuarkusTest
class ProviderRegisterTest {

    private static ValidatableResponse put(String token, String ukprn, Object body) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .when()
                .put("/api/v1/providers/" + ukprn)
                .then();
    }

    private static ValidatableResponse get(String token, String ukprn) {
        return given().auth()
                .oauth2(token)
                .when()
                .get("/api/v1/providers/" + ukprn)
                .then();
    }

    @Test
    void adminAddsAndRenamesAndEachReaderSeesWhatItMay() {
        String ukprn = TestIds.ukprn();
        put(Tokens.admin(), ukprn, Map.of("name", " Example Training Ltd "))
                .statusCode(201)
                .header("Location", endsWith("/api/v1/providers/" + ukprn))
                .body("ukprn", equalTo(ukprn))
                .body("name", equalTo("Example Training Ltd"))
                .body("created.by", equalTo("admin1-subject"));
        put(Tokens.admin(), ukprn, Map.of("name", "Example Training Group"))
                .statusCode(200)
                .body("name", equalTo("Example Training Group"))
                .body("created.by", equalTo("admin1-subject"));

        get(Tokens.admin(), ukprn).statusCode(200).body("name", equalTo("Example Training Group"));
        get(Tokens.assessor(TestIds.epaoId()), ukprn).statusCode(200).body("name", equalTo("Example Training Group"));
        get(Tokens.tutor(ukprn), ukprn).statusCode(200);
        get(Tokens.token("lms", Set.of(Roles.LMS_INTEGRATION), Map.of("provider_ukprn", ukprn)), ukprn)
                .statusCode(200);
        get(Tokens.apprentice(TestIds.uln(), ukprn, "EMP1"), ukprn).statusCode(200);
        // Another provider's users: as if absent. Employers have no access to the register.
        get(Tokens.tutor(TestIds.ukprn()), ukprn).spec(Problems.problem(404, "not-found", "provider-not-found"));
        get(Tokens.employer("EMP1"), ukprn).spec(Problems.problem(403, "forbidden", "role-not-allowed"));
        given().auth()
                .oauth2(Tokens.admin())
                .get("/api/v1/providers?size=1")
                .then()
                .statusCode(200)
                .body("totalItems", greaterThanOrEqualTo(1));
    }

    @Test
    void refusalsChangeNothing() {
        String ukprn = TestIds.ukprn();
        put(Tokens.admin(), ukprn, Map.of("name", "Kept")).statusCode(201);
        put(Tokens.tutor(ukprn), ukprn, Map.of("name", "Mine now"))
                .spec(Problems.problem(403, "forbidden", "role-not-allowed"));
        put(Tokens.admin(), ukprn, Map.of("name", " ")).spec(Problems.problem(400, "validation-failed"));
        put(Tokens.admin(), ukprn, Map.of("name", "x".repeat(201))).spec(Problems.problem(400, "validation-failed"));
        put(Tokens.admin(), ukprn, Map.of("name", "bad\u0007name")).spec(Problems.problem(400, "validation-failed"));
        put(Tokens.admin(), ukprn, Map.of()).spec(Problems.problem(400, "validation-failed"));
        get(Tokens.admin(), ukprn).statusCode(200).body("name", equalTo("Kept"));
        put(Tokens.admin(), "1234567", Map.of("name", "Short")).spec(Problems.problem(400, "validation-failed"));
        get(Tokens.admin(), "1234567").spec(Problems.problem(400, "validation-failed"));
        get(Tokens.admin(), TestIds.ukprn()).spec(Problems.problem(404, "not-found", "provider-not-found"));
        given().get("/api/v1/providers/" + ukprn).then().spec(Problems.problem(401, "unauthorized"));
    }
}
