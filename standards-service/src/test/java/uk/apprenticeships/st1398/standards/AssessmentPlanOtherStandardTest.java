package uk.apprenticeships.st1398.standards;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.standards.mapping.feed.FeedStandardVersion;
import uk.apprenticeships.st1398.standards.service.FeedImporter;
import uk.apprenticeships.st1398.standards.service.SeedLoader;
import uk.apprenticeships.st1398.standards.service.SourceInfo;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.Tokens;

/**
 * A made-up standard with three methods on a four-grade scale: nothing about plans is ST1398-specific. Also: the
 * bundled plan is seeded once and an admin's plan survives a reload.
 */
@QuarkusTest
class AssessmentPlanOtherStandardTest {

    private static final String REFERENCE = "ST0961";
    private static final String PLAN = "/api/v1/standards/" + REFERENCE + "/versions/2.1/assessment-plan";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FOUR = List.of("Fail", "Pass", "Merit", "Distinction");

    @Inject
    FeedImporter importer;

    @Inject
    SeedLoader loader;

    @Inject
    ObjectMapper json;

    /** The standard through the admin API; its version (no endpoint creates versions) through the importer. */
    @BeforeEach
    void standardWithAVersion() throws Exception {
        if (given().when().get("/api/v1/standards/" + REFERENCE).statusCode() == 404) {
            given().auth()
                    .oauth2(Tokens.admin())
                    .contentType("application/json")
                    .body(Map.of("reference", REFERENCE, "title", "Made-up data technician", "level", 4))
                    .when()
                    .post("/api/v1/standards")
                    .then()
                    .statusCode(201);
        }
        FeedStandardVersion feed = json.readValue(
                """
                {"referenceNumber": "%s", "title": "Made-up data technician", "level": 4, "version": "2.1",
                 "status": "In development",
                 "knowledges": [{"knowledgeId": "%s", "detail": "Knows one"}, {"knowledgeId": "%s", "detail": "Two"}],
                 "skills": [{"skillId": "%s", "detail": "Does one"}],
                 "behaviours": [{"behaviourId": "%s", "detail": "Behaves"}]}""".formatted(REFERENCE, id("K1"), id("K2"), id("S1"), id("B1")), FeedStandardVersion.class);
        importer.importVersion(feed, new SourceInfo("Test", null, null, null));
    }

