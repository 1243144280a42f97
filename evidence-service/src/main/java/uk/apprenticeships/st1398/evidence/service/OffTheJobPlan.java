package uk.apprenticeships.st1398.evidence.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import uk.apprenticeships.st1398.evidence.domain.Apprentice;
import uk.apprenticeships.st1398.evidence.mapping.OffTheJobMapper;

/**
 * What standards-service needs to work out an apprentice's minimum off-the-job hours: the planned weeks of training
 * (whole weeks from start to planned end, less planned leave) and the contracted weekly hours (null: full time).
 * standards-service applies the rule of the standard version for the start date: before 2025-08-01 6 hours a week
 * × planned weeks × min(1, contracted / 30); from 2025-08-01 the plan's fixed minimum, whatever the weeks and hours.
 */
public record OffTheJobPlan(int weeksInLearning, int leaveWeeks, int plannedWeeks, BigDecimal weeklyContractedHours) {

    /** What standards-service accepts for planned weeks. */
    static final int MAX_WEEKS = 999;

    public static OffTheJobPlan of(Apprentice a) {
        int inLearning = weeksInLearning(a.startDate, a.plannedEndDate);
        int leave = a.plannedLeaveWeeks == null ? 0 : a.plannedLeaveWeeks;
        int planned = (int) Math.max(1, Math.min(MAX_WEEKS, (long) inLearning - leave));
        BigDecimal hours =
                a.contractedWeeklyHundredths == null ? null : OffTheJobMapper.hours(a.contractedWeeklyHundredths);
        return new OffTheJobPlan(inLearning, leave, planned, hours);
    }

    /** Whole weeks from the start date to the planned end date. */
    public static int weeksInLearning(LocalDate start, LocalDate plannedEnd) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, ChronoUnit.DAYS.between(start, plannedEnd) / 7));
    }
}
