package uk.apprenticeships.st1398.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.assessment.client.AssessmentPlan;
import uk.apprenticeships.st1398.assessment.domain.AttemptKind;
import uk.apprenticeships.st1398.assessment.service.GradingRules;
import uk.apprenticeships.st1398.platform.problem.ApiException;

/** The rules on their own, read from standards-service's real ST1398 seed plan and from a made-up plan. */
class GradingRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final LocalDate GATEWAY = LocalDate.of(2026, 1, 1);
    private static final LocalDate END = LocalDate.of(2026, 5, 1);
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    private static AssessmentPlan plan(String json) throws Exception {
        AssessmentPlan plan = JSON.readValue(json, AssessmentPlan.class);
        assertTrue(plan.usable());
        return plan;
    }

    @Test
    void st1398OverallGradeAnyFailFailsAndDistinctionNeedsBoth() throws Exception {
        AssessmentPlan plan = plan(StandardsPlanStub.st1398Plan());
        List<String> grades = List.of("Fail", "Pass", "Distinction");
        for (String m1 : grades) {
            for (String m2 : grades) {
                String expected = m1.equals("Fail") || m2.equals("Fail")
                        ? "Fail"
                        : m1.equals("Distinction") && m2.equals("Distinction") ? "Distinction" : "Pass";
                assertEquals(
                        Optional.of(expected), GradingRules.overall(plan, Map.of("M1", m1, "M2", m2)), m1 + "/" + m2);
            }
        }
        assertEquals(Optional.empty(), GradingRules.overall(plan, Map.of("M1", "Distinction")));
    }

    @Test
    void madeUpPlanUsesItsOwnTable() throws Exception {
        AssessmentPlan plan = plan(StandardsPlanStub.madeUpPlan());
        assertEquals(
                Optional.of("Merit"),
                GradingRules.overall(plan, Map.of("PROJECT", "Pass", "TEST", "Merit", "INTERVIEW", "Distinction")));
        assertEquals(
                Optional.of("Fail"),
                GradingRules.overall(
                        plan, Map.of("PROJECT", "Fail", "TEST", "Distinction", "INTERVIEW", "Distinction")));
        assertEquals(Optional.empty(), GradingRules.overall(plan, Map.of("PROJECT", "Pass", "TEST", "Pass")));
    }

    @Test
    void capIsLiftedOnlyWhenThePlanSaysSo() throws Exception {
        List<GradingRules.Prior> failed =
                List.of(new GradingRules.Prior(AttemptKind.first, GATEWAY.plusDays(5), "Fail"));
        GradingRules.Proposed distinction = new GradingRules.Proposed(
                "M1", AttemptKind.resit, GATEWAY.plusDays(20), "Distinction", List.of(), true, true);
        // ST1398: exceptional circumstances lift the Pass cap.
        GradingRules.check(plan(StandardsPlanStub.st1398Plan()), GATEWAY, END, TODAY, distinction, failed);
        // The made-up plan never lifts its Merit cap.
        GradingRules.Proposed project = new GradingRules.Proposed(
                "PROJECT", AttemptKind.resit, GATEWAY.plusDays(20), "Distinction", List.of(), true, true);
        ApiException e = assertThrows(
                ApiException.class,
                () -> GradingRules.check(plan(StandardsPlanStub.madeUpPlan()), GATEWAY, END, TODAY, project, failed));
        assertEquals("grade-above-cap", e.code().code());
    }

    @Test
    void periodEndIsInclusiveAndFutureDatesAreRefused() throws Exception {
        AssessmentPlan plan = plan(StandardsPlanStub.st1398Plan());
        GradingRules.check(
                plan,
                GATEWAY,
                END,
                TODAY,
                new GradingRules.Proposed("M1", AttemptKind.first, END, "Pass", List.of(), false, false),
                List.of());
        ApiException after = assertThrows(
                ApiException.class,
                () -> GradingRules.check(
                        plan,
                        GATEWAY,
                        END,
                        TODAY,
                        new GradingRules.Proposed(
                                "M1", AttemptKind.first, END.plusDays(1), "Pass", List.of(), false, false),
                        List.of()));
        assertEquals("outside-assessment-period", after.code().code());
        ApiException future = assertThrows(
                ApiException.class,
                () -> GradingRules.check(
                        plan,
                        GATEWAY,
                        END,
                        GATEWAY.plusDays(1),
                        new GradingRules.Proposed(
                                "M1", AttemptKind.first, GATEWAY.plusDays(2), "Pass", List.of(), false, false),
                        List.of()));
        assertEquals("date-in-future", future.code().code());
    }

    @Test
    void aBookingMeetsTheRulesItsAttemptWouldMeetExceptTheGradeCap() throws Exception {
        AssessmentPlan plan = plan(StandardsPlanStub.madeUpPlan());
        LocalDate today = GATEWAY.plusDays(30);
        List<GradingRules.Prior> failedTwice = List.of(
                new GradingRules.Prior(AttemptKind.first, GATEWAY.plusDays(5), "Fail"),
                new GradingRules.Prior(AttemptKind.retake, GATEWAY.plusDays(10), "Fail"));
        // Today and the last day of the period are bookable; a resit needs no agreement in this plan.
        GradingRules.checkBooking(plan, GATEWAY, END, today, "TEST", AttemptKind.resit, today, false, failedTwice);
        GradingRules.checkBooking(plan, GATEWAY, END, today, "TEST", AttemptKind.resit, END, false, failedTwice);
        Map<String, Runnable> broken = Map.of(
                "unknown-method",
                        () -> GradingRules.checkBooking(
                                plan, GATEWAY, END, today, "M1", AttemptKind.first, today, false, List.of()),
                "date-in-past",
                        () -> GradingRules.checkBooking(
                                plan,
                                GATEWAY,
                                END,
                                today,
                                "TEST",
                                AttemptKind.first,
                                today.minusDays(1),
                                false,
                                List.of()),
                "outside-assessment-period",
                        () -> GradingRules.checkBooking(
                                plan,
                                GATEWAY,
                                END,
                                today,
                                "TEST",
                                AttemptKind.first,
                                END.plusDays(1),
                                false,
                                List.of()),
                "no-failed-attempt",
                        () -> GradingRules.checkBooking(
                                plan, GATEWAY, END, today, "TEST", AttemptKind.resit, today, false, List.of()),
                "employer-agreement-required",
                        () -> GradingRules.checkBooking(
                                plan,
                                GATEWAY,
                                END,
                                today,
                                "TEST",
                                AttemptKind.retake,
                                today,
                                false,
                                failedTwice.subList(0, 1)),
                "too-many-attempts",
                        () -> GradingRules.checkBooking(
                                plan, GATEWAY, END, today, "TEST", AttemptKind.retake, today, true, failedTwice),
                "first-attempt-exists",
                        () -> GradingRules.checkBooking(
                                plan, GATEWAY, END, today, "TEST", AttemptKind.first, today, false, failedTwice));
        broken.forEach((rule, booking) -> assertEquals(
                rule,
                assertThrows(ApiException.class, booking::run, rule).code().code()));
    }
}
