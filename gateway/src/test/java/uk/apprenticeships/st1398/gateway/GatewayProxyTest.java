package uk.apprenticeships.st1398.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.platform.problem.DfeErrorForm;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.Tokens;

@QuarkusTest
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = DownstreamStubs.class, restrictToAnnotatedClass = false)
class GatewayProxyTest {

    @Test
    void publicReadIsProxiedWithPathQueryAndHeaders() {
        Response response = given().header("X-Request-Id", "rid-public-1")
                .header("X-Custom", "kept")
                .when()
                .get("/api/v1/standards?q=machine&size=5");
        response.then().statusCode(200).header("X-Downstream", "standards").body("items.reference", hasItem("ST1398"));
        assertEquals(
                java.util.List.of("rid-public-1"),
                response.headers().getValues("X-Request-Id"),
                "exactly one X-Request-Id, the caller's");
        DownstreamStubs.server.verify(getRequestedFor(urlEqualTo("/api/v1/standards?q=machine&size=5"))
                .withHeader("X-Request-Id", equalTo("rid-public-1"))
                .withHeader("X-Custom", equalTo("kept")));
    }

    @Test
    void standardVersionsAreAPublicStandardsRoute() {
        for (String path : java.util.List.of(
                "/api/v1/standard-versions?larsCode=795&reference=ST1398", "/api/v1/standard-versions/ST1398_1.0")) {
            given().when().get(path).then().statusCode(200).header("X-Downstream", "standards");
            DownstreamStubs.server.verify(getRequestedFor(urlEqualTo(path)));
        }
    }

    @Test
    void notModifiedIsRelayedWithoutABody() {
        Response response = given().header("If-None-Match", "\"abc\"").when().get("/api/v1/standards/ST0304");
        response.then().statusCode(304).header("ETag", "\"abc\"");
        assertEquals(null, response.header("Transfer-Encoding"), "a 304 is never chunked");
        assertEquals("", response.asString());
    }

