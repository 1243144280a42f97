package uk.apprenticeships.st1398.evidence.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.evidence.domain.Apprentice;

class OffTheJobPlanTest {

    private static Apprentice apprentice(String start, String plannedEnd, Long hundredths, Integer leave) {
        Apprentice a = new Apprentice();
        a.startDate = LocalDate.parse(start);
        a.plannedEndDate = LocalDate.parse(plannedEnd);
        a.contractedWeeklyHundredths = hundredths;
        a.plannedLeaveWeeks = leave;
        return a;
    }

    @Test
    void fullTimeWithoutLeaveIsEveryWholeWeek() {
        // 2025-03-03 to 2027-03-01 is 728 days: 104 weeks.
        OffTheJobPlan plan = OffTheJobPlan.of(apprentice("2025-03-03", "2027-03-01", null, null));
        assertEquals(104, plan.weeksInLearning());
        assertEquals(0, plan.leaveWeeks());
        assertEquals(104, plan.plannedWeeks());
        assertNull(plan.weeklyContractedHours());
    }

    @Test
    void leaveIsDeductedAndContractedHoursPassedOn() {
        // standards-service then requires 6 × 94 × 15/30 = 282 hours for a start before 2025-08-01.
        OffTheJobPlan plan = OffTheJobPlan.of(apprentice("2025-03-03", "2027-03-01", 1500L, 10));
        assertEquals(104, plan.weeksInLearning());
        assertEquals(10, plan.leaveWeeks());
        assertEquals(94, plan.plannedWeeks());
        assertEquals(new BigDecimal("15.00"), plan.weeklyContractedHours());
    }

    @Test
    void partWeeksDoNotCountAndAtLeastOneWeekIsPlanned() {
        // 2025-09-01 to 2026-09-06 is 370 days: 52 whole weeks (6 days left over).
        OffTheJobPlan plan = OffTheJobPlan.of(apprentice("2025-09-01", "2026-09-06", 3750L, 4));
        assertEquals(52, plan.weeksInLearning());
        assertEquals(48, plan.plannedWeeks());
        assertEquals(new BigDecimal("37.50"), plan.weeklyContractedHours());
        assertEquals(
                1,
                OffTheJobPlan.of(apprentice("2025-09-01", "2025-09-05", null, null))
                        .plannedWeeks());
        assertEquals(0, OffTheJobPlan.weeksInLearning(LocalDate.parse("2025-09-01"), LocalDate.parse("2025-09-05")));
        assertEquals(
                1,
                OffTheJobPlan.of(apprentice("2025-09-01", "2025-09-15", null, 2))
                        .plannedWeeks());
    }
}
