package uk.apprenticeships.st1398.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The conventions every service keeps, tested once here and run by each service's subclass: problem
 * responses for routing and content-negotiation failures, request ids, health, metrics and a complete
 * OpenAPI document.
 */
public abstract class PlatformConventionsTestBase {

    /** A path that accepts an authenticated JSON POST. */
    protected abstract String writePath();

    /** A token allowed to POST to {@link #writePath()}. */
    protected abstract String writerToken();

    /** A token of a role that may NOT write there. */
    protected abstract String wrongRoleToken();

    /**
     * A list the {@link #writerToken() writer} may read that takes the platform's paging parameters ({@code page},
     * {@code size}); by default {@link #writePath()}, as the platform's collections are read and written at one path.
     */
    protected String pagedListPath() {
        return writePath();
    }

    @Test
    void unknownRouteIsAProblem() {
        given().when().get("/api/v1/no-such-thing").then().spec(Problems.problem(404, "not-found"));
        given().when().get("/nowhere").then().spec(Problems.problem(404, "not-found"));
    }

    @Test
    void wrongMethodIsAProblem() {
        given().auth()
                .oauth2(writerToken())
                .when()
                .delete(writePath())
                .then()
                .spec(Problems.problem(405, "method-not-allowed"));
    }

    @Test
    void writeWithoutTokenIs401() {
        given().contentType("application/json")
                .body("{}")
                .when()
                .post(writePath())
                .then()
                .spec(Problems.problem(401, "unauthorized", "authentication-required"))
                .header("WWW-Authenticate", "Bearer");
    }

    @Test
    void writeWithATokenForAnotherAudienceIs401() {
        // Signed by the realm, unexpired, admin: but not issued for the platform (Keycloak's default aud 'account').
        given().auth()
                .oauth2(Tokens.wrongAudience())
                .contentType("application/json")
                .body("{}")
                .when()
                .post(writePath())
                .then()
                .spec(Problems.problem(401, "unauthorized", "authentication-required"));
    }

    @Test
    void writeWithForgedTokenIs401() {
        given().auth()
                .oauth2(Tokens.forged())
                .contentType("application/json")
                .body("{}")
                .when()
                .post(writePath())
                .then()
                .spec(Problems.problem(401, "unauthorized"));
    }

    @Test
    void writeWithWrongRoleIs403() {
        given().auth()
                .oauth2(wrongRoleToken())
                .contentType("application/json")
                .body("{}")
                .when()
                .post(writePath())
                .then()
                .spec(Problems.problem(403, "forbidden", "role-not-allowed"));
    }

    @Test
    void malformedJsonIsAProblem() {
        given().auth()
                .oauth2(writerToken())
                .contentType("application/json")
                .body("{\"a\": ")
                .when()
                .post(writePath())
                .then()
                .spec(Problems.problem(400, "malformed-request-body"));
    }

    @Test
    void emptyBodyIsAValidationProblem() {
        given().auth()
                .oauth2(writerToken())
                .contentType("application/json")
                .when()
                .post(writePath())
                .then()
                .spec(Problems.problem(400, "validation-failed"));
    }

    @Test
    void wrongContentTypeIsAProblem() {
        given().auth()
                .oauth2(writerToken())
                .contentType("text/plain")
                .body("hello")
                .when()
                .post(writePath())
                .then()
                .spec(Problems.problem(415, "unsupported-media-type"));
    }

    @Test
    void unacceptableAcceptIsAProblem() {
        given().auth()
                .oauth2(writerToken())
                .accept("application/xml")
                .contentType("application/json")
                .body("{}")
                .when()
                .post(writePath())
                .then()
                .spec(Problems.problem(406, "not-acceptable"));
    }

    /** The body limit configured for {@link #writePath()} ({@code quarkus.http.limits.max-body-size}). */
    protected int maxBodyBytes() {
        return 1024 * 1024;
    }

    @Test
    void oversizeBodyIsAProblem() {
        String big = "{\"x\":\"" + "a".repeat(maxBodyBytes() + 1024) + "\"}";
        given().auth()
                .oauth2(writerToken())
                .contentType("application/json")
                .body(big)
                .when()
                .post(writePath())
                .then()
                .spec(Problems.problem(413, "payload-too-large"));
    }

    @Test
    void unreadableParameterIsNamed() {
        // JAX-RS would answer 404 for a parameter it cannot convert; the platform says which one and why.
        given().auth()
                .oauth2(writerToken())
                .when()
                .get(pagedListPath() + "?page=abc")
                .then()
                .spec(Problems.problem(400, "validation-failed", "parameter-invalid"))
                .body("violations.field", hasItem("page"))
                .body("violations.rejectedValue", hasItem("abc"));
    }

    @Test
    void longUriIsAProblem() {
        // Past 8 KiB: a problem document, not the HTTP codec's bare 414 without a body.
        given().when()
                .get(writePath() + "?q=" + "a".repeat(9 * 1024))
                .then()
                .spec(Problems.problem(414, "uri-too-long", "uri-too-long"))
                .contentType("application/problem+json");
    }

    @Test
    void requestIdIsEchoedOrGenerated() {
        given().header("X-Request-Id", "abc-123")
                .when()
                .get("/q/health/live")
                .then()
                .header("X-Request-Id", "abc-123");
        given().when().get("/q/health/live").then().header("X-Request-Id", not(emptyOrNullString()));
        given().header("X-Request-Id", "bad id with spaces\u0001")
                .when()
                .get("/nowhere")
                .then()
                .header("X-Request-Id", not(equalTo("bad id with spaces\u0001")))
                .body("requestId", notNullValue());
    }

    @Test
    void healthAndMetricsAreServed() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/metrics").then().statusCode(200);
    }

    @Test
    @SuppressWarnings("unchecked")
    void openApiIsComplete() {
        JsonPath doc = given().accept("application/json")
                .when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertTrue(doc.getString("info.title") != null && doc.getString("info.description") != null);
        assertTrue(doc.getMap("components.securitySchemes").containsKey("bearer"), "bearer security scheme");
        given().accept("application/json")
                .when()
                .get("/q/openapi?format=json")
                .then()
                .body("components.schemas", hasKey("Problem"));
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        List<String> gaps = new ArrayList<>();
        java.util.Set<String> operationIds = new java.util.HashSet<>();
        paths.forEach((path, item) -> item.forEach((method, op) -> {
            if (!(op instanceof Map)) {
                return;
            }
            Map<String, Object> operation = (Map<String, Object>) op;
            // Client generators name methods after operationIds; a repeated one breaks them.
            Object id = operation.get("operationId");
            if (id == null || !operationIds.add(id.toString())) {
                gaps.add(method + " " + path + ": operationId " + id + " missing or not unique");
            }
            if (operation.get("summary") == null) {
                gaps.add(method + " " + path + ": no summary");
            }
            Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
            if (responses == null || responses.keySet().stream().noneMatch(s -> s.startsWith("2"))) {
                gaps.add(method + " " + path + ": no success response");
            }
            if (responses == null || !responses.containsKey("500")) {
                gaps.add(method + " " + path + ": no error responses");
            }
        }));
        assertTrue(gaps.isEmpty(), "OpenAPI gaps: " + gaps);
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
