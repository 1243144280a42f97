package uk.apprenticeships.st1398.assessment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/**
 * Cohort statistics over a cohort each test seeds with its own organisation, providers p1 and p2 and employers A, B
 * and C (fresh ids from TestIds, so the statistics of each hold exactly this cohort), graded through the API so the
 * derived overall grade is exercised too. Exact numbers throughout.
 *
 * <pre>
 * learner version     provider  employer  method grades          overall      graded on
 *  1      ST9999_1.0  p1        A         Pass Pass Pass         Pass         2025-01-20
 *  2      ST9999_1.0  p1        A         Merit Merit Dist       Merit        2025-01-25
 *  3      ST9999_1.0  p1        A         Dist Dist Dist         Distinction  2025-02-10
 *  4      ST9999_1.0  p1        A         Fail Pass Pass         Fail         2025-02-12
 *  5      ST1398_1.0  p1        B         Dist Dist              Distinction  2025-03-03
 *  6      ST1398_1.0  p1        B         Pass Fail              Fail         2025-03-04
 *  7      ST9999_1.0  p2        A         Pass Merit Merit       Merit        2025-01-15
 *  8      ST9999_1.0  p2        A         Pass (one method only) (incomplete, not counted)
 *  9      ST1398_1.0  p2        C         Pass Dist              Pass         2025-04-01
 * 10      ST9999_1.0  p2        A         Fail Dist Dist, the Fail corrected to Dist on 2025-02-20: Distinction
 * </pre>
 */
@QuarkusTest
@QuarkusTestResource(value = StandardsPlanStub.class, restrictToAnnotatedClass = false)
class CohortStatisticsTest {

    private static final String PATH = "/api/v1/reports/cohort-statistics";
    private static final LocalDate GATEWAY = LocalDate.of(2025, 1, 6);

    private final String p1 = TestIds.ukprn();
    private final String p2 = TestIds.ukprn();
    private final String employerA = TestIds.employerId();
    private final String employerB = TestIds.employerId();
    private final String employerC = TestIds.employerId();
    private final String assessorUser = AssessmentApi.freshUser("cohort");
    /** The learners' ULNs: {@code uln[n]} is learner n of the table (index 0 unused). */
    private final String[] uln = new String[11];

    private String epao;
    private String assessorId;

    private String assessorToken() {
        return Tokens.token(assessorUser, Set.of("assessor"), Map.of("epao_id", epao));
    }

    /** Seeds the test's cohort (the application is up by then). */
    @BeforeEach
    void seed() {
        for (int n = 1; n < uln.length; n++) {
            uln[n] = TestIds.uln();
        }
        epao = AssessmentApi.freshOrganisation("Cohort org");
        assessorId = AssessmentApi.assessor(epao, assessorUser, List.of(), List.of());
        graded(uln[1], "ST9999_1.0", p1, employerA, "2025-01-20", "Pass", "Pass", "Pass");
        graded(uln[2], "ST9999_1.0", p1, employerA, "2025-01-25", "Merit", "Merit", "Distinction");
        graded(uln[3], "ST9999_1.0", p1, employerA, "2025-02-10", "Distinction", "Distinction", "Distinction");
        graded(uln[4], "ST9999_1.0", p1, employerA, "2025-02-12", "Fail", "Pass", "Pass");
        graded(uln[5], "ST1398_1.0", p1, employerB, "2025-03-03", "Distinction", "Distinction");
        graded(uln[6], "ST1398_1.0", p1, employerB, "2025-03-04", "Pass", "Fail");
        graded(uln[7], "ST9999_1.0", p2, employerA, "2025-01-15", "Pass", "Merit", "Merit");
        graded(uln[8], "ST9999_1.0", p2, employerA, "2025-01-15", "Pass");
        graded(uln[9], "ST1398_1.0", p2, employerC, "2025-04-01", "Pass", "Distinction");
        String id = graded(uln[10], "ST9999_1.0", p2, employerA, "2025-02-05", "Fail", "Distinction", "Distinction");
        String failed = given().auth()
                .oauth2(Tokens.admin())
                .get("/api/v1/assessments/" + id + "/attempts")
                .then()
                .statusCode(200)
                .extract()
                .path("items.find { it.grade == 'Fail' }.id");
        given().auth()
                .oauth2(assessorToken())
                .contentType("application/json")
                .body(Map.of("date", "2025-02-20", "grade", "Distinction", "reason", "Marks were mis-added"))
                .post("/api/v1/assessments/" + id + "/attempts/" + failed + "/corrections")
                .then()
                .statusCode(201);
    }

