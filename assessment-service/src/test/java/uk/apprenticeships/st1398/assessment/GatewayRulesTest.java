package uk.apprenticeships.st1398.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.assessment.api.GatewayReadinessResponse;
import uk.apprenticeships.st1398.assessment.client.AssessmentPlan;
import uk.apprenticeships.st1398.assessment.client.EvidenceClient;
import uk.apprenticeships.st1398.assessment.service.GatewayRules;
import uk.apprenticeships.st1398.testing.TestIds;

/** The readiness rules on their own, from standards-service's real ST1398 seed plan and a made-up plan. */
class GatewayRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final LocalDate START = LocalDate.of(2025, 9, 1);
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 9, 1, 12, 0, 0, 0, ZoneOffset.UTC);
    /** The apprentice's ULN, provider and employer: the rules never read them. */
    private static final String ULN = TestIds.uln();

    private static final String UKPRN = TestIds.ukprn();
    private static final String EMPLOYER = TestIds.employerId();

    private static AssessmentPlan plan(String json) throws Exception {
        return JSON.readValue(json, AssessmentPlan.class);
    }

    private static EvidenceClient.Apprentice apprentice(LocalDate dateOfBirth, LocalDate start) {
        return new EvidenceClient.Apprentice(
                "a1",
                ULN,
                "Lovelace",
                dateOfBirth,
                null,
                UKPRN,
                EMPLOYER,
                "ST1398_1.0",
                start,
                start.plusYears(2),
                "active",
                null,
                null);
    }

    private static EvidenceClient.Coverage coverage(String... missing) {
        List<String> codes = List.of("K1", "K2", "S1", "S2", "S3", "B1", "B2");
        List<EvidenceClient.Ksb> ksbs = codes.stream()
                .map(c -> new EvidenceClient.Ksb(c, List.of(missing).contains(c) ? "gap" : "covered", 1))
                .toList();
        return new EvidenceClient.Coverage(
                "ST1398_1.0", codes.size(), codes.size() - missing.length, 0, List.of(missing), ksbs);
    }

    private static EvidenceClient.OffTheJobSummary hours(String approved, String required) {
        return new EvidenceClient.OffTheJobSummary(
                new BigDecimal(approved),
                BigDecimal.ZERO,
                required == null ? null : new BigDecimal(required),
                null,
                "fixed",
                required == null ? "No off-the-job rule covers a start on 2025-09-01." : null);
    }

    private static GatewayReadinessResponse check(
            AssessmentPlan plan,
            EvidenceClient.Apprentice apprentice,
            EvidenceClient.Coverage coverage,
            EvidenceClient.OffTheJobSummary hours,
            Map<String, GatewayReadinessResponse.Waiver> waivers,
            OffsetDateTime now) {
        Map<String, GatewayReadinessResponse.Declaration> declarations =
                Map.of("employer-confirmation", declaration(), "project-scope-sign-off", declaration());
        return GatewayRules.check(
                GatewayRules.definitions(plan),
                new GatewayRules.Inputs(
                        UUID.randomUUID(), "ST1398_1.0", apprentice, coverage, hours, waivers, declarations, now));
    }

    private static GatewayReadinessResponse.Declaration declaration() {
        return new GatewayReadinessResponse.Declaration("Sam", LocalDate.of(2026, 8, 1), null, null, "sub", NOW);
    }

    private static Map<String, String> statuses(GatewayReadinessResponse readiness) {
        return readiness.items().stream()
                .collect(Collectors.toMap(
                        GatewayReadinessResponse.Item::item, i -> i.status().wire()));
    }

    private static GatewayReadinessResponse.Item item(GatewayReadinessResponse readiness, String item) {
        return readiness.items().stream()
                .filter(i -> i.item().equals(item))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void ageAtStartCountsABirthdayFromTheDayItself() {
        LocalDate dob = LocalDate.of(2006, 9, 1);
        assertEquals(19, GatewayRules.ageOn(dob, LocalDate.of(2025, 9, 1)));
        assertEquals(18, GatewayRules.ageOn(dob, LocalDate.of(2025, 8, 31)));
        assertEquals(19, GatewayRules.ageOn(dob, LocalDate.of(2025, 9, 2)));
        assertEquals(16, GatewayRules.ageOn(LocalDate.of(2009, 9, 1), LocalDate.of(2025, 9, 1)));
        assertEquals(15, GatewayRules.ageOn(LocalDate.of(2009, 9, 2), LocalDate.of(2025, 9, 1)));
        // Born on 29 February: a year older on 1 March in years without one.
        LocalDate leap = LocalDate.of(2008, 2, 29);
        assertEquals(17, GatewayRules.ageOn(leap, LocalDate.of(2026, 2, 28)));
        assertEquals(18, GatewayRules.ageOn(leap, LocalDate.of(2026, 3, 1)));
        assertEquals(16, GatewayRules.ageOn(leap, LocalDate.of(2024, 2, 29)));
    }

    @Test
    void englishAndMathsAppliesFrom16ThroughTheDayBefore19AtStart() throws Exception {
        AssessmentPlan plan = plan(StandardsPlanStub.st1398Plan());
        Map<LocalDate, String> cases = Map.of(
                START.minusYears(19), "not-applicable",
                START.minusYears(19).plusDays(1), "failed",
                START.minusYears(16), "failed",
                START.minusYears(16).plusDays(1), "not-applicable",
                LocalDate.of(2007, 2, 28), "failed");
        cases.forEach((dob, expected) -> assertEquals(
                expected,
                statuses(check(plan, apprentice(dob, START), coverage(), hours("500", "418"), Map.of(), NOW))
                        .get("english-and-maths"),
                "born " + dob));
        GatewayReadinessResponse old =
                check(plan, apprentice(START.minusYears(19), START), coverage(), hours("500", "418"), Map.of(), NOW);
        assertEquals(
                "Applies to apprentices aged 16 to 18 at the start; this apprentice was 19 on 2025-09-01.",
                item(old, "english-and-maths").reason());
        assertTrue(old.ready(), "not applicable counts as met: " + old.items());
    }

    /** Employers' view of the apprentice has no date of birth but the age at start: the outcome is the same. */
    @Test
    void theAgeAtStartServesWhereTheDateOfBirthIsLeftOut() throws Exception {
        AssessmentPlan plan = plan(StandardsPlanStub.st1398Plan());
        for (int age : new int[] {15, 16, 18, 19}) {
            EvidenceClient.Apprentice withoutBirthday = new EvidenceClient.Apprentice(
                    "a1",
                    ULN,
                    "Lovelace",
                    null,
                    age,
                    null,
                    EMPLOYER,
                    "ST1398_1.0",
                    START,
                    START.plusYears(2),
                    "active",
                    null,
                    null);
            EvidenceClient.Apprentice withBirthday = apprentice(START.minusYears(age), START);
            Map<String, String> employerView =
                    statuses(check(plan, withoutBirthday, coverage(), hours("500", "418"), Map.of(), NOW));
            assertEquals(
                    statuses(check(plan, withBirthday, coverage(), hours("500", "418"), Map.of(), NOW)),
                    employerView,
                    "aged " + age);
            assertEquals(age >= 16 && age <= 18 ? "failed" : "not-applicable", employerView.get("english-and-maths"));
        }
        EvidenceClient.Apprentice neither = new EvidenceClient.Apprentice(
                "a1",
                ULN,
                "Lovelace",
                null,
                null,
                null,
                EMPLOYER,
                "ST1398_1.0",
                START,
                START.plusYears(2),
                "active",
                null,
                null);
        assertEquals(
                "failed",
                statuses(check(plan, neither, coverage(), hours("500", "418"), Map.of(), NOW))
                        .get("english-and-maths"),
                "no age at all: cannot be shown to be not applicable");
    }

    @Test
    void coverageAndHoursExplainTheirNumbers() throws Exception {
        AssessmentPlan plan = plan(StandardsPlanStub.st1398Plan());
        EvidenceClient.Apprentice adult = apprentice(LocalDate.of(1990, 1, 1), START);
        GatewayReadinessResponse readiness =
                check(plan, adult, coverage("S3", "B2"), hours("417.75", "418"), Map.of(), NOW);
        assertEquals(
                "5 of 7 KSBs have accepted evidence; missing S3, B2.",
                item(readiness, "coverage").reason());
        assertEquals(List.of("S3", "B2"), item(readiness, "coverage").details().get("missing"));
        assertEquals(
                "417.75 of 418 required off-the-job hours approved (0 pending); 0.25 short.",
                item(readiness, "off-the-job-hours").reason());
        assertFalse(readiness.ready());
        GatewayReadinessResponse unknown = check(plan, adult, coverage(), hours("10", null), Map.of(), NOW);
        assertEquals("failed", item(unknown, "off-the-job-hours").status().wire());
        assertTrue(item(unknown, "off-the-job-hours").reason().contains("No off-the-job rule covers"));
        GatewayReadinessResponse met = check(plan, adult, coverage(), hours("418", "418"), Map.of(), NOW);
        assertTrue(met.ready(), met.items().toString());
    }

    @Test
    void minimumTimeInLearningFollowsTheRuleForTheStartDate() throws Exception {
        AssessmentPlan plan = plan(StandardsPlanStub.st1398Plan());
        LocalDate before = LocalDate.of(2025, 7, 31);
        EvidenceClient.Apprentice early = apprentice(LocalDate.of(1990, 1, 1), before);
        OffsetDateTime dayBefore =
                before.plusMonths(12).minusDays(1).atTime(9, 0).atOffset(ZoneOffset.UTC);
        assertEquals(
                "failed",
                item(
                                check(plan, early, coverage(), hours("500", "418"), Map.of(), dayBefore),
                                "minimum-time-in-learning")
                        .status()
                        .wire());
        OffsetDateTime onTheDay = before.plusMonths(12).atTime(9, 0).atOffset(ZoneOffset.UTC);
        GatewayReadinessResponse.Item met = item(
                check(plan, early, coverage(), hours("500", "418"), Map.of(), onTheDay), "minimum-time-in-learning");
        assertEquals("passed", met.status().wire());
        assertEquals(12, met.details().get("minimumMonths"));
        EvidenceClient.Apprentice later = apprentice(LocalDate.of(1990, 1, 1), LocalDate.of(2025, 8, 1));
        OffsetDateTime eightMonths = LocalDate.of(2026, 4, 1).atTime(9, 0).atOffset(ZoneOffset.UTC);
        assertEquals(
                "passed",
                item(
                                check(plan, later, coverage(), hours("500", "418"), Map.of(), eightMonths),
                                "minimum-time-in-learning")
                        .status()
                        .wire());
        EvidenceClient.Apprentice ancient = apprentice(LocalDate.of(1990, 1, 1), LocalDate.of(2016, 1, 1));
        assertEquals(
                "not-applicable",
                item(check(plan, ancient, coverage(), hours("500", "418"), Map.of(), NOW), "minimum-time-in-learning")
                        .status()
                        .wire());
    }

    @Test
    void aWaiverMeetsAFailingItemOnly() throws Exception {
        AssessmentPlan plan = plan(StandardsPlanStub.st1398Plan());
        GatewayReadinessResponse.Waiver waiver = new GatewayReadinessResponse.Waiver("sub", "ann", NOW, "Exempt");
        EvidenceClient.Apprentice young = apprentice(START.minusYears(17), START);
        GatewayReadinessResponse readiness = check(
                plan,
                young,
                coverage(),
                hours("500", "418"),
                Map.of("english-and-maths", waiver, "coverage", waiver),
                NOW);
        assertEquals("waived", item(readiness, "english-and-maths").status().wire());
        assertTrue(item(readiness, "english-and-maths").reason().endsWith("Waived: Exempt"));
        assertEquals("passed", item(readiness, "coverage").status().wire(), "a passed item stays passed");
        assertTrue(readiness.ready());
    }

    @Test
    void itemsComeFromThePlan() throws Exception {
        List<String> st1398 = GatewayRules.definitions(plan(StandardsPlanStub.st1398Plan())).stream()
                .map(GatewayRules.Definition::item)
                .toList();
        assertEquals(
                List.of(
                        "employer-confirmation",
                        "project-scope-sign-off",
                        "coverage",
                        "english-and-maths",
                        "off-the-job-hours",
                        "minimum-time-in-learning"),
                st1398);
        List<String> other = GatewayRules.definitions(plan(StandardsPlanStub.otherGatewayPlan())).stream()
                .map(GatewayRules.Definition::item)
                .toList();
        assertEquals(
                List.of(
                        "coverage",
                        "safeguarding-course",
                        "driving-licence",
                        "off-the-job-hours",
                        "minimum-time-in-learning"),
                other);
        List<String> bare = GatewayRules.definitions(plan(StandardsPlanStub.madeUpPlan())).stream()
                .map(GatewayRules.Definition::item)
                .toList();
        assertEquals(List.of(), bare, "no requirements, no off-the-job or time-in-learning rules: no items");
        List<GatewayRules.Definition> thresholds = GatewayRules.definitions(plan(StandardsPlanStub.thresholdsPlan()));
        assertEquals(
                List.of("evidence-portfolio", "minimum-time-in-learning"),
                thresholds.stream().map(GatewayRules.Definition::item).toList());
        assertEquals(GatewayRules.Check.KSB_COVERAGE, thresholds.get(0).check(), "ksbCoverage, not the code");
    }

    /** Ten KSBs, those listed not covered. */
    private static EvidenceClient.Coverage tenKsbs(String... missing) {
        List<String> codes = List.of("K1", "K2", "K3", "K4", "S1", "S2", "S3", "S4", "B1", "B2");
        List<EvidenceClient.Ksb> ksbs = codes.stream()
                .map(c -> new EvidenceClient.Ksb(c, List.of(missing).contains(c) ? "gap" : "covered", 1))
                .toList();
        return new EvidenceClient.Coverage(
                "ST7777_1.0", codes.size(), codes.size() - missing.length, 0, List.of(missing), ksbs);
    }

    @Test
    void aPlansOwnCoverageThresholdAndRequiredKsbsDecideExactlyAtTheBoundary() throws Exception {
        AssessmentPlan plan = plan(StandardsPlanStub.thresholdsPlan());
        EvidenceClient.Apprentice adult = apprentice(LocalDate.of(1990, 1, 1), START);
        GatewayReadinessResponse.Item exactly =
                item(check(plan, adult, tenKsbs("K2", "S2"), null, Map.of(), NOW), "evidence-portfolio");
        assertEquals("passed", exactly.status().wire(), "8 of 10 is exactly 80%: enough");
        assertEquals(
                "8 of 10 KSBs have accepted evidence (80%); the plan requires at least 80% and K1, B1 covered.",
                exactly.reason());
        assertEquals(new BigDecimal("80"), exactly.details().get("minimumCoveragePercent"));
        assertEquals(new BigDecimal("80"), exactly.details().get("coveragePercent"));
        assertEquals(List.of(), exactly.details().get("missingRequiredKsbCodes"));
        GatewayReadinessResponse.Item below =
                item(check(plan, adult, tenKsbs("K2", "S2", "S3"), null, Map.of(), NOW), "evidence-portfolio");
        assertEquals("failed", below.status().wire(), "7 of 10 is below 80%");
        assertEquals(
                "7 of 10 KSBs have accepted evidence (70%); the plan requires at least 80% and K1, B1 covered; "
                        + "below 80%.",
                below.reason());
        GatewayReadinessResponse.Item required =
                item(check(plan, adult, tenKsbs("B1"), null, Map.of(), NOW), "evidence-portfolio");
        assertEquals("failed", required.status().wire(), "90% is not enough without B1");
        assertEquals(
                "9 of 10 KSBs have accepted evidence (90%); the plan requires at least 80% and K1, B1 covered; "
                        + "required B1 not covered.",
                required.reason());
        assertEquals(List.of("B1"), required.details().get("missingRequiredKsbCodes"));
    }

    @Test
    void aPercentageThatIsNotAWholeNumberOfKsbsIsComparedWithoutRounding() throws Exception {
        AssessmentPlan plan = plan(StandardsPlanStub.thresholdsPlan()
                .replace("\"minimumCoveragePercent\":80", "\"minimumCoveragePercent\":66.67")
                .replace("\"requiredKsbCodes\":[\"K1\",\"B1\"]", "\"requiredKsbCodes\":null"));
        EvidenceClient.Apprentice adult = apprentice(LocalDate.of(1990, 1, 1), START);
        EvidenceClient.Coverage twoOfThree = new EvidenceClient.Coverage(
                "ST7777_1.0",
                3,
                2,
                0,
                List.of("K3"),
                List.of(
                        new EvidenceClient.Ksb("K1", "covered", 1),
                        new EvidenceClient.Ksb("K2", "covered", 1),
                        new EvidenceClient.Ksb("K3", "gap", 0)));
        GatewayReadinessResponse.Item item =
                item(check(plan, adult, twoOfThree, null, Map.of(), NOW), "evidence-portfolio");
        // 2/3 is 66.666...%: below 66.67, although it shows as 66.66.
        assertEquals("failed", item.status().wire());
        assertEquals(
                "2 of 3 KSBs have accepted evidence (66.66%); the plan requires at least 66.67%; below 66.67%.",
                item.reason());
        AssessmentPlan lower = plan(StandardsPlanStub.thresholdsPlan()
                .replace("\"minimumCoveragePercent\":80", "\"minimumCoveragePercent\":66.66")
                .replace("\"requiredKsbCodes\":[\"K1\",\"B1\"]", "\"requiredKsbCodes\":null"));
        assertEquals(
                "passed",
                item(check(lower, adult, twoOfThree, null, Map.of(), NOW), "evidence-portfolio")
                        .status()
                        .wire());
    }

    @Test
    void aPlansOwnMinimumTimeInLearningIsMetOnTheDayItIsReached() throws Exception {
        AssessmentPlan plan = plan(StandardsPlanStub.thresholdsPlan());
        EvidenceClient.Apprentice apprentice = apprentice(LocalDate.of(1990, 1, 1), START);
        OffsetDateTime dayBefore =
                START.plusMonths(6).minusDays(1).atTime(23, 0).atOffset(ZoneOffset.UTC);
        GatewayReadinessResponse.Item early =
                item(check(plan, apprentice, tenKsbs(), null, Map.of(), dayBefore), "minimum-time-in-learning");
        assertEquals("failed", early.status().wire());
        assertEquals(
                "In learning 5 whole months since 2025-09-01; the minimum for starts on any date is 6 months, "
                        + "reached on 2026-03-01.",
                early.reason());
        OffsetDateTime onTheDay = START.plusMonths(6).atTime(0, 0).atOffset(ZoneOffset.UTC);
        GatewayReadinessResponse readiness = check(plan, apprentice, tenKsbs(), null, Map.of(), onTheDay);
        assertEquals(
                "passed", item(readiness, "minimum-time-in-learning").status().wire());
        assertEquals(6, item(readiness, "minimum-time-in-learning").details().get("minimumMonths"));
        assertTrue(readiness.ready(), readiness.items().toString());
    }
}
