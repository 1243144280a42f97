package uk.apprenticeships.st1398.standards;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.ResponseSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.Tokens;

/** The ST1398 1.0 plan as seeded, its validation, and that a refused plan changes nothing. */
@QuarkusTest
class AssessmentPlanResourceTest {

    static final String PLAN = "/api/v1/standards/ST1398/versions/1.0/assessment-plan";
    static final ObjectMapper JSON = new ObjectMapper();

    static ObjectNode read(String path) throws Exception {
        return (ObjectNode) JSON.readTree(
                given().when().get(path).then().statusCode(200).extract().asString());
    }

    static ValidatableResponse put(String path, Object body) {
        return given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(body.toString())
                .when()
                .put(path)
                .then();
    }

    @Inject
    EntityManager em;

    /**
     * The stored row itself (document, revision, updated_at), or "none": what a GET shows may come from a read
     * cache that a refused write does not empty, so "nothing changed" is checked in the database.
     */
    String stored(String version) {
        return QuarkusTransaction.requiringNew()
                .call(() -> String.valueOf(em.createNativeQuery("select coalesce(("
                                + "select p.document::text || '#' || p.revision || '#' || p.updated_at from assessment_plan p "
                                + "join standard_version v on v.id = p.version_id where v.standard_reference = 'ST1398' "
                                + "and v.version_number = ?1), 'none')")
                        .setParameter(1, version)
                        .getSingleResult()));
    }

    /** PUTs the seeded plan changed by {@code change}, expects {@code spec}, and checks nothing changed. */
    private ValidatableResponse refused(Consumer<ObjectNode> change, ResponseSpecification spec) throws Exception {
        String row = stored("1.0");
        String before =
                given().when().get(PLAN).then().statusCode(200).extract().asString();
        ObjectNode plan = (ObjectNode) JSON.readTree(before);
        change.accept(plan);
        ValidatableResponse answer = put(PLAN, plan).spec(spec).header("ETag", nullValue());
        assertEquals(row, stored("1.0"));
        assertEquals(
                before,
                given().when().get(PLAN).then().statusCode(200).extract().asString());
        return answer;
    }

    private static ArrayNode rows(ObjectNode plan) {
        return (ArrayNode) plan.at("/gradeCombinations/rows");
    }

