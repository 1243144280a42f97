package uk.apprenticeships.st1398.standards.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.platform.problem.Problem.Violation;
import uk.apprenticeships.st1398.standards.api.AssessmentPlanDocument;
import uk.apprenticeships.st1398.standards.api.AssessmentPlanDocument.AssessmentPeriod;
import uk.apprenticeships.st1398.standards.api.AssessmentPlanDocument.AttemptRule;
import uk.apprenticeships.st1398.standards.api.AssessmentPlanDocument.Gateway;
import uk.apprenticeships.st1398.standards.api.AssessmentPlanDocument.GatewayRequirement;
import uk.apprenticeships.st1398.standards.api.AssessmentPlanDocument.GradeCombination;
import uk.apprenticeships.st1398.standards.api.AssessmentPlanDocument.GradeCombinations;
import uk.apprenticeships.st1398.standards.api.AssessmentPlanDocument.KsbCoverage;
import uk.apprenticeships.st1398.standards.api.AssessmentPlanDocument.Method;
import uk.apprenticeships.st1398.standards.api.AssessmentPlanDocument.Methods;
import uk.apprenticeships.st1398.standards.api.AssessmentPlanDocument.MinimumTimeInLearning;
import uk.apprenticeships.st1398.standards.api.AssessmentPlanDocument.OffTheJob;
import uk.apprenticeships.st1398.standards.api.AssessmentPlanDocument.OffTheJobBasis;
import uk.apprenticeships.st1398.standards.api.AssessmentPlanDocument.OffTheJobRule;
import uk.apprenticeships.st1398.standards.api.AssessmentPlanDocument.ResitRetake;
import uk.apprenticeships.st1398.standards.api.AssessmentPlanDocument.TimeInLearningRule;

/** The cross-field rules of a plan, without a database: one method on a pass/fail scale, varied per test. */
class AssessmentPlanValidatorTest {

    private static final List<String> PASS_FAIL = List.of("Fail", "Pass");

    private static AssessmentPlanDocument plan(
            List<Method> methods, List<GradeCombination> rows, List<OffTheJobRule> rules, String cap) {
        AttemptRule attempts = new AttemptRule(true, cap, null, true);
        return new AssessmentPlanDocument(
                null,
                new AssessmentPeriod(3, true, "s"),
                new Methods(true, "s", methods),
                new GradeCombinations(true, "s", PASS_FAIL, rows),
                new Gateway(true, "s", List.of(), null),
                new ResitRetake(true, "s", attempts, attempts),
                new OffTheJob(true, "s", rules));
    }

    private static List<GradeCombination> passFailRows(String code) {
        return List.of(
                new GradeCombination(Map.of(code, "Fail"), "Fail"), new GradeCombination(Map.of(code, "Pass"), "Pass"));
    }

    private static OffTheJobRule fixed(String from, String before, int hours) {
        return new OffTheJobRule(
                from == null ? null : LocalDate.parse(from),
                before == null ? null : LocalDate.parse(before),
                OffTheJobBasis.FIXED_HOURS,
                null,
                null,
                hours,
                true,
                "s");
    }

    private static List<String> fields(AssessmentPlanValidator.Result result) {
        return result.violations().stream().map(Violation::field).toList();
    }

    @Test
    void aMinimalCompletePlanIsValid() {
        AssessmentPlanValidator.Result result = AssessmentPlanValidator.validate(
                plan(
                        List.of(new Method("A", "Test", null, PASS_FAIL, List.of("K1"))),
                        passFailRows("A"),
                        List.of(fixed(null, "2025-08-01", 100), fixed("2025-08-01", null, 200)),
                        "Pass"),
                List.of("K1"),
                "ST0001_1.0");
        assertTrue(result.valid(), result.violations().toString());
    }

    @Test
    void rangesTouchingAtTheBoundaryDoNotOverlapButSharedDaysDo() {
        List<Method> methods = List.of(new Method("A", "Test", null, PASS_FAIL, null));
        assertTrue(AssessmentPlanValidator.validate(
                        plan(
                                methods,
                                passFailRows("A"),
                                List.of(fixed("2025-08-01", null, 1), fixed("2024-01-01", "2025-08-01", 1)),
                                null),
                        List.of(),
                        "k")
                .valid());
        assertEquals(
                List.of("offTheJob.rules[0]"),
                fields(AssessmentPlanValidator.validate(
                        plan(
                                methods,
                                passFailRows("A"),
                                List.of(fixed("2025-07-31", null, 1), fixed(null, "2025-08-01", 1)),
                                null),
                        List.of(),
                        "k")));
        assertEquals(
                List.of("offTheJob.rules[1]"),
                fields(AssessmentPlanValidator.validate(
                        plan(
                                methods,
                                passFailRows("A"),
                                List.of(fixed(null, null, 1), fixed("2030-01-01", null, 1)),
                                null),
                        List.of(),
                        "k")));
    }