    /** Registers, assigns and grades the methods in plan order, all on {@code date}. */
    private String graded(String uln, String version, String ukprn, String employerId, String date, String... grades) {
        String id = given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(Map.of(
                        "uln",
                        uln,
                        "familyName",
                        "Cohort",
                        "standardVersion",
                        version,
                        "providerUkprn",
                        ukprn,
                        "employerId",
                        employerId,
                        "epaoId",
                        epao,
                        "gatewayDate",
                        GATEWAY.toString()))
                .post("/api/v1/assessments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(Map.of("assessorId", assessorId))
                .put("/api/v1/assessments/" + id + "/assessor")
                .then()
                .statusCode(200);
        List<String> methods =
                version.startsWith("ST9999") ? List.of("PROJECT", "TEST", "INTERVIEW") : List.of("M1", "M2");
        for (int i = 0; i < grades.length; i++) {
            Map<String, Object> attempt = new HashMap<>(Map.of(
                    "methodCode",
                    methods.get(i),
                    "kind",
                    "first",
                    "date",
                    date,
                    "grade",
                    grades[i],
                    "reason",
                    "Graded against the criteria"));
            given().auth()
                    .oauth2(assessorToken())
                    .contentType("application/json")
                    .body(attempt)
                    .post("/api/v1/assessments/" + id + "/attempts")
                    .then()
                    .statusCode(201);
        }
        return id;
    }

    private static ValidatableResponse stats(String token, Map<String, Object> query) {
        return given().auth().oauth2(token).queryParams(query).when().get(PATH).then();
    }

    private static Map<String, Object> year(String groupBy) {
        return new HashMap<>(Map.of("from", "2025-01-01", "to", "2025-12-31", "groupBy", groupBy));
    }

    private static void row(
            ValidatableResponse response,
            int i,
            long assessed,
            long pass,
            long merit,
            long distinction,
            long fail,
            String passRate,
            String distinctionRate,
            String failRate) {
        String at = "items[" + i + "].";
        response.body(at + "assessed", equalTo((int) assessed))
                .body(at + "pass", equalTo((int) pass))
                .body(at + "merit", equalTo((int) merit))
                .body(at + "distinction", equalTo((int) distinction))
                .body(at + "fail", equalTo((int) fail))
                .body(at + "passRate", equalTo(Float.valueOf(passRate)))
                .body(at + "distinctionRate", equalTo(Float.valueOf(distinctionRate)))
                .body(at + "failRate", equalTo(Float.valueOf(failRate)));
    }

    @Test
    void anAdminGroupsOneProviderByStandardVersionAndMonth() {
        Map<String, Object> query = year("standardVersion,period");
        query.put("providerUkprn", p1);
        ValidatableResponse r = stats(Tokens.admin(), query)
                .statusCode(200)
                .body("totalItems", equalTo(3))
                .body("items.standardVersion", equalTo(List.of("ST1398_1.0", "ST9999_1.0", "ST9999_1.0")))
                .body("items.period", equalTo(List.of("2025-03", "2025-01", "2025-02")))
                .body("items[0].providerUkprn", nullValue());
        row(r, 0, 2, 0, 0, 1, 1, "0.5", "0.5", "0.5");
        row(r, 1, 2, 1, 1, 0, 0, "1", "0", "0");
        row(r, 2, 2, 0, 0, 1, 1, "0.5", "0.5", "0.5");
        // Paged in the same order.
        query.put("size", 1);
        query.put("page", 1);
        stats(Tokens.admin(), query)
                .statusCode(200)
                .body("totalItems", equalTo(3))
                .body("totalPages", equalTo(3))
                .body("items.period", equalTo(List.of("2025-01")));
        // The period bounds are the last graded attempt's date.
        Map<String, Object> february = new HashMap<>(
                Map.of("from", "2025-02-01", "to", "2025-02-28", "groupBy", "standardVersion", "providerUkprn", p1));
        row(
                stats(Tokens.admin(), february).statusCode(200).body("totalItems", equalTo(1)),
                0,
                2,
                0,
                0,
                1,
                1,
                "0.5",
                "0.5",
                "0.5");
        // The learner record shows the same derived overall grade; an incomplete assessment has none.
        given().auth()
                .oauth2(Tokens.admin())
                .get("/api/v1/learner/" + uln[10] + "/cohort/ST9999")
                .then()
                .statusCode(200)
                .body("learningDetails.overallGrade", equalTo("Distinction"));
        given().auth()
                .oauth2(Tokens.admin())
                .get("/api/v1/learner/" + uln[8] + "/Cohort/ST9999")
                .then()
                .statusCode(200)
                .body("learningDetails.overallGrade", nullValue());
    }

    @Test
    void providersSeeOnlyTheirOwnProviderTutorsAndLmsClientsAlike() {
        Map<String, Object> byQuarter = year("provider,period");
        byQuarter.put("period", "quarter");
        // p2: learner 7 (Merit, Q1), the corrected learner 10 (Distinction, Q1), learner 9 (Pass, Q2);
        // learner 8 is incomplete and not counted.
        ValidatableResponse r = stats(Tokens.tutor(p2), byQuarter)
                .statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items.providerUkprn", equalTo(List.of(p2, p2)))
                .body("items.period", equalTo(List.of("2025-Q1", "2025-Q2")));
        row(r, 0, 2, 0, 1, 1, 0, "1", "0.5", "0");
        row(r, 1, 1, 1, 0, 0, 0, "1", "0", "0");
        String lms = Tokens.token(
                "service-account-lms-integration", Set.of("lms-integration"), Map.of("provider_ukprn", p1));
        row(
                stats(lms, year("provider"))
                        .statusCode(200)
                        .body("totalItems", equalTo(1))
                        .body("items[0].providerUkprn", equalTo(p1)),
                0,
                6,
                1,
                1,
                2,
                2,
                "0.6667",
                "0.3333",
                "0.3333");
        Map<String, Object> foreign = year("provider");
        foreign.put("providerUkprn", p1);
        stats(Tokens.tutor(p2), foreign).spec(Problems.problem(404, "not-found"));
        stats(Tokens.token("lms-no-claim", "lms-integration"), year("provider"))
                .spec(Problems.problem(403, "forbidden"));
    }

    @Test
    void employersAssessorsAndRegulatorsAreScopedToo() {
        row(
                stats(Tokens.employer(employerB), year("standardVersion"))
                        .statusCode(200)
                        .body("totalItems", equalTo(1))
                        .body("items[0].standardVersion", equalTo("ST1398_1.0")),
                0,
                2,
                0,
                0,
                1,
                1,
                "0.5",
                "0.5",
                "0.5");
        row(
                stats(Tokens.employer(employerA), year("standardVersion"))
                        .statusCode(200)
                        .body("totalItems", equalTo(1)),
                0,
                6,
                1,
                2,
                2,
                1,
                "0.8333",
                "0.3333",
                "0.1667");
        ValidatableResponse own = stats(Tokens.assessor(epao), year("standardVersion"))
                .statusCode(200)
                .body("items.standardVersion", equalTo(List.of("ST1398_1.0", "ST9999_1.0")));
        row(own, 0, 3, 1, 0, 1, 1, "0.6667", "0.3333", "0.3333");
        row(own, 1, 6, 1, 2, 2, 1, "0.8333", "0.3333", "0.1667");
        stats(Tokens.assessor(TestIds.epaoId()), year("standardVersion"))
                .statusCode(200)
                .body("totalItems", equalTo(0));
        Map<String, Object> ofP2 = year("standardVersion");
        ofP2.put("providerUkprn", p2);
        ValidatableResponse regulator = stats(Tokens.token("regulator-reporting", "regulator"), ofP2)
                .statusCode(200)
                .body("items.standardVersion", equalTo(List.of("ST1398_1.0", "ST9999_1.0")));
        row(regulator, 0, 1, 1, 0, 0, 0, "1", "0", "0");
        row(regulator, 1, 2, 0, 1, 1, 0, "1", "0.5", "0");
        stats(Tokens.apprentice(uln[1], p1, employerA), year("standardVersion"))
                .spec(Problems.problem(403, "forbidden"));
        given().queryParams(year("standardVersion"))
                .when()
                .get(PATH)
                .then()
                .spec(Problems.problem(401, "unauthorized"));
    }

    @Test
    void badParametersAreClearProblems() {
        Map<String, Object> ok = year("standardVersion");
        Map<String, Object> noFrom = new HashMap<>(ok);
        noFrom.remove("from");
        List<Object[]> bad = List.of(
                new Object[] {"from", noFrom},
                new Object[] {"from", with(ok, "from", "2025-13-01")},
                new Object[] {"from", with(ok, "from", "2026-01-01")},
                new Object[] {"to", with(ok, "to", "2031-01-01")},
                new Object[] {"groupBy", with(ok, "groupBy", "standardVersion,employer")},
                new Object[] {"groupBy", with(ok, "groupBy", "period,period")},
                new Object[] {"groupBy", with(ok, "groupBy", "standardVersion,")},
                new Object[] {"period", with(ok, "period", "week")},
                new Object[] {"providerUkprn", with(ok, "providerUkprn", "123")});
        for (Object[] b : bad) {
            @SuppressWarnings("unchecked")
            Map<String, Object> query = (Map<String, Object>) b[1];
            stats(Tokens.admin(), query).spec(Problems.invalid((String) b[0]));
        }
        stats(Tokens.admin(), with(ok, "size", 0)).spec(Problems.problem(400, "validation-failed"));
        stats(Tokens.admin(), with(ok, "page", -1)).spec(Problems.problem(400, "validation-failed"));
    }

    private static Map<String, Object> with(Map<String, Object> query, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(query);
        copy.put(key, value);
        return copy;
    }
}
