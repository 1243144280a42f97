package uk.apprenticeships.st1398.standards;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.standards.repository.StandardRepository;
import uk.apprenticeships.st1398.testing.Tokens;

/** The server-side read cache serves repeated reads without the database and is emptied by any write. */
@QuarkusTest
@TestProfile(ReadCacheTest.CacheOn.class)
class ReadCacheTest {

    public static class CacheOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("standards.read-cache.enabled", "true");
        }
    }

    @Inject
    StandardRepository standards;

    @Test
    void repeatedReadsComeFromTheCacheUntilAWrite() {
        String path = "/api/v1/standards/ST1398";
        String etag = given().when().get(path).then().statusCode(200).extract().header("ETag");
        // Change the row behind the API's back: a cached read must not see it...
        QuarkusTransaction.requiringNew().run(() -> standards.findById("ST1398").title = "Changed behind the cache");
        given().when()
                .get(path)
                .then()
                .statusCode(200)
                .header("ETag", etag)
                .body("title", equalTo("Machine learning engineer"));
        given().header("If-None-Match", etag)
                .when()
                .get(path)
                .then()
                .statusCode(304)
                .header("ETag", etag);
        given().accept("application/xml").when().get(path).then().statusCode(406);
        // ...until any successful write empties the cache.
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(Map.of("reference", "ST0950", "title", "Cache buster", "level", 3))
                .when()
                .post("/api/v1/standards")
                .then()
                .statusCode(201);
        String fresh = given().when()
                .get(path)
                .then()
                .statusCode(200)
                .body("title", equalTo("Changed behind the cache"))
                .extract()
                .header("ETag");
        assertEquals(false, etag.equals(fresh), "a changed body has a new tag");
        QuarkusTransaction.requiringNew().run(() -> standards.findById("ST1398").title = "Machine learning engineer");
    }
}
