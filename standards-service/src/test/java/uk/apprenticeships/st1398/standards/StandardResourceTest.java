package uk.apprenticeships.st1398.standards;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.Tokens;

@QuarkusTest
class StandardResourceTest {

    private static Map<String, Object> standard(String reference, String title) {
        return Map.of(
                "reference",
                reference,
                "title",
                title,
                "level",
                4,
                "route",
                "Digital",
                "typicalJobTitles",
                java.util.List.of("Data technician"));
    }

    private static int count(String query) {
        return given().when()
                .get("/api/v1/standards?" + query)
                .then()
                .statusCode(200)
                .extract()
                .path("totalItems");
    }

    @Test
    void st1398IsInTheCatalogueForAnyone() {
        given().when()
                .get("/api/v1/standards?q=machine learning")
                .then()
                .statusCode(200)
                .header("Cache-Control", "public, max-age=300")
                .body("items.reference", hasItem("ST1398"))
                .body("items.find { it.reference == 'ST1398' }.approvedVersion", equalTo("ST1398_1.0"));
        given().when()
                .get("/api/v1/standards/ST1398")
                .then()
                .statusCode(200)
                .body("level", equalTo(6))
                .body("larsCode", equalTo(795))
                .body("versions[0].key", equalTo("ST1398_1.0"))
                .body("versions[0].status", equalTo("Approved for delivery"));
    }

    @Test
    void filtersAndPagingWork() {
        given().when()
                .get("/api/v1/standards?route=digital&level=6&status=Approved for delivery")
                .then()
                .statusCode(200)
                .body("items.reference", hasItem("ST1398"));
        given().when()
                .get("/api/v1/standards?level=7")
                .then()
                .statusCode(200)
                .body("items.reference", org.hamcrest.Matchers.not(hasItem("ST1398")));
        given().when()
                .get("/api/v1/standards?size=1&page=0")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("size", equalTo(1))
                .body("totalItems", greaterThanOrEqualTo(1));
    }

    @Test
    void keywordSearchesKsbTextAndTreatsWildcardsLiterally() {
        given().when()
                .get("/api/v1/standards?q=maximise the impact")
                .then()
                .statusCode(200)
                .body("items.reference", hasItem("ST1398"));
        given().when().get("/api/v1/standards?q=%25%25").then().statusCode(200).body("totalItems", equalTo(0));
        given().when().get("/api/v1/standards?q=__").then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void badPagingAndFiltersAreProblems() {
        given().when().get("/api/v1/standards?size=0").then().spec(Problems.invalid("size"));
        given().when().get("/api/v1/standards?size=101").then().spec(Problems.invalid("size"));
        given().when().get("/api/v1/standards?page=-1").then().spec(Problems.invalid("page"));
        given().when().get("/api/v1/standards?level=1").then().spec(Problems.invalid("level"));
        given().when().get("/api/v1/standards?status=Approved").then().spec(Problems.invalid("status"));
        given().when().get("/api/v1/standards?q=x").then().spec(Problems.invalid("q"));
        // A parameter that cannot be read as its type is the client's mistake, named like any other (was 404).
        given().when()
                .get("/api/v1/standards?page=abc")
                .then()
                .spec(Problems.problem(400, "validation-failed", "parameter-invalid"))
                .body("violations.field", hasItem("page"))
                .body("violations.rejectedValue", hasItem("abc"));
        given().when()
                .get("/api/v1/standards?level=six")
                .then()
                .spec(Problems.problem(400, "validation-failed", "parameter-invalid"))
                .body("violations.field", hasItem("level"));
    }

    @Test
    void aLongUriIsAProblem() {
        given().when()
                .get("/api/v1/standards?q=" + "a".repeat(9 * 1024))
                .then()
                .spec(Problems.problem(414, "uri-too-long", "uri-too-long"));
    }

    @Test
    void unknownAndMalformedReferences() {
        given().when()
                .get("/api/v1/standards/ST9999")
                .then()
                .spec(Problems.problem(404, "not-found", "standard-not-found"))
                .body("instance", equalTo("/api/v1/standards/ST9999"));
        given().when().get("/api/v1/standards/XX12").then().spec(Problems.invalid("reference"));
    }

    @Test
    void adminCreatesAndUpdatesAStandard() {
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(standard("ST0901", "Test one"))
                .when()
                .post("/api/v1/standards")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/standards/ST0901"))
                .body("reference", equalTo("ST0901"));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(standard("ST0901", "Test one"))
                .when()
                .post("/api/v1/standards")
                .then()
                .spec(Problems.problem(409, "conflict", "reference-exists"));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(standard("ST0901", "Renamed"))
                .when()
                .put("/api/v1/standards/ST0901")
                .then()
                .statusCode(200)
                .body("title", equalTo("Renamed"));
        given().when().get("/api/v1/standards/ST0901").then().statusCode(200).body("title", equalTo("Renamed"));
    }

    @Test
    void invalidWritesChangeNothing() {
        int before = count("size=100");
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(Map.of("reference", "XY1", "title", "", "level", 11))
                .when()
                .post("/api/v1/standards")
                .then()
                .spec(Problems.invalid("reference"))
                .body("violations.field", hasItem("title"))
                .body("violations.field", hasItem("level"));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(Map.of(
                        "reference",
                        "ST0906",
                        "title",
                        "Lists",
                        "level",
                        3,
                        "typicalJobTitles",
                        java.util.List.of("Analyst", " ")))
                .when()
                .post("/api/v1/standards")
                .then()
                .spec(Problems.invalid("typicalJobTitles[1]"));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body("{\"reference\":\"ST0902\",\"title\":\"T\",\"level\":\"six\"}")
                .when()
                .post("/api/v1/standards")
                .then()
                .spec(Problems.problem(400, "malformed-request-body"))
                .body("violations.field", hasItem("level"));
        given().auth()
                .oauth2(Tokens.tutor("10000001"))
                .contentType("application/json")
                .body(standard("ST0903", "Not allowed"))
                .when()
                .post("/api/v1/standards")
                .then()
                .spec(Problems.problem(403, "forbidden", "role-not-allowed"));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(standard("ST0904", "Other"))
                .when()
                .put("/api/v1/standards/ST1398")
                .then()
                .spec(Problems.invalid("reference"));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(standard("ST0905", "Ghost"))
                .when()
                .put("/api/v1/standards/ST0905")
                .then()
                .spec(Problems.problem(404, "not-found", "standard-not-found"));
        org.junit.jupiter.api.Assertions.assertEquals(before, count("size=100"));
        given().when().get("/api/v1/standards/ST1398").then().body("title", equalTo("Machine learning engineer"));
    }
}
