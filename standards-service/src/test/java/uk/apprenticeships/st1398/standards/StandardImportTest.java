package uk.apprenticeships.st1398.standards;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.apprenticeships.st1398.standards.FeedItems.id;
import static uk.apprenticeships.st1398.standards.FeedItems.item;
import static uk.apprenticeships.st1398.standards.FeedItems.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.Tokens;

/** {@code POST /api/v1/standards/import}: per-item outcomes, idempotence, and bodies refused whole. */
@QuarkusTest
class StandardImportTest {

    private static final String IMPORT = "/api/v1/standards/import";
    private static final List<String> TABLES = List.of(
            "standard",
            "standard_version",
            "ksb",
            "duty",
            "duty_ksb",
            "standard_option",
            "duty_option",
            "qualification");

    @Inject
    DataSource dataSource;

    private static ValidatableResponse post(String body) {
        return given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(body)
                .when()
                .post(IMPORT)
                .then();
    }

    private Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = s.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    @Test
    void aBadItemIsRejectedWithReasonsAndTheOthersAreStored() {
        Map<String, Object> bad = item("XX0970", "1.0", "Approved for delivery");
        post(json(List.of(
                        item("ST0970", "1.0", "Approved for delivery"), bad, item("ST0971", "1.0", "In development"))))
                .statusCode(200)
                .body("summary.created", equalTo(2))
                .body("summary.rejected", equalTo(1))
                .body("summary.updated", equalTo(0))
                .body("summary.unchanged", equalTo(0))
                .body("items.index", contains(0, 1, 2))
                .body("items.key", contains("ST0970_1.0", null, "ST0971_1.0"))
                .body("items.outcome", contains("created", "rejected", "created"))
                .body("items[1].reasons", contains("referenceNumber must look like ST1234"))
                .body("items[0].reasons", hasSize(0));
        given().when()
                .get("/api/v1/standards/ST0970/versions/1.0")
                .then()
                .statusCode(200)
                .body("ksbs.code", contains("K1", "K2", "S1", "B1"))
                .body("ksbs[1].detail", nullValue())
                .body("ksbs[1].textAvailable", equalTo(false))
                .body("duties[0].ksbCodes", contains("K1", "K2", "S1", "B1"));
        given().when().get("/api/v1/standards/ST0971").then().statusCode(200).body("level", equalTo(4));
        given().when().get("/api/v1/standards/XX0970").then().statusCode(400);
    }

    @Test
    void importingTheSameBodyTwiceChangesNothingTheSecondTime() throws SQLException {
        String body = json(List.of(
                item("ST0972", "1.0", "Retired"),
                item("ST0972", "2.0", "Approved for delivery"),
                item("ST0973", "1.0", "In development")));
        post(body).statusCode(200).body("items.outcome", everyItem(equalTo("created")));
        Map<String, Long> before = rowCounts();
        String exported = given().when()
                .get("/api/v1/standards/ST0972/versions/2.0/export")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        post(body)
                .statusCode(200)
                .body("items.outcome", everyItem(equalTo("unchanged")))
                .body("summary.unchanged", equalTo(3))
                .body("summary.created", equalTo(0))
                .body("summary.updated", equalTo(0));
        assertEquals(before, rowCounts());
        assertEquals(
                exported,
                given().when()
                        .get("/api/v1/standards/ST0972/versions/2.0/export")
                        .then()
                        .extract()
                        .asString());
    }

    @Test
    void anImportReplacesTheVersionsDataAndKeepsIdentityWhereIdsStay() {
        Map<String, Object> original = item("ST0974", "1.0", "In development");
        post(json(original))
                .statusCode(200)
                .body("items[0].outcome", equalTo("created"))
                .body("items[0].key", equalTo("ST0974_1.0"));

        Map<String, Object> changed = item("ST0974", "1.0", "In development");
        FeedItems.list(changed, "knowledges").get(1).put("detail", "Now the text is known");
        FeedItems.list(changed, "knowledges").remove(0);
        FeedItems.duty(changed, 0).put("mappedKnowledge", List.of(id("ST0974", "1.0", "K2")));
        changed.put("title", "Renamed by the feed");
        changed.put("larsCode", null);
        post(json(changed)).statusCode(200).body("items[0].outcome", equalTo("updated"));
        post(json(changed)).statusCode(200).body("items[0].outcome", equalTo("unchanged"));

        given().when()
                .get("/api/v1/standards/ST0974/versions/1.0")
                .then()
                .statusCode(200)
                .body("ksbs.code", contains("K1", "S1", "B1"))
                .body("ksbs[0].id", equalTo(id("ST0974", "1.0", "K2")))
                .body("ksbs[0].detail", equalTo("Now the text is known"))
                .body("duties[0].id", equalTo(id("ST0974", "1.0", "D1")))
                .body("duties[0].ksbCodes", contains("K1", "S1", "B1"))
                .body("source", equalTo("Skills England feed import"));
        given().when()
                .get("/api/v1/standards/ST0974")
                .then()
                .statusCode(200)
                .body("title", equalTo("Renamed by the feed"))
                .body("larsCode", nullValue());
    }

