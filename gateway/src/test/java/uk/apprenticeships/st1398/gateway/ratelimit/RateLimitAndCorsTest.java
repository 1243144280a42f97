package uk.apprenticeships.st1398.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.gateway.DownstreamStubsAccess;
import uk.apprenticeships.st1398.platform.problem.DfeErrorForm;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.Tokens;

/** Rate limits per client and per route group, and CORS for browser dashboards (stubbed services). */
@QuarkusTest
@TestProfile(RateLimitAndCorsTest.Limits.class)
class RateLimitAndCorsTest {

    static final String DASHBOARD = "https://dashboard.example.org";

    public static class Limits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "gateway.rate-limit.groups.assessment.requests", "3",
                    "gateway.rate-limit.groups.assessment.window", "PT1H",
                    "gateway.rate-limit.groups.standards.requests", "2",
                    "gateway.rate-limit.groups.standards.window", "PT1H",
                    "quarkus.http.cors.origins", DASHBOARD);
        }
    }

    private static Response organisations(String token) {
        return given().auth().oauth2(token).when().get("/api/v1/assessment-organisations");
    }

    @Test
    void onTheDfePathsTheGatewaysOwn401And429AreInDfesForm() {
        // The DfE External API sits behind Azure API Management, whose refusals are {statusCode, message}: 401 for a
        // missing or rejected key, 429 "Rate limit is exceeded. Try again in N seconds." (DfeErrorForm).
        String path = "/assessor-service/api/v1/certificate/grades";
        given().when()
                .get(path)
                .then()
                .statusCode(401)
                .contentType("application/json")
                .header("WWW-Authenticate", "Bearer")
                .body("statusCode", equalTo(401))
                .body("message", equalTo(DfeErrorForm.UNAUTHORIZED));
        given().auth()
                .oauth2(Tokens.forged())
                .when()
                .get(path)
                .then()
                .statusCode(401)
                .body("statusCode", equalTo(401));
        String carol = Tokens.token("carol-" + System.nanoTime(), "assessor");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(carol).when().get(path).then().statusCode(not(equalTo(429)));
        }
        Response refused = given().auth().oauth2(carol).when().get(path);
        refused.then()
                .statusCode(429)
                .contentType("application/json")
                .body("statusCode", equalTo(429))
                .body(
                        "message",
                        equalTo("Rate limit is exceeded. Try again in " + refused.header("Retry-After") + " seconds."))
                .body("size()", equalTo(2));
        // This platform's own paths keep their problem documents.
        given().when().get("/api/v1/assessment-organisations").then().spec(Problems.problem(401, "unauthorized"));
    }

    @Test
    void eachClientHasItsOwnCountAndTheFourthRequestIsA429Problem() {
        String alice = Tokens.token("alice-" + System.nanoTime(), "admin");
        organisations(alice)
                .then()
                .statusCode(201)
                .header(RateLimiter.LIMIT, "3")
                .header(RateLimiter.REMAINING, "2")
                .header(RateLimiter.RESET, notNullValue())
                .header(RateLimiter.POLICY, "3;w=3600");
        organisations(alice).then().statusCode(201).header(RateLimiter.REMAINING, "1");
        organisations(alice).then().statusCode(201).header(RateLimiter.REMAINING, "0");
        int before = DownstreamStubsAccess.served();
        Response refused = organisations(alice);
        refused.then()
                .spec(Problems.problem(429, "too-many-requests", "rate-limited"))
                .header(RateLimiter.LIMIT, "3")
                .header(RateLimiter.REMAINING, "0")
                .body("limit", equalTo(3));
        long reset = Long.parseLong(refused.header(RateLimiter.RESET));
        assertTrue(reset > 0 && reset <= 3600, "RateLimit-Reset is the seconds left in the window: " + reset);
        assertEquals(String.valueOf(reset), refused.header("Retry-After"));
        assertEquals(before, DownstreamStubsAccess.served(), "a refused request never reaches a service");

        // another person's token has its own count; so has another route group for the same person
        organisations(Tokens.token("bob-" + System.nanoTime(), "admin"))
                .then()
                .statusCode(201)
                .header(RateLimiter.REMAINING, "2");
        given().auth()
                .oauth2(alice)
                .when()
                .get("/api/v1/standards")
                .then()
                .statusCode(200)
                .header(RateLimiter.LIMIT, "2");
    }

    @Test
    void clientCredentialsTokensAreCountedByClientNotBySubject() {
        String client = "lms-" + System.nanoTime();
        // two tokens of one client (e.g. before and after a refresh): one count
        String first = Tokens.token("service-account-a", Set.of("lms-integration"), Map.of("client_id", client));
        String second = Tokens.token("service-account-b", Set.of("lms-integration"), Map.of("client_id", client));
        organisations(first).then().header(RateLimiter.REMAINING, "2");
        organisations(second).then().header(RateLimiter.REMAINING, "1");
        organisations(first).then().header(RateLimiter.REMAINING, "0");
        organisations(second).then().spec(Problems.problem(429, "too-many-requests", "rate-limited"));
    }

    @Test
    void anonymousCallersAreCountedByAddressAndRefusedOnesToo() {
        // the test client's address has its own count for the assessment group; 401s count as well
        for (int i = 0; i < 3; i++) {
            given().when()
                    .get("/api/v1/certificates/.well-known/jwks.json")
                    .then()
                    .header(RateLimiter.LIMIT, "3");
        }
        given().when()
                .get("/api/v1/certificates/.well-known/jwks.json")
                .then()
                .spec(Problems.problem(429, "too-many-requests", "rate-limited"));
    }

    @Test
    void preflightFromAnAllowedOriginIsAnsweredByTheGateway() {
        int before = DownstreamStubsAccess.served();
        given().header("Origin", DASHBOARD)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization, Content-Type")
                .when()
                .options("/api/v1/assessment-organisations")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", DASHBOARD)
                .header("Access-Control-Allow-Methods", org.hamcrest.Matchers.containsString("POST"))
                .header(
                        "Access-Control-Allow-Headers",
                        org.hamcrest.Matchers.containsStringIgnoringCase("authorization"));
        assertEquals(before, DownstreamStubsAccess.served(), "the preflight did not reach a service");
        given().header("Origin", DASHBOARD)
                .when()
                .get("/api/v1/standards/ST1398")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", DASHBOARD)
                .header("Access-Control-Expose-Headers", org.hamcrest.Matchers.containsString("RateLimit-Remaining"));
    }

    @Test
    void otherOriginsAreNotAllowed() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .when()
                .options("/api/v1/assessment-organisations")
                .then()
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
