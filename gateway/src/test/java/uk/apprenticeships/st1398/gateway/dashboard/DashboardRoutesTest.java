package uk.apprenticeships.st1398.gateway.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.gateway.DownstreamStubs;

/**
 * The dashboard's static files, the webjars they use and its sign-in configuration load without a token; the API
 * routes still require one. (The dashboard itself is tested in a real browser: e2e-tests DashboardEndToEndTest.)
 */
@QuarkusTest
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = DownstreamStubs.class, restrictToAnnotatedClass = false)
class DashboardRoutesTest {

    @Test
    void staticFilesLoadWithoutAToken() {
        given().when()
                .get("/dashboard/")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<script type=\"module\" src=\"js/app.js\"></script>"));
        for (String path : new String[] {
            "/dashboard/js/app.js",
            "/dashboard/js/auth.js",
            "/dashboard/js/api.js",
            "/dashboard/js/views.js",
            "/dashboard/js/ui.js",
            "/dashboard/css/dashboard.css",
            "/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.css",
            "/webjars/echarts/5.3.1/dist/echarts.esm.min.js",
            "/assets/images/favicon.ico"
        }) {
            given().when().get(path).then().statusCode(200);
        }
    }

    @Test
    void theBarePathRedirectsToTheDashboard() {
        given().redirects()
                .follow(false)
                .when()
                .get("/dashboard")
                .then()
                .statusCode(302)
                .header("Location", endsWith("/dashboard/"));
    }

    @Test
    void configurationNamesTheRealmAndThePublicClient() {
        given().when()
                .get("/dashboard/config.json")
                .then()
                .statusCode(200)
                .contentType(containsString("application/json"))
                .body("clientId", equalTo("platform-web"))
                .body("realmUrl", endsWith("/realms/quarkus"));
    }

    @Test
    void theApiStillNeedsAToken() {
        given().when().get("/api/v1/apprentices").then().statusCode(401);
    }
}
