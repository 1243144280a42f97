package uk.apprenticeships.st1398.standards.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import uk.apprenticeships.st1398.platform.problem.Problem.Violation;
import uk.apprenticeships.st1398.standards.api.AssessmentPlanDocument;
import uk.apprenticeships.st1398.standards.api.AssessmentPlanDocument.AttemptRule;
import uk.apprenticeships.st1398.standards.api.AssessmentPlanDocument.GradeCombination;
import uk.apprenticeships.st1398.standards.api.AssessmentPlanDocument.KsbCoverage;
import uk.apprenticeships.st1398.standards.api.AssessmentPlanDocument.Method;
import uk.apprenticeships.st1398.standards.api.AssessmentPlanDocument.MinimumTimeInLearning;
import uk.apprenticeships.st1398.standards.api.AssessmentPlanDocument.OffTheJobBasis;
import uk.apprenticeships.st1398.standards.api.AssessmentPlanDocument.OffTheJobRule;

/**
 * The rules of a plan that bean validation cannot express, because they relate parts of the plan to each other
 * or to the version: method codes and grades used consistently, a complete combination table without duplicates,
 * KSB codes of this version (methods' and coverage requirements'), caps that are real grades, off-the-job and
 * time-in-learning date ranges that do not overlap (time-in-learning rules also in date order). Runs on a
 * document that already passed bean validation (no nulls where they are required). Collects every violation
 * rather than stopping at the first, so one answer tells a client everything to fix.
 */
public final class AssessmentPlanValidator {

    /** Beyond this a combination table cannot be complete: rows are limited to this many. */
    static final int MAX_COMBINATIONS = 1000;

    private static final int MISSING_SHOWN = 5;

    /** What is wrong; {@code unknownKsbCodes} says whether the caller should be told the valid codes. */
    public record Result(List<Violation> violations, boolean unknownKsbCodes) {

        public boolean valid() {
            return violations.isEmpty();
        }
    }

    private final AssessmentPlanDocument plan;
    private final Set<String> validKsbCodes;
    private final String versionKey;
    private final List<Violation> violations = new ArrayList<>();
    private boolean unknownKsbCodes;

    private AssessmentPlanValidator(AssessmentPlanDocument plan, Collection<String> validKsbCodes, String versionKey) {
        this.plan = plan;
        this.validKsbCodes = Set.copyOf(validKsbCodes);
        this.versionKey = versionKey;
    }

    /** @param validKsbCodes the codes of the version's KSBs (K1..., S1..., B1...) */
    public static Result validate(AssessmentPlanDocument plan, Collection<String> validKsbCodes, String versionKey) {
        AssessmentPlanValidator validator = new AssessmentPlanValidator(plan, validKsbCodes, versionKey);
        validator.run();
        return new Result(List.copyOf(validator.violations), validator.unknownKsbCodes);
    }

    private void run() {
        Map<String, Method> methods = methods();
        grades(plan.gradeCombinations().overallGrades(), "gradeCombinations.overallGrades");
        combinations(methods);
        caps(methods.values());
        gateway();
        offTheJob();
    }

    private void violation(String field, String message) {
        violations.add(new Violation(field, message));
    }

    // -------------------------------------------------------------------------------------------- methods

    private Map<String, Method> methods() {
        Map<String, Method> byCode = new LinkedHashMap<>();
        List<Method> items = plan.methods().items();
        for (int i = 0; i < items.size(); i++) {
            Method method = items.get(i);
            String path = "methods.items[" + i + "]";
            if (byCode.putIfAbsent(method.code(), method) != null) {
                violation(path + ".code", "duplicate method code " + method.code());
            }
            grades(method.grades(), path + ".grades");
            ksbCodes(method.ksbCodes(), path + ".ksbCodes");
        }
        return byCode;
    }

