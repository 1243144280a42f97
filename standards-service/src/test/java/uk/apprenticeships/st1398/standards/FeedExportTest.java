package uk.apprenticeships.st1398.standards;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.Tokens;

/** Export in the Skills England format, and back in through the import. */
@QuarkusTest
class FeedExportTest {

    private static final String VERSIONS = "/api/v1/standards/ST1398/versions";
    private static final Pattern UUID_SHAPE =
            Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    private static String export(String reference, String version) {
        return given().when()
                .get("/api/v1/standards/" + reference + "/versions/" + version + "/export")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private static JsonPath importBody(String body) {
        return given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(body)
                .when()
                .post("/api/v1/standards/import")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void exportUsesTheFeedsFieldNamesAndKeepsMissingTextsNull() {
        given().when()
                .get(VERSIONS + "/1.0/export")
                .then()
                .statusCode(200)
                .body("referenceNumber", equalTo("ST1398"))
                .body("version", equalTo("1.0"))
                .body("status", equalTo("Approved for delivery"))
                .body("larsCode", equalTo(795))
                .body("approvedForDelivery", equalTo("2024-12-18"))
                .body("eQAProvider.providerName", equalTo("Ofqual"))
                .body("knowledges", hasSize(31))
                .body("skills", hasSize(34))
                .body("behaviours", hasSize(5))
                .body("knowledges[0].keySet()", contains("knowledgeId", "detail"))
                .body("knowledges[5].detail", nullValue())
                .body(
                        "knowledges[5].knowledgeId",
                        equalTo(UUID.nameUUIDFromBytes("ST1398_1.0/K6".getBytes(StandardCharsets.UTF_8))
                                .toString()))
                .body("duties", hasSize(9))
                .body("duties.mappedKnowledge", everyItem(nullValue()));
        given().when()
                .get(VERSIONS + "/0.1/export")
                .then()
                .statusCode(200)
                .body("knowledges", hasSize(29))
                .body(
                        "duties[0].dutyID",
                        equalTo(UUID.nameUUIDFromBytes("ST1398_0.1/D1".getBytes(StandardCharsets.UTF_8))
                                .toString()))
                .body("duties[0].isThisACoreDuty", equalTo(1))
                .body("duties[0].mappedKnowledge", hasSize(4));
        given().when().get(VERSIONS + "/9.9/export").then().spec(Problems.problem(404, "not-found"));
    }

    @Test
    void reimportingAnExportChangesNothing() {
        JsonPath report = importBody("[" + export("ST1398", "0.1") + "," + export("ST1398", "1.0") + "]");
        assertEquals(List.of("unchanged", "unchanged"), report.getList("items.outcome"));
    }

    /**
     * The proposal exported, imported under another reference and exported again gives the same document. Feed
     * ids are unique across the catalogue, so the copy needs ids of its own: every id is replaced consistently.
     */
    @Test
    void exportImportExportRoundTrip() throws Exception {
        JsonNode original = FeedItems.JSON.readTree(export("ST1398", "0.1"));
        ObjectNode copy = (ObjectNode) remapIds(original.deepCopy(), "ST0998");
        copy.put("referenceNumber", "ST0998");
        JsonPath report = importBody(FeedItems.JSON.writeValueAsString(copy));
        assertEquals(List.of("created"), report.getList("items.outcome"), report.prettify());
        assertEquals(copy, FeedItems.JSON.readTree(export("ST0998", "0.1")));
        assertEquals(List.of("unchanged"), importBody(export("ST0998", "0.1")).getList("items.outcome"));
    }

    /** Every UUID-shaped text replaced by a name-based UUID of salt and old id. */
    private static JsonNode remapIds(JsonNode node, String salt) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (isId(field.getValue())) {
                    field.setValue(TextNode.valueOf(newId(salt, field.getValue().asText())));
                } else {
                    remapIds(field.getValue(), salt);
                }
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                if (isId(array.get(i))) {
                    array.set(i, TextNode.valueOf(newId(salt, array.get(i).asText())));
                } else {
                    remapIds(array.get(i), salt);
                }
            }
        }
        return node;
    }

    private static boolean isId(JsonNode node) {
        return node.isTextual() && UUID_SHAPE.matcher(node.asText()).matches();
    }

    private static String newId(String salt, String id) {
        return UUID.nameUUIDFromBytes((salt + "/" + id).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