    @Test
    void weeklyRulesNeedTheirHoursAndFixedRulesTheirMinimum() {
        OffTheJobRule weekly =
                new OffTheJobRule(null, null, OffTheJobBasis.WEEKLY_HOURS, BigDecimal.valueOf(6), null, 10, true, "s");
        assertEquals(
                List.of("offTheJob.rules[0].fullTimeWeeklyHours", "offTheJob.rules[0].minimumHours"),
                fields(AssessmentPlanValidator.validate(
                        plan(
                                List.of(new Method("A", "T", null, PASS_FAIL, null)),
                                passFailRows("A"),
                                List.of(weekly),
                                null),
                        List.of(),
                        "k")));
    }

    @Test
    void tooManyCombinationsAreRefusedWithoutEnumeratingThem() {
        List<String> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add("G" + i);
        }
        List<Method> methods = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            methods.add(new Method("M" + i, "T", null, ten, null));
        }
        Map<String, String> row = Map.of("M1", "G0", "M2", "G0", "M3", "G0", "M4", "G0");
        AssessmentPlanValidator.Result result = AssessmentPlanValidator.validate(
                plan(methods, List.of(new GradeCombination(row, "Fail")), List.of(), null), List.of(), "k");
        assertEquals(List.of("gradeCombinations.rows"), fields(result));
        assertTrue(result.violations().get(0).message().contains("more than 1000"));
        assertFalse(result.unknownKsbCodes());
    }

    private static AssessmentPlanDocument withGateway(Gateway gateway) {
        AssessmentPlanDocument base =
                plan(List.of(new Method("A", "T", null, PASS_FAIL, null)), passFailRows("A"), List.of(), null);
        return new AssessmentPlanDocument(
                null,
                base.assessmentPeriod(),
                base.methods(),
                base.gradeCombinations(),
                gateway,
                base.resitRetake(),
                base.offTheJob());
    }

    private static TimeInLearningRule months(String from, String before, int months) {
        return new TimeInLearningRule(
                from == null ? null : LocalDate.parse(from), before == null ? null : LocalDate.parse(before), months);
    }

    @Test
    void coverageNeedsAPercentageOrRequiredCodesOfTheVersion() {
        GatewayRequirement codesOnly = new GatewayRequirement(
                "PORTFOLIO", "d", null, new KsbCoverage(null, List.of("K1", "S1"), false, "s"), true, "s");
        assertTrue(AssessmentPlanValidator.validate(
                        withGateway(new Gateway(true, "s", List.of(codesOnly), null)), List.of("K1", "S1"), "k")
                .valid());
        GatewayRequirement neither =
                new GatewayRequirement("PORTFOLIO", "d", null, new KsbCoverage(null, null, false, "s"), true, "s");
        GatewayRequirement unknown = new GatewayRequirement(
                "OTHER", "d", null, new KsbCoverage(BigDecimal.ZERO, List.of("S9"), false, "s"), true, "s");
        AssessmentPlanValidator.Result result = AssessmentPlanValidator.validate(
                withGateway(new Gateway(true, "s", List.of(neither, unknown), null)), List.of("K1", "S1"), "k");
        assertEquals(
                List.of(
                        "gateway.requirements[0].ksbCoverage",
                        "gateway.requirements[1].ksbCoverage.requiredKsbCodes[0]"),
                fields(result));
        assertTrue(result.unknownKsbCodes());
    }

    @Test
    void timeInLearningRulesTouchingAtTheBoundaryAreValidButMustBeInOrder() {
        MinimumTimeInLearning touching = new MinimumTimeInLearning(
                false,
                "s",
                List.of(
                        months(null, "2017-05-01", 0),
                        months("2017-05-01", "2025-08-01", 12),
                        months("2025-08-01", null, 8)));
        assertTrue(AssessmentPlanValidator.validate(
                        withGateway(new Gateway(true, "s", List.of(), touching)), List.of(), "k")
                .valid());
        MinimumTimeInLearning reversed = new MinimumTimeInLearning(
                false, "s", List.of(months("2025-08-01", null, 8), months("2017-05-01", "2025-08-01", 12)));
        assertEquals(
                List.of("gateway.minimumTimeInLearning.rules[1]"),
                fields(AssessmentPlanValidator.validate(
                        withGateway(new Gateway(true, "s", List.of(), reversed)), List.of(), "k")));
        MinimumTimeInLearning sharedDay = new MinimumTimeInLearning(
                false, "s", List.of(months("2017-05-01", "2025-08-02", 12), months("2025-08-01", null, 8)));
        assertEquals(
                List.of("gateway.minimumTimeInLearning.rules[1]"),
                fields(AssessmentPlanValidator.validate(
                        withGateway(new Gateway(true, "s", List.of(), sharedDay)), List.of(), "k")));
    }
}
