package uk.apprenticeships.st1398.assessment.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import uk.apprenticeships.st1398.assessment.api.GatewayReadinessResponse;
import uk.apprenticeships.st1398.assessment.api.GatewayReadinessResponse.Declaration;
import uk.apprenticeships.st1398.assessment.api.GatewayReadinessResponse.Item;
import uk.apprenticeships.st1398.assessment.api.GatewayReadinessResponse.Waiver;
import uk.apprenticeships.st1398.assessment.client.AssessmentPlan;
import uk.apprenticeships.st1398.assessment.client.EvidenceClient;
import uk.apprenticeships.st1398.assessment.domain.ReadinessStatus;

/**
 * The gateway-to-completion readiness check. Which items apply, and every threshold, come from the assessment plan:
 * one item per gateway requirement (its age condition applied), off-the-job hours when the plan has off-the-job
 * rules, and the minimum time in learning when the plan has rules for it. A requirement with {@code ksbCoverage}
 * thresholds is checked against evidence-service's coverage; every other requirement is met by a declaration the
 * provider records. Nothing here names a standard. Pure functions, so they are tested without a database.
 */
public final class GatewayRules {

    public static final String COVERAGE = "coverage";
    public static final String OFF_THE_JOB = "off-the-job-hours";
    public static final String MINIMUM_TIME = "minimum-time-in-learning";

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * Requirement codes checked against KSB coverage even without {@code ksbCoverage} thresholds, as every KSB
     * (100%): plans stored before requirements carried thresholds.
     */
    static final Set<String> KSB_COVERAGE_CODES = Set.of("PORTFOLIO_MAPPED_TO_KSBS", "KSB_COVERAGE");

    static final AssessmentPlan.KsbCoverage EVERY_KSB = new AssessmentPlan.KsbCoverage(HUNDRED, null);

    /** The API's names for well-known requirement codes; any other code is named by its kebab-case form. */
    private static final Map<String, String> ITEM_NAMES = Map.of(
            "PORTFOLIO_MAPPED_TO_KSBS", COVERAGE,
            "KSB_COVERAGE", COVERAGE,
            "ENGLISH_MATHS", "english-and-maths",
            "EMPLOYER_CONFIRMS_COMPETENCE", "employer-confirmation",
            "PROJECT_SCOPE_SIGNED_OFF", "project-scope-sign-off");

    /** How an item is checked. */
    public enum Check {
        KSB_COVERAGE,
        OFF_THE_JOB_HOURS,
        TIME_IN_LEARNING,
        DECLARATION
    }

    /**
     * An item the plan makes part of the gateway (before its conditions are applied), with the plan's thresholds
     * for its check: {@code ksbCoverage} for KSB_COVERAGE, {@code minimumTime} for TIME_IN_LEARNING.
     */
    public record Definition(
            String item,
            String requirement,
            String description,
            Check check,
            AssessmentPlan.AgeRange ageAtStart,
            AssessmentPlan.KsbCoverage ksbCoverage,
            AssessmentPlan.MinimumTimeInLearning minimumTime) {}

    /** What the readiness check reads; coverage and offTheJob are null when no item needs them. */
    public record Inputs(
            UUID assessmentId,
            String standardVersion,
            EvidenceClient.Apprentice apprentice,
            EvidenceClient.Coverage coverage,
            EvidenceClient.OffTheJobSummary offTheJob,
            Map<String, Waiver> waivers,
            Map<String, Declaration> declarations,
            OffsetDateTime now) {}

    private GatewayRules() {}

    /**
     * The plan's gateway items, in the plan's order, then off-the-job hours and the minimum time in learning (each
     * only when the plan has rules for it).
     */
    public static List<Definition> definitions(AssessmentPlan plan) {
        List<Definition> items = new ArrayList<>();
        for (AssessmentPlan.GatewayRequirement requirement : plan.gatewayRequirements()) {
            AssessmentPlan.KsbCoverage coverage = requirement.ksbCoverage() != null
                    ? requirement.ksbCoverage()
                    : KSB_COVERAGE_CODES.contains(requirement.code()) ? EVERY_KSB : null;
            items.add(new Definition(
                    itemName(requirement.code()),
                    requirement.code(),
                    requirement.description(),
                    coverage != null ? Check.KSB_COVERAGE : Check.DECLARATION,
                    requirement.conditions() == null
                            ? null
                            : requirement.conditions().applicableAgeAtStart(),
                    coverage,
                    null));
        }
        if (plan.hasOffTheJobRules()) {
            items.add(new Definition(
                    OFF_THE_JOB,
                    null,
                    "The minimum off-the-job training hours of the assessment "
                            + "plan for the apprentice's start date, approved by the provider.",
                    Check.OFF_THE_JOB_HOURS,
                    null,
                    null,
                    null));
        }
        if (plan.minimumTimeInLearning() != null) {
            items.add(new Definition(
                    MINIMUM_TIME,
                    null,
                    "The minimum time in learning between the start of the "
                            + "apprenticeship and the gateway, from the assessment plan's rules by start date.",
                    Check.TIME_IN_LEARNING,
                    null,
                    null,
                    plan.minimumTimeInLearning()));
        }
        return items;
    }