    private static UUID id(String code) {
        return UUID.nameUUIDFromBytes((REFERENCE + "_2.1/" + code).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * M1 and M2 on Fail/Pass/Merit/Distinction, M3 Fail/Pass: any Fail fails; otherwise M1 and M2 score 1 to 3
     * and the sum decides (2 Pass, 3-4 Merit, 5-6 Distinction).
     */
    static ObjectNode threeMethodPlan() {
        ObjectNode plan = JSON.createObjectNode();
        plan.put("sourceNote", "Made up for a test");
        plan.putObject("assessmentPeriod")
                .put("months", 6)
                .put("confirmed", true)
                .put("source", "Test plan");
        ObjectNode methods = plan.putObject("methods").put("confirmed", true).put("source", "Test plan");
        ArrayNode items = methods.putArray("items");
        method(items, "M1", "Observation with questions", FOUR, List.of("K1", "S1"));
        method(items, "M2", "Knowledge test", FOUR, List.of("K1", "K2"));
        method(items, "M3", "Professional discussion", List.of("Fail", "Pass"), List.of("B1"));
        ObjectNode table =
                plan.putObject("gradeCombinations").put("confirmed", true).put("source", "Test plan");
        FOUR.forEach(table.putArray("overallGrades")::add);
        ArrayNode rows = table.putArray("rows");
        for (String m1 : FOUR) {
            for (String m2 : FOUR) {
                for (String m3 : List.of("Fail", "Pass")) {
                    ObjectNode row = rows.addObject();
                    row.putObject("methodGrades").put("M1", m1).put("M2", m2).put("M3", m3);
                    row.put("overallGrade", overall(m1, m2, m3));
                }
            }
        }
        ObjectNode gateway = plan.putObject("gateway").put("confirmed", true).put("source", "Test plan");
        ObjectNode requirement = gateway.putArray("requirements")
                .addObject()
                .put("code", "LOG_COMPLETE")
                .put("description", "Training log complete")
                .put("confirmed", true)
                .put("source", "Test plan");
        requirement.putObject("conditions").putObject("applicableAgeAtStart").put("min", 19);
        ObjectNode resits = plan.putObject("resitRetake").put("confirmed", true).put("source", "Test plan");
        resits.putObject("resit")
                .put("employerAgreementRequired", false)
                .put("gradeCap", "Pass")
                .put("maxAttemptsPerMethod", 2)
                .put("exceptionalCircumstancesLiftCap", true);
        resits.putObject("retake")
                .put("employerAgreementRequired", true)
                .putNull("gradeCap")
                .putNull("maxAttemptsPerMethod")
                .put("exceptionalCircumstancesLiftCap", false);
        ObjectNode offTheJob =
                plan.putObject("offTheJob").put("confirmed", true).put("source", "Test plan");
        ArrayNode rules = offTheJob.putArray("rules");
        rules.addObject()
                .put("startsFrom", "2022-08-01")
                .put("startsBefore", "2025-08-01")
                .put("basis", "WEEKLY_HOURS")
                .put("hoursPerWeek", 6)
                .put("fullTimeWeeklyHours", 30)
                .put("confirmed", true)
                .put("source", "Test plan");
        rules.addObject()
                .put("startsFrom", "2025-08-01")
                .put("basis", "FIXED_HOURS")
                .put("minimumHours", 278)
                .put("confirmed", true)
                .put("source", "Test plan");
        return plan;
    }

    private static void method(ArrayNode items, String code, String name, List<String> grades, List<String> ksbs) {
        ObjectNode method = items.addObject().put("code", code).put("name", name);
        grades.forEach(method.putArray("grades")::add);
        ksbs.forEach(method.putArray("ksbCodes")::add);
    }

    private static String overall(String m1, String m2, String m3) {
        if (m1.equals("Fail") || m2.equals("Fail") || m3.equals("Fail")) {
            return "Fail";
        }
        int sum = FOUR.indexOf(m1) + FOUR.indexOf(m2);
        return sum <= 2 ? "Pass" : sum <= 4 ? "Merit" : "Distinction";
    }

    @Test
    void aThreeMethodFourGradePlanIsStoredAndServed() {
        given().when().get(PLAN).then().spec(Problems.problem(404, "not-found"));
        AssessmentPlanResourceTest.put(PLAN, threeMethodPlan())
                .statusCode(201)
                .header("Location", endsWith(PLAN))
                .body("key", equalTo(REFERENCE + "_2.1"));
        given().when()
                .get(PLAN)
                .then()
                .statusCode(200)
                .body("confirmed", equalTo(true))
                .body("unconfirmed", empty())
                .body("methods.items.code", contains("M1", "M2", "M3"))
                .body("methods.items[2].grades", contains("Fail", "Pass"))
                .body("methods.items[0].ksbCodes", contains("K1", "S1"))
                .body("gradeCombinations.overallGrades", contains("Fail", "Pass", "Merit", "Distinction"))
                .body("gradeCombinations.rows", hasSize(32))
                .body(
                        "gradeCombinations.rows.find { it.methodGrades.M1 == 'Merit' && it.methodGrades.M2 == "
                                + "'Distinction' && it.methodGrades.M3 == 'Pass' }.overallGrade",
                        equalTo("Distinction"))
                .body(
                        "gradeCombinations.rows.find { it.methodGrades.M1 == 'Merit' && it.methodGrades.M2 == "
                                + "'Merit' && it.methodGrades.M3 == 'Pass' }.overallGrade",
                        equalTo("Merit"))
                .body("resitRetake.retake.gradeCap", equalTo(null))
                .body("gateway.requirements[0].conditions.applicableAgeAtStart.max", equalTo(null));
        AssessmentPlanResourceTest.put(PLAN, threeMethodPlan().put("sourceNote", "Revised"))
                .statusCode(200)
                .body("sourceNote", equalTo("Revised"));
        given().when()
                .get(PLAN + "/off-the-job-requirement?startDate=2025-08-01")
                .then()
                .statusCode(200)
                .body("minimumHours", equalTo(278))
                .body("confirmed", equalTo(true));
        given().when()
                .get(PLAN + "/off-the-job-requirement?startDate=2023-01-09&plannedWeeks=52"
                        + "&weeklyContractedHours=15")
                .then()
                .statusCode(200)
                .body("minimumHours", equalTo(156));
        given().when()
                .get(PLAN + "/off-the-job-requirement?startDate=2022-07-31&plannedWeeks=52")
                .then()
                .spec(Problems.problem(404, "not-found"));
    }

    @Test
    void itsOwnGradesAndKsbsAreCheckedAgainstItsOwnPlan() {
        ObjectNode plan = threeMethodPlan();
        ((ObjectNode) plan.at("/gradeCombinations/rows/1/methodGrades")).put("M3", "Merit");
        ((ObjectNode) plan.at("/methods/items/2"))
                .putArray("ksbCodes")
                .add("B1")
                .add("K5")
                .add("B1");
        AssessmentPlanResourceTest.put(PLAN, plan)
                .spec(Problems.invalid("gradeCombinations.rows[1].methodGrades.M3"))
                .body("violations.field", hasItem("methods.items[2].ksbCodes[1]"))
                .body("violations.field", hasItem("methods.items[2].ksbCodes[2]"))
                .body("validKsbCodes", contains("K1", "K2", "S1", "B1"));
        ObjectNode incomplete = threeMethodPlan();
        ((ArrayNode) incomplete.at("/gradeCombinations/rows")).remove(31);
        ((ArrayNode) incomplete.at("/gradeCombinations/rows")).remove(0);
        AssessmentPlanResourceTest.put(PLAN, incomplete)
                .spec(Problems.invalid("gradeCombinations.rows"))
                .body("violations.message", hasItem(org.hamcrest.Matchers.startsWith("2 of 32 grade combinations")));
    }

    @Test
    void theBundledPlanIsSeededOnceAndAnAdminsPlanSurvivesAReload() throws Exception {
        ObjectNode seeded = AssessmentPlanResourceTest.read(AssessmentPlanResourceTest.PLAN);
        assertEquals(List.of(), loader.loadAssessmentPlans());
        ObjectNode changed = seeded.deepCopy();
        changed.put("sourceNote", "Changed by an admin");
        AssessmentPlanResourceTest.put(AssessmentPlanResourceTest.PLAN, changed).statusCode(200);
        try {
            assertTrue(loader.loadAssessmentPlans().isEmpty());
            given().when()
                    .get(AssessmentPlanResourceTest.PLAN)
                    .then()
                    .statusCode(200)
                    .body("sourceNote", equalTo("Changed by an admin"));
        } finally {
            AssessmentPlanResourceTest.put(AssessmentPlanResourceTest.PLAN, seeded)
                    .statusCode(200);
        }
    }
}
