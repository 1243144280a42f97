package uk.apprenticeships.st1398.assessment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.apprenticeships.st1398.assessment.AssessmentApi.as;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.assessment.service.ReportService;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/**
 * EPA outcome and registration reports. Each test seeds its own organisation (a fresh id from TestIds, so the reports
 * of that organisation hold exactly this test's assessments), assessor, provider and ULNs.
 */
@QuarkusTest
@QuarkusTestResource(value = StandardsPlanStub.class, restrictToAnnotatedClass = false)
class ReportResourceTest {

    private static final String OUTCOMES = "/api/v1/reports/epa-outcomes";
    private static final String REGISTRATIONS = "/api/v1/reports/epa-registrations";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final LocalDate FROM = TODAY.minusDays(30);
    private static final String HEADER = "ReportingDate,AwardingOrganisation,AwardingOrganisationID,StandardTitle,"
            + "StandardID,AssessmentPlanVersionNumber,QualificationNumber,ULN,CandidateIdentifierOther,"
            + "Method1Name,Method1Grade,Method1Date,Method2Name,Method2Grade,Method2Date,"
            + "Method3Name,Method3Grade,Method3Date,OverallGrade,OverallGradeDate";

    @Inject
    AgroalDataSource database;

    private final String ukprn = TestIds.ukprn();
    private final String assessorUser = AssessmentApi.freshUser("reporter");
    private final String inPeriodUln = TestIds.uln();
    private String epao;
    private String otherEpao;
    private String inPeriod;
    private String twoMethods;
    private String incomplete;
    private String earlier;

    private String assessorToken() {
        return Tokens.token(assessorUser, Set.of("assessor"), Map.of("epao_id", epao));
    }

