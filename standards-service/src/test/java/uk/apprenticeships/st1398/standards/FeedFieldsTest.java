package uk.apprenticeships.st1398.standards;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.apprenticeships.st1398.standards.FeedItems.item;
import static uk.apprenticeships.st1398.standards.FeedItems.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.testing.Tokens;

/**
 * Fields of the Skills England feed the catalogue used to drop ({@code assessmentPlanUrl}, {@code keywords},
 * {@code regulated}, {@code regulationDetail}), funding bands, and the derived latest-version flag: stored by the
 * import, served, exported and imported back unchanged.
 *
 * <p>The fixture {@code src/test/resources/feed/apprenticeship-all-fields.json} has every field DfE's importer of
 * this feed reads, with the names and JSON types it declares: SkillsFundingAgency/das-courses-api,
 * {@code src/SFA.DAS.Courses.Domain/ImportTypes/SkillsEngland/Apprenticeship.cs} (dates as .NET {@code DateTime}
 * text, {@code larsCode} a number, {@code keywords} a string list, {@code regulationDetail} objects of
 * {@code approved}/{@code name}/{@code webLink}, a qualification's {@code level} a string). Its values are made up.
 * Funding bands are not a feed field: they follow DfE's courses API
 * ({@code src/SFA.DAS.Courses.Api/ApiResponses/ApprenticeshipFundingResponse.cs}: {@code maxEmployerLevyCap},
 * {@code effectiveFrom}, {@code effectiveTo}, {@code duration}).
 */
@QuarkusTest
class FeedFieldsTest {

    private static final String IMPORT = "/api/v1/standards/import";

    private static ValidatableResponse post(String body) {
        return given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(body)
                .when()
                .post(IMPORT)
                .then()
                .statusCode(200);
    }

