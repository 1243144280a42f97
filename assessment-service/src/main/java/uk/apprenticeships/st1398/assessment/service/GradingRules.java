package uk.apprenticeships.st1398.assessment.service;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import uk.apprenticeships.st1398.assessment.client.AssessmentPlan;
import uk.apprenticeships.st1398.assessment.config.AssessmentError;
import uk.apprenticeships.st1398.assessment.domain.AttemptKind;
import uk.apprenticeships.st1398.platform.problem.ApiException;

/**
 * The grading rules, read entirely from a standard version's assessment plan: which methods and grades exist, the
 * assessment period, resit and retake conditions, caps and attempt limits, and the grade combination table. Nothing
 * here names a standard, a method or a grade. Pure functions, so they are tested without a database.
 */
public final class GradingRules {

    /** An attempt being recorded (or a correction, with the kind and method of the attempt it corrects). */
    public record Proposed(
            String methodCode,
            AttemptKind kind,
            LocalDate date,
            String grade,
            List<String> ksbCodes,
            boolean employerAgreed,
            boolean exceptionalCircumstances) {}

    /** An earlier, not superseded attempt on the same method. */
    public record Prior(AttemptKind kind, LocalDate date, String grade) {}

    private GradingRules() {}

    /**
     * Refuses an attempt that breaks a rule of the plan with a problem whose {@code code} names the rule; 409
     * when a first attempt already exists, 422 otherwise.
     *
     * @param priors the method's earlier attempts that are not superseded, oldest first
     */
    public static void check(
            AssessmentPlan plan,
            LocalDate periodStart,
            LocalDate periodEnd,
            LocalDate today,
            Proposed attempt,
            List<Prior> priors) {
        AssessmentPlan.Method method = method(plan, attempt.methodCode());
        if (!method.grades().contains(attempt.grade())) {
            throw broken(
                    AssessmentError.GRADE_NOT_ALLOWED,
                    "Method " + method.code() + " grades " + method.grades() + "; " + attempt.grade()
                            + " is not one of them.");
        }
        checkPeriod("attempt", attempt.date(), periodStart, periodEnd);
        if (attempt.date().isAfter(today)) {
            throw broken(AssessmentError.DATE_IN_FUTURE, "The attempt date " + attempt.date() + " is in the future.");
        }
        checkKsbs(method, attempt.ksbCodes());
        checkSequence(plan, method, attempt.kind(), attempt.date(), attempt.employerAgreed(), priors);
        if (attempt.kind() != AttemptKind.first) {
            checkCap(plan, method, attempt);
        }
    }

    /**
     * Refuses a booking that could never become a valid attempt, with the rule names {@link #check} uses: the method
     * exists, the date is in the assessment period and not in the past, a first attempt is not booked twice, and a
     * resit or retake follows a fail of the method, has the employer's agreement when the plan requires it and stays
     * within maxAttemptsPerMethod. (The grade cap applies to the grade, which is not known when booking.)
     *
     * @param priors the method's attempts that are not superseded, oldest first
     */
    public static void checkBooking(
            AssessmentPlan plan,
            LocalDate periodStart,
            LocalDate periodEnd,
            LocalDate today,
            String methodCode,
            AttemptKind kind,
            LocalDate date,
            boolean employerAgreed,
            List<Prior> priors) {
        AssessmentPlan.Method method = method(plan, methodCode);
        checkPeriod("booking", date, periodStart, periodEnd);
        if (date.isBefore(today)) {
            throw broken(AssessmentError.DATE_IN_PAST, "The booking date " + date + " is in the past.");
        }
        checkSequence(plan, method, kind, date, employerAgreed, priors);
    }

    private static AssessmentPlan.Method method(AssessmentPlan plan, String methodCode) {
        return plan.method(methodCode)
                .orElseThrow(() -> broken(
                        AssessmentError.UNKNOWN_METHOD,
                        "The assessment plan has no method " + methodCode + "; its methods are "
                                + plan.methods().items().stream()
                                        .map(AssessmentPlan.Method::code)
                                        .toList() + "."));
    }

    private static void checkPeriod(String what, LocalDate date, LocalDate periodStart, LocalDate periodEnd) {
        if (date.isBefore(periodStart) || date.isAfter(periodEnd)) {
            throw broken(
                    AssessmentError.OUTSIDE_ASSESSMENT_PERIOD,
                    "The " + what + " date " + date + " is outside the " + "assessment period " + periodStart + " to "
                            + periodEnd + ".");
        }
    }

