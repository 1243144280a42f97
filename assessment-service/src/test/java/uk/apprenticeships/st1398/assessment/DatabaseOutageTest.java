package uk.apprenticeships.st1398.assessment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.testing.PostgresResource;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/**
 * PostgreSQL stops under the running service and starts again on the same port and data: reads and writes answer a
 * 503 {@code database-unavailable} problem quickly (never a hang), readiness goes down, and everything works again
 * once the database is back, without restarting the service.
 */
@QuarkusTest
class DatabaseOutageTest {

    /** The service's promise is about 2 s (pool acquisition 1.5 s); the margin is for a loaded test machine. */
    private static final long FAST_MS = 2500;

    private final String epaoId = TestIds.epaoId();

    @Test
    void answers503QuicklyWhilePostgresIsDownAndRecoversWithoutARestart() {
        create(epaoId).statusCode(201);
        read().statusCode(200);

        PostgresResource.stopServer();
        try {
            read().time(lessThan(FAST_MS), TimeUnit.MILLISECONDS).spec(Problems.databaseUnavailable());
            create(TestIds.epaoId())
                    .time(lessThan(FAST_MS), TimeUnit.MILLISECONDS)
                    .spec(Problems.databaseUnavailable());
            given().when()
                    .get("/q/health/ready")
                    .then()
                    .time(lessThan(FAST_MS), TimeUnit.MILLISECONDS)
                    .statusCode(503)
                    .body("status", equalTo("DOWN"));
        } finally {
            PostgresResource.restartServer();
        }

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int status;
        do {
            status = read().extract().statusCode();
        } while (status != 200 && System.nanoTime() < deadline);
        assertEquals(200, status, "reads work again once PostgreSQL is back");
        create(TestIds.epaoId()).statusCode(201);
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    private ValidatableResponse read() {
        return given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/v1/assessment-organisations/" + epaoId)
                .then();
    }

    private static ValidatableResponse create(String id) {
        return given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(Map.of("epaoId", id, "name", "Outage test " + id))
                .when()
                .post("/api/v1/assessment-organisations")
                .then();
    }
}
