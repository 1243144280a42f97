package uk.apprenticeships.st1398.standards;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.apprenticeships.st1398.standards.FeedItems.item;
import static uk.apprenticeships.st1398.standards.FeedItems.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.Tokens;

/**
 * The lookups the assessment-service's DfE surface calls: {@code GET /api/v1/standards?larsCode=},
 * {@code GET /api/v1/standard-versions/{key}} and {@code GET /api/v1/standard-versions?larsCode=&reference=}.
 */
@QuarkusTest
class StandardVersionLookupTest {

    private static final String VERSIONS = "/api/v1/standard-versions";

    private static void importItems(List<Map<String, Object>> items) {
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(json(items))
                .when()
                .post("/api/v1/standards/import")
                .then()
                .statusCode(200)
                .body("summary.rejected", equalTo(0));
    }

    @Test
    void aVersionByKeyIsTheSameBodyAsByReferenceAndNumber() {
        Response byKey = given().when().get(VERSIONS + "/ST1398_1.0");
        Response byPath = given().when().get("/api/v1/standards/ST1398/versions/1.0");
        byKey.then()
                .statusCode(200)
                .body("key", equalTo("ST1398_1.0"))
                .body("reference", equalTo("ST1398"))
                .body("larsCode", equalTo(795))
                .body("title", equalTo("Machine learning engineer"))
                .body("versionNumber", equalTo("1.0"))
                .body("latestVersion", equalTo(true))
                .body("ksbs", hasSize(70));
        assertEquals(byPath.asString(), byKey.asString());
        assertEquals(byPath.header("ETag"), byKey.header("ETag"));
        given().when()
                .get(VERSIONS + "/ST1398_0.1")
                .then()
                .statusCode(200)
                .body("latestVersion", equalTo(false))
                .body("title", equalTo("Machine learning engineer"));
    }

    @Test
    void anUnknownKeyIs404AndAMalformedOne400() {
        for (String key : List.of("ST1398_9.9", "ST9999_1.0", "FA0001_1.0")) {
            given().when()
                    .get(VERSIONS + "/" + key)
                    .then()
                    .spec(Problems.problem(404, "not-found", "version-not-found"));
        }
        for (String key : List.of(
                "ST1398",
                "ST1398-1.0",
                "st1398_1.0",
                "ST1398_1",
                "ST1398_1.0.0",
                "1398_1.0",
                "ST1398_1.0x",
                "ST1398_%20")) {
            given().when().get(VERSIONS + "/" + key).then().spec(Problems.invalid("key"));
        }
    }

    @Test
    void theListIsOrderedByReferenceThenNumericVersionWithOptionTitles() {
        Map<String, Object> v1 = item("ST0942", "1.1", "Retired");
        Map<String, Object> v2 = item("ST0942", "2.0", "Retired");
        Map<String, Object> v10 = item("ST0942", "10.0", "Approved for delivery");
        v10.put("coreAndOptions", true);
        v10.put(
                "options",
                List.of(
                        Map.of("optionId", FeedItems.id("ST0942", "10.0", "O1"), "title", "Rail"),
                        Map.of("optionId", FeedItems.id("ST0942", "10.0", "O2"), "title", "Road")));
        v10.put("larsCode", 9942);
        importItems(List.of(v10, v2, v1));
        given().when()
                .get(VERSIONS + "?reference=ST0942")
                .then()
                .statusCode(200)
                .body("items.key", contains("ST0942_1.1", "ST0942_2.0", "ST0942_10.0"))
                .body("totalItems", equalTo(3))
                .body("totalPages", equalTo(1))
                .body(
                        "items[2].keySet()",
                        contains("key", "reference", "larsCode", "title", "versionNumber", "status", "options"))
                .body("items[2].reference", equalTo("ST0942"))
                .body("items[2].larsCode", equalTo(9942))
                .body("items[2].title", equalTo("Import test ST0942"))
                .body("items[2].versionNumber", equalTo("10.0"))
                .body("items[2].status", equalTo("Approved for delivery"))
                .body("items[2].options", contains("Rail", "Road"))
                .body("items[0].options", hasSize(0));
        given().when()
                .get(VERSIONS + "?larsCode=9942&size=2&page=1")
                .then()
                .statusCode(200)
                .body("items.key", contains("ST0942_10.0"))
                .body("page", equalTo(1))
                .body("size", equalTo(2))
                .body("totalItems", equalTo(3))
                .body("totalPages", equalTo(2));
        given().when()
                .get(VERSIONS + "/ST0942_2.0")
                .then()
                .statusCode(200)
                .body("latestVersion", equalTo(false))
                .body("larsCode", equalTo(9942));
        given().when().get(VERSIONS + "/ST0942_10.0").then().statusCode(200).body("latestVersion", equalTo(true));
        given().when()
                .get("/api/v1/standards?larsCode=9942")
                .then()
                .statusCode(200)
                .body("items.reference", contains("ST0942"))
                .body("totalItems", equalTo(1));
        given().when()
                .get("/api/v1/standards/ST0942")
                .then()
                .statusCode(200)
                .body("versions.versionNumber", contains("10.0", "2.0", "1.1"))
                .body("versions.latestVersion", contains(true, false, false));
    }

