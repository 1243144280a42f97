package uk.apprenticeships.st1398.standards;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.platform.http.EntityTags;
import uk.apprenticeships.st1398.standards.repository.StandardRepository;

/**
 * Reads answered from the server-side read cache (pre-serialised bytes and their ETag, checked before any resource
 * or database work) keep the HTTP semantics of a read that builds its body: the same 304s for every form of
 * If-None-Match, the same 200 bytes, tag and headers otherwise. {@link HttpCachingTest} checks those semantics with
 * the cache off (the test profile's default); this class repeats them for every read with the cache on.
 */
@QuarkusTest
@TestProfile(ReadCacheTest.CacheOn.class)
class ReadCacheConditionalTest {

    @Inject
    StandardRepository standards;

    @Test
    void cachedReadsAnswer304And200LikeBuiltOnes() {
        for (String path : HttpCachingTest.READS) {
            Response built = given().when().get(path); // a miss (or an earlier fill): the body as built
            built.then().statusCode(200);
            String tag = built.header("ETag");
            assertEquals(EntityTags.of(built.asByteArray()), tag, path);
            for (String ifNoneMatch : List.of(tag, "W/" + tag, "\"stale\", " + tag, "*")) {
                given().header("If-None-Match", ifNoneMatch)
                        .when()
                        .get(path)
                        .then()
                        .statusCode(304)
                        .header("ETag", equalTo(tag))
                        .header("Cache-Control", equalTo(built.header("Cache-Control")))
                        .header("Content-Type", nullValue())
                        .body(emptyString());
            }
            for (String ifNoneMatch : List.of("\"stale\"", "not-a-tag")) {
                Response cached =
                        given().header("If-None-Match", ifNoneMatch).when().get(path);
                cached.then()
                        .statusCode(200)
                        .header("ETag", equalTo(tag))
                        .header("Cache-Control", equalTo(built.header("Cache-Control")))
                        .header("Content-Type", equalTo(built.header("Content-Type")));
                assertArrayEquals(built.asByteArray(), cached.asByteArray(), path);
            }
            given().when().head(path).then().statusCode(200).header("ETag", equalTo(tag));
        }
    }

    @Test
    void aConditionalReadOfACachedVersionDoesNotReachTheDatabase() {
        String path = "/api/v1/standards/ST1398/versions/1.0";
        String tag = given().when().get(path).then().statusCode(200).extract().header("ETag");
        // Change the row behind the API's back (no write through the API, so the cache is not emptied): answers
        // that still carry the old tag and title were not built from the database.
        QuarkusTransaction.requiringNew().run(() -> standards.findById("ST1398").title = "Changed behind the cache");
        try {
            given().header("If-None-Match", tag)
                    .when()
                    .get(path)
                    .then()
                    .statusCode(304)
                    .header("ETag", equalTo(tag));
            given().header("If-None-Match", "\"stale\"")
                    .when()
                    .get(path)
                    .then()
                    .statusCode(200)
                    .header("ETag", equalTo(tag))
                    .body("title", equalTo("Machine learning engineer"));
        } finally {
            QuarkusTransaction.requiringNew()
                    .run(() -> standards.findById("ST1398").title = "Machine learning engineer");
        }
    }
}