    private void grades(List<String> grades, String path) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < grades.size(); i++) {
            if (!seen.add(grades.get(i))) {
                violation(path + "[" + i + "]", "duplicate grade " + grades.get(i));
            }
        }
    }

    private void ksbCodes(List<String> codes, String path) {
        if (codes == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (!validKsbCodes.contains(code)) {
                unknownKsbCodes = true;
                violation(path + "[" + i + "]", code + " is not a KSB of " + versionKey + "; see validKsbCodes");
            } else if (!seen.add(code)) {
                violation(path + "[" + i + "]", "duplicate KSB code " + code);
            }
        }
    }

    // ------------------------------------------------------------------------------------- combination table

    private void combinations(Map<String, Method> methods) {
        List<GradeCombination> rows = plan.gradeCombinations().rows();
        Set<String> overall = Set.copyOf(plan.gradeCombinations().overallGrades());
        Map<Map<String, String>, Integer> seen = new HashMap<>();
        boolean allRowsValid = true;
        for (int i = 0; i < rows.size(); i++) {
            GradeCombination row = rows.get(i);
            String path = "gradeCombinations.rows[" + i + "]";
            boolean rowValid = rowGrades(row.methodGrades(), methods, path + ".methodGrades");
            if (!overall.contains(row.overallGrade())) {
                violation(
                        path + ".overallGrade",
                        row.overallGrade() + " is not an overall grade ("
                                + String.join(", ", plan.gradeCombinations().overallGrades()) + ")");
            }
            if (rowValid) {
                Integer first = seen.putIfAbsent(Map.copyOf(row.methodGrades()), i);
                if (first != null) {
                    violation(
                            path + ".methodGrades",
                            "the same combination as rows[" + first + "]; each " + "combination must appear once");
                    rowValid = false;
                }
            }
            allRowsValid &= rowValid;
        }
        if (allRowsValid && !methods.isEmpty()) {
            complete(methods, seen.keySet());
        }
    }

    /** Whether the row gives exactly one known grade for each method. */
    private boolean rowGrades(Map<String, String> grades, Map<String, Method> methods, String path) {
        boolean valid = true;
        for (Map.Entry<String, String> entry : grades.entrySet()) {
            Method method = methods.get(entry.getKey());
            if (method == null) {
                violation(
                        path + "." + entry.getKey(),
                        "unknown method " + entry.getKey() + "; the plan's methods are "
                                + String.join(", ", methods.keySet()));
                valid = false;
            } else if (!method.grades().contains(entry.getValue())) {
                violation(
                        path + "." + entry.getKey(),
                        entry.getValue() + " is not a grade of " + method.code() + " ("
                                + String.join(", ", method.grades()) + ")");
                valid = false;
            }
        }
        List<String> missing = methods.keySet().stream()
                .filter(code -> !grades.containsKey(code))
                .toList();
        if (!missing.isEmpty()) {
            violation(
                    path,
                    "has no grade for " + String.join(", ", missing) + "; every row needs a grade for "
                            + "every method");
            valid = false;
        }
        return valid;
    }

    private void complete(Map<String, Method> methods, Set<Map<String, String>> present) {
        long expected = 1;
        for (Method method : methods.values()) {
            expected *= method.grades().size();
            if (expected > MAX_COMBINATIONS) {
                violation(
                        "gradeCombinations.rows",
                        "the methods' grades give more than " + MAX_COMBINATIONS
                                + " combinations, more than a table may have");
                return;
            }
        }
        if (present.size() == expected) {
            return;
        }
        List<Map<String, String>> missing = new ArrayList<>();
        collectMissing(new ArrayList<>(methods.values()), 0, new LinkedHashMap<>(), present, missing);
        violation(
                "gradeCombinations.rows",
                (expected - present.size()) + " of " + expected + " grade combinations "
                        + "have no row, e.g. "
                        + missing.stream()
                                .limit(MISSING_SHOWN)
                                .map(Object::toString)
                                .collect(Collectors.joining(", ")));
    }

    private static void collectMissing(
            List<Method> methods,
            int index,
            LinkedHashMap<String, String> current,
            Set<Map<String, String>> present,
            List<Map<String, String>> missing) {
        if (missing.size() >= MISSING_SHOWN) {
            return;
        }
        if (index == methods.size()) {
            if (!present.contains(current)) {
                missing.add(new LinkedHashMap<>(current));
            }
            return;
        }
        Method method = methods.get(index);
        for (String grade : method.grades()) {
            current.put(method.code(), grade);
            collectMissing(methods, index + 1, current, present, missing);
        }
        current.remove(method.code());
    }

    // ----------------------------------------------------------------------------------- resits and retakes

    private void caps(Collection<Method> methods) {
        cap(plan.resitRetake().resit(), "resitRetake.resit.gradeCap", methods);
        cap(plan.resitRetake().retake(), "resitRetake.retake.gradeCap", methods);
    }

    private void cap(AttemptRule rule, String path, Collection<Method> methods) {
        if (rule.gradeCap() == null) {
            return;
        }
        List<String> without = methods.stream()
                .filter(m -> !m.grades().contains(rule.gradeCap()))
                .map(Method::code)
                .toList();
        if (!without.isEmpty()) {
            violation(
                    path,
                    rule.gradeCap() + " is not a grade of " + String.join(", ", without)
                            + "; a cap must be a grade of every method");
        }
    }

    // ------------------------------------------------------------------------------------------- gateway

    private void gateway() {
        Set<String> codes = new HashSet<>();
        List<AssessmentPlanDocument.GatewayRequirement> requirements =
                plan.gateway().requirements();
        for (int i = 0; i < requirements.size(); i++) {
            if (!codes.add(requirements.get(i).code())) {
                violation(
                        "gateway.requirements[" + i + "].code",
                        "duplicate requirement code " + requirements.get(i).code());
            }
            KsbCoverage coverage = requirements.get(i).ksbCoverage();
            if (coverage != null) {
                String path = "gateway.requirements[" + i + "].ksbCoverage";
                if (coverage.minimumCoveragePercent() == null && coverage.requiredKsbCodes() == null) {
                    violation(path, "needs minimumCoveragePercent, requiredKsbCodes or both");
                }
                ksbCodes(coverage.requiredKsbCodes(), path + ".requiredKsbCodes");
            }
        }
        MinimumTimeInLearning time = plan.gateway().minimumTimeInLearning();
        if (time != null) {
            List<Range> ranges = time.rules().stream()
                    .map(r -> new Range(r.startsFrom(), r.startsBefore()))
                    .toList();
            if (ranges(ranges, "gateway.minimumTimeInLearning.rules")) {
                inOrder(ranges, "gateway.minimumTimeInLearning.rules");
            }
        }
    }

    // ---------------------------------------------------------------------------------------- off the job

    private void offTheJob() {
        List<OffTheJobRule> rules = plan.offTheJob().rules();
        for (int i = 0; i < rules.size(); i++) {
            basis(rules.get(i), "offTheJob.rules[" + i + "]");
        }
        ranges(
                rules.stream()
                        .map(r -> new Range(r.startsFrom(), r.startsBefore()))
                        .toList(),
                "offTheJob.rules");
    }

    /** Start-date ranges [from, before) of rules; null ends are open. */
    private record Range(LocalDate from, LocalDate before) {

        LocalDate start() {
            return Objects.requireNonNullElse(from, LocalDate.MIN);
        }
    }

    /** Each range runs forwards and none overlaps another; whether they did. */
    private boolean ranges(List<Range> ranges, String path) {
        boolean valid = true;
        for (int i = 0; i < ranges.size(); i++) {
            Range range = ranges.get(i);
            if (range.from() != null && range.before() != null && !range.from().isBefore(range.before())) {
                violation(path + "[" + i + "].startsBefore", "must be after startsFrom (" + range.from() + ")");
                valid = false;
            }
        }
        if (!valid) {
            return false;
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> ranges.get(i).start()));
        for (int k = 1; k < order.size(); k++) {
            Range previous = ranges.get(order.get(k - 1));
            Range range = ranges.get(order.get(k));
            // Half-open ranges [from, before): they overlap unless the earlier one ends on or before this start.
            if (previous.before() == null || previous.before().isAfter(range.start())) {
                violation(
                        path + "[" + order.get(k) + "]",
                        "its start dates overlap rules[" + order.get(k - 1)
                                + "]; at most one rule may apply to any start date");
                valid = false;
            }
        }
        return valid;
    }

    /** Rules listed in order of start date, so the table reads as a timeline. */
    private void inOrder(List<Range> ranges, String path) {
        for (int i = 1; i < ranges.size(); i++) {
            if (ranges.get(i).start().isBefore(ranges.get(i - 1).start())) {
                violation(
                        path + "[" + i + "]",
                        "starts before rules[" + (i - 1) + "]; list the rules in order of " + "start date");
            }
        }
    }

    private void basis(OffTheJobRule rule, String path) {
        boolean weekly = rule.basis() == OffTheJobBasis.WEEKLY_HOURS;
        require(rule.hoursPerWeek(), weekly, path + ".hoursPerWeek", rule.basis());
        require(rule.fullTimeWeeklyHours(), weekly, path + ".fullTimeWeeklyHours", rule.basis());
        require(rule.minimumHours(), !weekly, path + ".minimumHours", rule.basis());
    }

    private void require(Object value, boolean needed, String path, OffTheJobBasis basis) {
        if (needed && value == null) {
            violation(path, "is required for basis " + basis);
        } else if (!needed && value != null) {
            violation(path, "does not apply to basis " + basis + "; leave it out");
        }
    }
}
