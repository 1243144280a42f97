package uk.apprenticeships.st1398.standards;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.platform.http.EntityTags;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.Tokens;

/** Every catalogue read is cacheable public data: strong ETag, Cache-Control, 304 on a matching If-None-Match. */
@QuarkusTest
class HttpCachingTest {

    private static final String VERSIONS = "/api/v1/standards/ST1398/versions";
    static final List<String> READS = List.of(
            "/api/v1/standards",
            "/api/v1/standards?q=machine learning",
            "/api/v1/standards/ST1398",
            VERSIONS,
            VERSIONS + "/1.0",
            VERSIONS + "/0.1/ksbs",
            VERSIONS + "/1.0/ksbs?kind=K",
            VERSIONS + "/1.0/ksbs/K3",
            VERSIONS + "/0.1/duties",
            VERSIONS + "/1.0/options",
            VERSIONS + "/0.1/export",
            VERSIONS + "/1.0/export",
            "/api/v1/standards/ST1398/diff?from=0.1&to=1.0",
            "/api/v1/standards?larsCode=795",
            "/api/v1/standard-versions",
            "/api/v1/standard-versions?larsCode=795&reference=ST1398",
            "/api/v1/standard-versions/ST1398_1.0");
    private static final String STRONG_TAG = "^\"[A-Za-z0-9_-]{43}\"$";

    @Test
    void everyReadHasAStrongTagOfItsBodyAndCacheControl() {
        for (String path : READS) {
            Response response = given().when().get(path);
            response.then()
                    .statusCode(200)
                    .header("ETag", matchesPattern(STRONG_TAG))
                    .header("Cache-Control", equalTo("public, max-age=300"));
            assertEquals(EntityTags.of(response.asByteArray()), response.header("ETag"), path);
        }
    }

    @Test
    void matchingIfNoneMatchGives304WithoutBody() {
        for (String path : READS) {
            String tag =
                    given().when().get(path).then().statusCode(200).extract().header("ETag");
            for (String ifNoneMatch : List.of(tag, "W/" + tag, "\"stale\", " + tag, "*")) {
                given().header("If-None-Match", ifNoneMatch)
                        .when()
                        .get(path)
                        .then()
                        .statusCode(304)
                        .header("ETag", equalTo(tag))
                        .header("Cache-Control", equalTo("public, max-age=300"))
                        .body(emptyString());
            }
            given().header("If-None-Match", "\"stale\"")
                    .when()
                    .get(path)
                    .then()
                    .statusCode(200)
                    .header("ETag", equalTo(tag));
        }
    }

    @Test
    void headIsTaggedLikeGet() {
        String tag = given().when().get(VERSIONS + "/1.0").then().extract().header("ETag");
        given().when().head(VERSIONS + "/1.0").then().statusCode(200).header("ETag", equalTo(tag));
    }

    @Test
    void problemsAndWritesAreNotCached() {
        given().when()
                .get(VERSIONS + "/9.9")
                .then()
                .spec(Problems.problem(404, "not-found"))
                .header("ETag", nullValue());
        given().header("If-None-Match", "*")
                .when()
                .get(VERSIONS + "/1.x")
                .then()
                .spec(Problems.invalid("version"))
                .header("ETag", nullValue());
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(standard("Cached one"))
                .when()
                .post("/api/v1/standards")
                .then()
                .statusCode(201)
                .header("ETag", nullValue())
                .header("Cache-Control", not(equalTo("public, max-age=300")));
    }

    @Test
    void tagChangesWhenAnAdminChangesTheStandard() {
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(standard("Before", "ST0978"))
                .when()
                .post("/api/v1/standards")
                .then()
                .statusCode(201);
        String before = given().when()
                .get("/api/v1/standards/ST0978")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(standard("After", "ST0978"))
                .when()
                .put("/api/v1/standards/ST0978")
                .then()
                .statusCode(200);
        String after = given().header("If-None-Match", before)
                .when()
                .get("/api/v1/standards/ST0978")
                .then()
                .statusCode(200)
                .body("title", equalTo("After"))
                .extract()
                .header("ETag");
        assertNotEquals(before, after);
    }

    private static Map<String, Object> standard(String title) {
        return standard(title, "ST0979");
    }

    private static Map<String, Object> standard(String title, String reference) {
        return Map.of("reference", reference, "title", title, "level", 3);
    }
}