    @Test
    void writeIsProxiedWithBodyAndToken() {
        String token = Tokens.admin();
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{\"epaoId\":\"EPA0001\"}")
                .when()
                .post("/api/v1/assessment-organisations")
                .then()
                .statusCode(201);
        DownstreamStubs.server.verify(postRequestedFor(urlEqualTo("/api/v1/assessment-organisations"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .withRequestBody(equalTo("{\"epaoId\":\"EPA0001\"}")));
    }

    @Test
    void requestIdIsGeneratedAndForwardedWhenAbsent() {
        String id = given().when()
                .get("/api/v1/standards/ST1398")
                .then()
                .statusCode(200)
                .extract()
                .header("X-Request-Id");
        DownstreamStubs.server.verify(
                getRequestedFor(urlEqualTo("/api/v1/standards/ST1398")).withHeader("X-Request-Id", equalTo(id)));
    }

    @Test
    void protectedPathsNeedAValidTokenBeforeProxying() {
        int before = DownstreamStubs.server.getAllServeEvents().size();
        given().contentType("application/json")
                .body("{}")
                .when()
                .post("/api/v1/assessment-organisations")
                .then()
                .spec(Problems.problem(401, "unauthorized", "authentication-required"))
                .header("WWW-Authenticate", "Bearer");
        given().auth()
                .oauth2(Tokens.forged())
                .when()
                .get("/api/v1/assessment-organisations")
                .then()
                .spec(Problems.problem(401, "unauthorized"));
        given().auth()
                .oauth2(Tokens.forged())
                .when()
                .get("/api/v1/standards")
                .then()
                .spec(Problems.problem(401, "unauthorized"));
        given().contentType("application/json")
                .body("{}")
                .when()
                .post("/api/v1/standards")
                .then()
                .spec(Problems.problem(401, "unauthorized"));
        assertEquals(before, DownstreamStubs.server.getAllServeEvents().size(), "nothing reached a service");
    }

    @Test
    void publishedKeysArePublicButTheRestOfTheRouteIsNot() {
        given().when().get("/api/v1/certificates/.well-known/jwks.json").then().statusCode(201);
        given().when().get("/api/v1/certificates/00000001").then().spec(Problems.problem(401, "unauthorized"));
        given().contentType("application/json")
                .body("{}")
                .when()
                .post("/api/v1/certificates/.well-known/jwks.json")
                .then()
                .spec(Problems.problem(401, "unauthorized"));
    }

    @Test
    void downServiceAnswers503ProblemQuickly() {
        given().auth()
                .oauth2(Tokens.tutor("10000001"))
                .when()
                .get("/api/v1/apprentices")
                .then()
                .time(lessThan(2000L), TimeUnit.MILLISECONDS)
                .spec(Problems.problem(503, "service-unavailable", "downstream-unavailable"))
                .header("Retry-After", "5")
                .body("downstream", Matchers.equalTo("evidence"));
    }

    @Test
    void improperAnswerIsA502Problem() {
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/v1/assessments/broken")
                .then()
                .spec(Problems.problem(502, "bad-gateway", "downstream-rejected"))
                .body("downstream", Matchers.equalTo("assessment"));
    }

    @Test
    void longRequestLineIsA414Problem() {
        int before = DownstreamStubs.server.getAllServeEvents().size();
        given().when()
                .get("/api/v1/standards?q=" + "a".repeat(9 * 1024))
                .then()
                .spec(Problems.problem(414, "uri-too-long", "uri-too-long"));
        // Under the codec's old 4 KiB limit, now raised: proxied as before.
        given().when().get("/api/v1/standards?q=" + "a".repeat(5 * 1024)).then().statusCode(200);
        assertEquals(before + 1, DownstreamStubs.server.getAllServeEvents().size(), "only the shorter one was proxied");
    }

    @Test
    void tokenForAnotherAudienceIsRefusedBeforeProxying() {
        int before = DownstreamStubs.server.getAllServeEvents().size();
        given().auth()
                .oauth2(Tokens.wrongAudience())
                .when()
                .get("/api/v1/assessment-organisations")
                .then()
                .spec(Problems.problem(401, "unauthorized", "authentication-required"))
                .header("WWW-Authenticate", "Bearer");
        given().auth()
                .oauth2(Tokens.wrongAudience())
                .contentType("application/json")
                .body("{}")
                .when()
                .post("/api/v1/standards")
                .then()
                .spec(Problems.problem(401, "unauthorized", "authentication-required"));
        assertEquals(before, DownstreamStubs.server.getAllServeEvents().size(), "nothing reached a service");
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/v1/assessment-organisations")
                .then()
                .statusCode(201);
    }

    @Test
    void providerCoverageIsRoutedToEvidence() {
        // evidence is down in this test: a 503 shows the path was routed there (an unrouted path answers 404).
        given().auth()
                .oauth2(Tokens.tutor("10000001"))
                .when()
                .get("/api/v1/providers/10000001/coverage?standardVersion=ST1398_1.0")
                .then()
                .spec(Problems.problem(503, "service-unavailable"));
        given().when().get("/api/v1/providers/10000001/coverage").then().spec(Problems.problem(401, "unauthorized"));
    }

    @Test
    void xapiTakesBasicCredentialsToEvidenceButNothingElseDoes() {
        // evidence is down in this test: a 503 shows the request was passed on to it (evidence checks the key).
        given().auth()
                .preemptive()
                .basic("lms-key", "lms-secret")
                .header("X-Experience-API-Version", "2.0.0")
                .when()
                .get("/xapi/statements")
                .then()
                .spec(Problems.problem(503, "service-unavailable"));
        given().auth()
                .oauth2(Tokens.tutor("10000001"))
                .header("X-Experience-API-Version", "2.0.0")
                .when()
                .get("/xapi/statements")
                .then()
                .spec(Problems.problem(503, "service-unavailable"));
        // Without credentials, and with Basic anywhere else, the gateway refuses before proxying.
        given().when().get("/xapi/statements").then().spec(Problems.problem(401, "unauthorized"));
        given().auth()
                .preemptive()
                .basic("lms-key", "lms-secret")
                .when()
                .get("/api/v1/apprentices")
                .then()
                .spec(Problems.problem(401, "unauthorized"));
    }

    @Test
    void dfeLearnerAndEpaPathsAreRoutedToAssessment() {
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/v1/learner/1234567890/Smith/ST1398")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body("[]")
                .when()
                .post("/api/v1/epa")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .delete("/api/v1/epa/1234567890/Smith/ST1398/00000001")
                .then()
                .statusCode(201);
        DownstreamStubs.server.verify(getRequestedFor(urlEqualTo("/api/v1/learner/1234567890/Smith/ST1398")));
        DownstreamStubs.server.verify(postRequestedFor(urlEqualTo("/api/v1/epa")));
        given().when()
                .get("/api/v1/learner/1234567890/Smith/ST1398")
                .then()
                .spec(Problems.problem(401, "unauthorized"));
        given().contentType("application/json")
                .body("[]")
                .when()
                .put("/api/v1/epa")
                .then()
                .spec(Problems.problem(401, "unauthorized"));
    }

    @Test
    void dfeAssessorServicePathsAreRoutedToAssessmentUnchanged() {
        // DfE's relative paths under /assessor-service: its /api/v1/standards/options must not reach standards.
        for (String path : List.of(
                "/assessor-service/api/v1/learner/1234567890/Blogs/1",
                "/assessor-service/api/v1/certificate/grades",
                "/assessor-service/api/v1/standards/options/ST0127")) {
            given().auth().oauth2(Tokens.admin()).when().get(path).then().statusCode(201);
            DownstreamStubs.server.verify(getRequestedFor(urlEqualTo(path)));
        }
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body("[]")
                .when()
                .post("/assessor-service/api/v1/certificate/submit")
                .then()
                .statusCode(201);
        DownstreamStubs.server.verify(postRequestedFor(urlEqualTo("/assessor-service/api/v1/certificate/submit")));
        // The gateway's own refusal on a DfE path is in DfE's form (DfeErrorForm), as all errors there.
        given().when()
                .get("/assessor-service/api/v1/certificate/grades")
                .then()
                .statusCode(401)
                .contentType("application/json")
                .body("statusCode", org.hamcrest.Matchers.equalTo(401))
                .body("message", org.hamcrest.Matchers.equalTo(DfeErrorForm.UNAUTHORIZED));
    }

    @Test
    void hangingServiceAnswers504ProblemAfterTheTimeout() {
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/v1/assessments/slow")
                .then()
                .time(lessThan(3500L), TimeUnit.MILLISECONDS)
                .spec(Problems.problem(504, "gateway-timeout", "downstream-timeout"));
    }

    @Test
    void aDfePathWhoseServiceFailsIsDfes500InDfesForm() {
        // DfE's External API answers a failed call to its internal API with 500 (das-assessor-service
        // Api.External/Startup.cs has no exception middleware outside development; Infrastructure/ApiClient.cs
        // calls the internal API with HttpClient): on the DfE paths a timeout (504 elsewhere) and an improper answer
        // (502 elsewhere) are 500 in DfE's {statusCode, message} (platform-common DfeErrorForm); Retry-After stays.
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/assessor-service/api/v1/learner/1234567890/Slow/1")
                .then()
                .time(lessThan(3500L), TimeUnit.MILLISECONDS)
                .statusCode(500)
                .contentType("application/json")
                .header("Retry-After", "5")
                .body("statusCode", Matchers.equalTo(500))
                .body("message", Matchers.equalTo("The assessment service did not answer in time; retry later."))
                .body("$", Matchers.not(Matchers.hasKey("type")));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/assessor-service/api/v1/learner/1234567890/Broken/1")
                .then()
                .statusCode(500)
                .contentType("application/json")
                .body("statusCode", Matchers.equalTo(500))
                .body("message", Matchers.equalTo("The assessment service failed to answer properly; retry later."));
    }

    @Test
    void unknownRouteIsAProblem() {
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/v1/nothing-here")
                .then()
                .spec(Problems.problem(404, "not-found", "no-such-route"));
    }

    @Test
    void readinessReportsEachDownstream() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(503)
                .body("checks.find { it.name == 'downstream services' }.data.standards", Matchers.equalTo("UP"))
                .body("checks.find { it.name == 'downstream services' }.data.evidence", Matchers.startsWith("DOWN"));
        given().when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void mergedContractIsServedAndNamesTheServiceItCouldNotRead() {
        given().when()
                .get("/openapi")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("openapi", Matchers.equalTo("3.0.3"))
                .body("servers[0].url", Matchers.equalTo("http://localhost:8080"))
                .body("components.securitySchemes.keySet()", Matchers.contains("oidc"))
                .body(
                        "components.securitySchemes.oidc.flows.clientCredentials.tokenUrl",
                        Matchers.endsWith("/protocol/openid-connect/token"))
                .body(
                        "components.securitySchemes.oidc.flows.authorizationCode.authorizationUrl",
                        Matchers.endsWith("/protocol/openid-connect/auth"))
                // standards' copy of the path is routed to standards, the keys path to assessment only
                .body("paths.'/api/v1/standards/{reference}'.get.security", Matchers.hasSize(2))
                .body("paths.'/api/v1/certificates/.well-known/jwks.json'.get.tags", hasItem("Certificates"))
                .body("components.schemas.Standard.properties.reference.example", Matchers.equalTo("ST1398"))
                // evidence is down in this test: its document is missing, and said so
                .body("info.x-unavailable-areas", Matchers.contains("evidence"));
    }

    @Test
    void metricsNameARequestAfterItsRouteNotItsIds() {
        for (String id : List.of("64b000000000000000000a01", "64b000000000000000000a02")) {
            given().when().get("/api/v1/apprentices/" + id).then().statusCode(401);
        }
        given().when().get("/api/v1/standards/ST9999").then().statusCode(200);
        String metrics = given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        org.hamcrest.MatcherAssert.assertThat(
                metrics,
                Matchers.allOf(
                        Matchers.containsString("uri=\"/api/v1/apprentices/*\""),
                        Matchers.containsString("uri=\"/api/v1/standards/*\""),
                        Matchers.not(Matchers.containsString("64b000000000000000000a0")),
                        Matchers.not(Matchers.containsString("uri=\"/api/v1/standards/ST9999\""))));
    }

    @Test
    void servicesOpenApiIsServedForSwaggerUi() {
        given().when().get("/openapi/standards").then().statusCode(200).body("openapi", Matchers.equalTo("3.1.0"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
        given().when().get("/q/swagger-ui/index.html").then().statusCode(200).body(Matchers.containsString("/openapi"));
        given().when().get("/q/metrics").then().statusCode(200);
    }
}
