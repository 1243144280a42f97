package uk.apprenticeships.st1398.standards;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.testing.Problems;

/** What changed between two versions of a standard: ST1398's proposal and its published version 1.0. */
@QuarkusTest
class VersionDiffTest {

    private static final String DIFF = "/api/v1/standards/ST1398/diff";

    @Test
    void diffFromTheProposalToVersionOne() {
        given().when()
                .get(DIFF + "?from=0.1&to=1.0")
                .then()
                .statusCode(200)
                .body("reference", equalTo("ST1398"))
                .body("from", equalTo("0.1"))
                .body("to", equalTo("1.0"))
                .body("ksbs.added.code", contains("K30", "K31", "S33", "S34", "B5"))
                .body("ksbs.added.textAvailable", contains(false, false, false, false, true))
                .body("ksbs.removed", empty())
                .body("ksbs.changed.find { it.code == 'K6' }.before.textAvailable", equalTo(true))
                .body("ksbs.changed.find { it.code == 'K6' }.after.textAvailable", equalTo(false))
                .body("ksbs.changed.find { it.code == 'K6' }.after.detail", nullValue())
                .body("ksbs.changed.find { it.code == 'K1' }.after.textComplete", equalTo(false))
                .body("ksbs.changed.find { it.code == 'K1' }.before.textComplete", equalTo(true))
                // S2-S5, B2 and B4 read the same in the proposal and the published summary.
                .body("ksbs.changed", hasSize(65 - 6))
                .body("ksbs.changed.code", not(hasItems("S2", "S3", "S4", "S5", "B2", "B4")))
                .body("duties.added", empty())
                .body("duties.removed", empty())
                .body("duties.changed", hasSize(9))
                .body("duties.changed[0].code", equalTo("D1"))
                .body("duties.changed[0].before.mappingAvailable", equalTo(true))
                .body("duties.changed[0].before.ksbCodes", hasSize(7))
                .body("duties.changed[0].after.mappingAvailable", equalTo(false))
                .body("duties.changed[0].after.ksbCodes", nullValue());
        given().when()
                .get(DIFF + "?from=1.0&to=0.1")
                .then()
                .statusCode(200)
                .body("ksbs.removed.code", contains("K30", "K31", "S33", "S34", "B5"))
                .body("ksbs.added", empty());
        given().when()
                .get(DIFF + "?from=1.0&to=1.0")
                .then()
                .statusCode(200)
                .body("ksbs.changed", empty())
                .body("duties.changed", empty());
    }

    @Test
    void diffParametersAreCheckedAndUnknownVersionsAreNotFound() {
        given().when().get(DIFF + "?to=1.0").then().spec(Problems.invalid("from"));
        given().when().get(DIFF + "?from=0.1").then().spec(Problems.invalid("to"));
        given().when().get(DIFF + "?from=0.1&to=ST1398_1.0").then().spec(Problems.invalid("to"));
        given().when().get(DIFF + "?from=0.1&to=9.9").then().spec(Problems.problem(404, "not-found"));
        given().when()
                .get("/api/v1/standards/ST9999/diff?from=0.1&to=1.0")
                .then()
                .spec(Problems.problem(404, "not-found"));
        given().when().get("/api/v1/standards/XX1/diff?from=0.1&to=1.0").then().spec(Problems.invalid("reference"));
    }
}