    @Test
    void st1398PlanIsSeededWithWhatIsUnconfirmedMarked() {
        given().when()
                .get(PLAN)
                .then()
                .statusCode(200)
                .body("key", equalTo("ST1398_1.0"))
                .body("reference", equalTo("ST1398"))
                .body("versionNumber", equalTo("1.0"))
                .body("confirmed", equalTo(false))
                .body(
                        "unconfirmed",
                        contains(
                                "methods",
                                "gradeCombinations",
                                "gateway",
                                "gateway.requirements[0]",
                                "gateway.requirements[1]",
                                "gateway.requirements[2]",
                                "gateway.requirements[2].ksbCoverage",
                                "gateway.minimumTimeInLearning",
                                "resitRetake",
                                "offTheJob.rules[1]"))
                .body("assessmentPeriod.months", equalTo(4))
                .body("methods.confirmed", equalTo(false))
                .body("methods.items.code", contains("M1", "M2"))
                .body("methods.items[0].name", equalTo("Project evaluation report, presentation and questioning"))
                .body("methods.items[1].name", containsString("Professional discussion"))
                .body("methods.items.grades", everyItem(contains("Fail", "Pass", "Distinction")))
                .body("methods.items.ksbCodes", everyItem(nullValue()))
                .body("gradeCombinations.overallGrades", contains("Fail", "Pass", "Distinction"))
                .body(
                        "gateway.requirements.code",
                        contains(
                                "EMPLOYER_CONFIRMS_COMPETENCE",
                                "PROJECT_SCOPE_SIGNED_OFF",
                                "PORTFOLIO_MAPPED_TO_KSBS",
                                "ENGLISH_MATHS"))
                .body("gateway.requirements[3].conditions.applicableAgeAtStart.min", equalTo(16))
                .body("gateway.requirements[3].conditions.applicableAgeAtStart.max", equalTo(18))
                .body("gateway.requirements[3].confirmed", equalTo(true))
                .body("gateway.requirements[2].ksbCoverage.minimumCoveragePercent", equalTo(100))
                .body("gateway.requirements[2].ksbCoverage.requiredKsbCodes", nullValue())
                .body("gateway.requirements[2].ksbCoverage.confirmed", equalTo(false))
                .body("gateway.requirements[2].ksbCoverage.source", containsString("platform's assumption"))
                .body("gateway.requirements[3].ksbCoverage", nullValue())
                .body("gateway.minimumTimeInLearning.confirmed", equalTo(false))
                .body("gateway.minimumTimeInLearning.source", containsString("platform's assumption"))
                .body("gateway.minimumTimeInLearning.rules.startsFrom", contains("2017-05-01", "2025-08-01"))
                .body("gateway.minimumTimeInLearning.rules.startsBefore", contains("2025-08-01", null))
                .body("gateway.minimumTimeInLearning.rules.months", contains(12, 8))
                .body("resitRetake.resit.gradeCap", equalTo("Pass"))
                .body("resitRetake.retake.employerAgreementRequired", equalTo(true))
                .body("resitRetake.retake.maxAttemptsPerMethod", nullValue())
                .body("resitRetake.resit.exceptionalCircumstancesLiftCap", equalTo(true))
                .body("offTheJob.rules.basis", contains("WEEKLY_HOURS", "FIXED_HOURS"))
                .body("offTheJob.rules[0].startsBefore", equalTo("2025-08-01"))
                .body("offTheJob.rules[0].hoursPerWeek", equalTo(6))
                .body("offTheJob.rules[1].startsFrom", equalTo("2025-08-01"))
                .body("offTheJob.rules[1].minimumHours", equalTo(418))
                .body("offTheJob.rules[1].confirmed", equalTo(false))
                .body("offTheJob.rules[1].source", containsString("unconfirmed"));
    }

    @Test
    void st1398CombinationTableIsCompleteAnyFailFailsAndDistinctionNeedsBoth() throws Exception {
        ArrayNode rows = rows(read(PLAN));
        assertEquals(9, rows.size());
        List<String> grades = List.of("Fail", "Pass", "Distinction");
        for (String m1 : grades) {
            for (String m2 : grades) {
                String expected = m1.equals("Fail") || m2.equals("Fail")
                        ? "Fail"
                        : m1.equals("Distinction") && m2.equals("Distinction") ? "Distinction" : "Pass";
                long matching = 0;
                for (var row : rows) {
                    if (row.at("/methodGrades/M1").asText().equals(m1)
                            && row.at("/methodGrades/M2").asText().equals(m2)) {
                        matching++;
                        assertEquals(expected, row.get("overallGrade").asText(), m1 + "/" + m2);
                        assertEquals(List.of("M1", "M2"), List.copyOf(iterable(row.get("methodGrades"))));
                    }
                }
                assertEquals(1, matching, m1 + "/" + m2);
            }
        }
    }