    @Test
    void filtersCombine() {
        // FeedExportTest copies ST1398 0.1 to ST0998 (with its LARS code), so other standards may share 795.
        given().when()
                .get(VERSIONS + "?larsCode=795")
                .then()
                .statusCode(200)
                .body("items.key", hasItems("ST1398_0.1", "ST1398_1.0"))
                .body("items.larsCode", everyItem(equalTo(795)));
        given().when()
                .get(VERSIONS + "?larsCode=795&reference=ST1398")
                .then()
                .statusCode(200)
                .body("items.key", contains("ST1398_0.1", "ST1398_1.0"))
                .body("items[1].options", hasSize(0))
                .body("totalItems", equalTo(2));
        given().when()
                .get(VERSIONS + "?larsCode=795&reference=ST0942")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0))
                .body("items", hasSize(0));
        given().when()
                .get(VERSIONS + "?larsCode=999999999")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0));
        given().when()
                .get(VERSIONS)
                .then()
                .statusCode(200)
                .body("totalItems", greaterThanOrEqualTo(2))
                .body("size", equalTo(20));
    }

    @Test
    void theStandardsListFiltersByLarsCode() {
        given().when()
                .get("/api/v1/standards?larsCode=795")
                .then()
                .statusCode(200)
                .body("items.reference", hasItem("ST1398"))
                .body("items.larsCode", everyItem(equalTo(795)));
        given().when()
                .get("/api/v1/standards?larsCode=795&level=7")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0));
        given().when()
                .get("/api/v1/standards?larsCode=999999998")
                .then()
                .statusCode(200)
                .body("items", hasSize(0))
                .body("totalItems", equalTo(0));
    }

    @Test
    void aLarsCodeThatIsNotAPositiveWholeNumberIsParameterInvalid() {
        for (String path : List.of("/api/v1/standards", VERSIONS)) {
            for (String value :
                    List.of("abc", "0", "-1", "1.5", "", " 795", "0795", "1e3", "9999999999", "2147483648")) {
                Response response = given().queryParam("larsCode", value).when().get(path);
                assertEquals(400, response.statusCode(), path + "?larsCode=" + value + ": " + response.asString());
                response.then()
                        .spec(Problems.problem(400, "validation-failed", "parameter-invalid"))
                        .body("violations.field", contains("larsCode"))
                        .body("violations[0].rejectedValue", equalTo(value));
            }
            given().when()
                    .get(path + "?larsCode=795&larsCode=796")
                    .then()
                    .spec(Problems.problem(400, "validation-failed", "parameter-invalid"))
                    .body("violations.field", contains("larsCode"));
        }
    }

    @Test
    void badFiltersAndPagingAreProblems() {
        given().when().get(VERSIONS + "?reference=ST13").then().spec(Problems.invalid("reference"));
        given().when().get(VERSIONS + "?reference=st1398").then().spec(Problems.invalid("reference"));
        given().when().get(VERSIONS + "?size=0").then().spec(Problems.invalid("size"));
        given().when().get(VERSIONS + "?size=101").then().spec(Problems.invalid("size"));
        given().when().get(VERSIONS + "?page=-1").then().spec(Problems.invalid("page"));
        given().when()
                .get(VERSIONS + "?page=abc")
                .then()
                .spec(Problems.problem(400, "validation-failed", "parameter-invalid"))
                .body("violations.field", hasItem("page"));
        given().when().post(VERSIONS).then().spec(Problems.problem(405, "method-not-allowed"));
    }

    @Test
    void readsAreCacheableAndRevalidate() {
        for (String path :
                List.of(VERSIONS + "?larsCode=795", VERSIONS + "/ST1398_1.0", "/api/v1/standards?larsCode=795")) {
            String tag = given().when()
                    .get(path)
                    .then()
                    .statusCode(200)
                    .header("Cache-Control", equalTo("public, max-age=300"))
                    .extract()
                    .header("ETag");
            given().header("If-None-Match", tag).when().get(path).then().statusCode(304);
        }
    }

    @Test
    void keysAreListedForEveryVersionOfAStandard() {
        given().when()
                .get(VERSIONS + "?reference=ST1398")
                .then()
                .statusCode(200)
                .body("items.versionNumber", containsInAnyOrder("0.1", "1.0"))
                .body("items.title", contains("Machine learning engineer", "Machine learning engineer"))
                .body("items.larsCode", contains(795, 795));
    }
}