    /** A first attempt only once; a resit or retake only after a fail, agreed and within the plan's limit. */
    private static void checkSequence(
            AssessmentPlan plan,
            AssessmentPlan.Method method,
            AttemptKind attemptKind,
            LocalDate date,
            boolean employerAgreed,
            List<Prior> priors) {
        Prior latest = priors.isEmpty() ? null : priors.get(priors.size() - 1);
        boolean latestFailed = latest != null && latest.grade().equals(method.lowestGrade());
        if (attemptKind == AttemptKind.first) {
            if (!attemptKind.mayFollow(latest == null ? null : latest.kind(), latestFailed)) {
                throw ApiException.of(
                        AssessmentError.FIRST_ATTEMPT_EXISTS,
                        "Method " + method.code() + " already has a "
                                + "first attempt; record a resit or retake after a " + method.lowestGrade()
                                + ", or correct "
                                + "the attempt.");
            }
            return;
        }
        String kind = attemptKind.name();
        if (!attemptKind.mayFollow(latest == null ? null : latest.kind(), latestFailed)) {
            throw broken(
                    AssessmentError.NO_FAILED_ATTEMPT,
                    "A " + kind + " of method " + method.code() + " needs its "
                            + "latest "
                            + "attempt to be a " + method.lowestGrade()
                            + (latest == null ? "; it has no attempt yet." : "; it is " + latest.grade() + "."));
        }
        if (!date.isAfter(latest.date())) {
            throw broken(
                    AssessmentError.BEFORE_PREVIOUS_ATTEMPT,
                    "A " + kind + " must be dated after the attempt it " + "follows (" + latest.date() + ").");
        }
        AssessmentPlan.AttemptRule rule = rule(plan, attemptKind);
        if (Boolean.TRUE.equals(rule.employerAgreementRequired()) && !employerAgreed) {
            throw broken(
                    AssessmentError.EMPLOYER_AGREEMENT_REQUIRED,
                    "The assessment plan requires the employer's "
                            + "agreement "
                            + "to a " + kind + "; set employerAgreed once it is given.");
        }
        long done = priors.stream().filter(p -> p.kind() == attemptKind).count();
        if (rule.maxAttemptsPerMethod() != null && done >= rule.maxAttemptsPerMethod()) {
            throw broken(
                    AssessmentError.TOO_MANY_ATTEMPTS,
                    "The assessment plan allows "
                            + rule.maxAttemptsPerMethod() + " "
                            + kind + "(s) per method; method " + method.code() + " has had " + done + ".");
        }
    }

    private static void checkKsbs(AssessmentPlan.Method method, List<String> codes) {
        Set<String> seen = new HashSet<>();
        for (String code : codes) {
            if (!seen.add(code)) {
                throw broken(AssessmentError.KSB_JUDGED_TWICE, "KSB " + code + " is judged twice.");
            }
            // null ksbCodes: the plan does not say which KSBs the method assesses, so any code is accepted.
            if (method.ksbCodes() != null && !method.ksbCodes().contains(code)) {
                throw broken(
                        AssessmentError.KSB_NOT_ASSESSED_BY_METHOD,
                        "Method " + method.code() + " assesses " + method.ksbCodes() + "; " + code
                                + " is not one of them.");
            }
        }
    }

    private static AssessmentPlan.AttemptRule rule(AssessmentPlan plan, AttemptKind kind) {
        return kind == AttemptKind.resit
                ? plan.resitRetake().resit()
                : plan.resitRetake().retake();
    }

    private static void checkCap(AssessmentPlan plan, AssessmentPlan.Method method, Proposed attempt) {
        String kind = attempt.kind().name();
        AssessmentPlan.AttemptRule rule = rule(plan, attempt.kind());
        String cap = rule.gradeCap();
        if (cap != null
                && method.grades().indexOf(attempt.grade()) > method.grades().indexOf(cap)) {
            boolean lifted =
                    attempt.exceptionalCircumstances() && Boolean.TRUE.equals(rule.exceptionalCircumstancesLiftCap());
            if (!lifted) {
                throw broken(
                        AssessmentError.GRADE_ABOVE_CAP,
                        "The assessment plan caps a " + kind + " at " + cap
                                + (Boolean.TRUE.equals(rule.exceptionalCircumstancesLiftCap())
                                        ? " unless exceptional circumstances apply"
                                        : "")
                                + "; " + attempt.grade()
                                + " is above it.");
            }
        }
    }

    /**
     * The overall grade from the plan's combination table, given each method's current grade; empty while a method
     * has none.
     */
    public static Optional<String> overall(AssessmentPlan plan, Map<String, String> gradeByMethod) {
        Map<String, String> grades = new LinkedHashMap<>();
        for (AssessmentPlan.Method method : plan.methods().items()) {
            String grade = gradeByMethod.get(method.code());
            if (grade == null) {
                return Optional.empty();
            }
            grades.put(method.code(), grade);
        }
        return Optional.of(plan.gradeCombinations().rows().stream()
                .filter(row -> grades.equals(row.methodGrades()))
                .map(AssessmentPlan.GradeCombination::overallGrade)
                .findFirst()
                .orElseThrow(() -> ApiException.of(
                        AssessmentError.GRADE_COMBINATION_MISSING,
                        "The assessment plan's "
                                + "grade combination table has no row for " + grades
                                + "; the plan needs correcting in the "
                                + "standards catalogue.")));
    }

    private static ApiException broken(AssessmentError code, String detail) {
        return ApiException.of(code, detail + " Nothing was saved.");
    }
}
