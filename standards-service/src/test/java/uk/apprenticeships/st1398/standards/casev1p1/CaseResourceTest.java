package uk.apprenticeships.st1398.standards.casev1p1;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.platform.http.EntityTags;
import uk.apprenticeships.st1398.testing.Problems;

/** ST1398 exported as CASE 1.1 frameworks, checked against the official 1EdTech CFPackage schema. */
@QuarkusTest
class CaseResourceTest {

    private static final String CASE = "/ims/case/v1p1/";
    private static final String BASE_URI = "http://localhost:8080/ims/case/v1p1/";
    private static final String CATALOGUE = "/api/v1/standards/ST1398/versions/";
    private static final UUID PUBLISHED = name("CFDocument/ST1398_1.0");
    private static final UUID PROPOSAL = name("CFDocument/ST1398_0.1");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static UUID name(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> item(JsonPath pkg, String code) {
        return pkg.getMap("CFItems.find { it.humanCodingScheme == '" + code + "' }");
    }

    private static String packageJson(UUID document) {
        return given().when()
                .get(CASE + "CFPackages/" + document)
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .asString();
    }

    // ------------------------------------------------------------------------------------ schema validity

    @Test
    void bothPackagesAreValidAgainstTheOfficialSchema() throws Exception {
        for (UUID document : List.of(PUBLISHED, PROPOSAL)) {
            String json = packageJson(document);
            // Kept for reviewers and integrators: target/case-examples/<document>.json
            Path examples = Files.createDirectories(Path.of("target", "case-examples"));
            Files.writeString(
                    examples.resolve(document + ".json"),
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(json)));
            List<String> errors = CaseSchema.errors(json);
            assertEquals(List.of(), errors, "CFPackage " + document);
        }
    }

    @Test
    void theSchemaCheckCatchesWhatItShould() throws Exception {
        ObjectNode valid = (ObjectNode) JSON.readTree(packageJson(PROPOSAL));

        ObjectNode noStatement = valid.deepCopy();
        ((ObjectNode) noStatement.get("CFItems").get(0)).remove("fullStatement");
        assertFalse(CaseSchema.errors(noStatement.toString()).isEmpty(), "missing required fullStatement");

        ObjectNode badUuid = valid.deepCopy();
        ((ObjectNode) badUuid.get("CFItems").get(0)).put("identifier", "K1");
        assertFalse(CaseSchema.errors(badUuid.toString()).isEmpty(), "identifier not a uuid");

        ObjectNode unknownField = valid.deepCopy();
        ((ObjectNode) unknownField.get("CFDocument")).put("humanCodingScheme", "ST1398_0.1");
        assertFalse(CaseSchema.errors(unknownField.toString()).isEmpty(), "CFDocument has no humanCodingScheme");

        ObjectNode badType = valid.deepCopy();
        ((ObjectNode) badType.get("CFAssociations").get(0)).put("associationType", "hasPart");
        assertFalse(CaseSchema.errors(badType.toString()).isEmpty(), "hasPart is not a CASE 1.1 association type");
    }

