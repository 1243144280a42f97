package uk.apprenticeships.st1398.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** Through the gateway, with real Keycloak tokens, against the whole running platform. */
@ExtendWith(Stack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformEndToEndTest {

    private static final String PROBLEM = "application/problem+json";

    @BeforeAll
    static void gateway() {
        RestAssured.baseURI = Stack.GATEWAY;
    }

    @Test
    @Order(1)
    void catalogueReadWithARealToken() {
        given().auth()
                .oauth2(Stack.token("tutor1"))
                .when()
                .get("/api/v1/standards/ST1398")
                .then()
                .statusCode(200)
                .body("level", equalTo(6))
                .body("versions.key", hasItem("ST1398_1.0"));
        given().when()
                .get("/api/v1/standards?q=machine")
                .then()
                .statusCode(200)
                .body("items.reference", hasItem("ST1398"));
        // The lookups the DfE surface uses are catalogue reads too: routed to standards-service, open.
        given().when()
                .get("/api/v1/standard-versions/ST1398_1.0")
                .then()
                .statusCode(200)
                .body("key", equalTo("ST1398_1.0"))
                .body("larsCode", equalTo(795));
        given().when()
                .get("/api/v1/standard-versions?larsCode=795&reference=ST1398")
                .then()
                .statusCode(200)
                .body("items.key", hasItem("ST1398_1.0"));
    }

    @Test
    @Order(2)
    void writeRefusedForTheWrongRoleAndAllowedForAdmin() {
        Map<String, Object> body = Map.of("reference", "ST0999", "title", "End-to-end test standard", "level", 3);
        given().auth()
                .oauth2(Stack.token("tutor1"))
                .contentType("application/json")
                .body(body)
                .when()
                .post("/api/v1/standards")
                .then()
                .statusCode(403)
                .contentType(PROBLEM)
                .body("status", equalTo(403));
        given().auth()
                .oauth2(Stack.token("admin1"))
                .contentType("application/json")
                .body(body)
                .when()
                .post("/api/v1/standards")
                .then()
                .statusCode(201);
    }

    @Test
    @Order(3)
    void missingOrForgedTokensAreRefusedAtTheGateway() {
        given().when().get("/api/v1/apprentices").then().statusCode(401).contentType(PROBLEM);
        String token = Stack.token("tutor1");
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA";
        given().auth()
                .oauth2(forged)
                .when()
                .get("/api/v1/standards")
                .then()
                .statusCode(401)
                .contentType(PROBLEM);
    }

    @Test
    @Order(3)
    void onlyTokensIssuedForThePlatformAreAccepted() {
        // The realm's platform clients map the audience into their tokens...
        for (String token : List.of(
                Stack.token("tutor1"),
                Stack.clientToken("lms-integration", "lms-integration-dev-secret"),
                Stack.clientToken("regulator-reporting", "regulator-reporting-dev-secret"))) {
            assertTrue(audiences(token).contains("st1398-platform"), "aud of " + claims(token));
        }
        // ...another client of the same realm does not: same user, valid signature, refused before any service.
        String foreign = Stack.tokenWithoutPlatformAudience("tutor1");
        assertFalse(audiences(foreign).contains("st1398-platform"), "aud of " + claims(foreign));
        given().auth()
                .oauth2(foreign)
                .when()
                .get("/api/v1/apprentices")
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .body("code", equalTo("authentication-required"));
        given().auth()
                .oauth2(foreign)
                .contentType("application/json")
                .body(Map.of())
                .when()
                .post("/api/v1/standards")
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .body("code", equalTo("authentication-required"));
        // Straight to a service (not through the gateway) it is refused too.
        given().baseUri("http://localhost:8082")
                .auth()
                .oauth2(foreign)
                .when()
                .get("/api/v1/apprentices")
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .body("code", equalTo("authentication-required"));
    }

    private static JsonNode claims(String token) {
        try {
            return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> audiences(String token) {
        JsonNode aud = claims(token).path("aud");
        List<String> all = new java.util.ArrayList<>();
        if (aud.isArray()) {
            aud.forEach(a -> all.add(a.asText()));
        } else if (aud.isTextual()) {
            all.add(aud.asText());
        }
        return all;
    }

    @Test
    @Order(4)
    void tenantClaimsFromKeycloakScopeTheEPortfolio() {
        Map<String, Object> apprentice = Map.of(
                "uln",
                "1234567890",
                "givenName",
                "Ada",
                "familyName",
                "Lovelace",
                "dateOfBirth",
                "2001-04-02",
                "providerUkprn",
                "10000001",
                "employerId",
                "EMP0001",
                "standardVersion",
                "ST1398_1.0",
                "startDate",
                "2025-09-01",
                "plannedEndDate",
                "2027-09-01");
        String location = given().auth()
                .oauth2(Stack.token("tutor1"))
                .contentType("application/json")
                .body(apprentice)
                .when()
                .post("/api/v1/apprentices")
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        String path = location.substring(location.indexOf("/api/v1/"));
        given().auth().oauth2(Stack.token("tutor1")).when().get(path).then().statusCode(200);
        given().auth()
                .oauth2(Stack.token("tutor2"))
                .when()
                .get(path)
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        given().auth()
                .oauth2(Stack.clientToken("lms-integration", "lms-integration-dev-secret"))
                .when()
                .get("/api/v1/apprentices")
                .then()
                .statusCode(200)
                .body("items.uln", hasItem("1234567890"));
    }

    @Test
    @Order(5)
    void requestIdRoundTripsThroughGatewayAndService() throws Exception {
        String id = "e2e-" + UUID.randomUUID();
        given().header("X-Request-Id", id)
                .when()
                .get("/api/v1/standards/ST1398")
                .then()
                .statusCode(200)
                .header("X-Request-Id", id);
        boolean logged = false;
        for (int i = 0; i < 20 && !logged; i++) {
            logged = Files.readString(Stack.logOf("standards")).contains(id);
            if (!logged) {
                Thread.sleep(250);
            }
        }
        assertTrue(logged, "standards-service logged the gateway's request id " + id);
    }

    @Test
    @Order(6)
    void aStoppedServiceAnswers503Quickly() throws Exception {
        Stack.run(60, "stop", "assessment");
        try {
            given().auth()
                    .oauth2(Stack.token("admin1"))
                    .when()
                    .get("/api/v1/assessment-organisations")
                    .then()
                    .time(lessThan(1500L), TimeUnit.MILLISECONDS)
                    .statusCode(503)
                    .contentType(PROBLEM)
                    .body("status", equalTo(503));
            given().auth()
                    .oauth2(Stack.token("tutor1"))
                    .when()
                    .get("/api/v1/standards/ST1398")
                    .then()
                    .statusCode(200);
        } finally {
            Stack.run(180, "start", "assessment");
        }
        given().auth()
                .oauth2(Stack.token("admin1"))
                .when()
                .get("/api/v1/assessment-organisations")
                .then()
                .statusCode(200);
    }

    /**
     * The gateway-to-completion readiness check crosses all three services with the caller's own Keycloak token:
     * assessment-service asks evidence-service (which applies its tenant rules) and standards-service (the plan).
     */
    @Test
    @Order(7)
    void readinessCrossesServicesWithTheCallersToken() {
        String uln = String.valueOf(7_000_000_000L + System.nanoTime() % 1_000_000_000L);
        Map<String, Object> apprentice = Map.of(
                "uln",
                uln,
                "givenName",
                "Grace",
                "familyName",
                "Hopper",
                "dateOfBirth",
                "2001-04-02",
                "providerUkprn",
                "10000001",
                "employerId",
                "EMP0001",
                "standardVersion",
                "ST1398_1.0",
                "startDate",
                "2025-09-01",
                "plannedEndDate",
                "2027-09-01");
        String apprenticeId = given().auth()
                .oauth2(Stack.token("tutor1"))
                .contentType("application/json")
                .body(apprentice)
                .when()
                .post("/api/v1/apprentices")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String admin = Stack.token("admin1");
        int organisation = given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(Map.of("epaoId", "EPA0001", "name", "End-to-end Assessments"))
                .when()
                .post("/api/v1/assessment-organisations")
                .then()
                .extract()
                .statusCode();
        assertTrue(organisation == 201 || organisation == 409, "organisation created or already there");
        String assessment = given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(Map.of(
                        "uln",
                        uln,
                        "familyName",
                        "Hopper",
                        "standardVersion",
                        "ST1398_1.0",
                        "providerUkprn",
                        "10000001",
                        "employerId",
                        "EMP0001",
                        "epaoId",
                        "EPA0001",
                        "apprenticeId",
                        apprenticeId))
                .when()
                .post("/api/v1/assessments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String readiness = "/api/v1/assessments/" + assessment + "/gateway/readiness";

        given().auth()
                .oauth2(Stack.token("tutor1"))
                .when()
                .get(readiness)
                .then()
                .statusCode(200)
                .body("ready", equalTo(false))
                .body("apprenticeId", equalTo(apprenticeId))
                .body("items.find { it.item == 'coverage' }.status", equalTo("failed"))
                .body("items.find { it.item == 'off-the-job-hours' }.status", equalTo("failed"));
        // tutor2 belongs to another provider: evidence-service hides the apprentice, so does the check.
        given().auth()
                .oauth2(Stack.token("tutor2"))
                .when()
                .get(readiness)
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        // assessor1 (EPA0001) sees the portfolio only once the provider assigns the apprentice to EPA0001.
        given().auth()
                .oauth2(Stack.token("assessor1"))
                .when()
                .get(readiness)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Stack.token("tutor1"))
                .contentType("application/json")
                .body(Map.of("assessmentOrganisationId", "EPA0001"))
                .when()
                .put("/api/v1/apprentices/" + apprenticeId + "/programme")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Stack.token("assessor1"))
                .when()
                .get(readiness)
                .then()
                .statusCode(200)
                .body("apprenticeId", equalTo(apprenticeId));
    }
}
