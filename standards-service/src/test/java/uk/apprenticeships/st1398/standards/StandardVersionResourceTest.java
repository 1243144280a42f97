package uk.apprenticeships.st1398.standards;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.testing.Problems;

/** ST1398 as loaded from the two source texts: what each gives, and nothing more. */
@QuarkusTest
class StandardVersionResourceTest {

    private static final String ST1398 = "/api/v1/standards/ST1398/versions";

    private static List<String> codes(String kind, int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(n -> kind + n).toList();
    }

    @Test
    void bothSourcesAreVersionsAndTheMigratedRowIsReused() {
        given().when()
                .get(ST1398)
                .then()
                .statusCode(200)
                .body("versionNumber", contains("1.0", "0.1"))
                .body("key", contains("ST1398_1.0", "ST1398_0.1"))
                .body("status", contains("Approved for delivery", "In development"))
                .body("source", contains("Skills England published summary", "Proposal"));
        given().when()
                .get(ST1398 + "/1.0")
                .then()
                .statusCode(200)
                .body("approvedForDelivery", equalTo("2024-12-18"))
                .body("earliestStartDate", equalTo("2024-12-18"));
    }

    @Test
    void publishedVersionSaysWhatIsMissing() {
        given().when()
                .get(ST1398 + "/1.0")
                .then()
                .statusCode(200)
                .body("key", equalTo("ST1398_1.0"))
                .body("completeness.knowledge.expected", equalTo(31))
                .body("completeness.knowledge.present", equalTo(5))
                .body("completeness.knowledge.missingCodes", equalTo(codes("K", 6, 31)))
                .body("completeness.knowledge.truncatedCodes", equalTo(codes("K", 1, 5)))
                .body("completeness.skills.expected", equalTo(34))
                .body("completeness.skills.missingCodes", equalTo(codes("S", 6, 34)))
                .body("completeness.behaviours.expected", equalTo(5))
                .body("completeness.behaviours.missingCodes", empty())
                .body("completeness.behaviours.truncatedCodes", contains("B1", "B3"))
                .body("completeness.duties.expected", equalTo(9))
                .body("completeness.duties.present", equalTo(9))
                .body("completeness.duties.mappingAvailable", equalTo(false))
                .body("completeness.complete", equalTo(false))
                .body("ksbs", hasSize(70))
                .body("duties", hasSize(9))
                .body("duties.ksbCodes", everyItem(nullValue()))
                .body("coreAndOptions", nullValue());
    }

    @Test
    void publishedTextsAreExactlyAsShown() {
        given().when()
                .get(ST1398 + "/1.0/ksbs/S2")
                .then()
                .statusCode(200)
                .body(
                        "detail",
                        equalTo("Translate business needs and technical problems to scope machine learning "
                                + "engineering solutions."))
                .body("textAvailable", equalTo(true))
                .body("textComplete", equalTo(true));
        given().when()
                .get(ST1398 + "/1.0/ksbs/K1")
                .then()
                .statusCode(200)
                .body(
                        "detail",
                        equalTo("The purpose, methodologies and applications for ML AI solutions such as "
                                + "Machine Learning, Computer (Machine) Vision, bat..."))
                .body("textAvailable", equalTo(true))
                .body("textComplete", equalTo(false));
        given().when()
                .get(ST1398 + "/1.0/ksbs/B5")
                .then()
                .statusCode(200)
                .body("detail", equalTo("Operates in settings of technical complexity and uncertainty."));
    }

    @Test
    void unpublishedTextIsNullNotInvented() {
        String k6 = UUID.nameUUIDFromBytes("ST1398_1.0/K6".getBytes(StandardCharsets.UTF_8))
                .toString();
        given().when()
                .get(ST1398 + "/1.0/ksbs/K6")
                .then()
                .statusCode(200)
                .body("id", equalTo(k6))
                .body("code", equalTo("K6"))
                .body("kind", equalTo("K"))
                .body("detail", nullValue())
                .body("textAvailable", equalTo(false))
                .body("textComplete", equalTo(false))
                .body("core", nullValue());
    }

