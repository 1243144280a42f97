package uk.apprenticeships.st1398.assessment.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import uk.apprenticeships.st1398.assessment.api.AssessmentRequest;
import uk.apprenticeships.st1398.assessment.api.AssessmentResponse;
import uk.apprenticeships.st1398.assessment.api.AttemptRequest;
import uk.apprenticeships.st1398.assessment.api.AttemptResponse;
import uk.apprenticeships.st1398.assessment.api.CorrectionRequest;
import uk.apprenticeships.st1398.assessment.api.KsbJudgementRecord;
import uk.apprenticeships.st1398.assessment.api.ResultResponse;
import uk.apprenticeships.st1398.assessment.client.AssessmentPlan;
import uk.apprenticeships.st1398.assessment.client.AssessmentPlans;
import uk.apprenticeships.st1398.assessment.config.AssessmentError;
import uk.apprenticeships.st1398.assessment.domain.Assessment;
import uk.apprenticeships.st1398.assessment.domain.AssessmentAttempt;
import uk.apprenticeships.st1398.assessment.domain.AssessmentBooking;
import uk.apprenticeships.st1398.assessment.domain.AssessmentOrganisation;
import uk.apprenticeships.st1398.assessment.domain.Assessor;
import uk.apprenticeships.st1398.assessment.domain.AttemptKind;
import uk.apprenticeships.st1398.assessment.domain.BookingStatus;
import uk.apprenticeships.st1398.assessment.domain.StampColumns;
import uk.apprenticeships.st1398.assessment.events.AssessmentEvents;
import uk.apprenticeships.st1398.assessment.mapping.AssessmentMapper;
import uk.apprenticeships.st1398.assessment.repository.AssessmentAttemptRepository;
import uk.apprenticeships.st1398.assessment.repository.AssessmentBookingRepository;
import uk.apprenticeships.st1398.assessment.repository.AssessmentOrganisationRepository;
import uk.apprenticeships.st1398.assessment.repository.AssessmentRepository;
import uk.apprenticeships.st1398.assessment.repository.AssessorRepository;
import uk.apprenticeships.st1398.platform.api.PageRequest;
import uk.apprenticeships.st1398.platform.api.PageResponse;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.platform.security.CurrentCaller;
import uk.apprenticeships.st1398.platform.security.Stamp;

/**
 * Assessment registrations, assessor assignment, graded attempts and the overall grade. The rules come from the
 * standard version's assessment plan ({@link GradingRules}); this class loads, scopes and records.
 */
@ApplicationScoped
public class AssessmentService {

    /** Attempts as they happened: by date, then by when they were recorded. */
    private static final Comparator<AssessmentAttempt> CHRONOLOGICAL = Comparator.comparing(
                    (AssessmentAttempt a) -> a.date)
            .thenComparing(a -> a.recorded.at)
            .thenComparing(a -> a.id);

    private final AssessmentRepository assessments;
    private final AssessmentAttemptRepository attempts;
    private final AssessmentBookingRepository bookings;
    private final AssessorRepository assessors;
    private final AssessmentOrganisationRepository organisations;
    private final AssessmentPlans plans;
    private final CurrentCaller caller;
    private final Clock clock;

    private final AssessmentEvents events;

