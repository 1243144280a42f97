package uk.apprenticeships.st1398.standards.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.platform.problem.Problem.Violation;
import uk.apprenticeships.st1398.standards.api.AssessmentPlanDocument;
import uk.apprenticeships.st1398.standards.api.AssessmentPlanDocument.OffTheJobBasis;
import uk.apprenticeships.st1398.standards.api.AssessmentPlanDocument.OffTheJobRule;
import uk.apprenticeships.st1398.standards.api.AssessmentPlanResponse;
import uk.apprenticeships.st1398.standards.api.OffTheJobRequirementResponse;
import uk.apprenticeships.st1398.standards.config.StandardsError;
import uk.apprenticeships.st1398.standards.domain.AssessmentPlan;
import uk.apprenticeships.st1398.standards.domain.Ksb;
import uk.apprenticeships.st1398.standards.domain.StandardVersion;
import uk.apprenticeships.st1398.standards.events.StandardsEvents;
import uk.apprenticeships.st1398.standards.mapping.AssessmentPlanMapper;
import uk.apprenticeships.st1398.standards.repository.AssessmentPlanRepository;
import uk.apprenticeships.st1398.standards.repository.StandardRepository;
import uk.apprenticeships.st1398.standards.repository.StandardVersionRepository;

/**
 * Assessment plans of standard versions: read, replace (validated whole, so a refused plan changes nothing),
 * seed, and the off-the-job minimum for a start date. Nothing here knows any particular standard.
 */
@ApplicationScoped
public class AssessmentPlanService {

    /** The outcome of a replace: the plan as now stored, and whether the version had none before. */
    public record Replaced(AssessmentPlanResponse plan, boolean created) {}

    /** What {@code standard-version.changed} names as changed when a version's assessment plan changed. */
    public static final String ASSESSMENT_PLAN = "assessment-plan";

    private final StandardRepository standards;
    private final StandardVersionRepository versions;
    private final AssessmentPlanRepository plans;
    private final ObjectMapper json;
    private final ObjectReader strictReader;
    private final Validator validator;
    private final Clock clock;
    private final StandardsEvents events;