    private String register(String uln, String version, String assessorId) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "uln",
                uln,
                "familyName",
                "Lovelace",
                "standardVersion",
                version,
                "providerUkprn",
                ukprn,
                "employerId",
                TestIds.employerId(),
                "epaoId",
                epao,
                "gatewayDate",
                TODAY.minusDays(100).toString()));
        String id = as(Tokens.admin())
                .body(body)
                .when()
                .post("/api/v1/assessments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(Tokens.admin())
                .body(Map.of("assessorId", assessorId))
                .when()
                .put("/api/v1/assessments/" + id + "/assessor")
                .then()
                .statusCode(200);
        return id;
    }

    private void attempt(String id, String method, LocalDate date, String grade) {
        as(assessorToken())
                .body(Map.of(
                        "methodCode",
                        method,
                        "kind",
                        "first",
                        "date",
                        date.toString(),
                        "grade",
                        grade,
                        "reason",
                        "Observed against the grading criteria"))
                .when()
                .post("/api/v1/assessments/" + id + "/attempts")
                .then()
                .statusCode(201);
    }

    /** Seeds the test's organisation (RestAssured is pointed at the application only once a test runs). */
    @BeforeEach
    void seed() {
        epao = AssessmentApi.freshOrganisation("Reporting, Assessments Ltd");
        otherEpao = AssessmentApi.freshOrganisation("Other Org");
        String assessorId = AssessmentApi.assessor(epao, assessorUser, List.of(), List.of());
        inPeriod = register(inPeriodUln, "ST9999_1.0", assessorId);
        attempt(inPeriod, "PROJECT", TODAY.minusDays(90), "Pass");
        attempt(inPeriod, "TEST", TODAY.minusDays(80), "Merit");
        attempt(inPeriod, "INTERVIEW", TODAY.minusDays(10), "Distinction");
        twoMethods = register(TestIds.uln(), "ST1398_1.0", assessorId);
        attempt(twoMethods, "M1", TODAY.minusDays(90), "Distinction");
        attempt(twoMethods, "M2", TODAY.minusDays(5), "Distinction");
        incomplete = register(TestIds.uln(), "ST9999_1.0", assessorId);
        attempt(incomplete, "PROJECT", TODAY.minusDays(5), "Pass");
        earlier = register(TestIds.uln(), "ST9999_1.0", assessorId);
        attempt(earlier, "PROJECT", TODAY.minusDays(90), "Pass");
        attempt(earlier, "TEST", TODAY.minusDays(80), "Pass");
        attempt(earlier, "INTERVIEW", TODAY.minusDays(60), "Pass");
    }

    private ExtractableResponse<Response> csv(String token, String path, LocalDate from, LocalDate to) {
        return given().auth()
                .oauth2(token)
                .accept("text/csv")
                .queryParam("from", from.toString())
                .queryParam("to", to.toString())
                .queryParam("epaoId", epao)
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .extract();
    }

    private static Map<String, CSVRecord> records(String body) throws IOException {
        List<CSVRecord> records = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .get()
                .parse(new StringReader(body))
                .getRecords();
        return records.stream().collect(Collectors.toMap(r -> r.get("CandidateIdentifierOther"), r -> r));
    }

    @Test
    void outcomesAreCsvWithTheExactHeaderAndOneRowPerCompleteResultInThePeriod() throws IOException {
        ExtractableResponse<Response> response = csv(Tokens.admin(), OUTCOMES, FROM, TODAY);
        assertTrue(response.contentType().startsWith("text/csv"), response.contentType());
        assertEquals(
                "attachment; filename=epa-outcomes-" + FROM + "-" + TODAY + ".csv",
                response.header("Content-Disposition"));
        String body = response.asString();
        assertEquals(HEADER, body.substring(0, body.indexOf("\r\n")));
        Map<String, CSVRecord> rows = records(body);
        assertEquals(Set.of(inPeriod, twoMethods), rows.keySet(), "incomplete and earlier results are left out");
        CSVRecord row = rows.get(inPeriod);
        assertEquals(
                List.of(
                        TODAY.toString(),
                        "Reporting, Assessments Ltd",
                        epao,
                        "-2", // the catalogue has no version ST9999_1.0, so no title (StandardsPlanStub)
                        "ST9999",
                        "1.0",
                        "-2",
                        inPeriodUln,
                        inPeriod,
                        "Project",
                        "Pass",
                        TODAY.minusDays(90).toString(),
                        "Test",
                        "Merit",
                        TODAY.minusDays(80).toString(),
                        "Interview",
                        "Distinction",
                        TODAY.minusDays(10).toString(),
                        "Merit",
                        TODAY.minusDays(10).toString()),
                row.toList());
        CSVRecord two = rows.get(twoMethods);
        // The standard's title from the catalogue (StandardsPlanStub's ST1398_1.0), not its reference.
        assertEquals("Machine learning engineer", two.get("StandardTitle"));
        assertEquals("ST1398", two.get("StandardID"));
        assertEquals("-2", two.get("Method3Name"));
        assertEquals("-2", two.get("Method3Grade"));
        assertEquals("-2", two.get("Method3Date"));
        assertEquals("-2", two.get("QualificationNumber"));
        assertEquals("Distinction", two.get("OverallGrade"));
        assertEquals(TODAY.minusDays(5).toString(), two.get("OverallGradeDate"));
        // A wider period takes in the earlier result; wildcard Accept answers CSV too.
        String wider = given().auth()
                .oauth2(Tokens.admin())
                .accept("*/*")
                .queryParam("from", TODAY.minusDays(70).toString())
                .queryParam("to", TODAY.toString())
                .queryParam("epaoId", epao)
                .when()
                .get(OUTCOMES)
                .then()
                .statusCode(200)
                .header("Content-Type", startsWith("text/csv"))
                .extract()
                .asString();
        assertEquals(Set.of(inPeriod, twoMethods, earlier), records(wider).keySet());
        given().auth()
                .oauth2(Tokens.admin())
                .accept("application/xml")
                .queryParam("from", FROM.toString())
                .queryParam("to", TODAY.toString())
                .when()
                .get(OUTCOMES)
                .then()
                .statusCode(406);
    }

    /**
     * The export reads {@link ReportService#FETCH_SIZE} rows per round trip and builds an outcome from consecutive
     * attempt rows: an assessment whose attempts are split between two fetches is still one row, with every grade.
     * As many assessments as rows per fetch, three attempts each, put a fetch boundary inside an assessment three
     * times (seeded in SQL: thousands of API calls would only slow the test).
     */
    @Test
    void assessmentsWhoseAttemptsSpanFetchesAreOneRowEach() throws IOException, SQLException {
        int count = ReportService.FETCH_SIZE;
        List<String> ids = new ArrayList<>();
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement assessment = connection.prepareStatement("""
                            insert into assessment (id, assessment_organisation_id, uln, family_name, standard_version,
                                provider_ukprn, employer_id, gateway_date, period_end, created_at, created_by,
                                created_by_name, updated_at, updated_by, updated_by_name)
                            select ?, o.id, ?, 'Lovelace', 'ST9999_1.0', ?, 'EMP-FETCH', ?, ?, now(), 'test', 'test',
                                now(), 'test', 'test'
                            from assessment_organisation o where o.epao_id = ?""");
                    PreparedStatement attempt = connection.prepareStatement("""
                            insert into assessment_attempt (id, assessment_id, method_code, kind, attempt_date, grade,
                                employer_agreed, exceptional_circumstances, reason, recorded_at, recorded_by,
                                recorded_by_name)
                            values (?, ?, ?, 'first', ?, ?, false, false, 'test', now(), 'test', 'test')""")) {
                for (int i = 0; i < count; i++) {
                    UUID id = UUID.randomUUID();
                    ids.add(id.toString());
                    assessment.setObject(1, id);
                    assessment.setString(2, TestIds.uln());
                    assessment.setString(3, ukprn);
                    assessment.setObject(4, TODAY.minusDays(100));
                    assessment.setObject(5, TODAY.plusDays(100));
                    assessment.setString(6, epao);
                    assessment.addBatch();
                    String[][] attempts = {
                        {"PROJECT", "Pass", "29"}, {"TEST", "Merit", "28"}, {"INTERVIEW", "Distinction", "27"}
                    };
                    for (String[] a : attempts) {
                        attempt.setObject(1, UUID.randomUUID());
                        attempt.setObject(2, id);
                        attempt.setString(3, a[0]);
                        attempt.setObject(4, TODAY.minusDays(Integer.parseInt(a[2])));
                        attempt.setString(5, a[1]);
                        attempt.addBatch();
                    }
                }
                assessment.executeBatch();
                attempt.executeBatch();
            }
            connection.commit();
        }
        Map<String, CSVRecord> rows = records(
                csv(Tokens.admin(), OUTCOMES, TODAY.minusDays(29), TODAY).asString());
        // The seeded ones and the API-made results in the period (inPeriod and twoMethods), each exactly once.
        assertEquals(count + 2, rows.size());
        for (String id : ids) {
            CSVRecord row = rows.get(id);
            assertEquals(
                    List.of(
                            "Project",
                            "Pass",
                            TODAY.minusDays(29).toString(),
                            "Test",
                            "Merit",
                            TODAY.minusDays(28).toString(),
                            "Interview",
                            "Distinction",
                            TODAY.minusDays(27).toString(),
                            "Merit",
                            TODAY.minusDays(27).toString()),
                    row.toList().subList(9, 20),
                    id);
            assertEquals(epao, row.get("AwardingOrganisationID"));
            assertEquals("Reporting, Assessments Ltd", row.get("AwardingOrganisation"));
        }
    }

    @Test
    void jsonCarriesTheSameData() throws IOException {
        Map<String, CSVRecord> rows =
                records(csv(Tokens.admin(), OUTCOMES, FROM, TODAY).asString());
        List<Map<String, String>> json = given().auth()
                .oauth2(Tokens.admin())
                .accept("application/json")
                .queryParam("from", FROM.toString())
                .queryParam("to", TODAY.toString())
                .queryParam("epaoId", epao)
                .when()
                .get(OUTCOMES)
                .then()
                .statusCode(200)
                .header("Content-Type", startsWith("application/json"))
                .extract()
                .jsonPath()
                .getList("$");
        assertEquals(rows.size(), json.size());
        assertEquals(
                "Machine learning engineer",
                json.stream()
                        .filter(o -> o.get("CandidateIdentifierOther").equals(twoMethods))
                        .findFirst()
                        .orElseThrow()
                        .get("StandardTitle"));
        for (Map<String, String> object : json) {
            assertEquals(rows.get(object.get("CandidateIdentifierOther")).toMap(), object);
        }
    }

    @Test
    void badParametersAre400Problems() {
        String admin = Tokens.admin();
        given().auth()
                .oauth2(admin)
                .queryParam("to", TODAY.toString())
                .when()
                .get(OUTCOMES)
                .then()
                .spec(Problems.problem(400, "bad-request", "report-period-invalid"));
        given().auth()
                .oauth2(admin)
                .queryParam("from", "2026-13-01")
                .queryParam("to", TODAY.toString())
                .when()
                .get(OUTCOMES)
                .then()
                .spec(Problems.problem(400, "bad-request", "report-period-invalid"));
        given().auth()
                .oauth2(admin)
                .queryParam("from", TODAY.toString())
                .queryParam("to", FROM.toString())
                .when()
                .get(OUTCOMES)
                .then()
                .spec(Problems.problem(400, "bad-request", "report-period-invalid"));
        given().auth()
                .oauth2(admin)
                .queryParam("from", "2025-01-01")
                .queryParam("to", "2026-01-02")
                .when()
                .get(REGISTRATIONS)
                .then()
                .spec(Problems.problem(400, "bad-request", "report-period-invalid"));
    }

    @Test
    void assessorsReportOnlyOnTheirOwnOrganisationAndOthersAreRefused() throws IOException {
        assertEquals(
                Set.of(inPeriod, twoMethods),
                records(csv(assessorToken(), OUTCOMES, FROM, TODAY).asString()).keySet());
        given().auth()
                .oauth2(assessorToken())
                .queryParam("from", FROM.toString())
                .queryParam("to", TODAY.toString())
                .queryParam("epaoId", otherEpao)
                .when()
                .get(OUTCOMES)
                .then()
                .spec(Problems.problem(404, "not-found"));
        given().auth()
                .oauth2(Tokens.admin())
                .queryParam("from", FROM.toString())
                .queryParam("to", TODAY.toString())
                .queryParam("epaoId", TestIds.epaoId())
                .when()
                .get(OUTCOMES)
                .then()
                .spec(Problems.problem(404, "not-found"));
        given().auth()
                .oauth2(Tokens.tutor(ukprn))
                .queryParam("from", FROM.toString())
                .queryParam("to", TODAY.toString())
                .when()
                .get(OUTCOMES)
                .then()
                .spec(Problems.problem(403, "forbidden"));
        given().auth()
                .oauth2(Tokens.token("reg1", Set.of("regulator"), Map.of()))
                .accept("text/csv")
                .queryParam("from", FROM.toString())
                .queryParam("to", TODAY.toString())
                .when()
                .get(OUTCOMES)
                .then()
                .statusCode(200)
                .body(startsWith(HEADER));
    }

    @Test
    void registrationsListGatewaysInThePeriod() throws IOException {
        String body = csv(Tokens.admin(), REGISTRATIONS, TODAY.minusDays(100), TODAY.minusDays(100))
                .asString();
        assertEquals(
                "ReportingDate,AwardingOrganisation,AwardingOrganisationID,StandardTitle,StandardID,"
                        + "AssessmentPlanVersionNumber,QualificationNumber,ULN,CandidateIdentifierOther,EventType,EventDate",
                body.substring(0, body.indexOf("\r\n")));
        Map<String, CSVRecord> rows = records(body);
        assertEquals(Set.of(inPeriod, twoMethods, incomplete, earlier), rows.keySet());
        assertEquals("Registration", rows.get(twoMethods).get("EventType"));
        assertEquals("Machine learning engineer", rows.get(twoMethods).get("StandardTitle"));
        assertEquals("ST1398", rows.get(twoMethods).get("StandardID"));
        assertEquals("-2", rows.get(inPeriod).get("StandardTitle"), "no catalogue version, no title");
        assertEquals(TODAY.minusDays(100).toString(), rows.get(twoMethods).get("EventDate"));
        assertEquals("1.0", rows.get(twoMethods).get("AssessmentPlanVersionNumber"));
        List<Map<String, String>> json = given().auth()
                .oauth2(Tokens.admin())
                .accept("application/json")
                .queryParam("from", TODAY.minusDays(100).toString())
                .queryParam("to", TODAY.minusDays(100).toString())
                .queryParam("epaoId", epao)
                .when()
                .get(REGISTRATIONS)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        assertEquals(rows.size(), json.size());
        for (Map<String, String> object : json) {
            assertEquals(rows.get(object.get("CandidateIdentifierOther")).toMap(), object);
        }
        csv(Tokens.admin(), REGISTRATIONS, TODAY.minusDays(99), TODAY).asString();
        assertTrue(records(csv(Tokens.admin(), REGISTRATIONS, TODAY.minusDays(99), TODAY)
                        .asString())
                .isEmpty());
    }

    private static String body(String path, String accept, String epaoId, LocalDate from, LocalDate to) {
        return given().auth()
                .oauth2(Tokens.admin())
                .accept(accept)
                .queryParam("from", from.toString())
                .queryParam("to", to.toString())
                .queryParam("epaoId", epaoId)
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    @Test
    void csvQuotesValuesWithQuotesCommasAndLineBreaksAndJsonEscapesThem() {
        String name = "\"Quoted\" Assessors,\nLtd";
        String org = AssessmentApi.freshOrganisation(name);
        String uln = TestIds.uln();
        String id = AssessmentApi.registerLearner(org, uln, ukprn);
        LocalDate gateway = LocalDate.parse("2025-01-02"); // AssessmentApi.registerLearner's gateway date
        assertEquals(
                "ReportingDate,AwardingOrganisation,AwardingOrganisationID,StandardTitle,StandardID,"
                        + "AssessmentPlanVersionNumber,QualificationNumber,ULN,CandidateIdentifierOther,EventType,EventDate\r\n"
                        + "2025-01-02,\"\"\"Quoted\"\" Assessors,\nLtd\"," + org
                        + ",Machine learning engineer,ST1398,1.0,-2,"
                        + uln + "," + id + ",Registration,2025-01-02\r\n",
                body(REGISTRATIONS, "text/csv", org, gateway, gateway));
        assertEquals(
                "[{\"ReportingDate\":\"2025-01-02\",\"AwardingOrganisation\":\"\\\"Quoted\\\" Assessors,\\nLtd\","
                        + "\"AwardingOrganisationID\":\"" + org + "\",\"StandardTitle\":\"Machine learning engineer\","
                        + "\"StandardID\":\"ST1398\",\"AssessmentPlanVersionNumber\":\"1.0\",\"QualificationNumber\":\"-2\","
                        + "\"ULN\":\"" + uln + "\",\"CandidateIdentifierOther\":\"" + id
                        + "\",\"EventType\":\"Registration\","
                        + "\"EventDate\":\"2025-01-02\"}]",
                body(REGISTRATIONS, "application/json", org, gateway, gateway));
    }

    @Test
    void aPeriodWithoutRowsIsTheHeaderAloneOrAnEmptyArray() {
        LocalDate from = TODAY.minusDays(300);
        LocalDate to = TODAY.minusDays(200);
        assertEquals(HEADER + "\r\n", body(OUTCOMES, "text/csv", epao, from, to));
        assertEquals("[]", body(OUTCOMES, "application/json", epao, from, to));
        assertEquals("[]", body(REGISTRATIONS, "application/json", epao, from, to));
        String registrations = body(REGISTRATIONS, "text/csv", epao, from, to);
        assertTrue(registrations.startsWith("ReportingDate,")
                && registrations.indexOf("\r\n") == registrations.length() - 2);
    }

    @Test
    void badParametersOnEitherReportAre400ProblemsAndBadOrganisationsAre404() {
        String from = FROM.toString();
        String to = TODAY.toString();
        List<Map<String, String>> invalid = List.of(
                Map.of("from", from), // no end
                Map.of("from", "yesterday", "to", to),
                Map.of("from", from, "to", to, "epaoId", "EPA12"),
                Map.of("from", to, "to", from)); // ends before it starts
        for (String path : List.of(OUTCOMES, REGISTRATIONS)) {
            for (Map<String, String> parameters : invalid) {
                for (String accept : List.of("text/csv", "application/json")) {
                    given().auth()
                            .oauth2(Tokens.admin())
                            .queryParams(parameters)
                            .accept(accept)
                            .when()
                            .get(path)
                            .then()
                            .spec(Problems.problem(400, "bad-request", "report-period-invalid"));
                }
            }
            given().auth()
                    .oauth2(Tokens.admin())
                    .queryParams(Map.of("from", from, "to", to, "epaoId", TestIds.epaoId()))
                    .when()
                    .get(path)
                    .then()
                    .spec(Problems.problem(404, "not-found"));
        }
    }
}
