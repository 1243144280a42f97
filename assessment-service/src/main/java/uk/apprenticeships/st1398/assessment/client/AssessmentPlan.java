package uk.apprenticeships.st1398.assessment.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of a standard version's assessment plan (standards-service {@code AssessmentPlanResponse}) that grading
 * and the gateway-to-completion readiness check read. Everything those rules need comes from here, so another
 * standard needs data, not code. Members we do not use (sources, confirmation flags) are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AssessmentPlan(
        String key,
        AssessmentPeriod assessmentPeriod,
        Methods methods,
        GradeCombinations gradeCombinations,
        ResitRetake resitRetake,
        Gateway gateway,
        OffTheJob offTheJob) {

    /**
     * What must be met before the assessment; null or empty requirements: none. {@code minimumTimeInLearning} null:
     * the plan sets no minimum time in learning.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Gateway(List<GatewayRequirement> requirements, MinimumTimeInLearning minimumTimeInLearning) {}

    /** {@code ksbCoverage} present: the requirement is met by the portfolio's KSB coverage reaching it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GatewayRequirement(String code, String description, Conditions conditions, KsbCoverage ksbCoverage) {}

    /**
     * How much KSB coverage is enough: at least {@code minimumCoveragePercent} of the version's KSBs (null: no
     * percentage) and every KSB in {@code requiredKsbCodes} (null or empty: none in particular).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record KsbCoverage(BigDecimal minimumCoveragePercent, List<String> requiredKsbCodes) {

        public List<String> required() {
            return requiredKsbCodes == null ? List.of() : requiredKsbCodes;
        }
    }

    /** Months in learning before the gateway, by start date; at most one rule applies to a start date. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MinimumTimeInLearning(List<TimeInLearningRule> rules) {

        public Optional<TimeInLearningRule> ruleFor(LocalDate start) {
            return rules == null
                    ? Optional.empty()
                    : rules.stream().filter(r -> r.applies(start)).findFirst();
        }
    }

    /** Starts on or after {@code startsFrom} and before {@code startsBefore}; null ends are open. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TimeInLearningRule(LocalDate startsFrom, LocalDate startsBefore, Integer months) {

        public boolean applies(LocalDate start) {
            return months != null
                    && (startsFrom == null || !start.isBefore(startsFrom))
                    && (startsBefore == null || start.isBefore(startsBefore));
        }
    }

    /** When a requirement applies; null members: no condition. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Conditions(AgeRange applicableAgeAtStart) {}

    /** Age in whole years at the start of the apprenticeship, both ends included; null max: no upper limit. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AgeRange(Integer min, Integer max) {}

    /** Minimum off-the-job training rules by start date; evidence-service works out the hours from them. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OffTheJob(List<Object> rules) {}

    public List<GatewayRequirement> gatewayRequirements() {
        return gateway == null || gateway.requirements() == null ? List.of() : gateway.requirements();
    }

    /** The plan's minimum time in learning; null when it sets none. */
    public MinimumTimeInLearning minimumTimeInLearning() {
        return gateway == null ? null : gateway.minimumTimeInLearning();
    }

    public boolean hasOffTheJobRules() {
        return offTheJob != null
                && offTheJob.rules() != null
                && !offTheJob.rules().isEmpty();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AssessmentPeriod(Integer months) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Methods(List<Method> items) {}

    /** An assessment method; {@code grades} lowest first, so the first is the failing grade. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Method(String code, String name, List<String> grades, List<String> ksbCodes) {

        public String lowestGrade() {
            return grades.get(0);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GradeCombinations(List<String> overallGrades, List<GradeCombination> rows) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GradeCombination(Map<String, String> methodGrades, String overallGrade) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ResitRetake(AttemptRule resit, AttemptRule retake) {}

    /** How resits or retakes work: null {@code gradeCap} means no cap, null {@code maxAttemptsPerMethod} no limit. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AttemptRule(
            Boolean employerAgreementRequired,
            String gradeCap,
            Integer maxAttemptsPerMethod,
            Boolean exceptionalCircumstancesLiftCap) {}

    public Optional<Method> method(String code) {
        return methods.items().stream().filter(m -> m.code().equals(code)).findFirst();
    }

    /** Whether the plan has every member grading needs; a plan without them cannot be graded against. */
    public boolean usable() {
        return assessmentPeriod != null
                && assessmentPeriod.months() != null
                && methods != null
                && methods.items() != null
                && !methods.items().isEmpty()
                && methods.items().stream()
                        .allMatch(m -> m.code() != null
                                && m.grades() != null
                                && !m.grades().isEmpty())
                && gradeCombinations != null
                && gradeCombinations.rows() != null
                && resitRetake != null
                && capIsAGradeOfEveryMethod(resitRetake.resit())
                && capIsAGradeOfEveryMethod(resitRetake.retake());
    }

    private boolean capIsAGradeOfEveryMethod(AttemptRule rule) {
        return rule != null
                && (rule.gradeCap() == null
                        || methods.items().stream().allMatch(m -> m.grades().contains(rule.gradeCap())));
    }
}