    public AssessmentService(
            AssessmentRepository assessments,
            AssessmentAttemptRepository attempts,
            AssessmentBookingRepository bookings,
            AssessorRepository assessors,
            AssessmentOrganisationRepository organisations,
            AssessmentPlans plans,
            CurrentCaller caller,
            Clock clock,
            AssessmentEvents events) {
        this.events = events;
        this.clock = clock;
        this.assessments = assessments;
        this.attempts = attempts;
        this.bookings = bookings;
        this.assessors = assessors;
        this.organisations = organisations;
        this.plans = plans;
        this.caller = caller;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<AssessmentResponse> search(String uln, PageRequest page) {
        AssessmentRepository.Scope scope = new AssessmentRepository.Scope(
                caller.get().seesEverything(),
                AccessRules.ownOrganisation(caller.get()),
                AccessRules.ownProvider(caller.get()),
                AccessRules.ownEmployer(caller.get()));
        return PageResponse.of(
                assessments.search(scope, uln, page),
                AssessmentMapper::toResponse,
                page,
                assessments.count(scope, uln));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AssessmentResponse get(UUID id) {
        return AssessmentMapper.toResponse(visible(id));
    }

    @Transactional
    public AssessmentResponse register(AssessmentRequest request) {
        if (!AccessRules.maySeeOrganisation(caller.get(), request.epaoId())) {
            throw ApiException.of(
                    AssessmentError.ORGANISATION_NOT_YOURS,
                    "Assessors register apprentices only with their own " + "assessment organisation.");
        }
        AssessmentOrganisation organisation = organisations
                .findByEpaoId(request.epaoId())
                .orElseThrow(() -> ApiException.of(
                        AssessmentError.ORGANISATION_UNKNOWN,
                        "No assessment organisation with id " + request.epaoId() + "; nothing was saved."));
        // Only this organisation's registrations are looked at: one elsewhere must not be revealed (or block this).
        if (assessments
                .findByLearner(request.uln(), request.standardVersion(), organisation.epaoId)
                .isPresent()) {
            throw ApiException.of(
                    AssessmentError.LEARNER_ALREADY_REGISTERED,
                    "Learner " + request.uln() + " is already registered with " + organisation.epaoId
                            + " for assessment on " + request.standardVersion() + ".");
        }
        AssessmentPlan plan = plans.require(request.standardVersion());
        Assessment assessment = new Assessment();
        assessment.id = UUID.randomUUID();
        assessment.organisation = organisation;
        assessment.uln = request.uln();
        assessment.familyName = request.familyName().strip();
        assessment.standardVersion = request.standardVersion();
        assessment.providerUkprn = request.providerUkprn();
        assessment.employerId = request.employerId().strip();
        assessment.apprenticeId = request.apprenticeId();
        assessment.gatewayDate = request.gatewayDate();
        assessment.periodEnd = request.gatewayDate() == null
                ? null
                : request.gatewayDate().plusMonths(plan.assessmentPeriod().months());
        assessment.created = stamp();
        assessment.updated = stamp();
        assessments.persistAndFlush(assessment);
        events.registered(assessment);
        Log.infof(
                "Registered assessment %s (%s) with %s",
                assessment.id, assessment.standardVersion, organisation.epaoId);
        return AssessmentMapper.toResponse(assessment);
    }

    @Transactional
    public AssessmentResponse assign(UUID id, UUID assessorId) {
        // Admins and assessors only (the resource); visible() hides other organisations' assessments.
        Assessment assessment = visible(id);
        Assessor assessor = assessable(assessment, assessorId);
        assessment.assessor = assessor;
        assessment.updated = stamp();
        events.assessorAssigned(assessment);
        Log.infof("Assigned assessor %s to assessment %s", assessor.id, assessment.id);
        return AssessmentMapper.toResponse(assessment);
    }

    /**
     * The assessor, if they belong to the assessment's organisation (422 otherwise) and have declared no conflict of
     * interest with the apprentice's provider or employer (409 otherwise); locked until the transaction ends, so a
     * conflict declared at the same time waits (AssessorService locks the assessor too).
     */
    Assessor assessable(Assessment assessment, UUID assessorId) {
        Assessor assessor = assessors
                .findByIdOptional(assessorId)
                .filter(a -> a.organisation.id.equals(assessment.organisation.id))
                .orElseThrow(() -> ApiException.of(
                        AssessmentError.ASSESSOR_NOT_IN_ORGANISATION,
                        "No assessor " + assessorId + " in assessment " + "organisation "
                                + assessment.organisation.epaoId + "; nothing was changed."));
        assessors.getEntityManager().lock(assessor, LockModeType.PESSIMISTIC_WRITE);
        assessors.getEntityManager().refresh(assessor);
        if (assessor.conflictProviderUkprns.contains(assessment.providerUkprn)
                || assessor.conflictEmployerIds.contains(assessment.employerId)) {
            throw ApiException.of(
                    AssessmentError.ASSESSOR_CONFLICT_OF_INTEREST,
                    "Assessor " + assessor.id + " declared a conflict "
                            + "of interest with this apprentice's training provider or employer; nothing was changed.");
        }
        return assessor;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<AttemptResponse> attempts(UUID id, PageRequest page) {
        visible(id);
        List<AssessmentAttempt> all = attempts.byAssessment(id);
        List<AssessmentAttempt> slice =
                all.subList(Math.min(page.offset(), all.size()), Math.min(page.offset() + page.size(), all.size()));
        return PageResponse.of(slice, AssessmentMapper::toResponse, page, all.size());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AttemptResponse attempt(UUID id, UUID attemptId) {
        visible(id);
        return AssessmentMapper.toResponse(attemptOf(id, attemptId));
    }

    @Transactional
    public AttemptResponse record(UUID id, AttemptRequest request) {
        Assessment assessment = lockedForGrading(id);
        AssessmentPlan plan = plans.require(assessment.standardVersion);
        List<AssessmentAttempt> standing = standing(id, request.methodCode());
        GradingRules.check(
                plan,
                assessment.gatewayDate,
                assessment.periodEnd,
                today(),
                new GradingRules.Proposed(
                        request.methodCode(),
                        request.kind(),
                        request.date(),
                        request.grade(),
                        codes(request.ksbJudgements()),
                        request.employerAgreed(),
                        request.exceptionalCircumstances()),
                priors(standing));
        AssessmentBooking booking = request.bookingId() == null ? null : bookedFor(id, request);
        AssessmentAttempt attempt = newAttempt(
                id,
                request.methodCode(),
                request.kind(),
                request.date(),
                request.grade(),
                request.ksbJudgements(),
                request.evidenceRefs(),
                request.employerAgreed(),
                request.exceptionalCircumstances(),
                request.reason());
        attempts.persistAndFlush(attempt);
        if (booking != null) {
            // Same transaction as the attempt; set once (the database refuses a second attempt on one booking).
            booking.attemptId = attempt.id;
            bookings.flush();
        }
        refreshOverall(assessment, plan);
        events.attemptGraded(assessment, attempt);
        Log.infof(
                "Recorded %s attempt %s on %s of assessment %s: %s",
                attempt.kind, attempt.id, attempt.methodCode, id, attempt.grade);
        return AssessmentMapper.toResponse(attempt);
    }

    @Transactional
    public AttemptResponse correct(UUID id, UUID attemptId, CorrectionRequest request) {
        Assessment assessment = lockedForGrading(id);
        AssessmentAttempt corrected = attemptOf(id, attemptId);
        if (corrected.supersededBy != null) {
            throw conflict(
                    "Attempt " + attemptId + " was already corrected by " + corrected.supersededBy
                            + "; correct that one instead.",
                    AssessmentError.ALREADY_SUPERSEDED);
        }
        List<AssessmentAttempt> standing = standing(id, corrected.methodCode);
        if (!standing.get(standing.size() - 1).id.equals(corrected.id)) {
            throw conflict(
                    "Only the latest attempt on method " + corrected.methodCode + " can be corrected; a later "
                            + "attempt rests on this one.",
                    AssessmentError.NOT_LATEST_ATTEMPT);
        }
        AssessmentPlan plan = plans.require(assessment.standardVersion);
        GradingRules.check(
                plan,
                assessment.gatewayDate,
                assessment.periodEnd,
                today(),
                new GradingRules.Proposed(
                        corrected.methodCode,
                        corrected.kind,
                        request.date(),
                        request.grade(),
                        codes(request.ksbJudgements()),
                        request.employerAgreed(),
                        request.exceptionalCircumstances()),
                priors(standing.subList(0, standing.size() - 1)));
        AssessmentAttempt correction = newAttempt(
                id,
                corrected.methodCode,
                corrected.kind,
                request.date(),
                request.grade(),
                request.ksbJudgements(),
                request.evidenceRefs(),
                request.employerAgreed(),
                request.exceptionalCircumstances(),
                request.reason());
        correction.correctsId = corrected.id;
        attempts.persist(correction);
        corrected.supersededBy = correction.id;
        attempts.flush();
        refreshOverall(assessment, plan);
        events.attemptGraded(assessment, correction);
        Log.infof("Attempt %s of assessment %s corrected by %s", corrected.id, id, correction.id);
        return AssessmentMapper.toResponse(correction);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ResultResponse result(UUID id) {
        Assessment assessment = visible(id);
        AssessmentPlan plan = plans.require(assessment.standardVersion);
        Map<String, AssessmentAttempt> latest = latestPerMethod(id);
        List<ResultResponse.MethodResult> methods = new ArrayList<>();
        Map<String, String> grades = new HashMap<>();
        for (AssessmentPlan.Method method : plan.methods().items()) {
            AssessmentAttempt attempt = latest.get(method.code());
            methods.add(new ResultResponse.MethodResult(
                    method.code(),
                    method.name(),
                    attempt == null ? null : attempt.grade,
                    attempt == null ? null : attempt.id));
            if (attempt != null) {
                grades.put(method.code(), attempt.grade);
            }
        }
        String overall = GradingRules.overall(plan, grades).orElse(null);
        return new ResultResponse(
                id, assessment.standardVersion, overall == null ? "incomplete" : "complete", overall, methods);
    }

    /** Each method's latest standing (not superseded) attempt. */
    private Map<String, AssessmentAttempt> latestPerMethod(UUID id) {
        Map<String, AssessmentAttempt> latest = new HashMap<>();
        attempts.byAssessment(id).stream()
                .filter(a -> a.supersededBy == null)
                .sorted(CHRONOLOGICAL)
                .forEach(a -> latest.put(a.methodCode, a));
        return latest;
    }

    /**
     * Rewrites the assessment's derived overall grade (for cohort statistics in SQL) from its standing attempts, as
     * {@link #result(UUID)} computes it: set once every method of the plan has a grade, dated by the last attempt.
     */
    private void refreshOverall(Assessment assessment, AssessmentPlan plan) {
        Map<String, AssessmentAttempt> latest = latestPerMethod(assessment.id);
        Map<String, String> grades = new HashMap<>();
        latest.forEach((method, attempt) -> grades.put(method, attempt.grade));
        Optional<String> overall = GradingRules.overall(plan, grades);
        String before = assessment.overallGrade;
        assessment.overallGrade = overall.orElse(null);
        assessment.overallGradedOn = overall.isEmpty()
                ? null
                : latest.values().stream()
                        .map(a -> a.date)
                        .max(Comparator.naturalOrder())
                        .orElseThrow();
        assessment.updated = stamp();
        events.resultIfChanged(assessment, before);
    }

    /**
     * The open booking the attempt is recorded for, locked: of this assessment, same method, kind and date (422
     * otherwise, nothing saved).
     */
    private AssessmentBooking bookedFor(UUID id, AttemptRequest request) {
        AssessmentBooking booking = bookings.findByIdOptional(request.bookingId(), LockModeType.PESSIMISTIC_WRITE)
                .filter(b -> b.assessmentId.equals(id))
                .orElseThrow(() -> ApiException.of(
                        AssessmentError.BOOKING_NOT_ON_ASSESSMENT,
                        "No booking " + request.bookingId() + " on this " + "assessment; nothing was saved."));
        bookings.getEntityManager().refresh(booking);
        if (!booking.status().canMoveTo(BookingStatus.attended)) {
            throw ApiException.of(
                    AssessmentError.BOOKING_NOT_OPEN,
                    "Booking " + booking.id + " is " + booking.status() + "; only an open "
                            + "booking can be used for an attempt. Nothing was saved.");
        }
        if (!booking.methodCode.equals(request.methodCode())
                || booking.kind != request.kind()
                || !booking.date.equals(request.date())) {
            throw ApiException.of(
                    AssessmentError.BOOKING_MISMATCH,
                    "Booking " + booking.id + " is a " + booking.kind + " of method "
                            + booking.methodCode + " on " + booking.date + "; the attempt is a " + request.kind()
                            + " of "
                            + request.methodCode() + " on " + request.date() + ". Nothing was saved.");
        }
        return booking;
    }

    /** The assessment, locked against concurrent grading, if the caller is its assigned assessor. */
    private Assessment lockedForGrading(UUID id) {
        Assessment assessment = visible(id);
        assessments.getEntityManager().lock(assessment, LockModeType.PESSIMISTIC_WRITE);
        if (assessment.assessor == null
                || !assessment.assessor.userId.equals(caller.get().subject())) {
            throw ApiException.of(
                    AssessmentError.NOT_ASSIGNED_ASSESSOR,
                    "Only the assessor assigned to this assessment records and corrects its attempts.");
        }
        if (assessment.gatewayDate == null) {
            throw ApiException.of(
                    AssessmentError.GATEWAY_NOT_PASSED,
                    "The apprentice has not passed the gateway to "
                            + "completion yet (no gateway submission accepted), so no attempt can be recorded; nothing was "
                            + "saved.");
        }
        return assessment;
    }

    /** The method's attempts that are not superseded, oldest first. */
    List<AssessmentAttempt> standing(UUID id, String methodCode) {
        return attempts.byAssessment(id).stream()
                .filter(a -> a.methodCode.equals(methodCode) && a.supersededBy == null)
                .sorted(CHRONOLOGICAL)
                .toList();
    }

    static List<GradingRules.Prior> priors(List<AssessmentAttempt> standing) {
        return standing.stream()
                .map(a -> new GradingRules.Prior(a.kind, a.date, a.grade))
                .toList();
    }

    private AssessmentAttempt newAttempt(
            UUID id,
            String methodCode,
            AttemptKind kind,
            LocalDate date,
            String grade,
            List<KsbJudgementRecord> ksbs,
            List<String> evidenceRefs,
            boolean employerAgreed,
            boolean exceptional,
            String reason) {
        AssessmentAttempt attempt = new AssessmentAttempt();
        attempt.id = UUID.randomUUID();
        attempt.assessmentId = id;
        attempt.methodCode = methodCode;
        attempt.kind = kind;
        attempt.date = date;
        attempt.grade = grade;
        attempt.ksbJudgements = new ArrayList<>(AssessmentMapper.toEntities(ksbs));
        attempt.evidenceRefs = evidenceRefs == null ? new ArrayList<>() : new ArrayList<>(evidenceRefs);
        attempt.employerAgreed = employerAgreed;
        attempt.exceptionalCircumstances = exceptional;
        attempt.reason = reason.strip();
        attempt.recorded = stamp();
        return attempt;
    }

    private AssessmentAttempt attemptOf(UUID id, UUID attemptId) {
        return attempts.findByIdOptional(attemptId)
                .filter(a -> a.assessmentId.equals(id))
                .orElseThrow(() -> ApiException.of(
                        AssessmentError.ATTEMPT_NOT_FOUND, "No attempt " + attemptId + " on assessment " + id + "."));
    }

    /** The assessment, or 404 when it does not exist or the caller may not see it (another tenant's). */
    Assessment visible(UUID id) {
        return assessments
                .findByIdOptional(id)
                .filter(a -> AccessRules.mayRead(caller.get(), a.organisation.epaoId, a.providerUkprn, a.employerId))
                .orElseThrow(() ->
                        ApiException.of(AssessmentError.ASSESSMENT_NOT_FOUND, "No assessment with id " + id + "."));
    }

    private static List<String> codes(List<KsbJudgementRecord> judgements) {
        return judgements == null
                ? List.of()
                : judgements.stream().map(KsbJudgementRecord::code).toList();
    }

    private static ApiException conflict(String detail, AssessmentError code) {
        return ApiException.of(code, detail + " Nothing was saved.");
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Who is doing this, and now: the platform's one stamp. */
    private StampColumns stamp() {
        return StampColumns.of(Stamp.of(caller.get(), clock));
    }
}