    @Test
    void itemsAndAssociationsLookedUpAloneAreValidToo() throws Exception {
        JsonNode pkg = JSON.readTree(packageJson(PROPOSAL));
        ObjectNode document = (ObjectNode) JSON.readTree(given().when()
                .get(CASE + "CFDocuments/" + PROPOSAL)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertEquals(
                BASE_URI + "CFPackages/" + PROPOSAL,
                document.get("CFPackageURI").get("uri").asText());
        document.remove("CFPackageURI");
        assertEquals(pkg.get("CFDocument"), document, "the document alone is the package's document");

        ArrayNode items = JSON.createArrayNode();
        ArrayNode associations = JSON.createArrayNode();
        for (JsonNode item : List.of(
                pkg.get("CFItems").get(0),
                pkg.get("CFItems").get(pkg.get("CFItems").size() - 1))) {
            ObjectNode alone = (ObjectNode) JSON.readTree(given().when()
                    .get(CASE + "CFItems/" + item.get("identifier").asText())
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            assertEquals(
                    PROPOSAL.toString(),
                    alone.get("CFDocumentURI").get("identifier").asText());
            alone.remove("CFDocumentURI");
            assertEquals(item, alone);
            items.add(alone);
        }
        for (JsonNode association : pkg.get("CFAssociations")) {
            if (associations.size() < 2
                    && (associations.isEmpty()
                            || !associations
                                    .get(0)
                                    .get("associationType")
                                    .equals(association.get("associationType")))) {
                ObjectNode alone = (ObjectNode) JSON.readTree(given().when()
                        .get(CASE + "CFAssociations/"
                                + association.get("identifier").asText())
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
                assertEquals(
                        PROPOSAL.toString(),
                        alone.get("CFDocumentURI").get("identifier").asText());
                alone.remove("CFDocumentURI");
                assertEquals(association, alone);
                associations.add(alone);
            }
        }
        assertEquals(2, associations.size(), "one isChildOf and one isRelatedTo looked up");
        ObjectNode wrapped = JSON.createObjectNode();
        wrapped.set("CFDocument", document);
        wrapped.set("CFItems", items);
        wrapped.set("CFAssociations", associations);
        assertEquals(List.of(), CaseSchema.errors(wrapped.toString()));
    }

    // ------------------------------------------------------------------------------------ mapping

    @Test
    void publishedVersionSaysWhichTextsAreMissingAndInventsNone() {
        JsonPath pkg = JsonPath.from(packageJson(PUBLISHED));
        assertEquals(PUBLISHED.toString(), pkg.getString("CFDocument.identifier"));
        assertEquals(BASE_URI + "CFDocuments/" + PUBLISHED, pkg.getString("CFDocument.uri"));
        assertEquals("Skills England", pkg.getString("CFDocument.creator"));
        assertEquals("1.1", pkg.getString("CFDocument.caseVersion"));
        assertEquals("1.0", pkg.getString("CFDocument.version"));
        assertEquals("Adopted", pkg.getString("CFDocument.adoptionStatus"));
        assertEquals("2024-12-18", pkg.getString("CFDocument.statusStartDate"));
        assertEquals("ST1398_1.0", pkg.getString("CFDocument.extensions.standardVersionKey"));
        assertEquals("Approved for delivery", pkg.getString("CFDocument.extensions.status"));
        assertEquals(false, pkg.getBoolean("CFDocument.extensions.complete"));
        String notes = pkg.getString("CFDocument.notes");
        assertTrue(notes.contains("Source: Skills England published summary."), notes);
        assertTrue(
                notes.contains("5 of 31 knowledge items with text (missing: K6\u2013K31) (cut off by the source: "
                        + "K1\u2013K5)"),
                notes);
        assertTrue(notes.contains("duty-to-KSB mapping not given"), notes);

        assertEquals(31 + 34 + 5 + 9, pkg.getList("CFItems").size());
        Map<String, Object> k6 = item(pkg, "K6");
        assertEquals("[Text not available in the source: K6 of ST1398 1.0]", k6.get("fullStatement"));
        assertEquals("Knowledge", k6.get("CFItemType"));
        assertEquals(name("ST1398_1.0/K6").toString(), k6.get("identifier"));
        assertTrue(((String) k6.get("notes")).contains("does not give this text"));
        assertEquals(Map.of("textAvailable", false, "textComplete", false), k6.get("extensions"));
        Map<String, Object> k1 = item(pkg, "K1");
        assertTrue(((String) k1.get("fullStatement")).endsWith("..."));
        assertEquals(Map.of("textAvailable", true, "textComplete", false), k1.get("extensions"));
        Map<String, Object> b2 = item(pkg, "B2");
        assertEquals("Behaviour", b2.get("CFItemType"));
        assertEquals(null, b2.get("notes"));
        Map<String, Object> d1 = item(pkg, "D1");
        assertEquals("Duty", d1.get("CFItemType"));
        assertTrue(((String) d1.get("notes")).contains("does not give this duty's KSB mapping"));

        List<String> types = pkg.getList("CFAssociations.associationType");
        assertEquals(79, types.size());
        assertTrue(types.stream().allMatch("isChildOf"::equals), "no duty-to-KSB links are invented");
        assertEquals(
                List.of("Knowledge", "Skill", "Behaviour", "Duty"), pkg.getList("CFDefinitions.CFItemTypes.title"));
        assertEquals((Object) null, pkg.get("CFDefinitions.CFAssociationGroupings"));
    }

    @Test
    void proposalHasEveryTextAndItsDutyToKsbLinks() {
        JsonPath pkg = JsonPath.from(packageJson(PROPOSAL));
        assertEquals("Draft", pkg.getString("CFDocument.adoptionStatus"));
        assertEquals(true, pkg.getBoolean("CFDocument.extensions.complete"));
        assertEquals(29 + 32 + 4 + 9, pkg.getList("CFItems").size());
        assertTrue(pkg.getList("CFItems.fullStatement", String.class).stream().noneMatch(s -> s.startsWith("[")));

        List<Map<String, Object>> duties = given().when()
                .get(CATALOGUE + "0.1/duties")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        List<String> expected = new ArrayList<>();
        for (Map<String, Object> duty : duties) {
            for (Object ksb : (List<?>) duty.get("ksbs")) {
                expected.add(name("CFAssociation/isRelatedTo/" + duty.get("id") + "/" + ((Map<?, ?>) ksb).get("id"))
                        .toString());
            }
        }
        List<String> related =
                pkg.getList("CFAssociations.findAll { it.associationType == 'isRelatedTo' }" + ".identifier");
        assertFalse(expected.isEmpty());
        assertEquals(expected, related, "one isRelatedTo per duty-to-KSB link, in duty then code order");
        assertEquals(
                74,
                pkg.getList("CFAssociations.findAll { it.associationType == 'isChildOf' }")
                        .size());

        Map<String, Object> first = pkg.getMap("CFAssociations.find { it.associationType == 'isRelatedTo' }");
        assertEquals("D1", ((Map<?, ?>) first.get("originNodeURI")).get("title"));
        assertEquals("Duty to KSB mapping", ((Map<?, ?>) first.get("CFAssociationGroupingURI")).get("title"));
        assertEquals(List.of("Duty to KSB mapping"), pkg.getList("CFDefinitions.CFAssociationGroupings.title"));
    }

    @Test
    void itemsAreTheCatalogueKsbsAndDutiesWithTheirIds() {
        String k3 = given().when()
                .get(CATALOGUE + "1.0/ksbs/K3")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
        given().when()
                .get(CASE + "CFItems/" + k3)
                .then()
                .statusCode(200)
                .body("identifier", equalTo(k3))
                .body("uri", equalTo(BASE_URI + "CFItems/" + k3))
                .body("humanCodingScheme", equalTo("K3"))
                .body("CFItemType", equalTo("Knowledge"))
                .body("CFItemTypeURI.title", equalTo("Knowledge"))
                .body("CFDocumentURI.identifier", equalTo(PUBLISHED.toString()))
                .body("CFDocumentURI.uri", equalTo(BASE_URI + "CFDocuments/" + PUBLISHED))
                .body("lastChangeDateTime", matchesPattern("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$"));
        String duty = given().when()
                .get(CATALOGUE + "0.1/duties")
                .then()
                .statusCode(200)
                .extract()
                .path("[1].id");
        given().when()
                .get(CASE + "CFItems/" + duty)
                .then()
                .statusCode(200)
                .body("humanCodingScheme", equalTo("D2"))
                .body("CFItemType", equalTo("Duty"))
                .body("extensions.ksbMappingAvailable", equalTo(true))
                .body("CFDocumentURI.identifier", equalTo(PROPOSAL.toString()));
    }

    @Test
    void itemTypesAndTheGroupingCanBeFollowed() {
        String typeUri = given().when()
                .get(CASE + "CFItems/" + name("ST1398_0.1/S2"))
                .then()
                .statusCode(200)
                .extract()
                .path("CFItemTypeURI.uri");
        given().when()
                .get(CASE + typeUri.substring(BASE_URI.length()))
                .then()
                .statusCode(200)
                .body("CFItemTypes", hasSize(1))
                .body("CFItemTypes[0].title", equalTo("Skill"))
                .body("CFItemTypes[0].hierarchyCode", equalTo("S"));
        UUID grouping = name("CFAssociationGrouping/duty-ksb-mapping");
        given().when()
                .get(CASE + "CFAssociationGroupings/" + grouping)
                .then()
                .statusCode(200)
                .body("title", equalTo("Duty to KSB mapping"));
    }

    // ------------------------------------------------------------------------------------ documents list

    @Test
    void documentsAreListedAsCaseDocumentSetWithPaging() {
        Response all = given().when().get(CASE + "CFDocuments");
        all.then()
                .statusCode(200)
                .body("CFDocuments.identifier", hasItems(PUBLISHED.toString(), PROPOSAL.toString()))
                .body("CFDocuments.CFPackageURI.uri", everyItem(startsWith(BASE_URI + "CFPackages/")))
                .body("CFDocuments.caseVersion", everyItem(equalTo("1.1")));
        List<String> ids = all.jsonPath().getList("CFDocuments.identifier");
        assertTrue(ids.indexOf(PUBLISHED.toString()) < ids.indexOf(PROPOSAL.toString()), "newest version first");
        assertEquals(Integer.toString(ids.size()), all.header("X-Total-Count"));

        int at = ids.indexOf(PROPOSAL.toString());
        given().queryParam("limit", 1)
                .queryParam("offset", at)
                .when()
                .get(CASE + "CFDocuments")
                .then()
                .statusCode(200)
                .header("X-Total-Count", equalTo(Integer.toString(ids.size())))
                .body("CFDocuments", hasSize(1))
                .body("CFDocuments[0].identifier", equalTo(PROPOSAL.toString()));
        given().queryParam("offset", ids.size())
                .when()
                .get(CASE + "CFDocuments")
                .then()
                .statusCode(200)
                .body("CFDocuments", hasSize(0));
    }

    @Test
    void badPagingIsAProblem() {
        for (String limit : List.of("0", "101", "abc", "-1", "1.5")) {
            given().queryParam("limit", limit)
                    .when()
                    .get(CASE + "CFDocuments")
                    .then()
                    .spec(Problems.invalid("limit"));
        }
        for (String offset : List.of("-1", "x")) {
            given().queryParam("offset", offset)
                    .when()
                    .get(CASE + "CFDocuments")
                    .then()
                    .spec(Problems.invalid("offset"));
        }
        for (String unsupported : List.of("sort", "orderBy", "filter", "fields")) {
            given().queryParam(unsupported, "title")
                    .when()
                    .get(CASE + "CFDocuments")
                    .then()
                    .spec(Problems.invalid(unsupported))
                    .body("detail", containsString("not supported"));
        }
    }

    // ------------------------------------------------------------------------------------ problems

    @Test
    void unknownIdentifiersAre404AndMalformedOnes400() {
        UUID unknown = UUID.randomUUID();
        for (String collection : List.of(
                "CFDocuments", "CFPackages", "CFItems", "CFAssociations", "CFItemTypes", "CFAssociationGroupings")) {
            given().when()
                    .get(CASE + collection + "/" + unknown)
                    .then()
                    .spec(Problems.problem(404, "not-found"))
                    .body("detail", containsString(unknown.toString()));
            given().when().get(CASE + collection + "/K3").then().spec(Problems.invalid("sourcedId"));
            given().when().get(CASE + collection + "/" + unknown + "0").then().spec(Problems.invalid("sourcedId"));
        }
        // A KSB id is a CFItem, not a document; a document id is not an item.
        given().when().get(CASE + "CFDocuments/" + name("ST1398_1.0/K1")).then().statusCode(404);
        given().when().get(CASE + "CFItems/" + PUBLISHED).then().statusCode(404);
    }

    // ------------------------------------------------------------------------------------ caching

    @Test
    void caseReadsHaveStrongTagsAnd304() {
        String k1 = name("ST1398_0.1/K1").toString();
        String association = JsonPath.from(packageJson(PROPOSAL)).getString("CFAssociations[0].identifier");
        for (String path : List.of(
                CASE + "CFDocuments",
                CASE + "CFDocuments?limit=1",
                CASE + "CFDocuments/" + PUBLISHED,
                CASE + "CFPackages/" + PUBLISHED,
                CASE + "CFPackages/" + PROPOSAL,
                CASE + "CFItems/" + k1,
                CASE + "CFAssociations/" + association)) {
            Response response = given().when().get(path);
            response.then()
                    .statusCode(200)
                    .header("ETag", matchesPattern("^\"[A-Za-z0-9_-]{43}\"$"))
                    .header("Cache-Control", equalTo("public, max-age=300"));
            String tag = response.header("ETag");
            assertEquals(EntityTags.of(response.asByteArray()), tag, path);
            given().header("If-None-Match", tag)
                    .when()
                    .get(path)
                    .then()
                    .statusCode(304)
                    .header("ETag", equalTo(tag));
            given().when().get(path).then().statusCode(200).header("ETag", equalTo(tag));
        }
        given().when()
                .get(CASE + "CFItems/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .header("ETag", nullValue());
    }
}
