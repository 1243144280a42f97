package uk.apprenticeships.st1398.evidence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.testing.MongoResource;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/**
 * MongoDB goes away under the running service and comes back: reads and writes answer a 503
 * {@code database-unavailable} problem quickly (never a hang), readiness goes down, and everything works again once
 * the database is back, without restarting the service.
 */
@QuarkusTest
class DatabaseOutageTest {

    private static final String PATH = "/api/v1/apprentices";
    /** The service's promise is about 2 s (server selection 1.5 s); the margin is for a loaded test machine. */
    private static final long FAST_MS = 2500;

    private final String ukprn = TestIds.ukprn();
    private final String tutor = Tokens.tutor(ukprn);

    @Test
    void answers503QuicklyWhileMongoDbIsDownAndRecoversWithoutARestart() throws Exception {
        String id = create(TestIds.uln()).statusCode(201).extract().path("id");
        read(id).statusCode(200);

        MongoResource.stopServer();
        try {
            read(id).time(lessThan(FAST_MS), TimeUnit.MILLISECONDS).spec(Problems.databaseUnavailable());
            create(TestIds.uln()).time(lessThan(FAST_MS), TimeUnit.MILLISECONDS).spec(Problems.databaseUnavailable());
            given().when()
                    .get("/q/health/ready")
                    .then()
                    .time(lessThan(FAST_MS), TimeUnit.MILLISECONDS)
                    .statusCode(503)
                    .body("status", equalTo("DOWN"));
        } finally {
            MongoResource.restartServer();
        }

        // Back by itself: the driver reconnects on the next request (no restart of the service).
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int status;
        do {
            status = read(id).extract().statusCode();
        } while (status != 200 && System.nanoTime() < deadline);
        assertEquals(200, status, "reads work again once MongoDB is back");
        create(TestIds.uln()).statusCode(201);
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    private ValidatableResponse create(String uln) {
        Map<String, Object> body = Map.of(
                "uln", uln,
                "givenName", "Ada",
                "familyName", "Outage",
                "dateOfBirth", "2001-12-10",
                "providerUkprn", ukprn,
                "standardVersion", "ST1398_1.0",
                "startDate", "2025-09-01",
                "plannedEndDate", "2027-09-01");
        return given().auth()
                .oauth2(tutor)
                .contentType("application/json")
                .body(body)
                .when()
                .post(PATH)
                .then();
    }

    private ValidatableResponse read(String id) {
        return given().auth().oauth2(tutor).when().get(PATH + "/" + id).then();
    }
}