    public static String itemName(String requirementCode) {
        return ITEM_NAMES.getOrDefault(
                requirementCode, requirementCode.toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    public static Optional<Definition> definition(AssessmentPlan plan, String item) {
        return definitions(plan).stream().filter(d -> d.item().equals(item)).findFirst();
    }

    /** Age in whole years on a day: a birthday counts from the day itself (29 February birthdays from 1 March). */
    public static int ageOn(LocalDate dateOfBirth, LocalDate day) {
        return Period.between(dateOfBirth, day).getYears();
    }

    /**
     * The apprentice's age in whole years at the start: from the date of birth when the caller's view of the
     * apprentice has it, otherwise evidence-service's own {@code ageAtStart} (employers' view); null when neither.
     */
    static Integer ageAtStart(EvidenceClient.Apprentice apprentice) {
        if (apprentice.dateOfBirth() != null && apprentice.startDate() != null) {
            return ageOn(apprentice.dateOfBirth(), apprentice.startDate());
        }
        return apprentice.ageAtStart();
    }

    /** The readiness check: every threshold comes from the definitions, that is from the plan. */
    public static GatewayReadinessResponse check(List<Definition> definitions, Inputs in) {
        List<Item> items = new ArrayList<>();
        LocalDate today = in.now().toLocalDate();
        for (Definition definition : definitions) {
            Outcome outcome = applies(definition, in.apprentice());
            if (outcome == null) {
                outcome = switch (definition.check()) {
                    case KSB_COVERAGE -> coverage(in.coverage(), definition.ksbCoverage());
                    case OFF_THE_JOB_HOURS -> offTheJob(in.offTheJob());
                    case TIME_IN_LEARNING ->
                        timeInLearning(in.apprentice().startDate(), today, definition.minimumTime());
                    case DECLARATION -> declaration(in.declarations().get(definition.item()));
                };
            }
            Map<String, Object> ageDetails = ageDetails(definition, in.apprentice());
            if (!ageDetails.isEmpty() && !outcome.details().keySet().containsAll(ageDetails.keySet())) {
                Map<String, Object> merged = new LinkedHashMap<>(ageDetails);
                merged.putAll(outcome.details());
                outcome = new Outcome(outcome.status(), outcome.reason(), merged);
            }
            Waiver waiver = in.waivers().get(definition.item());
            ReadinessStatus status = outcome.status();
            if (waiver != null && status == ReadinessStatus.FAILED) {
                status = ReadinessStatus.WAIVED;
            }
            items.add(new Item(
                    definition.item(),
                    definition.requirement(),
                    definition.description(),
                    status,
                    outcome.reason() + (status == ReadinessStatus.WAIVED ? " Waived: " + waiver.reason() : ""),
                    outcome.details(),
                    waiver,
                    definition.check() == Check.DECLARATION ? in.declarations().get(definition.item()) : null));
        }
        boolean ready = items.stream().allMatch(i -> i.status() != ReadinessStatus.FAILED);
        return new GatewayReadinessResponse(
                ready, in.now(), in.assessmentId(), in.apprentice().id(), in.standardVersion(), items);
    }

    private record Outcome(ReadinessStatus status, String reason, Map<String, Object> details) {}

    /** Not applicable when the apprentice's age at start is outside the requirement's range; null when it applies. */
    private static Outcome applies(Definition definition, EvidenceClient.Apprentice apprentice) {
        AssessmentPlan.AgeRange range = definition.ageAtStart();
        if (range == null || range.min() == null && range.max() == null) {
            return null;
        }
        String span = range.max() == null ? range.min() + " or over" : range.min() + " to " + range.max();
        Integer ageAtStart = ageAtStart(apprentice);
        if (ageAtStart == null) {
            return new Outcome(
                    ReadinessStatus.FAILED,
                    "Applies to apprentices aged " + span + " at the start; "
                            + "evidence-service has no date of birth or start date to tell.",
                    Map.of());
        }
        int age = ageAtStart;
        Map<String, Object> details =
                details("ageAtStart", age, "applicableAgeMin", range.min(), "applicableAgeMax", range.max());
        boolean inRange = (range.min() == null || age >= range.min()) && (range.max() == null || age <= range.max());
        if (!inRange) {
            return new Outcome(
                    ReadinessStatus.NOT_APPLICABLE,
                    "Applies to apprentices aged " + span + " at the "
                            + "start; this "
                            + "apprentice was " + age + " on " + apprentice.startDate() + ".",
                    details);
        }
        return null;
    }

    /** The apprentice's age at start and the requirement's range, for a requirement with an age condition. */
    private static Map<String, Object> ageDetails(Definition definition, EvidenceClient.Apprentice apprentice) {
        AssessmentPlan.AgeRange range = definition.ageAtStart();
        Integer ageAtStart = ageAtStart(apprentice);
        if (range == null || ageAtStart == null) {
            return Map.of();
        }
        return details("ageAtStart", ageAtStart, "applicableAgeMin", range.min(), "applicableAgeMax", range.max());
    }

    /**
     * Coverage against the plan's thresholds: at least the minimum share of the version's KSBs covered (exactly the
     * minimum is enough) and every required KSB covered.
     */
    private static Outcome coverage(EvidenceClient.Coverage coverage, AssessmentPlan.KsbCoverage thresholds) {
        List<String> missing = coverage.ksbs() == null
                ? List.copyOf(coverage.gaps() == null ? List.of() : coverage.gaps())
                : coverage.ksbs().stream()
                        .filter(k -> !"covered".equals(k.status()))
                        .map(EvidenceClient.Ksb::code)
                        .toList();
        Set<String> covered = coverage.ksbs() == null
                ? null
                : coverage.ksbs().stream()
                        .filter(k -> "covered".equals(k.status()))
                        .map(EvidenceClient.Ksb::code)
                        .collect(Collectors.toSet());
        List<String> requiredMissing = thresholds.required().stream()
                .filter(code -> covered == null ? missing.contains(code) : !covered.contains(code))
                .toList();
        BigDecimal minimum = thresholds.minimumCoveragePercent();
        BigDecimal percent = coverage.totalKsbs() == 0
                ? BigDecimal.ZERO
                : BigDecimal.valueOf(coverage.coveredKsbs())
                        .multiply(HUNDRED)
                        .divide(BigDecimal.valueOf(coverage.totalKsbs()), 2, RoundingMode.DOWN);
        Map<String, Object> details = details(
                "totalKsbs",
                coverage.totalKsbs(),
                "coveredKsbs",
                coverage.coveredKsbs(),
                "inProgressKsbs",
                coverage.inProgressKsbs(),
                "coveragePercent",
                plainNumber(percent),
                "minimumCoveragePercent",
                minimum,
                "requiredKsbCodes",
                thresholds.requiredKsbCodes(),
                "missingRequiredKsbCodes",
                thresholds.required().isEmpty() ? null : requiredMissing,
                "missing",
                missing);
        if (coverage.totalKsbs() == 0) {
            return new Outcome(
                    ReadinessStatus.FAILED,
                    "evidence-service lists no KSBs for "
                            + coverage.standardVersion() + ", so "
                            + "coverage cannot be shown.",
                    details);
        }
        // covered / total >= minimum / 100, compared without rounding so that exactly the minimum is enough.
        boolean enough = minimum == null
                || BigDecimal.valueOf(coverage.coveredKsbs())
                                .multiply(HUNDRED)
                                .compareTo(minimum.multiply(BigDecimal.valueOf(coverage.totalKsbs())))
                        >= 0;
        boolean met = enough && requiredMissing.isEmpty();
        String counts = coverage.coveredKsbs() + " of " + coverage.totalKsbs() + " KSBs have accepted evidence";
        if (thresholds.required().isEmpty() && minimum != null && minimum.compareTo(HUNDRED) == 0) {
            // Every KSB: the missing ones say it all.
            return met
                    ? new Outcome(ReadinessStatus.PASSED, counts + ".", details)
                    : new Outcome(
                            ReadinessStatus.FAILED, counts + "; missing " + String.join(", ", missing) + ".", details);
        }
        List<String> needs = new ArrayList<>();
        if (minimum != null) {
            needs.add("at least " + plain(minimum) + "%");
        }
        if (!thresholds.required().isEmpty()) {
            needs.add(String.join(", ", thresholds.required()) + " covered");
        }
        String text = counts + " (" + plain(percent) + "%); the plan requires " + String.join(" and ", needs);
        if (met) {
            return new Outcome(ReadinessStatus.PASSED, text + ".", details);
        }
        List<String> shortOf = new ArrayList<>();
        if (!enough) {
            shortOf.add("below " + plain(minimum) + "%");
        }
        if (!requiredMissing.isEmpty()) {
            shortOf.add("required " + String.join(", ", requiredMissing) + " not covered");
        }
        return new Outcome(ReadinessStatus.FAILED, text + "; " + String.join("; ", shortOf) + ".", details);
    }

    private static Outcome offTheJob(EvidenceClient.OffTheJobSummary summary) {
        BigDecimal approved = summary.approvedHours() == null ? BigDecimal.ZERO : summary.approvedHours();
        BigDecimal pending = summary.pendingHours() == null ? BigDecimal.ZERO : summary.pendingHours();
        BigDecimal required = summary.requiredHours();
        Map<String, Object> details = details(
                "approvedHours",
                approved,
                "pendingHours",
                pending,
                "requiredHours",
                required,
                "calculation",
                summary.calculation());
        if (required == null) {
            return new Outcome(
                    ReadinessStatus.FAILED,
                    "The minimum off-the-job hours cannot be worked out: " + summary.requirementUnavailable(),
                    details);
        }
        String counts = plain(approved) + " of " + plain(required) + " required off-the-job hours approved";
        if (approved.compareTo(required) >= 0) {
            return new Outcome(ReadinessStatus.PASSED, counts + ".", details);
        }
        BigDecimal shortfall = required.subtract(approved);
        details.put("shortfallHours", shortfall);
        return new Outcome(
                ReadinessStatus.FAILED,
                counts + " (" + plain(pending) + " pending); " + plain(shortfall) + " short.",
                details);
    }

    private static Outcome timeInLearning(
            LocalDate start, LocalDate today, AssessmentPlan.MinimumTimeInLearning minimumTime) {
        if (start == null) {
            return new Outcome(
                    ReadinessStatus.FAILED, "evidence-service has no start date for the " + "apprentice.", Map.of());
        }
        Optional<AssessmentPlan.TimeInLearningRule> found = minimumTime.ruleFor(start);
        if (found.isEmpty()) {
            return new Outcome(
                    ReadinessStatus.NOT_APPLICABLE,
                    "The assessment plan sets no minimum time in learning " + "for starts on " + start + ".",
                    details("startDate", start));
        }
        AssessmentPlan.TimeInLearningRule rule = found.get();
        int months = (int) Math.max(0, Period.between(start, today).toTotalMonths());
        LocalDate metOn = start.plusMonths(rule.months());
        Map<String, Object> details = details(
                "startDate",
                start,
                "monthsInLearning",
                months,
                "minimumMonths",
                rule.months(),
                "minimumMetOn",
                metOn,
                "ruleStartsFrom",
                rule.startsFrom(),
                "ruleStartsBefore",
                rule.startsBefore());
        String counts = "In learning " + months + " whole months since " + start + "; the minimum for starts "
                + range(rule) + " is " + rule.months() + " months, reached on " + metOn + ".";
        return new Outcome(metOn.isAfter(today) ? ReadinessStatus.FAILED : ReadinessStatus.PASSED, counts, details);
    }

    private static String range(AssessmentPlan.TimeInLearningRule rule) {
        if (rule.startsFrom() == null) {
            return rule.startsBefore() == null ? "on any date" : "before " + rule.startsBefore();
        }
        return "from " + rule.startsFrom() + (rule.startsBefore() == null ? "" : " and before " + rule.startsBefore());
    }

    private static Outcome declaration(Declaration declaration) {
        if (declaration == null) {
            return new Outcome(
                    ReadinessStatus.FAILED,
                    "No declaration recorded yet; the provider records it with POST " + ".../gateway/declarations.",
                    Map.of());
        }
        return new Outcome(
                ReadinessStatus.PASSED,
                "Declared by " + declaration.declaredBy() + " on "
                        + declaration.declaredOn()
                        + (declaration.reference() == null ? "" : " (reference: " + declaration.reference() + ")")
                        + ".",
                details("declaredOn", declaration.declaredOn()));
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** 71.42 as it is, 100.00 as 100: a number in details without trailing zeros or exponent. */
    private static BigDecimal plainNumber(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** An ordered, mutable map of alternating keys and values; null values are left out. */
    private static Map<String, Object> details(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                map.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return map;
    }
}
