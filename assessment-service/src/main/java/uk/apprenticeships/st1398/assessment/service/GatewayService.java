package uk.apprenticeships.st1398.assessment.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import uk.apprenticeships.st1398.assessment.api.GatewayDecisionRequest;
import uk.apprenticeships.st1398.assessment.api.GatewayDeclarationRequest;
import uk.apprenticeships.st1398.assessment.api.GatewayReadinessResponse;
import uk.apprenticeships.st1398.assessment.api.GatewayRecordResponse;
import uk.apprenticeships.st1398.assessment.api.GatewaySubmissionResponse;
import uk.apprenticeships.st1398.assessment.api.GatewayWaiverRequest;
import uk.apprenticeships.st1398.assessment.client.AssessmentPlan;
import uk.apprenticeships.st1398.assessment.client.AssessmentPlans;
import uk.apprenticeships.st1398.assessment.client.EvidenceClient;
import uk.apprenticeships.st1398.assessment.client.Portfolios;
import uk.apprenticeships.st1398.assessment.config.AssessmentError;
import uk.apprenticeships.st1398.assessment.domain.Assessment;
import uk.apprenticeships.st1398.assessment.domain.ComponentDecision;
import uk.apprenticeships.st1398.assessment.domain.GatewayDecision;
import uk.apprenticeships.st1398.assessment.domain.GatewayRecord;
import uk.apprenticeships.st1398.assessment.domain.GatewayRecordKind;
import uk.apprenticeships.st1398.assessment.domain.GatewaySubmission;
import uk.apprenticeships.st1398.assessment.domain.GatewaySubmissionStatus;
import uk.apprenticeships.st1398.assessment.domain.ReadinessStatus;
import uk.apprenticeships.st1398.assessment.domain.StampColumns;
import uk.apprenticeships.st1398.assessment.events.AssessmentEvents;
import uk.apprenticeships.st1398.assessment.repository.AssessmentRepository;
import uk.apprenticeships.st1398.assessment.repository.GatewayRecordRepository;
import uk.apprenticeships.st1398.assessment.repository.GatewaySubmissionRepository;
import uk.apprenticeships.st1398.platform.api.PageRequest;
import uk.apprenticeships.st1398.platform.api.PageResponse;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.platform.security.CurrentCaller;
import uk.apprenticeships.st1398.platform.security.Stamp;

/**
 * The gateway to completion: the readiness check ({@link GatewayRules}, fed by the assessment plan and the
 * apprentice's portfolio in evidence-service), waivers and declarations, and gateway submissions decided component by
 * component by the assessment organisation. Everything is recorded once and never changed.
 * <p>
 * Who may do what: anyone who may read the assessment reads readiness (evidence-service then applies its own tenant
 * rules to the portfolio), waivers, declarations and submissions; the provider (its tutors) and admins record
 * declarations and submit, the employer records its own confirmation; the assessment organisation (its assessors)
 * and admins waive items and decide components.
 */
@ApplicationScoped
public class GatewayService {

    /** The declaration an employer may record themself. */
    static final String EMPLOYER_CONFIRMATION = "employer-confirmation";

    private final AssessmentRepository assessments;
    private final GatewayRecordRepository records;
    private final GatewaySubmissionRepository submissions;
    private final AssessmentPlans plans;
    private final Portfolios portfolios;
    private final CurrentCaller caller;
    private final Clock clock;
    private final ObjectMapper json;

    private final AssessmentEvents events;