    @Test
    void proposalIsCompleteWithItsMapping() {
        given().when()
                .get(ST1398 + "/0.1")
                .then()
                .statusCode(200)
                .body("status", equalTo("In development"))
                .body("source", equalTo("Proposal"))
                .body("completeness.knowledge.expected", equalTo(29))
                .body("completeness.knowledge.present", equalTo(29))
                .body("completeness.skills.present", equalTo(32))
                .body("completeness.behaviours.present", equalTo(4))
                .body("completeness.complete", equalTo(true))
                .body("coreAndOptions", equalTo(false))
                .body("ksbs.core", everyItem(equalTo(true)))
                .body("duties[0].ksbCodes", contains("K24", "K25", "K26", "K29", "S29", "S32", "B4"))
                .body(
                        "duties[2].ksbCodes",
                        contains(
                                "K2", "K3", "K5", "K6", "K7", "K8", "K9", "K10", "K16", "S1", "S2", "S5", "S6", "S7",
                                "S8", "S9", "S14"))
                .body(
                        "ksbs.find { it.code == 'B3' }.detail",
                        equalTo("Acts inclusively when collaborating with "
                                + "people from technical and non-technical backgrounds."));
    }

    @Test
    void dutiesComeWithTheirKsbs() {
        given().when()
                .get(ST1398 + "/0.1/duties")
                .then()
                .statusCode(200)
                .body("", hasSize(9))
                .body("[7].detail", equalTo("Ensure compliance with data governance, ethics and cyber security."))
                .body(
                        "[7].ksbs.code",
                        contains("K24", "K25", "K26", "K27", "S8", "S11", "S20", "S21", "S25", "S30", "B3", "B4"))
                .body(
                        "[7].ksbs[0].detail",
                        equalTo("Concepts of data governance, including regulatory "
                                + "requirements, data privacy, security, trustworthiness and quality control."));
        given().when()
                .get(ST1398 + "/1.0/duties")
                .then()
                .statusCode(200)
                .body("mappingAvailable", everyItem(equalTo(false)))
                .body("ksbs", everyItem(nullValue()));
    }

    @Test
    void ksbByCodeAndById() {
        String id = given().when()
                .get(ST1398 + "/0.1/ksbs/K3")
                .then()
                .statusCode(200)
                .body("code", equalTo("K3"))
                .extract()
                .path("id");
        given().when().get(ST1398 + "/0.1/ksbs/" + id).then().statusCode(200).body("code", equalTo("K3"));
        given().when()
                .get(ST1398 + "/0.1/ksbs/" + id.toUpperCase())
                .then()
                .statusCode(200)
                .body("code", equalTo("K3"));
        given().when().get(ST1398 + "/1.0/ksbs/" + id).then().spec(Problems.problem(404, "not-found"));
    }

    @Test
    void ksbListsFilterByKind() {
        given().when()
                .get(ST1398 + "/1.0/ksbs?kind=B")
                .then()
                .statusCode(200)
                .body("code", contains("B1", "B2", "B3", "B4", "B5"));
        given().when()
                .get(ST1398 + "/0.1/ksbs")
                .then()
                .statusCode(200)
                .body("", hasSize(65))
                .body("[0].code", equalTo("K1"))
                .body("[29].code", equalTo("S1"))
                .body("[64].code", equalTo("B4"));
        given().when().get(ST1398 + "/1.0/options").then().statusCode(200).body("", empty());
    }

    @Test
    void unknownThingsAreNotFound() {
        given().when().get(ST1398 + "/1.0/ksbs/K99").then().spec(Problems.problem(404, "not-found"));
        given().when().get(ST1398 + "/1.0/ksbs/" + UUID.randomUUID()).then().spec(Problems.problem(404, "not-found"));
        given().when().get(ST1398 + "/9.9").then().spec(Problems.problem(404, "not-found"));
        given().when().get(ST1398 + "/9.9/duties").then().spec(Problems.problem(404, "not-found"));
        given().when().get("/api/v1/standards/ST9999/versions").then().spec(Problems.problem(404, "not-found"));
    }

    @Test
    void malformedInputIsAValidationProblem() {
        given().when().get(ST1398 + "/1.0/ksbs/X9").then().spec(Problems.invalid("codeOrId"));
        given().when().get(ST1398 + "/1.0/ksbs/K0").then().spec(Problems.invalid("codeOrId"));
        given().when().get(ST1398 + "/1.0/ksbs/k3").then().spec(Problems.invalid("codeOrId"));
        given().when().get(ST1398 + "/1.x").then().spec(Problems.invalid("version"));
        given().when().get(ST1398 + "/ST1398_1.0").then().spec(Problems.invalid("version"));
        given().when().get(ST1398 + "/1.x/ksbs/K3").then().spec(Problems.invalid("version"));
        given().when().get(ST1398 + "/1.0/ksbs?kind=X").then().spec(Problems.invalid("kind"));
        given().when().get("/api/v1/standards/XX12/versions").then().spec(Problems.invalid("reference"));
    }
}
