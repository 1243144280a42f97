package uk.apprenticeships.st1398.assessment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static uk.apprenticeships.st1398.assessment.AssessmentApi.as;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/**
 * The gateway to completion: readiness from the plan and evidence-service (WireMock), waivers, declarations and
 * submissions. Each test takes its organisations, ULNs, providers, employers and evidence-service apprentice ids from
 * TestIds: the database and the evidence-service stub are shared. Every refused write is followed by a check that
 * nothing changed.
 */
@QuarkusTest
@QuarkusTestResource(value = StandardsPlanStub.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = EvidenceServiceStub.class, restrictToAnnotatedClass = false)
class GatewayResourceTest {

    private static final String ASSESSMENTS = "/api/v1/assessments";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final List<String> ST1398_KSBS = List.of("K1", "K2", "S1", "S2", "S3", "B1", "B2");

    private static WireMock evidence() {
        URI url = URI.create(ConfigProvider.getConfig().getValue("quarkus.rest-client.evidence.url", String.class));
        return new WireMock(url.getHost(), url.getPort());
    }

    /** A fresh evidence-service apprentice id (24 hex digits, as MongoDB's). */
    private static String apprenticeId() {
        return "%024x".formatted(Long.parseLong(TestIds.suffix(), 36));
    }

    /** An ST1398 learner: the registration, its evidence-service apprentice and the tenants it belongs to. */
    private record Learner(
            String id, String apprenticeId, String uln, String ukprn, String employerId, String epaoId) {}

    private static String assessorToken(String epaoId) {
        return Tokens.token("assessor-" + epaoId, Set.of("assessor"), Map.of("epao_id", epaoId));
    }

    /** An apprentice on programme in evidence-service, with the provider and employer of its registration. */
    private static void apprentice(
            String id,
            String uln,
            String ukprn,
            String employerId,
            String version,
            LocalDate dateOfBirth,
            LocalDate start) {
        evidence().register(get(urlEqualTo("/api/v1/apprentices/" + id)).willReturn(okJson("""
                {"id":"%s","uln":"%s","givenName":"Ada","familyName":"Lovelace","dateOfBirth":"%s",
                 "providerUkprn":"%s","employerId":"%s","standardVersion":"%s","startDate":"%s",
                 "plannedEndDate":"%s","status":"active","statusHistory":[],"createdAt":"2025-01-01T00:00:00Z"}
                """.formatted(
                        id, uln, dateOfBirth, ukprn, employerId, version, start, start.plusYears(2)))));
    }

    /** KSB coverage: every code covered except those listed as missing. */
    private static void coverage(String id, String version, List<String> ksbs, List<String> missing) {
        String items = ksbs.stream()
                .map(k -> "{\"code\":\"%s\",\"status\":\"%s\",\"acceptedEvidenceCount\":%d}"
                        .formatted(k, missing.contains(k) ? "gap" : "covered", missing.contains(k) ? 0 : 2))
                .collect(Collectors.joining(","));
        evidence()
                .register(get(urlEqualTo("/api/v1/apprentices/" + id + "/coverage"))
                        .willReturn(
                                okJson("""
                {"apprenticeId":"%s","standardVersion":"%s","totalKsbs":%d,"coveredKsbs":%d,"inProgressKsbs":0,
                 "percentageCovered":0,"gaps":[],"ksbs":[%s]}
                """.formatted(id, version, ksbs.size(), ksbs.size() - missing.size(), items))));
    }

    private static void hours(String id, String approved, String pending, String required) {
        evidence()
                .register(get(urlEqualTo("/api/v1/apprentices/" + id + "/off-the-job/summary"))
                        .willReturn(okJson("""
                        {"apprenticeId":"%s","approvedHours":%s,"pendingHours":%s,"requiredHours":%s,
                         "calculation":"fixed","requirementUnavailable":null}
                        """.formatted(id, approved, pending, required))));
    }