    @Test
    void olderVersionsDoNotOverwriteTheStandardsHeadlineData() {
        Map<String, Object> newer = item("ST0975", "2.0", "Approved for delivery");
        Map<String, Object> older = item("ST0975", "1.0", "Retired");
        older.put("title", "Old title");
        post(json(List.of(newer, older))).statusCode(200).body("items.outcome", contains("created", "created"));
        given().when().get("/api/v1/standards/ST0975").then().body("title", equalTo("Import test ST0975"));
        post(json(List.of(older, newer))).statusCode(200).body("items.outcome", contains("unchanged", "unchanged"));
    }

    @Test
    void aSecondApprovedVersionIsRejected() throws SQLException {
        post(json(item("ST0976", "1.0", "Approved for delivery")))
                .statusCode(200)
                .body("items[0].outcome", equalTo("created"));
        Map<String, Long> before = rowCounts();
        post(json(List.of(
                        item("ST0976", "2.0", "Approved for delivery"),
                        item("ST1398", "3.0", "Approved for delivery"))))
                .statusCode(200)
                .body("summary.rejected", equalTo(2))
                .body("items[0].reasons[0]", startsWith("status: ST0976_1.0 is already approved for delivery"))
                .body("items[1].reasons[0]", startsWith("status: ST1398_1.0 is already approved for delivery"));
        assertEquals(before, rowCounts());
        // Within one import: the first approved item counts against the second.
        post(json(List.of(
                        item("ST0977", "1.0", "Approved for delivery"),
                        item("ST0977", "2.0", "Approved for delivery"))))
                .statusCode(200)
                .body("items.outcome", contains("created", "rejected"));
    }

    @Test
    void mappingsMustReferToTheSameVersionAndIdsMustBeFree() {
        Map<String, Object> dangling = item("ST0985", "1.0", "In development");
        FeedItems.duty(dangling, 0).put("mappedSkills", List.of(id("nowhere", "1.0", "S1")));
        Map<String, Object> borrowed = item("ST0986", "1.0", "In development");
        FeedItems.list(borrowed, "behaviours").get(0).put("behaviourId", id("ST1398", "0.1", "B1"));
        FeedItems.duty(borrowed, 0).put("mappedBehaviour", List.of(id("ST1398", "0.1", "B1")));
        Map<String, Object> wrongType = item("ST0987", "1.0", "In development");
        wrongType.put("level", "six");
        Map<String, Object> badVersion = item("ST0981", "1", "Live");
        post(json(List.of(dangling, borrowed, wrongType, badVersion, 42)))
                .statusCode(200)
                .body("items.outcome", everyItem(equalTo("rejected")))
                .body("items.key", contains("ST0985_1.0", "ST0986_1.0", "ST0987_1.0", null, null))
                .body(
                        "items[0].reasons",
                        contains("duties[0].mappedSkills: " + id("nowhere", "1.0", "S1")
                                + " is not among this version's skills"))
                .body(
                        "items[1].reasons[0]",
                        startsWith("the KSB id " + id("ST1398", "0.1", "B1") + " already belongs to ST1398_0.1"))
                .body("items[2].reasons", contains("level has the wrong type or format"))
                .body("items[3].reasons", hasItem(startsWith("version ")))
                .body("items[3].reasons", hasItem(startsWith("status must be one of")))
                .body("items[4].reasons", contains("the item is not a JSON object (a standard version)"));
        given().when().get("/api/v1/standards/ST0985").then().statusCode(404);
    }

    @Test
    void malformedBodiesChangeNothing() throws SQLException {
        Map<String, Long> before = rowCounts();
        String valid = json(item("ST0982", "1.0", "In development"));
        post("[" + valid + ", {\"referenceNumber\": ").spec(Problems.problem(400, "malformed-request-body"));
        post("[" + valid + "] trailing").spec(Problems.problem(400, "malformed-request-body"));
        post("42").spec(Problems.problem(400, "malformed-request-body"));
        post("not json at all").spec(Problems.problem(400, "malformed-request-body"));
        post("").spec(Problems.problem(400, "validation-failed"));
        assertEquals(before, rowCounts());
        given().when().get("/api/v1/standards/ST0982").then().statusCode(404);
    }

    @Test
    void onlyAdminsImport() {
        String body = json(item("ST0983", "1.0", "In development"));
        given().contentType("application/json")
                .body(body)
                .when()
                .post(IMPORT)
                .then()
                .spec(Problems.problem(401, "unauthorized"));
        given().auth()
                .oauth2(Tokens.tutor("10000001"))
                .contentType("application/json")
                .body(body)
                .when()
                .post(IMPORT)
                .then()
                .spec(Problems.problem(403, "forbidden"));
        given().when().get("/api/v1/standards/ST0983").then().statusCode(404);
    }

    /** Tests set the import's own limit to 2 MB (100 MB in production); other paths keep 1 MB. */
    @Test
    void theImportHasItsOwnBodyLimit() {
        Map<String, Object> large = item("ST0984", "1.0", "In development");
        large.put("overviewOfRole", "x".repeat(1536 * 1024));
        post(json(List.of(large)))
                .statusCode(200)
                .body("items[0].outcome", equalTo("rejected"))
                .body("items[0].reasons", contains("overviewOfRole size must be between 0 and 20000"));
        large.put("overviewOfRole", "x".repeat(2 * 1024 * 1024));
        post(json(List.of(large))).spec(Problems.problem(413, "payload-too-large"));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body("{\"x\":\"" + "a".repeat(1536 * 1024) + "\"}")
                .when()
                .post("/api/v1/standards")
                .then()
                .spec(Problems.problem(413, "payload-too-large"));
    }
}