    public AssessmentPlanService(
            StandardRepository standards,
            StandardVersionRepository versions,
            AssessmentPlanRepository plans,
            ObjectMapper json,
            Validator validator,
            Clock clock,
            StandardsEvents events) {
        this.events = events;
        this.standards = standards;
        this.versions = versions;
        this.plans = plans;
        this.json = json;
        this.validator = validator;
        this.clock = clock;
        // Unknown members are refused: a misspelt field must not silently drop part of a plan.
        this.strictReader = json.readerFor(AssessmentPlanDocument.class)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    /** Reads a plan document strictly; malformed JSON surfaces as a {@link JsonProcessingException} (a 400). */
    public AssessmentPlanDocument read(String body) throws JsonProcessingException {
        if (body == null || body.isBlank()) {
            throw ApiException.invalid("request", "a JSON body is required");
        }
        return strictReader.readValue(body);
    }

    public AssessmentPlanDocument read(InputStream in) throws IOException {
        return strictReader.readValue(in);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AssessmentPlanResponse get(String reference, String versionNumber) {
        StandardVersion version = version(reference, versionNumber);
        AssessmentPlan plan = plans.findByIdOptional(version.id).orElseThrow(() -> noPlan(reference, versionNumber));
        return toResponse(reference, versionNumber, plan);
    }

    /**
     * Replaces the version's plan with this one, or refuses it whole with every violation found. Writes to one
     * version are serialised (its row is locked), so the precondition sees the plan this write replaces.
     *
     * @param precondition given the current plan (null if none), whether the write may go ahead (If-Match)
     */
    @Transactional
    public Replaced replace(
            String reference,
            String versionNumber,
            AssessmentPlanDocument document,
            Predicate<AssessmentPlanResponse> precondition) {
        StandardVersion version = version(reference, versionNumber);
        versions.getEntityManager().lock(version, LockModeType.PESSIMISTIC_WRITE);
        AssessmentPlan plan = plans.findById(version.id);
        if (!precondition.test(plan == null ? null : toResponse(reference, versionNumber, plan))) {
            throw ApiException.of(
                    StandardsError.PLAN_CHANGED,
                    "The assessment plan of " + version.key()
                            + (plan == null
                                    ? " does not exist, so If-Match cannot match it."
                                    : " has changed since the version named in "
                                            + "If-Match; read it again and reapply your change."));
        }
        check(document, version);
        boolean created = plan == null;
        // Every accepted PUT stores a new revision (a new ETag), also of the same plan: its event then names no
        // section.
        List<String> sections = sectionsChanged(created ? null : parse(plan.document), document);
        if (created) {
            plan = newPlan(version);
        }
        plan.document = write(document);
        plan.updatedAt = now();
        if (created) {
            plans.persist(plan);
        }
        events.versionChanged(version, ASSESSMENT_PLAN, sections);
        plans.flush();
        Log.infof("%s assessment plan of %s", created ? "Created" : "Replaced", version.key());
        return new Replaced(toResponse(reference, versionNumber, plan), created);
    }

    /**
     * Stores a bundled plan if the version has none; an existing plan set by an admin wins. One exception: a stored
     * plan that is exactly this bundled plan without its gateway thresholds (coverage and minimum time in learning,
     * which older releases did not have) is the untouched seed of an older release, and is upgraded to this one. A
     * bundled plan that is invalid or names a missing version is a build defect and fails the start.
     *
     * @return whether it was stored or upgraded
     */
    @Transactional
    public boolean seed(String reference, String versionNumber, AssessmentPlanDocument document) {
        versions.lockForImport();
        StandardVersion version = versions.findVersion(reference, versionNumber)
                .orElseThrow(() -> new IllegalStateException("Bundled assessment plan for " + reference + "_"
                        + versionNumber + " names a version the catalogue does not have"));
        AssessmentPlan stored = plans.findById(version.id);
        if (stored != null && !olderSeedOf(parse(stored.document), document)) {
            return false;
        }
        try {
            check(document, version);
        } catch (ApiException e) {
            throw new IllegalStateException(
                    "Bundled assessment plan for " + version.key() + " is invalid: " + describe(e), e);
        }
        if (stored != null) {
            List<String> sections = sectionsChanged(parse(stored.document), document);
            stored.document = write(document);
            stored.updatedAt = now();
            events.versionChanged(version, ASSESSMENT_PLAN, sections);
            Log.infof("Upgraded the seeded assessment plan of %s with its gateway thresholds", version.key());
            return true;
        }
        AssessmentPlan plan = newPlan(version);
        plan.document = write(document);
        plans.persist(plan);
        events.versionChanged(version, ASSESSMENT_PLAN, sectionsChanged(null, document));
        Log.infof("Seeded assessment plan of %s", version.key());
        return true;
    }

    /**
     * The plan's top-level members ({@code methods}, {@code gateway}, ...) whose value differs between the two
     * plans, in the plan's order; with no plan before, those the new plan has. Empty: the same plan.
     */
    static List<String> sectionsChanged(AssessmentPlanDocument before, AssessmentPlanDocument after) {
        List<String> sections = new ArrayList<>();
        for (RecordComponent c : AssessmentPlanDocument.class.getRecordComponents()) {
            try {
                Object then = before == null ? null : c.getAccessor().invoke(before);
                Object now = c.getAccessor().invoke(after);
                if (!Objects.equals(then, now)) {
                    sections.add(c.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return sections;
    }

    /** Whether {@code stored} is {@code bundled} as a release without gateway thresholds seeded it. */
    static boolean olderSeedOf(AssessmentPlanDocument stored, AssessmentPlanDocument bundled) {
        return !stored.equals(bundled) && stored.equals(withoutGatewayThresholds(bundled));
    }

    static AssessmentPlanDocument withoutGatewayThresholds(AssessmentPlanDocument plan) {
        AssessmentPlanDocument.Gateway gateway = plan.gateway();
        List<AssessmentPlanDocument.GatewayRequirement> requirements = gateway.requirements().stream()
                .map(r -> new AssessmentPlanDocument.GatewayRequirement(
                        r.code(), r.description(), r.conditions(), null, r.confirmed(), r.source()))
                .toList();
        return new AssessmentPlanDocument(
                plan.sourceNote(),
                plan.assessmentPeriod(),
                plan.methods(),
                plan.gradeCombinations(),
                new AssessmentPlanDocument.Gateway(gateway.confirmed(), gateway.source(), requirements, null),
                plan.resitRetake(),
                plan.offTheJob());
    }

    /**
     * The minimum off-the-job hours for an apprenticeship of this version starting on {@code startDate}.
     *
     * @param plannedWeeks planned weeks of training excluding leave; needed by weekly rules only
     * @param weeklyContractedHours null: full time
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public OffTheJobRequirementResponse offTheJobRequirement(
            String reference,
            String versionNumber,
            LocalDate startDate,
            Integer plannedWeeks,
            BigDecimal weeklyContractedHours) {
        StandardVersion version = version(reference, versionNumber);
        AssessmentPlan plan = plans.findByIdOptional(version.id).orElseThrow(() -> noPlan(reference, versionNumber));
        OffTheJobRule rule = parse(plan.document).offTheJob().rules().stream()
                .filter(r -> applies(r, startDate))
                .findFirst()
                .orElseThrow(() -> ApiException.of(
                        StandardsError.OFF_THE_JOB_RULE_NOT_FOUND,
                        "The assessment plan of " + version.key() + " has no "
                                + "off-the-job rule for apprenticeships starting on " + startDate + "."));
        if (rule.basis() == OffTheJobBasis.FIXED_HOURS) {
            return new OffTheJobRequirementResponse(
                    version.key(),
                    startDate,
                    plannedWeeks,
                    weeklyContractedHours,
                    BigDecimal.valueOf(rule.minimumHours()),
                    "Fixed minimum of " + rule.minimumHours() + " hours for starts " + range(rule)
                            + ", whatever the duration and weekly hours",
                    rule.confirmed(),
                    rule);
        }
        if (plannedWeeks == null) {
            throw ApiException.invalid(
                    "plannedWeeks",
                    "is required for starts " + range(rule) + ": the minimum " + "is "
                            + rule.hoursPerWeek().toPlainString() + " hours a week of planned training");
        }
        BigDecimal hours = weeklyContractedHours == null
                ? rule.fullTimeWeeklyHours()
                : weeklyContractedHours.min(rule.fullTimeWeeklyHours());
        BigDecimal minimum = plain(rule.hoursPerWeek()
                .multiply(BigDecimal.valueOf(plannedWeeks))
                .multiply(hours)
                .divide(rule.fullTimeWeeklyHours(), 2, RoundingMode.CEILING));
        String calculation = rule.hoursPerWeek().toPlainString() + " hours a week × " + plannedWeeks + " weeks"
                + (hours.compareTo(rule.fullTimeWeeklyHours()) < 0
                        ? " × " + hours.toPlainString() + "/"
                                + rule.fullTimeWeeklyHours().toPlainString() + " contracted hours (pro rata)"
                        : "")
                + " for starts " + range(rule);
        return new OffTheJobRequirementResponse(
                version.key(),
                startDate,
                plannedWeeks,
                weeklyContractedHours,
                minimum,
                calculation,
                rule.confirmed(),
                rule);
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private void check(AssessmentPlanDocument document, StandardVersion version) {
        Set<ConstraintViolation<AssessmentPlanDocument>> shape = validator.validate(document);
        if (!shape.isEmpty()) {
            throw invalid(
                    shape.stream()
                            .map(v -> new Violation(path(v.getPropertyPath()), v.getMessage()))
                            .sorted(Comparator.comparing(Violation::field).thenComparing(Violation::message))
                            .toList(),
                    null);
        }
        List<String> ksbCodes = version.ksbs.stream()
                .sorted(Comparator.comparing((Ksb k) -> k.kind).thenComparingInt(k -> k.position))
                .map(Ksb::code)
                .toList();
        AssessmentPlanValidator.Result result = AssessmentPlanValidator.validate(document, ksbCodes, version.key());
        if (!result.valid()) {
            throw invalid(result.violations(), result.unknownKsbCodes() ? Map.of("validKsbCodes", ksbCodes) : null);
        }
    }

    private static ApiException invalid(List<Violation> violations, Map<String, Object> extensions) {
        String detail = violations.size() == 1
                ? "The assessment plan is invalid: " + violations.get(0).field() + " "
                        + violations.get(0).message()
                : "The assessment plan has " + violations.size() + " problems; see violations";
        return new ApiException(StandardsError.PLAN_INVALID, detail, violations, extensions);
    }

    /**
     * The JSON path of a violation, {@code offTheJob.rules[1].minimumHours}: Bean Validation puts a list index on
     * the node after the list, and names list elements {@code <list element>}, neither of which a client sent.
     */
    static String path(Path path) {
        StringBuilder sb = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable()) {
                sb.append('[')
                        .append(node.getIndex() != null ? node.getIndex() : node.getKey())
                        .append(']');
            }
            String name = node.getName();
            if (name == null || name.startsWith("<")) {
                continue;
            }
            if (!sb.isEmpty()) {
                sb.append('.');
            }
            sb.append(name);
        }
        return sb.isEmpty() ? "request" : sb.toString();
    }

    private static String describe(ApiException e) {
        return e.violations().stream()
                .map(v -> v.field() + " " + v.message())
                .toList()
                .toString();
    }

    private static boolean applies(OffTheJobRule rule, LocalDate start) {
        return (rule.startsFrom() == null || !start.isBefore(rule.startsFrom()))
                && (rule.startsBefore() == null || start.isBefore(rule.startsBefore()));
    }

    private static String range(OffTheJobRule rule) {
        if (rule.startsFrom() == null && rule.startsBefore() == null) {
            return "on any date";
        }
        if (rule.startsFrom() == null) {
            return "before " + rule.startsBefore();
        }
        return "from " + rule.startsFrom() + (rule.startsBefore() == null ? "" : " and before " + rule.startsBefore());
    }

    /** 400.00 as 400, 333.34 as it is: no exponent notation. */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private AssessmentPlanResponse toResponse(String reference, String versionNumber, AssessmentPlan plan) {
        return AssessmentPlanMapper.toResponse(reference, versionNumber, parse(plan.document), plan.updatedAt);
    }

    private AssessmentPlanDocument parse(String document) {
        try {
            return strictReader.readValue(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored assessment plan cannot be read", e);
        }
    }

    private String write(AssessmentPlanDocument document) {
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Assessment plan cannot be written as JSON", e);
        }
    }

    private AssessmentPlan newPlan(StandardVersion version) {
        AssessmentPlan plan = new AssessmentPlan();
        plan.versionId = version.id;
        plan.createdAt = now();
        plan.updatedAt = plan.createdAt;
        return plan;
    }

    private StandardVersion version(String reference, String versionNumber) {
        return versions.findVersion(reference, versionNumber)
                .orElseThrow(() -> standards.findByIdOptional(reference).isEmpty()
                        ? ApiException.of(
                                StandardsError.STANDARD_NOT_FOUND, "No standard with reference " + reference + ".")
                        : ApiException.of(
                                StandardsError.VERSION_NOT_FOUND,
                                reference + " has no version " + versionNumber + "; see /api/v1/" + "standards/"
                                        + reference + "/versions."));
    }

    private static ApiException noPlan(String reference, String versionNumber) {
        return ApiException.of(
                StandardsError.PLAN_NOT_FOUND, reference + "_" + versionNumber + " has no assessment plan yet.");
    }

    /** To the microsecond, as PostgreSQL keeps it, so the plan a PUT answers is the plan a GET reads back. */
    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