    public GatewayService(
            AssessmentRepository assessments,
            GatewayRecordRepository records,
            GatewaySubmissionRepository submissions,
            AssessmentPlans plans,
            Portfolios portfolios,
            CurrentCaller caller,
            ObjectMapper json,
            Clock clock,
            AssessmentEvents events) {
        this.events = events;
        this.clock = clock;
        this.assessments = assessments;
        this.records = records;
        this.submissions = submissions;
        this.plans = plans;
        this.portfolios = portfolios;
        this.caller = caller;
        this.json = json;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public GatewayReadinessResponse readiness(UUID id) {
        return readiness(visible(id));
    }

    @Transactional
    public GatewayRecordResponse waive(UUID id, GatewayWaiverRequest request) {
        Assessment assessment = locked(id);
        if (!isOrganisation(assessment)) {
            throw forbidden(
                    AssessmentError.GATEWAY_ORGANISATION_ONLY,
                    "Only the assessment organisation (its " + "assessors) or an admin waives gateway items.");
        }
        requireGatewayOpen(assessment);
        GatewayRules.Definition item = item(assessment, request.item());
        boolean waived = activeWaivers(id).containsKey(item.item());
        if (request.withdraws() != waived) {
            throw conflict(
                    waived
                            ? "Item " + item.item() + " is already waived; withdraw that waiver first."
                            : "Item " + item.item() + " has no waiver in force to withdraw.",
                    waived ? AssessmentError.ALREADY_WAIVED : AssessmentError.NOT_WAIVED);
        }
        GatewayRecord record = newRecord(
                id, item.item(), request.withdraws() ? GatewayRecordKind.WAIVER_WITHDRAWAL : GatewayRecordKind.WAIVER);
        record.reason = request.reason().strip();
        records.persistAndFlush(record);
        events.gatewayRecorded(assessment, record);
        Log.infof("Gateway item %s of assessment %s: %s", item.item(), id, record.kind);
        return toResponse(record);
    }

    @Transactional
    public GatewayRecordResponse declare(UUID id, GatewayDeclarationRequest request) {
        Assessment assessment = locked(id);
        boolean employerOwn = caller.get().may(AccessRules.GATEWAY_CONFIRM)
                && EMPLOYER_CONFIRMATION.equals(request.item())
                && AccessRules.ownEmployer(caller.get())
                        .map(assessment.employerId::equals)
                        .orElse(false);
        if (!isProvider(assessment) && !employerOwn) {
            throw forbidden(
                    AssessmentError.GATEWAY_PROVIDER_ONLY,
                    "Only the training provider (its tutors or LMS "
                            + "client) or an admin records gateway declarations; "
                            + "the employer may record its own " + EMPLOYER_CONFIRMATION + ".");
        }
        requireGatewayOpen(assessment);
        GatewayRules.Definition item = item(assessment, request.item());
        if (item.check() != GatewayRules.Check.DECLARATION) {
            throw ApiException.of(
                    AssessmentError.ITEM_NOT_DECLARED,
                    "Item " + item.item() + " is checked against "
                            + "evidence-service, not declared; nothing was saved.");
        }
        if (request.declaredOn().isAfter(today())) {
            throw ApiException.invalid("declaredOn", "must not be in the future");
        }
        GatewayRecord record = newRecord(id, item.item(), GatewayRecordKind.DECLARATION);
        record.declaredBy = request.declaredBy().strip();
        record.declaredOn = request.declaredOn();
        record.reference =
                request.reference() == null ? null : request.reference().strip();
        record.reason = request.note() == null ? null : request.note().strip();
        records.persistAndFlush(record);
        events.gatewayRecorded(assessment, record);
        Log.infof("Gateway declaration %s recorded for assessment %s", item.item(), id);
        return toResponse(record);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<GatewayRecordResponse> records(UUID id, boolean waivers, PageRequest page) {
        visible(id);
        List<GatewayRecord> all = records.byAssessment(id).stream()
                .filter(r -> waivers != (r.kind == GatewayRecordKind.DECLARATION))
                .toList();
        return PageResponse.of(slice(all, page), GatewayService::toResponse, page, all.size());
    }

    @Transactional
    public GatewaySubmissionResponse submit(UUID id, String note) {
        Assessment assessment = locked(id);
        if (!isProvider(assessment)) {
            throw forbidden(
                    AssessmentError.GATEWAY_PROVIDER_ONLY,
                    "Only the training provider (its tutors or LMS " + "client) or an admin submits for the gateway.");
        }
        requireGatewayOpen(assessment);
        List<GatewaySubmission> earlier = submissions.byAssessment(id);
        Map<UUID, List<GatewayDecision>> decisions = decisionsBySubmission(earlier);
        if (!earlier.isEmpty()) {
            GatewaySubmission last = earlier.get(earlier.size() - 1);
            if (status(last, decisions.get(last.id)) == GatewaySubmissionStatus.submitted) {
                throw conflict(
                        "Gateway submission " + last.attempt + " is still awaiting the assessment "
                                + "organisation's decisions.",
                        AssessmentError.SUBMISSION_PENDING);
            }
        }
        GatewayReadinessResponse readiness = readiness(assessment);
        if (!readiness.ready()) {
            List<Map<String, String>> failing = readiness.items().stream()
                    .filter(i -> i.status() == ReadinessStatus.FAILED)
                    .map(i -> Map.of("item", i.item(), "reason", i.reason()))
                    .toList();
            throw ApiException.of(
                            AssessmentError.NOT_READY,
                            "The apprentice is not ready for the gateway to completion: "
                                    + failing.stream().map(f -> f.get("item")).toList()
                                    + " failed (see failingItems); nothing "
                                    + "was saved.")
                    .with("failingItems", failing);
        }
        GatewaySubmission submission = new GatewaySubmission();
        submission.id = UUID.randomUUID();
        submission.assessmentId = id;
        submission.attempt = earlier.size() + 1;
        submission.note = note == null ? null : note.strip();
        submission.readiness = write(readiness);
        readiness.items().stream()
                .filter(i -> i.status() != ReadinessStatus.NOT_APPLICABLE)
                .forEach(i -> submission.components.add(new GatewaySubmission.Component(i.item(), i.status())));
        submission.submitted = stamp();
        submissions.persistAndFlush(submission);
        Log.infof(
                "Gateway submission %d for assessment %s with %d components",
                submission.attempt, id, submission.components.size());
        if (submission.components.isEmpty()) {
            passGateway(assessment);
        }
        events.gatewaySubmitted(assessment, submission);
        return toResponse(submission, List.of());
    }

    @Transactional
    public GatewaySubmissionResponse decide(UUID id, int attempt, String item, GatewayDecisionRequest request) {
        Assessment assessment = locked(id);
        if (!isOrganisation(assessment)) {
            throw forbidden(
                    AssessmentError.GATEWAY_ORGANISATION_ONLY,
                    "Only the assessment organisation (its "
                            + "assessors) or an admin decides gateway "
                            + "components.");
        }
        GatewaySubmission submission = submissions
                .byAttempt(id, attempt)
                .orElseThrow(() -> ApiException.of(
                        AssessmentError.GATEWAY_SUBMISSION_NOT_FOUND,
                        "No gateway submission " + attempt + " on assessment " + id + "."));
        if (submission.components.stream().noneMatch(c -> c.item.equals(item))) {
            throw ApiException.of(
                    AssessmentError.GATEWAY_COMPONENT_NOT_FOUND,
                    "Gateway submission " + attempt + " has no component " + item + "; its " + "components are "
                            + submission.components.stream().map(c -> c.item).toList() + ".");
        }
        ComponentDecision verdict = ComponentDecision.valueOf(request.decision());
        boolean rejects = verdict == ComponentDecision.rejected;
        if (rejects && (request.reason() == null || request.reason().isBlank())) {
            throw ApiException.invalid("reason", "is required to reject a component");
        }
        List<GatewayDecision> decided = submissions.decisions(List.of(submission.id));
        if (decided.stream().anyMatch(d -> d.item.equals(item))) {
            throw conflict(
                    "Component " + item + " of gateway submission " + attempt + " is already decided; "
                            + "decisions are never changed.",
                    AssessmentError.COMPONENT_DECIDED);
        }
        GatewaySubmissionStatus status = status(submission, decided);
        if (status != GatewaySubmissionStatus.submitted) {
            throw conflict(
                    "Gateway submission " + attempt + " is already " + status + ".",
                    AssessmentError.SUBMISSION_DECIDED);
        }
        GatewayDecision decision = new GatewayDecision();
        decision.id = UUID.randomUUID();
        decision.submissionId = submission.id;
        decision.item = item;
        decision.decision = verdict;
        decision.reason = request.reason() == null ? null : request.reason().strip();
        decision.decided = stamp();
        submissions.persistDecision(decision);
        List<GatewayDecision> after = new ArrayList<>(decided);
        after.add(decision);
        events.gatewayDecided(assessment, attempt, item, decision.decision, status(submission, after));
        if (status(submission, after) == GatewaySubmissionStatus.accepted) {
            passGateway(assessment);
        }
        Log.infof("Gateway submission %d of assessment %s: %s %s", attempt, id, item, decision.decision);
        return toResponse(submission, after);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<GatewaySubmissionResponse> submissions(UUID id, PageRequest page) {
        visible(id);
        List<GatewaySubmission> all = submissions.byAssessment(id);
        Map<UUID, List<GatewayDecision>> decisions = decisionsBySubmission(all);
        return PageResponse.of(
                slice(all, page), s -> toResponse(s, decisions.getOrDefault(s.id, List.of())), page, all.size());
    }

    private GatewayReadinessResponse readiness(Assessment assessment) {
        if (assessment.apprenticeId == null) {
            throw ApiException.of(
                    AssessmentError.NO_APPRENTICE_LINK,
                    "Assessment " + assessment.id + " was registered without the "
                            + "apprentice's evidence-service id (apprenticeId), so readiness cannot be checked.");
        }
        AssessmentPlan plan = plans.require(assessment.standardVersion);
        List<GatewayRules.Definition> definitions = GatewayRules.definitions(plan);
        EvidenceClient.Apprentice apprentice = portfolios.apprentice(assessment.apprenticeId);
        if (!assessment.uln.equals(apprentice.uln())
                || !assessment.standardVersion.equals(apprentice.standardVersion())) {
            throw ApiException.of(
                    AssessmentError.APPRENTICE_MISMATCH,
                    "evidence-service's apprentice " + assessment.apprenticeId + " is "
                            + "not this assessment's learner on " + assessment.standardVersion + " (ULN or standard "
                            + "version differ).");
        }
        boolean needsCoverage = definitions.stream().anyMatch(d -> d.check() == GatewayRules.Check.KSB_COVERAGE);
        boolean needsHours = definitions.stream().anyMatch(d -> d.check() == GatewayRules.Check.OFF_THE_JOB_HOURS);
        EvidenceClient.Coverage coverage = needsCoverage ? portfolios.coverage(assessment.apprenticeId) : null;
        EvidenceClient.OffTheJobSummary hours = needsHours ? portfolios.offTheJob(assessment.apprenticeId) : null;
        return GatewayRules.check(
                definitions,
                new GatewayRules.Inputs(
                        assessment.id,
                        assessment.standardVersion,
                        apprentice,
                        coverage,
                        hours,
                        activeWaivers(assessment.id),
                        declarations(assessment.id),
                        now()));
    }

    /** The waiver in force per item: the item's latest waiver record, if it is a waiver (not a withdrawal). */
    private Map<String, GatewayReadinessResponse.Waiver> activeWaivers(UUID id) {
        Map<String, GatewayRecord> latest = new HashMap<>();
        records.byAssessment(id).stream()
                .filter(r -> r.kind != GatewayRecordKind.DECLARATION)
                .forEach(r -> latest.put(r.item, r));
        Map<String, GatewayReadinessResponse.Waiver> waivers = new HashMap<>();
        latest.values().stream()
                .filter(r -> r.kind == GatewayRecordKind.WAIVER)
                .forEach(r -> waivers.put(
                        r.item,
                        new GatewayReadinessResponse.Waiver(
                                r.recorded.subject, r.recorded.displayName, r.recorded.at, r.reason)));
        return waivers;
    }

    /** The latest declaration per item. */
    private Map<String, GatewayReadinessResponse.Declaration> declarations(UUID id) {
        Map<String, GatewayReadinessResponse.Declaration> latest = new HashMap<>();
        records.byAssessment(id).stream()
                .filter(r -> r.kind == GatewayRecordKind.DECLARATION)
                .forEach(r -> latest.put(
                        r.item,
                        new GatewayReadinessResponse.Declaration(
                                r.declaredBy, r.declaredOn, r.reference, r.reason, r.recorded.subject, r.recorded.at)));
        return latest;
    }

    /** The plan's item by name, or a 422 problem listing the items the plan has. */
    private GatewayRules.Definition item(Assessment assessment, String name) {
        AssessmentPlan plan = plans.require(assessment.standardVersion);
        Optional<GatewayRules.Definition> item = GatewayRules.definition(plan, name);
        return item.orElseThrow(() -> ApiException.of(
                        AssessmentError.UNKNOWN_ITEM,
                        "The assessment plan of "
                                + assessment.standardVersion + " has no gateway item " + name + "; nothing was "
                                + "saved.")
                .with(
                        "validItems",
                        GatewayRules.definitions(plan).stream()
                                .map(GatewayRules.Definition::item)
                                .toList()));
    }

    /** Sets the gateway date (today) and the assessment period from the plan. */
    private void passGateway(Assessment assessment) {
        AssessmentPlan plan = plans.require(assessment.standardVersion);
        assessment.gatewayDate = today();
        assessment.periodEnd =
                assessment.gatewayDate.plusMonths(plan.assessmentPeriod().months());
        assessment.updated = stamp();
        Log.infof("Assessment %s passed the gateway to completion on %s", assessment.id, assessment.gatewayDate);
    }

    private static void requireGatewayOpen(Assessment assessment) {
        if (assessment.gatewayDate != null) {
            throw conflict(
                    "The apprentice passed the gateway to completion on " + assessment.gatewayDate + ".",
                    AssessmentError.GATEWAY_PASSED);
        }
    }

    /** accepted when every component is accepted, rejected once one is rejected, otherwise submitted. */
    static GatewaySubmissionStatus status(GatewaySubmission submission, List<GatewayDecision> decisions) {
        return GatewaySubmissionStatus.of(
                submission.components.size(),
                decisions == null
                        ? List.of()
                        : decisions.stream().map(d -> d.decision).toList());
    }

    private Map<UUID, List<GatewayDecision>> decisionsBySubmission(List<GatewaySubmission> list) {
        Map<UUID, List<GatewayDecision>> bySubmission = new HashMap<>();
        submissions
                .decisions(list.stream().map(s -> s.id).toList())
                .forEach(d -> bySubmission
                        .computeIfAbsent(d.submissionId, k -> new ArrayList<>())
                        .add(d));
        return bySubmission;
    }

    private boolean isOrganisation(Assessment assessment) {
        return caller.get().actsForOrganisation(assessment.organisation.epaoId);
    }

    private boolean isProvider(Assessment assessment) {
        return caller.get().actsForProvider(assessment.providerUkprn);
    }

    /** The assessment, or 404 when it does not exist or the caller may not see it (another tenant's). */
    private Assessment visible(UUID id) {
        return assessments
                .findByIdOptional(id)
                .filter(a -> AccessRules.mayRead(caller.get(), a.organisation.epaoId, a.providerUkprn, a.employerId))
                .orElseThrow(() ->
                        ApiException.of(AssessmentError.ASSESSMENT_NOT_FOUND, "No assessment with id " + id + "."));
    }

    /** The visible assessment, locked so concurrent gateway writes see each other. */
    private Assessment locked(UUID id) {
        Assessment assessment = visible(id);
        assessments.getEntityManager().lock(assessment, LockModeType.PESSIMISTIC_WRITE);
        return assessment;
    }

    private GatewayRecord newRecord(UUID id, String item, GatewayRecordKind kind) {
        GatewayRecord record = new GatewayRecord();
        record.id = UUID.randomUUID();
        record.assessmentId = id;
        record.item = item;
        record.kind = kind;
        record.recorded = stamp();
        return record;
    }

    private GatewaySubmissionResponse toResponse(GatewaySubmission s, List<GatewayDecision> decisions) {
        Map<String, GatewayDecision> byItem = new HashMap<>();
        decisions.forEach(d -> byItem.put(d.item, d));
        List<GatewaySubmissionResponse.Component> components = s.components.stream()
                .map(c -> new GatewaySubmissionResponse.Component(
                        c.item,
                        c.readinessStatus.wire(),
                        Optional.ofNullable(byItem.get(c.item))
                                .map(d -> new GatewaySubmissionResponse.Decision(
                                        d.decision.name(),
                                        d.reason,
                                        d.decided.at,
                                        d.decided.subject,
                                        d.decided.displayName))
                                .orElse(null)))
                .toList();
        return new GatewaySubmissionResponse(
                s.attempt,
                status(s, decisions).name(),
                s.note,
                s.submitted.at,
                s.submitted.subject,
                s.submitted.displayName,
                components,
                read(s.readiness));
    }

    private static GatewayRecordResponse toResponse(GatewayRecord r) {
        return new GatewayRecordResponse(
                r.id,
                r.item,
                r.kind.wire(),
                r.reason,
                r.declaredBy,
                r.declaredOn,
                r.reference,
                r.recorded.at,
                r.recorded.subject,
                r.recorded.displayName);
    }

    private String write(GatewayReadinessResponse readiness) {
        try {
            return json.writeValueAsString(readiness);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("readiness snapshot not serialisable", e);
        }
    }

    private GatewayReadinessResponse read(String snapshot) {
        try {
            return json.readValue(snapshot, GatewayReadinessResponse.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored readiness snapshot unreadable", e);
        }
    }

    private static <T> List<T> slice(List<T> all, PageRequest page) {
        return all.subList(Math.min(page.offset(), all.size()), Math.min(page.offset() + page.size(), all.size()));
    }

    private static ApiException forbidden(AssessmentError code, String detail) {
        return ApiException.of(code, detail + " Nothing was saved.");
    }

    private static ApiException conflict(String detail, AssessmentError code) {
        return ApiException.of(code, detail + " Nothing was saved.");
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** Who is doing this, and now: the platform's one stamp. */
    private StampColumns stamp() {
        return StampColumns.of(Stamp.of(caller.get(), clock));
    }
}