    private static List<String> iterable(com.fasterxml.jackson.databind.JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void planReadIsTaggedAndCacheable() {
        String tag = given().when()
                .get(PLAN)
                .then()
                .statusCode(200)
                .header("ETag", matchesPattern("^\"[A-Za-z0-9_-]{43}\"$"))
                .header("Cache-Control", equalTo("public, max-age=300"))
                .extract()
                .header("ETag");
        given().header("If-None-Match", tag)
                .when()
                .get(PLAN)
                .then()
                .statusCode(304)
                .header("ETag", equalTo(tag));
    }

    @Test
    void missingPlansVersionsAndStandardsAre404() {
        given().when()
                .get("/api/v1/standards/ST1398/versions/0.1/assessment-plan")
                .then()
                .spec(Problems.problem(404, "not-found", "plan-not-found"))
                .body("detail", containsString("no assessment plan"));
        given().when()
                .get("/api/v1/standards/ST1398/versions/9.9/assessment-plan")
                .then()
                .spec(Problems.problem(404, "not-found", "version-not-found"));
        given().when()
                .get("/api/v1/standards/ST9999/versions/1.0/assessment-plan")
                .then()
                .spec(Problems.problem(404, "not-found", "standard-not-found"));
        given().when()
                .get("/api/v1/standards/ST1398/versions/1.x/assessment-plan")
                .then()
                .spec(Problems.invalid("version"));
        put("/api/v1/standards/ST1398/versions/9.9/assessment-plan", "{}").spec(Problems.problem(404, "not-found"));
    }

    @Test
    void onlyAdminsMayReplaceAPlan() throws Exception {
        String row = stored("1.0");
        String before = given().when().get(PLAN).then().extract().asString();
        given().contentType("application/json")
                .body(before)
                .when()
                .put(PLAN)
                .then()
                .spec(Problems.problem(401, "unauthorized"))
                .header("WWW-Authenticate", "Bearer");
        given().auth()
                .oauth2(Tokens.forged())
                .contentType("application/json")
                .body(before)
                .when()
                .put(PLAN)
                .then()
                .spec(Problems.problem(401, "unauthorized"));
        given().auth()
                .oauth2(Tokens.tutor("10000001"))
                .contentType("application/json")
                .body(before)
                .when()
                .put(PLAN)
                .then()
                .spec(Problems.problem(403, "forbidden"));
        given().auth()
                .oauth2(Tokens.assessor("EPA0001"))
                .contentType("application/json")
                .body(before)
                .when()
                .put(PLAN)
                .then()
                .spec(Problems.problem(403, "forbidden"));
        assertEquals(row, stored("1.0"));
        assertEquals(before, given().when().get(PLAN).then().extract().asString());
    }

    @Test
    void aPlanReadCanBePutBackAsItIs() throws Exception {
        ObjectNode before = read(PLAN);
        String tag = put(PLAN, before)
                .statusCode(200)
                .body("key", equalTo("ST1398_1.0"))
                .body("gradeCombinations.rows", hasSize(9))
                .extract()
                .header("ETag");
        given().when().get(PLAN).then().header("ETag", equalTo(tag));
        ObjectNode after = read(PLAN);
        before.remove("updatedAt");
        after.remove("updatedAt");
        assertEquals(before, after);
    }

    @Test
    void ifMatchPreventsLostUpdates() throws Exception {
        String row = stored("1.0");
        String read = given().when().get(PLAN).then().statusCode(200).extract().asString();
        String tag = given().when().get(PLAN).then().extract().header("ETag");
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .header("If-Match", "\"stale\"")
                .body(read)
                .when()
                .put(PLAN)
                .then()
                .spec(Problems.problem(412, "precondition-failed", "plan-changed"));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .header("If-Match", "W/" + tag)
                .body(read)
                .when()
                .put(PLAN)
                .then()
                .spec(Problems.problem(412, "precondition-failed", "plan-changed"));
        assertEquals(row, stored("1.0"));
        assertEquals(read, given().when().get(PLAN).then().extract().asString());
        String next = given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .header("If-Match", "\"stale\", " + tag)
                .body(read)
                .when()
                .put(PLAN)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        given().when().get(PLAN).then().header("ETag", equalTo(next));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .header("If-Match", tag)
                .body(read)
                .when()
                .put(PLAN)
                .then()
                .spec(Problems.problem(412, "precondition-failed"));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .header("If-Match", "*")
                .body(read)
                .when()
                .put(PLAN)
                .then()
                .statusCode(200);
        String noPlan = "/api/v1/standards/ST1398/versions/0.1/assessment-plan";
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .header("If-Match", "*")
                .body(read)
                .when()
                .put(noPlan)
                .then()
                .spec(Problems.problem(412, "precondition-failed"));
        given().when().get(noPlan).then().spec(Problems.problem(404, "not-found"));
        assertEquals("none", stored("0.1"));
    }

    @Test
    void unknownMethodInTheCombinationTableIsRefused() throws Exception {
        refused(
                        plan -> ((ObjectNode) rows(plan).get(0).get("methodGrades")).put("M3", "Pass"),
                        Problems.invalid("gradeCombinations.rows[0].methodGrades.M3"))
                .body("code", org.hamcrest.Matchers.equalTo("plan-invalid"))
                .body("violations.message", hasItem(containsString("the plan's methods are M1, M2")));
    }

    @Test
    void aGradeAMethodCannotGiveIsRefused() throws Exception {
        refused(
                        plan -> ((ObjectNode) rows(plan).get(4).get("methodGrades")).put("M2", "Merit"),
                        Problems.invalid("gradeCombinations.rows[4].methodGrades.M2"))
                .body("violations.message", hasItem("Merit is not a grade of M2 (Fail, Pass, Distinction)"));
        refused(
                plan -> ((ObjectNode) rows(plan).get(4)).put("overallGrade", "Merit"),
                Problems.invalid("gradeCombinations.rows[4].overallGrade"));
    }

    @Test
    void anIncompleteOrDuplicatedTableIsRefused() throws Exception {
        refused(plan -> rows(plan).remove(8), Problems.invalid("gradeCombinations.rows"))
                .body(
                        "violations.message",
                        hasItem(containsString(
                                "1 of 9 grade combinations have no row, e.g. " + "{M1=Distinction, M2=Distinction}")));
        refused(
                        plan -> rows(plan).set(8, rows(plan).get(7).deepCopy()),
                        Problems.invalid("gradeCombinations.rows[8].methodGrades"))
                .body("violations.message", hasItem(containsString("the same combination as rows[7]")));
        refused(
                        plan -> ((ObjectNode) rows(plan).get(2).get("methodGrades")).remove("M2"),
                        Problems.invalid("gradeCombinations.rows[2].methodGrades"))
                .body("violations.message", hasItem(containsString("has no grade for M2")));
    }

    @Test
    void ksbCodesOutsideTheVersionAreRefusedWithTheValidCodes() throws Exception {
        refused(
                        plan -> ((ObjectNode) plan.at("/methods/items/0"))
                                .putArray("ksbCodes")
                                .add("K1")
                                .add("K99")
                                .add("S35"),
                        Problems.invalid("methods.items[0].ksbCodes[1]"))
                .body("violations.field", hasItem("methods.items[0].ksbCodes[2]"))
                .body("violations.field", not(hasItem("methods.items[0].ksbCodes[0]")))
                .body("validKsbCodes", hasSize(70))
                .body("validKsbCodes", hasItems("K1", "K31", "S34", "B5"))
                .body("validKsbCodes[0]", equalTo("K1"))
                .body("validKsbCodes[69]", equalTo("B5"));
    }

    @Test
    void overlappingOrBackwardsOffTheJobRangesAreRefused() throws Exception {
        refused(
                        plan -> ((ObjectNode) plan.at("/offTheJob/rules/1")).put("startsFrom", "2025-07-01"),
                        Problems.invalid("offTheJob.rules[1]"))
                .body("violations.message", hasItem(containsString("overlap rules[0]")));
        refused(
                plan -> ((ObjectNode) plan.at("/offTheJob/rules/1")).put("startsBefore", "2025-08-01"),
                Problems.invalid("offTheJob.rules[1].startsBefore"));
        refused(
                plan -> ((ObjectNode) plan.at("/offTheJob/rules/0")).put("minimumHours", 100),
                Problems.invalid("offTheJob.rules[0].minimumHours"));
        refused(
                plan -> ((ObjectNode) plan.at("/offTheJob/rules/1")).putNull("minimumHours"),
                Problems.invalid("offTheJob.rules[1].minimumHours"));
    }

    @Test
    void negativeAndMissingValuesAreRefused() throws Exception {
        refused(
                plan -> ((ObjectNode) plan.at("/offTheJob/rules/1")).put("minimumHours", -418),
                Problems.invalid("offTheJob.rules[1].minimumHours"));
        refused(
                plan -> ((ObjectNode) plan.at("/offTheJob/rules/0")).put("hoursPerWeek", -6),
                Problems.invalid("offTheJob.rules[0].hoursPerWeek"));
        refused(
                plan -> ((ObjectNode) plan.get("assessmentPeriod")).put("months", 0),
                Problems.invalid("assessmentPeriod.months"));
        refused(
                plan -> ((ObjectNode) plan.at("/resitRetake/resit")).put("maxAttemptsPerMethod", -1),
                Problems.invalid("resitRetake.resit.maxAttemptsPerMethod"));
        refused(
                plan -> ((ObjectNode) plan.at("/gateway/requirements/3/conditions/applicableAgeAtStart"))
                        .put("min", 19),
                Problems.invalid("gateway.requirements[3].conditions.applicableAgeAtStart.ordered"));
        refused(
                plan -> ((ArrayNode) plan.at("/methods/items/0/grades")).set(1, ""),
                Problems.invalid("methods.items[0].grades[1]"));
        refused(
                plan -> ((ObjectNode) plan.at("/gradeCombinations/rows/3/methodGrades")).put("M1", " "),
                Problems.invalid("gradeCombinations.rows[3].methodGrades[M1]"));
        refused(plan -> plan.remove("gradeCombinations"), Problems.invalid("gradeCombinations"));
        refused(plan -> ((ObjectNode) plan.get("methods")).remove("source"), Problems.invalid("methods.source"));
        refused(
                plan -> ((ObjectNode) plan.at("/methods/items/1")).put("code", "M1"),
                Problems.invalid("methods.items[1].code"));
        refused(
                plan -> ((ObjectNode) plan.at("/resitRetake/retake")).put("gradeCap", "Merit"),
                Problems.invalid("resitRetake.retake.gradeCap"));
    }

    @Test
    void badGatewayThresholdsAreRefusedWithTheirPaths() throws Exception {
        String coverage = "/gateway/requirements/2/ksbCoverage";
        String time = "/gateway/minimumTimeInLearning";
        refused(
                plan -> ((ObjectNode) plan.at(coverage)).put("minimumCoveragePercent", 100.5),
                Problems.invalid("gateway.requirements[2].ksbCoverage.minimumCoveragePercent"));
        refused(
                plan -> ((ObjectNode) plan.at(coverage)).put("minimumCoveragePercent", -1),
                Problems.invalid("gateway.requirements[2].ksbCoverage.minimumCoveragePercent"));
        refused(
                        plan -> ((ObjectNode) plan.at(coverage)).putNull("minimumCoveragePercent"),
                        Problems.invalid("gateway.requirements[2].ksbCoverage"))
                .body("violations.message", hasItem("needs minimumCoveragePercent, requiredKsbCodes or both"));
        refused(
                plan -> ((ObjectNode) plan.at(coverage)).remove("source"),
                Problems.invalid("gateway.requirements[2].ksbCoverage.source"));
        refused(
                        plan -> ((ObjectNode) plan.at(coverage))
                                .putArray("requiredKsbCodes")
                                .add("K1")
                                .add("K32")
                                .add("K1"),
                        Problems.invalid("gateway.requirements[2].ksbCoverage.requiredKsbCodes[1]"))
                .body("violations.field", hasItem("gateway.requirements[2].ksbCoverage.requiredKsbCodes[2]"))
                .body("violations.message", hasItem("K32 is not a KSB of ST1398_1.0; see validKsbCodes"))
                .body("violations.message", hasItem("duplicate KSB code K1"))
                .body("validKsbCodes", hasSize(70));
        refused(
                plan -> ((ObjectNode) plan.at(time + "/rules/1")).put("months", -8),
                Problems.invalid("gateway.minimumTimeInLearning.rules[1].months"));
        refused(
                plan -> ((ObjectNode) plan.at(time + "/rules/1")).putNull("months"),
                Problems.invalid("gateway.minimumTimeInLearning.rules[1].months"));
        refused(
                        plan -> ((ObjectNode) plan.at(time + "/rules/1")).put("startsFrom", "2025-07-31"),
                        Problems.invalid("gateway.minimumTimeInLearning.rules[1]"))
                .body("violations.message", hasItem(containsString("overlap rules[0]")));
        refused(
                plan -> ((ObjectNode) plan.at(time + "/rules/0")).put("startsBefore", "2017-05-01"),
                Problems.invalid("gateway.minimumTimeInLearning.rules[0].startsBefore"));
        refused(
                        plan -> {
                            ArrayNode rules = (ArrayNode) plan.at(time + "/rules");
                            rules.add(rules.remove(0));
                        },
                        Problems.invalid("gateway.minimumTimeInLearning.rules[1]"))
                .body("violations.message", hasItem(containsString("list the rules in order of start date")));
        refused(
                plan -> ((ObjectNode) plan.at(time)).remove("rules"),
                Problems.invalid("gateway.minimumTimeInLearning.rules"));
        refused(
                plan -> ((ObjectNode) plan.at(time + "/rules/0")).put("weeks", 52),
                Problems.problem(400, "malformed-request-body"));
    }

    @Test
    void aPlanWithoutGatewayThresholdsIsStillValidAndOtherThresholdsAreKept() throws Exception {
        ObjectNode original = read(PLAN);
        try {
            ObjectNode older = original.deepCopy();
            ((ObjectNode) older.get("gateway")).remove("minimumTimeInLearning");
            ((ObjectNode) older.at("/gateway/requirements/2")).remove("ksbCoverage");
            put(PLAN, older)
                    .statusCode(200)
                    .body("gateway.minimumTimeInLearning", nullValue())
                    .body("gateway.requirements[2].ksbCoverage", nullValue())
                    .body("unconfirmed", not(hasItem("gateway.minimumTimeInLearning")));
            ObjectNode other = original.deepCopy();
            ((ObjectNode) other.at("/gateway/requirements/2/ksbCoverage"))
                    .put("minimumCoveragePercent", 80)
                    .putArray("requiredKsbCodes")
                    .add("K1")
                    .add("B5");
            ((ObjectNode) other.at("/gateway/minimumTimeInLearning/rules/1")).put("months", 0);
            put(PLAN, other)
                    .statusCode(200)
                    .body("gateway.requirements[2].ksbCoverage.minimumCoveragePercent", equalTo(80))
                    .body("gateway.requirements[2].ksbCoverage.requiredKsbCodes", contains("K1", "B5"))
                    .body("gateway.minimumTimeInLearning.rules.months", contains(12, 0));
        } finally {
            put(PLAN, original).statusCode(200);
        }
        assertEquals(
                12,
                read(PLAN).at("/gateway/minimumTimeInLearning/rules/0/months").asInt());
    }

    @Test
    void malformedBodiesAreRefused() throws Exception {
        refused(
                        plan -> ((ObjectNode) plan.get("methods")).put("itemz", 1),
                        Problems.problem(400, "malformed-request-body"))
                .body("violations.field", hasItem("methods.itemz"));
        refused(
                plan -> ((ObjectNode) plan.get("assessmentPeriod")).put("months", 4.5),
                Problems.problem(400, "malformed-request-body"));
        refused(
                plan -> ((ObjectNode) plan.at("/offTheJob/rules/0")).put("basis", "MONTHLY"),
                Problems.problem(400, "malformed-request-body"));
        String row = stored("1.0");
        put(PLAN, "").spec(Problems.invalid("request"));
        put(PLAN, "[1, 2]").spec(Problems.problem(400, "malformed-request-body"));
        put(PLAN, "{\"methods\": ").spec(Problems.problem(400, "malformed-request-body"));
        assertEquals(row, stored("1.0"));
    }

    @Test
    void everyProblemIsReportedAtOnce() throws Exception {
        refused(
                        plan -> {
                            ((ObjectNode) rows(plan).get(0).get("methodGrades")).put("M1", "Merit");
                            ((ObjectNode) plan.at("/methods/items/1"))
                                    .putArray("ksbCodes")
                                    .add("X1");
                            ((ObjectNode) plan.at("/offTheJob/rules/1")).put("startsFrom", "2020-01-01");
                        },
                        Problems.invalid("gradeCombinations.rows[0].methodGrades.M1"))
                .body("violations.field", hasItems("methods.items[1].ksbCodes[0]", "offTheJob.rules[1]"))
                .body("detail", containsString("3 problems"));
    }

    @Test
    void offTheJobRequirementForStartsFromAugust2025IsTheFixedMinimum() {
        given().when()
                .get(PLAN + "/off-the-job-requirement?startDate=2025-09-01")
                .then()
                .statusCode(200)
                .header("ETag", matchesPattern("^\".+\"$"))
                .body("key", equalTo("ST1398_1.0"))
                .body("startDate", equalTo("2025-09-01"))
                .body("minimumHours", equalTo(418))
                .body("confirmed", equalTo(false))
                .body("rule.basis", equalTo("FIXED_HOURS"))
                .body("rule.startsFrom", equalTo("2025-08-01"))
                .body("calculation", containsString("418"));
        given().when()
                .get(PLAN + "/off-the-job-requirement?startDate=2025-08-01&plannedWeeks=10")
                .then()
                .statusCode(200)
                .body("minimumHours", equalTo(418))
                .body("plannedWeeks", equalTo(10));
    }

    @Test
    void offTheJobRequirementBeforeAugust2025IsWeeklyAndProRata() {
        String path = PLAN + "/off-the-job-requirement?startDate=2025-03-01&plannedWeeks=100";
        given().when()
                .get(path)
                .then()
                .statusCode(200)
                .body("minimumHours", equalTo(600))
                .body("confirmed", equalTo(true))
                .body("rule.basis", equalTo("WEEKLY_HOURS"));
        given().when()
                .get(path + "&weeklyContractedHours=20")
                .then()
                .statusCode(200)
                .body("minimumHours", equalTo(400))
                .body("calculation", containsString("pro rata"));
        given().when()
                .get(path + "&weeklyContractedHours=37.5")
                .then()
                .statusCode(200)
                .body("minimumHours", equalTo(600));
        given().when()
                .get(PLAN + "/off-the-job-requirement?startDate=2025-07-31&plannedWeeks=7"
                        + "&weeklyContractedHours=16")
                .then()
                .statusCode(200)
                .body("minimumHours", equalTo(22.4f));
        given().when()
                .get(PLAN + "/off-the-job-requirement?startDate=2025-07-31&plannedWeeks=1" + "&weeklyContractedHours=1")
                .then()
                .statusCode(200)
                .body("minimumHours", equalTo(0.2f));
    }

    @Test
    void offTheJobRequirementInputsAreChecked() {
        String base = PLAN + "/off-the-job-requirement";
        given().when()
                .get(base + "?startDate=2025-03-01")
                .then()
                .spec(Problems.invalid("plannedWeeks"))
                .body("violations.message", hasItem(containsString("6 hours a week")));
        given().when().get(base).then().spec(Problems.invalid("startDate"));
        given().when().get(base + "?startDate=2025-02-30").then().spec(Problems.invalid("startDate"));
        given().when().get(base + "?startDate=1.9.2025").then().spec(Problems.invalid("startDate"));
        given().when().get(base + "?startDate=2025-03-01&plannedWeeks=0").then().spec(Problems.invalid("plannedWeeks"));
        given().when()
                .get(base + "?startDate=2025-03-01&plannedWeeks=-4")
                .then()
                .spec(Problems.invalid("plannedWeeks"));
        given().when()
                .get(base + "?startDate=2025-03-01&plannedWeeks=10&weeklyContractedHours=-5")
                .then()
                .spec(Problems.invalid("weeklyContractedHours"));
        given().when()
                .get(base + "?startDate=2025-03-01&plannedWeeks=10&weeklyContractedHours=0")
                .then()
                .spec(Problems.invalid("weeklyContractedHours"));
        given().when()
                .get("/api/v1/standards/ST1398/versions/0.1/assessment-plan/off-the-job-requirement"
                        + "?startDate=2025-09-01")
                .then()
                .spec(Problems.problem(404, "not-found", "plan-not-found"));
    }

    @Test
    void openApiDocumentsThePlan() {
        given().accept("application/json")
                .when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body(
                        "paths.'/api/v1/standards/{reference}/versions/{version}/assessment-plan'.put.responses",
                        org.hamcrest.Matchers.hasKey("201"))
                .body("components.schemas.AssessmentPlan.properties", org.hamcrest.Matchers.hasKey("unconfirmed"))
                .body("components.schemas.AssessmentPlanDocument.properties.methods", not(nullValue()));
    }
}
