package uk.apprenticeships.st1398.evidence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.testing.MongoResource;
import uk.apprenticeships.st1398.testing.PlatformConventionsTestBase;
import uk.apprenticeships.st1398.testing.Tokens;

@QuarkusTest
@QuarkusTestResource(value = MongoResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = false)
class EvidenceConventionsTest extends PlatformConventionsTestBase {

    @Override
    protected String writePath() {
        return "/api/v1/apprentices";
    }

    @Override
    protected String writerToken() {
        return Tokens.tutor("10000001");
    }

    @Override
    protected String wrongRoleToken() {
        return Tokens.employer("EMP0001");
    }

    @Test
    void readinessIncludesMongoDb() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.name", hasItem("MongoDB connection health check"));
    }
}