    private static String fixture() throws IOException {
        try (InputStream in = FeedFieldsTest.class.getResourceAsStream("/feed/apprenticeship-all-fields.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String export(String reference, String version) {
        return given().when()
                .get("/api/v1/standards/" + reference + "/versions/" + version + "/export")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private static Map<String, Object> band(String from, String to, int cap, Integer duration) {
        Map<String, Object> band = new LinkedHashMap<>();
        band.put("effectiveFrom", from);
        band.put("effectiveTo", to);
        band.put("maxEmployerLevyCap", cap);
        band.put("duration", duration);
        return band;
    }

    @Test
    void aFullFeedItemIsStoredServedAndExportedWithTheFeedsNames() throws IOException {
        post(fixture()).body("items.outcome", contains("created")).body("items.key", contains("ST0941_1.0"));
        given().when()
                .get("/api/v1/standard-versions/ST0941_1.0")
                .then()
                .statusCode(200)
                .body("larsCode", equalTo(9941))
                .body("title", equalTo("Bridge and tunnel engineer (fixture)"))
                .body("latestVersion", equalTo(true))
                .body(
                        "assessmentPlanUrl",
                        equalTo("https://www.skillsengland.education.gov.uk/media/9999/"
                                + "st0941_fixture_ap_for_publication.pdf"))
                .body("keywords", contains("bridges", "tunnels", "civil engineering"))
                .body("regulated", equalTo(true))
                .body("regulationDetails.name", contains("Engineering Council", "Institution of Civil Engineers"))
                .body("regulationDetails.approved", contains(true, false))
                .body("regulationDetails.webLink", contains("https://www.engc.org.uk/", null))
                .body("options.title", contains("Bridges", "Tunnels"))
                .body("qualifications[0].level", equalTo(6));
        given().when()
                .get("/api/v1/standards/ST0941")
                .then()
                .statusCode(200)
                .body("regulatedBody", equalTo("Engineering Council"))
                .body("fundingBands", hasSize(0));
        given().when()
                .get("/api/v1/standard-versions?larsCode=9941")
                .then()
                .statusCode(200)
                .body("items.key", contains("ST0941_1.0"))
                .body("items[0].options", contains("Bridges", "Tunnels"));
        given().when()
                .get("/api/v1/standards/ST0941/versions/1.0/export")
                .then()
                .statusCode(200)
                .body("assessmentPlanUrl", equalTo(JsonPath.from(fixture()).getString("assessmentPlanUrl")))
                .body("keywords", contains("bridges", "tunnels", "civil engineering"))
                .body("regulated", equalTo(true))
                .body("regulatedBody", equalTo("Engineering Council"))
                .body("regulationDetail[0].keySet()", contains("name", "approved", "webLink"))
                .body("regulationDetail.name", contains("Engineering Council", "Institution of Civil Engineers"))
                .body("apprenticeshipFunding", hasSize(0));
        // The feed item itself, and the export of it, are both what is stored.
        post(fixture()).body("items.outcome", contains("unchanged"));
        post(export("ST0941", "1.0")).body("items.outcome", contains("unchanged"));
    }

    @Test
    void fundingBandsAreStoredServedExportedAndKeptByItemsWithoutThem() {
        Map<String, Object> item = item("ST0943", "1.0", "Approved for delivery");
        item.put("keywords", List.of("testing"));
        item.put(
                "apprenticeshipFunding",
                List.of(band("2024-08-01T00:00:00", null, 15000, 18), band("2019-08-01", "2024-07-31", 12000, 18)));
        post(json(List.of(item))).body("items.outcome", contains("created"));
        given().when()
                .get("/api/v1/standards/ST0943")
                .then()
                .statusCode(200)
                .body("fundingBands.effectiveFrom", contains("2019-08-01", "2024-08-01"))
                .body("fundingBands.effectiveTo", contains("2024-07-31", null))
                .body("fundingBands.maxFunding", contains(12000, 15000))
                .body("fundingBands.durationMonths", contains(18, 18))
                .body("maxFunding", equalTo(12000));
        JsonPath exported = JsonPath.from(export("ST0943", "1.0"));
        assertEquals(List.of("2019-08-01", "2024-08-01"), exported.getList("apprenticeshipFunding.effectiveFrom"));
        assertEquals(List.of(12000, 15000), exported.getList("apprenticeshipFunding.maxEmployerLevyCap"));
        assertEquals(
                List.of("effectiveFrom", "effectiveTo", "maxEmployerLevyCap", "duration"),
                List.copyOf(exported.getMap("apprenticeshipFunding[0]").keySet()));

        // The Skills England feed never carries bands: the same item without them keeps the stored ones.
        item.remove("apprenticeshipFunding");
        post(json(List.of(item))).body("items.outcome", contains("unchanged"));
        post(export("ST0943", "1.0")).body("items.outcome", contains("unchanged"));
        given().when().get("/api/v1/standards/ST0943").then().body("fundingBands", hasSize(2));

        // An older version never changes standard-level fields, bands included.
        Map<String, Object> older = item("ST0943", "0.9", "Retired");
        older.put("apprenticeshipFunding", List.of(band("2017-01-01", null, 1, null)));
        post(json(List.of(older))).body("items.outcome", contains("created"));
        given().when().get("/api/v1/standards/ST0943").then().body("fundingBands.maxFunding", contains(12000, 15000));

        // A band changed in place, one removed; an empty list removes every band.
        item.put("apprenticeshipFunding", List.of(band("2024-08-01", null, 16000, 20)));
        post(json(List.of(item))).body("items.outcome", contains("updated"));
        given().when()
                .get("/api/v1/standards/ST0943")
                .then()
                .body("fundingBands.maxFunding", contains(16000))
                .body("fundingBands.durationMonths", contains(20));
        item.put("apprenticeshipFunding", List.of());
        post(json(List.of(item))).body("items.outcome", contains("updated"));
        given().when().get("/api/v1/standards/ST0943").then().body("fundingBands", hasSize(0));
    }

    @Test
    void badNewFieldsRejectTheItemAndChangeNothing() throws IOException {
        Map<String, Object> item = item("ST0944", "1.0", "Approved for delivery");
        item.put("assessmentPlanUrl", "https://example.org/plan.pdf");
        item.put("apprenticeshipFunding", List.of(band("2020-01-01", null, 9000, 12)));
        post(json(List.of(item))).body("items.outcome", contains("created"));
        String before = export("ST0944", "1.0");
        String standardBefore =
                given().when().get("/api/v1/standards/ST0944").then().extract().asString();

        List<Map<String, Object>> bad = List.of(
                with(
                        item,
                        "apprenticeshipFunding",
                        List.of(band("2020-01-01", null, 9000, 12), band("2021-01-01", null, 9500, 12))),
                with(
                        item,
                        "apprenticeshipFunding",
                        List.of(band("2020-01-01", "2022-12-31", 9000, 12), band("2022-06-01", null, 9500, 12))),
                with(item, "apprenticeshipFunding", List.of(band("2020-01-01", "2019-12-31", 9000, 12))),
                with(
                        item,
                        "apprenticeshipFunding",
                        List.of(band("2020-01-01", null, 9000, 12), band("2020-01-01", null, 9100, 12))),
                with(item, "apprenticeshipFunding", List.of(band("2020-01-01", null, -1, 12))),
                with(item, "apprenticeshipFunding", List.of(band(null, null, 9000, 12))),
                with(item, "apprenticeshipFunding", List.of(band("2020-13-01", null, 9000, 12))),
                with(item, "keywords", "bridges, tunnels"),
                with(item, "keywords", List.of("")),
                with(item, "regulated", "perhaps"),
                with(item, "regulationDetail", Map.of("name", "Engineering Council")),
                with(item, "regulationDetail", List.of(Map.of("name", "x".repeat(301)))),
                with(item, "assessmentPlanUrl", "x".repeat(2001)));
        JsonPath report = post(json(bad)).extract().jsonPath();
        assertEquals(bad.size(), report.getInt("summary.rejected"), report.prettify());
        List<String> reasons = report.getList("items.reasons.flatten()");
        assertEquals(
                true,
                reasons.stream().anyMatch(r -> r.contains("overlaps the band from 2020-01-01")),
                reasons.toString());
        assertEquals(
                true, reasons.stream().anyMatch(r -> r.contains("is before its effectiveFrom")), reasons.toString());
        assertEquals(true, reasons.contains("keywords has the wrong type or format"), reasons.toString());
        assertEquals(true, reasons.contains("regulated has the wrong type or format"), reasons.toString());
        assertEquals(
                true,
                reasons.stream().anyMatch(r -> r.startsWith("apprenticeshipFunding[0].maxEmployerLevyCap")),
                reasons.toString());
        assertEquals(before, export("ST0944", "1.0"));
        given().when().get("/api/v1/standards/ST0944").then().body(equalTo(standardBefore));
    }

    @Test
    void aVersionWithoutTheNewFieldsServesThemAsNull() {
        given().when()
                .get("/api/v1/standard-versions/ST1398_1.0")
                .then()
                .statusCode(200)
                .body("assessmentPlanUrl", nullValue())
                .body("keywords", nullValue())
                .body("regulated", nullValue())
                .body("regulationDetails", nullValue());
        given().when()
                .get("/api/v1/standards/ST1398/versions/1.0/export")
                .then()
                .statusCode(200)
                .body("keywords", nullValue())
                .body("apprenticeshipFunding", hasSize(0));
    }

    /** The ST1398 proposal, exported and imported under another reference, keeps every new field as given. */
    @Test
    void exportImportExportRoundTripWithEveryNewField() throws Exception {
        ObjectNode copy = (ObjectNode) FeedItems.JSON.readTree(fixture());
        copy.put("referenceNumber", "ST0945");
        copy.put("larsCode", 9945);
        for (String list : List.of("knowledges", "skills", "behaviours", "duties", "options", "qualifications")) {
            copy.remove(list);
        }
        copy.put("coreAndOptions", false);
        copy.set("apprenticeshipFunding", FeedItems.JSON.valueToTree(List.of(band("2023-08-01", null, 21000, 48))));
        post(FeedItems.JSON.writeValueAsString(copy)).body("items.outcome", contains("created"));
        JsonNode first = FeedItems.JSON.readTree(export("ST0945", "1.0"));
        post(first.toString()).body("items.outcome", contains("unchanged"));
        assertEquals(first, FeedItems.JSON.readTree(export("ST0945", "1.0")));
        assertEquals("civil engineering", first.get("keywords").get(2).asText());
        assertEquals(
                21000,
                first.get("apprenticeshipFunding")
                        .get(0)
                        .get("maxEmployerLevyCap")
                        .asInt());
        given().when()
                .get("/api/v1/standards?larsCode=9945")
                .then()
                .statusCode(200)
                .body("items.reference", hasItem("ST0945"));
    }

    private static Map<String, Object> with(Map<String, Object> item, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(item);
        copy.put(field, value);
        return copy;
    }
}
