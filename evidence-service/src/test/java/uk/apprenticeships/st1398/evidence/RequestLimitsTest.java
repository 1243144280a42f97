package uk.apprenticeships.st1398.evidence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/** Requests the REST layer cannot read are problems that name what is wrong, not 404s or empty bodies. */
@QuarkusTest
@QuarkusTestResource(value = StandardsServiceStub.class, restrictToAnnotatedClass = false)
class RequestLimitsTest {

    @Test
    void anUnparsableTypedParameterIs400NamingIt() {
        given().auth()
                .oauth2(Tokens.tutor(TestIds.ukprn()))
                .when()
                .get("/api/v1/apprentices?page=abc")
                .then()
                .spec(Problems.problem(400, "validation-failed", "parameter-invalid"))
                .body("violations.field", hasItem("page"));
    }

    @Test
    void aUriOver8KiBIs414Problem() {
        String filter = "x".repeat(9 * 1024);
        given().auth()
                .oauth2(Tokens.tutor(TestIds.ukprn()))
                .when()
                .get("/api/v1/apprentices?standardVersion=" + filter)
                .then()
                .spec(Problems.problem(414, "uri-too-long", "uri-too-long"));
    }
}