    private static String register(
            String uln, String version, String ukprn, String employerId, String epaoId, String apprenticeId) {
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
                employerId,
                "epaoId",
                epaoId));
        if (apprenticeId != null) {
            body.put("apprenticeId", apprenticeId);
        }
        return as(Tokens.admin())
                .body(body)
                .when()
                .post(ASSESSMENTS)
                .then()
                .statusCode(201)
                .body("gatewayDate", nullValue())
                .body("assessmentPeriodEnd", nullValue())
                .extract()
                .path("id");
    }

    private static ValidatableResponse readiness(String token, String id) {
        return as(token)
                .when()
                .get(ASSESSMENTS + "/" + id + "/gateway/readiness")
                .then();
    }

    /** item → status of a readiness answer. */
    private static Map<String, String> statuses(ValidatableResponse response) {
        JsonPath json = response.statusCode(200).extract().jsonPath();
        Map<String, String> statuses = new LinkedHashMap<>();
        List<String> items = json.getList("items.item");
        List<String> values = json.getList("items.status");
        for (int i = 0; i < items.size(); i++) {
            statuses.put(items.get(i), values.get(i));
        }
        return statuses;
    }

    private static ValidatableResponse declare(String token, String id, String item) {
        return as(token)
                .body(Map.of(
                        "item",
                        item,
                        "declaredBy",
                        "Sam Patel, line manager",
                        "declaredOn",
                        TODAY.minusDays(3).toString(),
                        "reference",
                        "REF-" + item))
                .when()
                .post(ASSESSMENTS + "/" + id + "/gateway/declarations")
                .then();
    }

    private static ValidatableResponse waive(String token, String id, Map<String, Object> body) {
        return as(token)
                .body(body)
                .when()
                .post(ASSESSMENTS + "/" + id + "/gateway/waivers")
                .then();
    }

    private static ValidatableResponse submit(String token, String id) {
        return as(token)
                .body(Map.of("note", "Ready, we think"))
                .when()
                .post(ASSESSMENTS + "/" + id + "/gateway/submissions")
                .then();
    }

    private static ValidatableResponse decide(
            String token, String id, int attempt, String item, String decision, String reason) {
        Map<String, Object> body = new HashMap<>(Map.of("decision", decision));
        if (reason != null) {
            body.put("reason", reason);
        }
        return as(token)
                .body(body)
                .when()
                .post(ASSESSMENTS + "/" + id + "/gateway/submissions/" + attempt + "/components/" + item + "/decision")
                .then();
    }

    private static int count(String id, String list) {
        return as(Tokens.admin())
                .when()
                .get(ASSESSMENTS + "/" + id + "/gateway/" + list)
                .then()
                .statusCode(200)
                .extract()
                .path("totalItems");
    }

    private static String history(String id) {
        return as(Tokens.admin())
                .when()
                .get(ASSESSMENTS + "/" + id + "/gateway/submissions")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    /**
     * A 17-year-old ST1398 apprentice who started 14 months ago, with coverage gaps and too few hours, registered
     * with a fresh organisation, provider and employer.
     */
    private static Learner st1398() {
        String epaoId = AssessmentApi.freshOrganisation();
        String ukprn = TestIds.ukprn();
        String employerId = TestIds.employerId();
        String uln = TestIds.uln();
        String apprenticeId = apprenticeId();
        LocalDate start = TODAY.minusMonths(14);
        apprentice(
                apprenticeId,
                uln,
                ukprn,
                employerId,
                "ST1398_1.0",
                start.minusYears(17).minusDays(10),
                start);
        coverage(apprenticeId, "ST1398_1.0", ST1398_KSBS, List.of("S3", "B2"));
        hours(apprenticeId, "120.50", "7.5", "418");
        String id = register(uln, "ST1398_1.0", ukprn, employerId, epaoId, apprenticeId);
        return new Learner(id, apprenticeId, uln, ukprn, employerId, epaoId);
    }

    @Test
    void readinessExplainsEveryItemOfThePlanWithTheNumbers() {
        Learner learner = st1398();
        String id = learner.id();
        String tutor = Tokens.tutor(learner.ukprn());
        ValidatableResponse response = readiness(tutor, id);
        assertEquals(
                Map.of(
                        "employer-confirmation",
                        "failed",
                        "project-scope-sign-off",
                        "failed",
                        "coverage",
                        "failed",
                        "english-and-maths",
                        "failed",
                        "off-the-job-hours",
                        "failed",
                        "minimum-time-in-learning",
                        "passed"),
                statuses(response));
        response.body("ready", Matchers.equalTo(false))
                .body(
                        "items.item",
                        contains(
                                "employer-confirmation",
                                "project-scope-sign-off",
                                "coverage",
                                "english-and-maths",
                                "off-the-job-hours",
                                "minimum-time-in-learning"))
                .body(
                        "items.find { it.item == 'coverage' }.reason",
                        Matchers.equalTo("5 of 7 KSBs have accepted evidence; missing S3, B2."))
                .body("items.find { it.item == 'coverage' }.details.missing", contains("S3", "B2"))
                .body("items.find { it.item == 'coverage' }.requirement", Matchers.equalTo("PORTFOLIO_MAPPED_TO_KSBS"))
                .body(
                        "items.find { it.item == 'off-the-job-hours' }.reason",
                        Matchers.equalTo(
                                "120.5 of 418 required off-the-job hours approved (7.5 pending); 297.5 short."))
                .body("items.find { it.item == 'english-and-maths' }.details.ageAtStart", Matchers.equalTo(17))
                .body(
                        "items.find { it.item == 'minimum-time-in-learning' }.details.monthsInLearning",
                        Matchers.equalTo(14))
                .body(
                        "items.find { it.item == 'employer-confirmation' }.reason",
                        containsString("No declaration recorded yet"));
        // evidence-service was asked with the caller's own token, so its tenant rules applied.
        evidence()
                .verifyThat(getRequestedFor(urlEqualTo("/api/v1/apprentices/" + learner.apprenticeId() + "/coverage"))
                        .withHeader("Authorization", equalTo("Bearer " + tutor)));

        // Declarations, a waiver and the missing evidence make the apprentice ready.
        declare(tutor, id, "employer-confirmation")
                .statusCode(201)
                .body("kind", Matchers.equalTo("declaration"))
                .body("recordedBy", Matchers.equalTo("tutor-" + learner.ukprn() + "-subject"));
        declare(tutor, id, "project-scope-sign-off").statusCode(201);
        waive(
                        assessorToken(learner.epaoId()),
                        id,
                        Map.of(
                                "item",
                                "english-and-maths",
                                "reason",
                                "Level 2 achieved abroad; exemption evidence checked"))
                .statusCode(201)
                .body("kind", Matchers.equalTo("waiver"));
        coverage(learner.apprenticeId(), "ST1398_1.0", ST1398_KSBS, List.of());
        hours(learner.apprenticeId(), "420", "0", "418");
        readiness(tutor, id)
                .statusCode(200)
                .body("ready", Matchers.equalTo(true))
                .body("items.find { it.item == 'english-and-maths' }.status", Matchers.equalTo("waived"))
                .body(
                        "items.find { it.item == 'english-and-maths' }.waiver.by",
                        Matchers.equalTo("assessor-" + learner.epaoId() + "-subject"))
                .body(
                        "items.find { it.item == 'english-and-maths' }.waiver.reason",
                        containsString("exemption evidence"))
                .body(
                        "items.find { it.item == 'employer-confirmation' }.declaration.declaredBy",
                        Matchers.equalTo("Sam Patel, line manager"))
                .body(
                        "items.find { it.item == 'coverage' }.reason",
                        Matchers.equalTo("7 of 7 KSBs have accepted evidence."));
    }

    @Test
    void englishAndMathsAppliesOnlyToApprenticesAged16To18AtStart() {
        String epaoId = AssessmentApi.freshOrganisation();
        String ukprn = TestIds.ukprn();
        String employerId = TestIds.employerId();
        LocalDate start = LocalDate.of(2025, 9, 1);
        Map<String, String> byCase = new LinkedHashMap<>();
        // 19th birthday on the start date: 19, not applicable; the day after: still 18, applicable.
        byCase.put("19 on the day", "not-applicable");
        byCase.put("18, 19 tomorrow", "failed");
        byCase.put("16 on the day", "failed");
        byCase.put("15, 16 tomorrow", "not-applicable");
        List<LocalDate> births = List.of(
                start.minusYears(19),
                start.minusYears(19).plusDays(1),
                start.minusYears(16),
                start.minusYears(16).plusDays(1));
        List<String> expected = new ArrayList<>(byCase.values());
        for (int i = 0; i < births.size(); i++) {
            String uln = TestIds.uln();
            String apprenticeId = apprenticeId();
            apprentice(apprenticeId, uln, ukprn, employerId, "ST1398_1.0", births.get(i), start);
            coverage(apprenticeId, "ST1398_1.0", ST1398_KSBS, List.of());
            hours(apprenticeId, "500", "0", "418");
            String id = register(uln, "ST1398_1.0", ukprn, employerId, epaoId, apprenticeId);
            assertEquals(
                    expected.get(i),
                    statuses(readiness(Tokens.tutor(ukprn), id)).get("english-and-maths"),
                    new ArrayList<>(byCase.keySet()).get(i));
        }
    }

    @Test
    void anotherStandardsPlanGivesOtherItemsWithoutCodeChanges() {
        String epaoId = AssessmentApi.freshOrganisation();
        String ukprn = TestIds.ukprn();
        String employerId = TestIds.employerId();
        String uln = TestIds.uln();
        String apprenticeId = apprenticeId();
        LocalDate start = TODAY.minusMonths(6);
        apprentice(apprenticeId, uln, ukprn, employerId, "ST8888_1.0", start.minusYears(17), start);
        coverage(apprenticeId, "ST8888_1.0", List.of("K1", "S1"), List.of());
        hours(apprenticeId, "150", "10", "200");
        String id = register(uln, "ST8888_1.0", ukprn, employerId, epaoId, apprenticeId);
        String tutor = Tokens.tutor(ukprn);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("coverage", "passed");
        expected.put("safeguarding-course", "failed");
        expected.put("driving-licence", "not-applicable");
        expected.put("off-the-job-hours", "failed");
        expected.put("minimum-time-in-learning", "failed");
        assertEquals(expected, statuses(readiness(tutor, id)));
        readiness(tutor, id)
                .body(
                        "items.find { it.item == 'driving-licence' }.reason",
                        Matchers.equalTo(
                                "Applies to apprentices aged 21 or over at the start; this apprentice was 17 on "
                                        + start + "."))
                .body(
                        "items.find { it.item == 'minimum-time-in-learning' }.reason",
                        containsString("the minimum for starts from 2025-08-01 is 8 months, reached on "
                                + start.plusMonths(8)));
        declare(tutor, id, "safeguarding-course").statusCode(201);
        assertEquals("passed", statuses(readiness(tutor, id)).get("safeguarding-course"));
        // ST1398's items are not this plan's.
        int before = count(id, "waivers");
        waive(Tokens.admin(), id, Map.of("item", "english-and-maths", "reason", "x"))
                .spec(Problems.problem(422, "unprocessable"))
                .body("code", Matchers.equalTo("unknown-item"))
                .body(
                        "validItems",
                        contains(
                                "coverage",
                                "safeguarding-course",
                                "driving-licence",
                                "off-the-job-hours",
                                "minimum-time-in-learning"));
        assertEquals(before, count(id, "waivers"));
    }

    @Test
    void aPlansOwnThresholdsDecideReadinessWithoutCodeChanges() {
        // ST7777's plan: 80% of the KSBs and K1 and B1; 6 months in learning for any start date.
        String epaoId = AssessmentApi.freshOrganisation();
        String ukprn = TestIds.ukprn();
        String employerId = TestIds.employerId();
        String uln = TestIds.uln();
        List<String> ten = List.of("K1", "K2", "K3", "K4", "S1", "S2", "S3", "S4", "B1", "B2");
        LocalDate start = TODAY.minusMonths(6);
        String exactly = apprenticeId();
        apprentice(exactly, uln, ukprn, employerId, "ST7777_1.0", start.minusYears(30), start);
        coverage(exactly, "ST7777_1.0", ten, List.of("K2", "S2"));
        String id = register(uln, "ST7777_1.0", ukprn, employerId, epaoId, exactly);
        String tutor = Tokens.tutor(ukprn);
        readiness(tutor, id)
                .statusCode(200)
                .body("ready", Matchers.equalTo(true))
                .body("items.item", contains("evidence-portfolio", "minimum-time-in-learning"))
                .body("items.status", contains("passed", "passed"))
                .body("items[0].requirement", Matchers.equalTo("EVIDENCE_PORTFOLIO"))
                .body(
                        "items[0].reason",
                        Matchers.equalTo("8 of 10 KSBs have accepted evidence (80%); the plan "
                                + "requires at least 80% and K1, B1 covered."))
                .body("items[0].details.minimumCoveragePercent", Matchers.equalTo(80))
                .body("items[0].details.coveragePercent", Matchers.equalTo(80))
                .body("items[0].details.requiredKsbCodes", contains("K1", "B1"))
                .body(
                        "items[1].reason",
                        Matchers.equalTo("In learning 6 whole months since " + start + "; the "
                                + "minimum for starts on any date is 6 months, reached on " + start.plusMonths(6)
                                + "."))
                .body("items[1].details.minimumMonths", Matchers.equalTo(6));

        String otherEpaoId = AssessmentApi.freshOrganisation();
        String otherUkprn = TestIds.ukprn();
        String otherEmployerId = TestIds.employerId();
        String otherUln = TestIds.uln();
        LocalDate later = TODAY.minusMonths(6).plusDays(1);
        String shortOf = apprenticeId();
        apprentice(shortOf, otherUln, otherUkprn, otherEmployerId, "ST7777_1.0", later.minusYears(30), later);
        coverage(shortOf, "ST7777_1.0", ten, List.of("K2", "S2", "B1"));
        String other = register(otherUln, "ST7777_1.0", otherUkprn, otherEmployerId, otherEpaoId, shortOf);
        readiness(Tokens.tutor(otherUkprn), other)
                .statusCode(200)
                .body("ready", Matchers.equalTo(false))
                .body("items.status", contains("failed", "failed"))
                .body(
                        "items[0].reason",
                        Matchers.equalTo("7 of 10 KSBs have accepted evidence (70%); the plan "
                                + "requires at least 80% and K1, B1 covered; below 80%; required B1 not covered."))
                .body("items[0].details.missingRequiredKsbCodes", contains("B1"))
                .body(
                        "items[1].details.minimumMetOn",
                        Matchers.equalTo(later.plusMonths(6).toString()));
        // The coverage item is never declared, whatever the plan calls it.
        int before = count(other, "declarations");
        declare(Tokens.tutor(otherUkprn), other, "evidence-portfolio")
                .spec(Problems.problem(422, "unprocessable"))
                .body("code", Matchers.equalTo("item-not-declared"));
        assertEquals(before, count(other, "declarations"));
    }

    @Test
    void aSubmissionIsRefusedUnlessReadyAndDecidedComponentByComponent() {
        Learner learner = st1398();
        String id = learner.id();
        String tutor = Tokens.tutor(learner.ukprn());
        String assessor = assessorToken(learner.epaoId());
        submit(tutor, id)
                .spec(Problems.problem(422, "unprocessable"))
                .body("code", Matchers.equalTo("not-ready"))
                .body(
                        "failingItems.item",
                        contains(
                                "employer-confirmation",
                                "project-scope-sign-off",
                                "coverage",
                                "english-and-maths",
                                "off-the-job-hours"))
                .body("failingItems.find { it.item == 'coverage' }.reason", containsString("missing S3, B2"));
        assertEquals(0, count(id, "submissions"));

        declare(tutor, id, "employer-confirmation").statusCode(201);
        declare(tutor, id, "project-scope-sign-off").statusCode(201);
        declare(tutor, id, "english-and-maths").statusCode(201);
        coverage(learner.apprenticeId(), "ST1398_1.0", ST1398_KSBS, List.of());
        hours(learner.apprenticeId(), "418", "0", "418");
        List<String> items = List.of(
                "employer-confirmation",
                "project-scope-sign-off",
                "coverage",
                "english-and-maths",
                "off-the-job-hours",
                "minimum-time-in-learning");
        submit(tutor, id)
                .statusCode(201)
                .header("Location", Matchers.endsWith("/gateway/submissions/1"))
                .body("attempt", Matchers.equalTo(1))
                .body("status", Matchers.equalTo("submitted"))
                .body("components.item", Matchers.equalTo(items))
                .body("components.decision", Matchers.everyItem(nullValue()))
                .body("readiness.ready", Matchers.equalTo(true));
        String before = history(id);
        submit(tutor, id).spec(Problems.problem(409, "conflict")).body("code", Matchers.equalTo("submission-pending"));

        // Bad decisions change nothing.
        decide(assessor, id, 1, "coverage", "rejected", null).spec(Problems.invalid("reason"));
        decide(assessor, id, 1, "coverage", "maybe", "x").spec(Problems.invalid("decision"));
        decide(assessor, id, 1, "no-such-item", "accepted", null).spec(Problems.problem(404, "not-found"));
        decide(assessor, id, 1, "Bad_Item", "accepted", null).spec(Problems.problem(400, "validation-failed"));
        decide(assessor, id, 2, "coverage", "accepted", null).spec(Problems.problem(404, "not-found"));
        decide(tutor, id, 1, "coverage", "accepted", null).statusCode(403);
        decide(assessorToken(TestIds.epaoId()), id, 1, "coverage", "accepted", null)
                .spec(Problems.problem(404, "not-found"));
        assertEquals(before, history(id));

        decide(assessor, id, 1, "coverage", "accepted", null)
                .statusCode(200)
                .body("status", Matchers.equalTo("submitted"))
                .body(
                        "components.find { it.item == 'coverage' }.decision.decidedBy",
                        Matchers.equalTo("assessor-" + learner.epaoId() + "-subject"));
        decide(assessor, id, 1, "coverage", "rejected", "Second thoughts")
                .spec(Problems.problem(409, "conflict"))
                .body("code", Matchers.equalTo("component-decided"));
        decide(assessor, id, 1, "employer-confirmation", "rejected", "The confirmation is unsigned")
                .statusCode(200)
                .body("status", Matchers.equalTo("rejected"));
        decide(assessor, id, 1, "english-and-maths", "accepted", null)
                .spec(Problems.problem(409, "conflict"))
                .body("code", Matchers.equalTo("submission-decided"));
        as(Tokens.admin()).when().get(ASSESSMENTS + "/" + id).then().body("gatewayDate", nullValue());

        // The next submission is attempt 2; accepting every component passes the gateway.
        declare(tutor, id, "employer-confirmation").statusCode(201);
        submit(tutor, id).statusCode(201).body("attempt", Matchers.equalTo(2));
        for (String item : items) {
            decide(Tokens.admin(), id, 2, item, "accepted", null).statusCode(200);
        }
        as(Tokens.admin())
                .when()
                .get(ASSESSMENTS + "/" + id + "/gateway/submissions")
                .then()
                .statusCode(200)
                .body("totalItems", Matchers.equalTo(2))
                .body("items.attempt", contains(1, 2))
                .body("items.status", contains("rejected", "accepted"))
                .body(
                        "items[0].components.find { it.item == 'employer-confirmation' }.decision.reason",
                        Matchers.equalTo("The confirmation is unsigned"))
                .body("items[0].components.find { it.item == 'english-and-maths' }.decision", nullValue())
                .body("items[1].components.decision.decision", Matchers.everyItem(Matchers.equalTo("accepted")))
                .body("items[1].readiness.items", hasSize(6));
        as(Tokens.admin())
                .when()
                .get(ASSESSMENTS + "/" + id)
                .then()
                .body("gatewayDate", Matchers.equalTo(TODAY.toString()))
                .body(
                        "assessmentPeriodEnd",
                        Matchers.equalTo(TODAY.plusMonths(4).toString()));
        submit(tutor, id).spec(Problems.problem(409, "conflict")).body("code", Matchers.equalTo("gateway-passed"));
        assertEquals(2, count(id, "submissions"));
    }

    @Test
    void gatewayRecordsAndSubmissionsRecordTheirEventsAndRefusedOnesNone() throws Exception {
        Learner learner = st1398();
        String id = learner.id();
        String tutor = Tokens.tutor(learner.ukprn());
        waive(assessorToken(learner.epaoId()), id, Map.of("item", "english-and-maths", "reason", "Exempt"))
                .statusCode(201);
        declare(tutor, id, "employer-confirmation").statusCode(201);
        declare(tutor, id, "project-scope-sign-off").statusCode(201);
        declare(tutor, id, "coverage").statusCode(422); // refused: no event
        coverage(learner.apprenticeId(), "ST1398_1.0", ST1398_KSBS, List.of());
        hours(learner.apprenticeId(), "418", "0", "418");
        List<String> items = submit(tutor, id).statusCode(201).extract().path("components.item");
        List<com.fasterxml.jackson.databind.JsonNode> events = AssessmentEventsTest.events(learner.uln(), 5);
        assertEquals(
                List.of(
                        "assessment.registered",
                        "assessment.gateway-recorded",
                        "assessment.gateway-recorded",
                        "assessment.gateway-recorded",
                        "assessment.gateway-submitted"),
                AssessmentEventsTest.types(events));
        assertEquals("waiver", events.get(1).get("data").get("kind").asText());
        assertEquals("english-and-maths", events.get(1).get("data").get("item").asText());
        assertEquals("declaration", events.get(2).get("data").get("kind").asText());
        assertEquals(
                TODAY.minusDays(3).toString(),
                events.get(2).get("data").get("declaredOn").asText());
        com.fasterxml.jackson.databind.JsonNode submitted = events.get(4).get("data");
        assertEquals(1, submitted.get("submission").asInt());
        assertEquals(
                items,
                new com.fasterxml.jackson.databind.ObjectMapper().convertValue(submitted.get("items"), List.class));
        String text = events.toString();
        assertFalse(text.contains("Sam Patel") || text.contains("REF-") || text.contains("Exempt"), "no free text");
    }

    @Test
    void noGradedAttemptBeforeTheGatewayIsPassed() {
        String epaoId = AssessmentApi.freshOrganisation();
        String ukprn = TestIds.ukprn();
        String assessorId = as(Tokens.admin())
                .body(Map.of("userId", "assessor-" + epaoId + "-subject", "name", "Ann"))
                .when()
                .post("/api/v1/assessment-organisations/" + epaoId + "/assessors")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String id = register(TestIds.uln(), "ST1398_1.0", ukprn, TestIds.employerId(), epaoId, null);
        as(Tokens.admin())
                .body(Map.of("assessorId", assessorId))
                .when()
                .put(ASSESSMENTS + "/" + id + "/assessor")
                .then()
                .statusCode(200);
        as(assessorToken(epaoId))
                .body(Map.of(
                        "methodCode",
                        "M1",
                        "kind",
                        "first",
                        "date",
                        TODAY.toString(),
                        "grade",
                        "Pass",
                        "reason",
                        "Observed"))
                .when()
                .post(ASSESSMENTS + "/" + id + "/attempts")
                .then()
                .spec(Problems.problem(422, "unprocessable"))
                .body("code", Matchers.equalTo("gateway-not-passed"));
        as(Tokens.admin())
                .when()
                .get(ASSESSMENTS + "/" + id + "/attempts")
                .then()
                .body("totalItems", Matchers.equalTo(0));
        // Without the evidence-service id readiness cannot be checked.
        readiness(Tokens.tutor(ukprn), id)
                .spec(Problems.problem(422, "unprocessable"))
                .body("code", Matchers.equalTo("no-apprentice-link"));
    }

    @Test
    void waiversAreTheOrganisationsAndNeverChangedInPlace() {
        Learner learner = st1398();
        String id = learner.id();
        String assessor = assessorToken(learner.epaoId());
        String tutor = Tokens.tutor(learner.ukprn());
        String employer = Tokens.employer(learner.employerId());
        Map<String, Object> waiver = Map.of("item", "english-and-maths", "reason", "Exempt");
        waive(tutor, id, waiver).spec(Problems.problem(403, "forbidden"));
        waive(employer, id, waiver).statusCode(403);
        waive(assessorToken(TestIds.epaoId()), id, waiver).spec(Problems.problem(404, "not-found"));
        waive(assessor, id, Map.of("item", "english-and-maths")).spec(Problems.invalid("reason"));
        waive(assessor, id, Map.of("item", "english-and-maths", "reason", " ")).spec(Problems.invalid("reason"));
        waive(assessor, id, Map.of("item", "english-and-maths", "reason", "x", "action", "forget"))
                .spec(Problems.invalid("action"));
        waive(assessor, id, Map.of("item", "Nonsense!", "reason", "x")).spec(Problems.invalid("item"));
        waive(assessor, id, Map.of("item", "no-such-item", "reason", "x"))
                .spec(Problems.problem(422, "unprocessable"))
                .body("code", Matchers.equalTo("unknown-item"));
        waive(assessor, id, Map.of("item", "english-and-maths", "reason", "x", "action", "withdraw"))
                .spec(Problems.problem(409, "conflict"))
                .body("code", Matchers.equalTo("not-waived"));
        assertEquals(0, count(id, "waivers"));

        waive(assessor, id, waiver).statusCode(201);
        waive(assessor, id, waiver)
                .spec(Problems.problem(409, "conflict"))
                .body("code", Matchers.equalTo("already-waived"));
        assertEquals("waived", statuses(readiness(tutor, id)).get("english-and-maths"));
        waive(
                        Tokens.admin(),
                        id,
                        Map.of("item", "english-and-maths", "reason", "Exemption not evidenced", "action", "withdraw"))
                .statusCode(201)
                .body("kind", Matchers.equalTo("waiver-withdrawal"));
        assertEquals("failed", statuses(readiness(tutor, id)).get("english-and-maths"));
        as(employer)
                .when()
                .get(ASSESSMENTS + "/" + id + "/gateway/waivers")
                .then()
                .statusCode(200)
                .body("items.kind", contains("waiver", "waiver-withdrawal"))
                .body("items.reason", contains("Exempt", "Exemption not evidenced"));
        as(Tokens.admin())
                .when()
                .get(ASSESSMENTS + "/" + id + "/gateway/waivers?size=0")
                .then()
                .statusCode(400);
    }

    @Test
    void declarationsAreTheProvidersOrTheEmployersOwnConfirmation() {
        Learner learner = st1398();
        String id = learner.id();
        String employer = Tokens.employer(learner.employerId());
        String tutor = Tokens.tutor(learner.ukprn());
        declare(employer, id, "employer-confirmation")
                .statusCode(201)
                .body("recordedBy", Matchers.equalTo("employer-" + learner.employerId() + "-subject"));
        declare(employer, id, "project-scope-sign-off").spec(Problems.problem(403, "forbidden"));
        declare(Tokens.employer(TestIds.employerId()), id, "project-scope-sign-off")
                .spec(Problems.problem(404, "not-found"));
        declare(Tokens.tutor(TestIds.ukprn()), id, "project-scope-sign-off").spec(Problems.problem(404, "not-found"));
        declare(assessorToken(learner.epaoId()), id, "project-scope-sign-off").statusCode(403);
        declare(tutor, id, "coverage")
                .spec(Problems.problem(422, "unprocessable"))
                .body("code", Matchers.equalTo("item-not-declared"));
        as(tutor)
                .body(Map.of(
                        "item",
                        "project-scope-sign-off",
                        "declaredBy",
                        "Sam",
                        "declaredOn",
                        TODAY.plusDays(1).toString()))
                .when()
                .post(ASSESSMENTS + "/" + id + "/gateway/declarations")
                .then()
                .spec(Problems.invalid("declaredOn"));
        as(tutor)
                .body(Map.of("item", "project-scope-sign-off"))
                .when()
                .post(ASSESSMENTS + "/" + id + "/gateway/declarations")
                .then()
                .spec(Problems.invalid("declaredBy"));
        assertEquals(1, count(id, "declarations"));
        as(tutor)
                .when()
                .get(ASSESSMENTS + "/" + id + "/gateway/declarations")
                .then()
                .body("items.item", contains("employer-confirmation"));
    }

    @Test
    void evidenceServiceAnswersBecomeOurProblems() {
        String epaoId = AssessmentApi.freshOrganisation();
        String ukprn = TestIds.ukprn();
        String employerId = TestIds.employerId();
        String tutor = Tokens.tutor(ukprn);
        // Down: connection reset.
        String down = apprenticeId();
        evidence()
                .register(get(urlEqualTo("/api/v1/apprentices/" + down))
                        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        String id = register(TestIds.uln(), "ST1398_1.0", ukprn, employerId, epaoId, down);
        readiness(tutor, id)
                .spec(Problems.problem(503, "service-unavailable", "downstream-unavailable"))
                .body("downstream", Matchers.equalTo("evidence-service"));
        submit(tutor, id).spec(Problems.problem(503, "service-unavailable", "downstream-unavailable"));
        assertEquals(0, count(id, "submissions"));
        // Slow: no answer within the guard's timeout (1.5 s in tests).
        String slow = apprenticeId();
        evidence()
                .register(get(urlEqualTo("/api/v1/apprentices/" + slow))
                        .willReturn(okJson("{}").withFixedDelay(4000)));
        readiness(tutor, register(TestIds.uln(), "ST1398_1.0", ukprn, employerId, epaoId, slow))
                .spec(Problems.problem(504, "gateway-timeout", "downstream-timeout"))
                .body("downstream", Matchers.equalTo("evidence-service"));
        // Failing: 500.
        String failing = apprenticeId();
        evidence()
                .register(get(urlEqualTo("/api/v1/apprentices/" + failing))
                        .willReturn(aResponse().withStatus(500)));
        readiness(tutor, register(TestIds.uln(), "ST1398_1.0", ukprn, employerId, epaoId, failing))
                .spec(Problems.problem(503, "service-unavailable", "downstream-unavailable"));
        // Unknown to evidence-service (or not the caller's): 404.
        String unknown = apprenticeId();
        evidence()
                .register(get(urlEqualTo("/api/v1/apprentices/" + unknown))
                        .willReturn(aResponse()
                                .withStatus(404)
                                .withHeader("Content-Type", "application/problem+json")
                                .withBody("{\"status\":404}")));
        readiness(tutor, register(TestIds.uln(), "ST1398_1.0", ukprn, employerId, epaoId, unknown))
                .spec(Problems.problem(404, "not-found", "apprentice-not-visible"));
        // A role evidence-service does not serve (assessors): 403.
        String refused = apprenticeId();
        evidence()
                .register(get(urlEqualTo("/api/v1/apprentices/" + refused))
                        .willReturn(aResponse()
                                .withStatus(403)
                                .withHeader("Content-Type", "application/problem+json")
                                .withBody("{\"status\":403}")));
        readiness(assessorToken(epaoId), register(TestIds.uln(), "ST1398_1.0", ukprn, employerId, epaoId, refused))
                .spec(Problems.problem(403, "forbidden", "portfolio-not-readable"));
        // Another learner's record.
        String other = apprenticeId();
        apprentice(
                other,
                TestIds.uln(),
                ukprn,
                employerId,
                "ST1398_1.0",
                LocalDate.of(2000, 1, 1),
                LocalDate.of(2025, 1, 1));
        readiness(tutor, register(TestIds.uln(), "ST1398_1.0", ukprn, employerId, epaoId, other))
                .spec(Problems.problem(422, "unprocessable"))
                .body("code", Matchers.equalTo("apprentice-mismatch"));
    }

    @Test
    void readinessAndHistoryAreScopedToTheCallersTenant() {
        Learner learner = st1398();
        String id = learner.id();
        String otherTutor = Tokens.tutor(TestIds.ukprn());
        String employer = Tokens.employer(learner.employerId());
        readiness(otherTutor, id).spec(Problems.problem(404, "not-found"));
        readiness(Tokens.employer(TestIds.employerId()), id).spec(Problems.problem(404, "not-found"));
        readiness(assessorToken(TestIds.epaoId()), id).spec(Problems.problem(404, "not-found"));
        as(otherTutor)
                .when()
                .get(ASSESSMENTS + "/" + id + "/gateway/submissions")
                .then()
                .spec(Problems.problem(404, "not-found"));
        submit(otherTutor, id).spec(Problems.problem(404, "not-found"));
        submit(assessorToken(learner.epaoId()), id).statusCode(403);
        submit(employer, id).statusCode(403);
        as(Tokens.apprentice(learner.uln(), learner.ukprn(), learner.employerId()))
                .when()
                .get(ASSESSMENTS + "/" + id + "/gateway/readiness")
                .then()
                .statusCode(403);
        assertEquals(0, count(id, "submissions"));
        readiness(employer, id).statusCode(200).body("items.item", hasItem("coverage"));
        as(Tokens.admin())
                .body(Map.of(
                        "uln",
                        TestIds.uln(),
                        "familyName",
                        "L",
                        "standardVersion",
                        "ST1398_1.0",
                        "providerUkprn",
                        learner.ukprn(),
                        "employerId",
                        "E",
                        "epaoId",
                        learner.epaoId(),
                        "apprenticeId",
                        "XYZ"))
                .when()
                .post(ASSESSMENTS)
                .then()
                .spec(Problems.invalid("apprenticeId"));
    }

    /**
     * Employers check their own apprentices' readiness (docs/integrators.md): evidence-service serves them its
     * employer view of the apprentice, without the date of birth but with the age at start, and the outcome is the
     * provider's. Another employer meets our 404 before evidence-service is asked.
     */
    @Test
    void employersCheckTheirOwnApprenticesReadinessThroughEvidenceServicesEmployerView() {
        String epaoId = AssessmentApi.freshOrganisation();
        String ukprn = TestIds.ukprn();
        String employerId = TestIds.employerId();
        String uln = TestIds.uln();
        String apprenticeId = apprenticeId();
        String employer = Tokens.employer(employerId);
        LocalDate start = TODAY.minusMonths(14);
        // The full view for the provider (any other token), then the employer view for this employer's token only.
        apprentice(
                apprenticeId,
                uln,
                ukprn,
                employerId,
                "ST1398_1.0",
                start.minusYears(17).minusDays(10),
                start);
        evidence()
                .register(get(urlEqualTo("/api/v1/apprentices/" + apprenticeId))
                        .withHeader("Authorization", equalTo("Bearer " + employer))
                        .willReturn(okJson(
                                """
                        {"id":"%s","uln":"%s","givenName":"Ada","familyName":"Lovelace","ageAtStart":17,
                         "providerUkprn":"%s","employerId":"%s","standardVersion":"ST1398_1.0","startDate":"%s",
                         "plannedEndDate":"%s","status":"active"}
                        """.formatted(apprenticeId, uln, ukprn, employerId, start, start.plusYears(2)))));
        coverage(apprenticeId, "ST1398_1.0", ST1398_KSBS, List.of("S3"));
        hours(apprenticeId, "420", "0", "418");
        String id = register(uln, "ST1398_1.0", ukprn, employerId, epaoId, apprenticeId);

        Map<String, String> asEmployer = statuses(readiness(employer, id));
        assertEquals(
                Map.of(
                        "employer-confirmation",
                        "failed",
                        "project-scope-sign-off",
                        "failed",
                        "coverage",
                        "failed",
                        "english-and-maths",
                        "failed",
                        "off-the-job-hours",
                        "passed",
                        "minimum-time-in-learning",
                        "passed"),
                asEmployer);
        readiness(employer, id)
                .body("ready", Matchers.equalTo(false))
                .body("items.find { it.item == 'english-and-maths' }.details.ageAtStart", Matchers.equalTo(17));
        assertEquals(statuses(readiness(Tokens.tutor(ukprn), id)), asEmployer, "the provider sees the same");
        for (String part : List.of("", "/coverage", "/off-the-job/summary")) {
            evidence()
                    .verifyThat(getRequestedFor(urlEqualTo("/api/v1/apprentices/" + apprenticeId + part))
                            .withHeader("Authorization", equalTo("Bearer " + employer)));
        }
        // Another employer's token never reaches evidence-service: the assessment is not theirs.
        String stranger = Tokens.employer(TestIds.employerId());
        readiness(stranger, id).spec(Problems.problem(404, "not-found", "assessment-not-found"));
        evidence()
                .verifyThat(
                        0,
                        getRequestedFor(urlEqualTo("/api/v1/apprentices/" + apprenticeId))
                                .withHeader("Authorization", equalTo("Bearer " + stranger)));
    }
}
