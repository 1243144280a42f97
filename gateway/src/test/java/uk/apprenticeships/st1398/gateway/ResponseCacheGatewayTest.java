package uk.apprenticeships.st1398.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.Tokens;

/**
 * The shared cache of public reads as the running gateway installs it (gateway.response-cache: on for the standards
 * group by default), with the stubbed services: what the gateway does per request happens on a hit too.
 */
@QuarkusTest
@TestProfile(ResponseCacheGatewayTest.Cors.class)
class ResponseCacheGatewayTest {

    static final String DASHBOARD = "https://dashboard.example.org";

    public static class Cors implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.cors.origins", DASHBOARD);
        }
    }

    private static String stubPublic(String reference) {
        String path = "/api/v1/standards/" + reference;
        String body = "{\"reference\":\"" + reference + "\"}";
        DownstreamStubs.server.stubFor(get(urlPathEqualTo(path))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json;charset=UTF-8")
                        .withHeader("Cache-Control", "public, max-age=300")
                        .withHeader("ETag", "\"" + reference + "\"")
                        .withHeader("X-Request-Id", "downstream-id")
                        .withHeader("Content-Length", Integer.toString(body.length()))
                        // as standards-service: no compression, a Content-Length (a chunked answer is not stored)
                        .withGzipDisabled(true)
                        .withBody(body)));
        return path;
    }

    private static int reached(String path) {
        return DownstreamStubs.server.findAll(getRequestedFor(urlEqualTo(path))).size();
    }

    @Test
    void aHitCarriesTheGatewaysRequestIdRateLimitFieldsAndCors() {
        String path = stubPublic("ST9001");
        given().when().get(path).then().statusCode(200).header("X-Cache", "MISS");
        Response hit = given().header("X-Request-Id", "rid-cache-hit")
                .header("Origin", DASHBOARD)
                .when()
                .get(path);
        hit.then()
                .statusCode(200)
                .header("X-Cache", "HIT")
                .header("Age", "0")
                .header("ETag", "\"ST9001\"")
                .header("Cache-Control", "public, max-age=300")
                .header("RateLimit-Limit", "1200")
                .header("Access-Control-Allow-Origin", DASHBOARD)
                .header("Access-Control-Expose-Headers", containsString("X-Cache"))
                .body("reference", org.hamcrest.Matchers.equalTo("ST9001"));
        assertEquals(List.of("rid-cache-hit"), hit.headers().getValues("X-Request-Id"), "the caller's id only");
        given().header("If-None-Match", "W/\"ST9001\"")
                .when()
                .get(path)
                .then()
                .statusCode(304)
                .header("X-Cache", "HIT");
        assertEquals(1, reached(path), "only the first read reached the service");
        given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("gateway_response_cache_requests_total{group=\"standards\",result=\"hit\"}"))
                .body(containsString("gateway_response_cache_bytes"));
    }

    @Test
    void aTokenIsCheckedBeforeTheCacheAndAValidOneIsServedFromIt() {
        String path = stubPublic("ST9002");
        given().when().get(path).then().statusCode(200);
        given().auth().oauth2(Tokens.forged()).when().get(path).then().spec(Problems.problem(401, "unauthorized"));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .header("X-Cache", "HIT");
        assertEquals(1, reached(path));
    }

    @Test
    void aWriteThroughTheGatewayDropsTheStandardsEntries() {
        String path = stubPublic("ST9003");
        given().when().get(path).then().header("X-Cache", "MISS");
        given().when().get(path).then().header("X-Cache", "HIT");
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body("{}")
                .when()
                .put(path)
                .then()
                .statusCode(200);
        given().when().get(path).then().header("X-Cache", "MISS");
        assertEquals(2, reached(path));
    }

    @Test
    void otherGroupsAreNotCached() {
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get("/api/v1/assessment-organisations")
                .then()
                .header("X-Cache", org.hamcrest.Matchers.nullValue());
    }
}
