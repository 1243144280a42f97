package uk.apprenticeships.st1398.assessment.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;
import uk.apprenticeships.st1398.assessment.api.EpaDetailsResponse;
import uk.apprenticeships.st1398.assessment.api.EpaRequest;
import uk.apprenticeships.st1398.assessment.api.EpaResult;
import uk.apprenticeships.st1398.assessment.api.LearnerResponse;
import uk.apprenticeships.st1398.assessment.config.AssessmentError;
import uk.apprenticeships.st1398.assessment.domain.Assessment;
import uk.apprenticeships.st1398.assessment.domain.Certificate;
import uk.apprenticeships.st1398.assessment.domain.EpaEntry;
import uk.apprenticeships.st1398.assessment.domain.EpaOutcome;
import uk.apprenticeships.st1398.assessment.domain.EpaRecord;
import uk.apprenticeships.st1398.assessment.domain.LearnerStatus;
import uk.apprenticeships.st1398.assessment.domain.RecordAction;
import uk.apprenticeships.st1398.assessment.domain.StampColumns;
import uk.apprenticeships.st1398.assessment.events.AssessmentEvents;
import uk.apprenticeships.st1398.assessment.mapping.EpaMapper;
import uk.apprenticeships.st1398.assessment.repository.AssessmentRepository;
import uk.apprenticeships.st1398.assessment.repository.CertificateRepository;
import uk.apprenticeships.st1398.assessment.repository.EpaRecordRepository;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.platform.problem.Problem;
import uk.apprenticeships.st1398.platform.security.CurrentCaller;
import uk.apprenticeships.st1398.platform.security.Stamp;

/**
 * The DfE-shaped learner and EPA endpoints. The learner is the assessment registration (ULN, family name, standard,
 * provider, employer, organisation); EPA records hang off it and are never changed: an update or delete writes a new
 * record replacing the standing one.
 */
@ApplicationScoped
public class EpaService {

    static final LocalDate EARLIEST_EPA = LocalDate.of(2017, 1, 1);

    private final AssessmentRepository assessments;
    private final EpaRecordRepository records;
    private final CertificateRepository certificates;
    private final StandardCodes standards;
    private final ApprovalService approvals;
    private final CurrentCaller caller;
    private final Clock clock;
    private final Validator validator;

    private final AssessmentEvents events;

    public EpaService(
            AssessmentRepository assessments,
            EpaRecordRepository records,
            CertificateRepository certificates,
            StandardCodes standards,
            ApprovalService approvals,
            CurrentCaller caller,
            Validator validator,
            Clock clock,
            AssessmentEvents events) {
        this.events = events;
        this.approvals = approvals;
        this.clock = clock;
        this.assessments = assessments;
        this.records = records;
        this.certificates = certificates;
        this.standards = standards;
        this.caller = caller;
        this.validator = validator;
    }

    // ------------------------------------------------------------------------------------------ learner

    @Transactional(Transactional.TxType.SUPPORTS)
    public LearnerResponse learner(String uln, String familyName, String standard) {
        StandardCodes.StandardId id = standard(standard);
        Assessment a = learnerAssessment(uln, familyName, id, false);
        Optional<EpaRecord> live = records.live(a.id);
        Optional<Certificate> certificate = certificates.live(a.uln, id.reference(), a.organisation.epaoId);
        int split = a.standardVersion.indexOf('_');
        return new LearnerResponse(
                new LearnerResponse.Learner(
                        a.uln, a.familyName, certificate.map(c -> c.givenNames).orElse(null)),
                new LearnerResponse.Standard(id.larsCode(), id.reference()),
                new LearnerResponse.LearningDetails(
                        a.standardVersion.substring(split + 1),
                        a.standardVersion,
                        a.providerUkprn,
                        a.organisation.epaoId,
                        a.gatewayDate,
                        a.periodEnd,
                        a.overallGrade),
                status(live).name(),
                live.map(EpaMapper::toResponse).orElse(null),
                certificate
                        .map(c -> new LearnerResponse.Certificate(c.reference, c.status.name()))
                        .orElse(null));
    }

    private static LearnerStatus status(Optional<EpaRecord> live) {
        if (live.isEmpty() || live.get().epas.isEmpty()) {
            return LearnerStatus.Registered;
        }
        return LearnerStatus.after(live.get().epas.get(live.get().epas.size() - 1).outcome);
    }

    // ------------------------------------------------------------------------------------------ batches

    public List<EpaResult> create(List<EpaRequest> batch) {
        return Batches.run(batch, EpaRequest::requestId, 201, this::createOne, EpaResult::of);
    }

    public List<EpaResult> update(List<EpaRequest> batch) {
        return Batches.run(batch, EpaRequest::requestId, 200, this::updateOne, EpaResult::of);
    }

    /** One item of a create batch (the caller runs it in its own transaction). */
    public EpaDetailsResponse createOne(EpaRequest request) {
        return createOne(request, List.of());
    }

    /**
     * One item of a create batch whose EPAs carry the standard versions a DfE client gave (by position, null where
     * none), stored as given (the DfE adapter; DfE does not check them).
     */
    public EpaDetailsResponse createOne(EpaRequest request, List<String> epaVersions) {
        List<EpaEntry> epas = withVersions(validate(request), epaVersions);
        if (request.epaDetails().epaReference() != null) {
            throw ApiException.invalid("epaDetails.epaReference", "is assigned by the server; update with PUT");
        }
        Assessment a = locked(request);
        approvals.require(a.organisation.epaoId, a.standardVersion);
        records.live(a.id).ifPresent(r -> {
            throw conflict(
                    "Learner " + a.uln + " already has EPA record " + r.epaReference + " for " + a.standardVersion
                            + "; update it with PUT.",
                    AssessmentError.EPA_RECORD_EXISTS);
        });
        EpaRecord record = newRecord(a, records.nextReference(), RecordAction.Created, null, epas, request.requestId());
        persistGuarded(record);
        Log.infof("Created EPA record %s for assessment %s", record.epaReference, a.id);
        return EpaMapper.toResponse(record);
    }

    /** One item of an update batch (the caller runs it in its own transaction). */
    public EpaDetailsResponse updateOne(EpaRequest request) {
        return updateOne(request, List.of());
    }

    /** One item of an update batch with DfE's per-EPA versions, as {@link #createOne(EpaRequest, List)}. */
    public EpaDetailsResponse updateOne(EpaRequest request, List<String> epaVersions) {
        List<EpaEntry> epas = withVersions(validate(request), epaVersions);
        String reference = request.epaDetails().epaReference();
        if (reference == null) {
            throw ApiException.invalid("epaDetails.epaReference", "is required to update an EPA record");
        }
        Assessment a = locked(request);
        approvals.require(a.organisation.epaoId, a.standardVersion);
        EpaRecord current = standing(a, reference);
        EpaRecord record = newRecord(a, reference, RecordAction.Updated, current.id, epas, request.requestId());
        persistGuarded(record);
        Log.infof("EPA record %s of assessment %s updated by %s", reference, a.id, record.id);
        return EpaMapper.toResponse(record);
    }

    private static List<EpaEntry> withVersions(List<EpaEntry> epas, List<String> versions) {
        for (int i = 0; i < epas.size() && i < versions.size(); i++) {
            epas.get(i).version = versions.get(i);
        }
        return epas;
    }

    /** Records the deletion of the standing EPA record as a new record; nothing is physically deleted. */
    @Transactional
    public void delete(String uln, String familyName, String standard, String reference) {
        StandardCodes.StandardId id = standard(standard);
        Assessment a = learnerAssessment(uln, familyName, id, true);
        assessments.getEntityManager().lock(a, LockModeType.PESSIMISTIC_WRITE);
        EpaRecord current = standing(a, reference);
        certificates.live(a.uln, id.reference(), a.organisation.epaoId).ifPresent(c -> {
            throw conflict(
                    "Learner " + a.uln + " has certificate " + c.reference + " (" + c.status + ") for "
                            + id.reference() + "; cancel or delete it before deleting the EPA "
                            + "record.",
                    AssessmentError.CERTIFICATE_EXISTS);
        });
        EpaRecord record = newRecord(a, reference, RecordAction.Deleted, current.id, List.of(), null);
        persistGuarded(record);
        Log.infof("EPA record %s of assessment %s deleted by %s", reference, a.id, record.id);
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** Bean validation, dates, and the order of the EPAs (all problems of one kind at once). */
    private List<EpaEntry> validate(EpaRequest request) {
        List<Problem.Violation> violations = new ArrayList<>();
        for (ConstraintViolation<EpaRequest> v : validator.validate(request)) {
            violations.add(new Problem.Violation(
                    v.getPropertyPath().toString().replaceAll("\\.?<[^>]*>", ""), v.getMessage()));
        }
        LocalDate today = LocalDate.now(clock);
        List<EpaRequest.Epa> epas =
                request.epaDetails() == null || request.epaDetails().epas() == null
                        ? List.of()
                        : request.epaDetails().epas();
        for (int i = 0; i < epas.size(); i++) {
            EpaRequest.Epa e = epas.get(i);
            String at = "epaDetails.epas[" + i + "]";
            if (e == null || e.epaDate() == null) {
                continue;
            }
            if (e.epaDate().isBefore(EARLIEST_EPA)) {
                violations.add(new Problem.Violation(at + ".epaDate", "must not be before 2017-01-01"));
            } else if (e.epaDate().isAfter(today)) {
                violations.add(new Problem.Violation(at + ".epaDate", "must not be in the future"));
            }
            if (Boolean.TRUE.equals(e.resit()) && Boolean.TRUE.equals(e.retake())) {
                violations.add(new Problem.Violation(at, "cannot be both a resit and a retake"));
            }
        }
        if (!violations.isEmpty()) {
            violations.sort(Comparator.comparing((Problem.Violation v) -> String.valueOf(v.field()))
                    .thenComparing(Problem.Violation::message));
            throw ApiException.invalid(violations.size() + " fields are invalid", violations);
        }
        List<EpaEntry> entries = EpaMapper.toEntities(epas);
        checkHistory(entries);
        return entries;
    }

    /**
     * DOMAIN §3: a first EPA is neither a resit nor a retake; after a Fail the next outcome is a resit or a retake
     * (or a withdrawal); a Pass is final; a withdrawn learner gets no further outcome; dates never go backwards.
     */
    static void checkHistory(List<EpaEntry> epas) {
        List<Problem.Violation> broken = new ArrayList<>();
        for (int i = 0; i < epas.size(); i++) {
            EpaEntry e = epas.get(i);
            String at = "epaDetails.epas[" + i + "]";
            boolean again = e.resit || e.retake;
            if (i == 0) {
                if (again) {
                    broken.add(new Problem.Violation(at, "a first EPA cannot be a resit or a retake"));
                }
                continue;
            }
            EpaEntry previous = epas.get(i - 1);
            if (e.date.isBefore(previous.date)) {
                broken.add(new Problem.Violation(at + ".epaDate", "must not be before the previous EPA's date"));
            }
            if (previous.outcome.mayBeFollowedBy(e.outcome, again)) {
                continue;
            }
            if (previous.outcome == EpaOutcome.Withdrawn) {
                broken.add(new Problem.Violation(
                        at, "the learner was withdrawn; a withdrawn learner cannot get " + "another outcome"));
            } else if (previous.outcome == EpaOutcome.Pass) {
                broken.add(new Problem.Violation(at, "the learner already passed; nothing follows a Pass"));
            } else if (e.outcome == EpaOutcome.Withdrawn && again) {
                broken.add(new Problem.Violation(at, "a withdrawal is not a resit or a retake"));
            } else if (e.outcome != EpaOutcome.Withdrawn && !again) {
                broken.add(new Problem.Violation(at, "after a Fail the next EPA must be a resit or a retake"));
            }
        }
        if (!broken.isEmpty()) {
            throw ApiException.of(
                            AssessmentError.EPA_HISTORY,
                            "The EPAs break the resit, retake or withdrawal rules; " + "nothing was saved.")
                    .violations(broken);
        }
    }

    private StandardCodes.StandardId standard(String standard) {
        return standards
                .resolve(standard)
                .orElseThrow(() -> ApiException.of(
                        AssessmentError.STANDARD_NOT_FOUND,
                        "No standard with LARS code " + standard
                                + " is known here; use the standard reference (STnnnn)."));
    }

    /** The item's learner, locked for writing. */
    private Assessment locked(EpaRequest request) {
        Assessment a = learnerAssessment(request.uln(), request.familyName(), standard(request.standard()), true);
        assessments.getEntityManager().lock(a, LockModeType.PESSIMISTIC_WRITE);
        return a;
    }

    /**
     * The learner's registration on the standard (its newest version) when ULN, family name (case-insensitive) and
     * standard match and the caller may read it (or, for writes, is an admin or one of its organisation's
     * assessors); otherwise 404, saying no more than that, so a ULN's existence is not revealed.
     */
    private Assessment learnerAssessment(
            String uln, String familyName, StandardCodes.StandardId standard, boolean write) {
        return assessments.findByLearnerAndStandard(uln, standard.reference()).stream()
                .filter(a -> a.familyName.equalsIgnoreCase(familyName.strip()))
                .filter(a -> write
                        ? caller.get().actsForOrganisation(a.organisation.epaoId)
                        : AccessRules.mayRead(caller.get(), a.organisation.epaoId, a.providerUkprn, a.employerId))
                .findFirst()
                .orElseThrow(() -> ApiException.of(
                        AssessmentError.LEARNER_NOT_FOUND, "No learner with this ULN, family name and standard."));
    }

    private EpaRecord standing(Assessment a, String reference) {
        return records.standing(a.id, reference)
                .filter(r -> !r.deleted())
                .orElseThrow(() -> ApiException.of(
                        AssessmentError.EPA_RECORD_NOT_FOUND, "No EPA record " + reference + " for this learner."));
    }

    private EpaRecord newRecord(
            Assessment a, String reference, RecordAction action, UUID replaces, List<EpaEntry> epas, String requestId) {
        EpaRecord r = new EpaRecord();
        r.id = UUID.randomUUID();
        r.epaReference = reference;
        r.assessment = a;
        r.action = action;
        r.replacesId = replaces;
        r.epas = new ArrayList<>(epas);
        r.recorded = stamp();
        r.requestId = requestId;
        return r;
    }

    /** Persists the record, turning a lost race to replace the same record into a 409. */
    private void persistGuarded(EpaRecord r) {
        try {
            records.persistAndFlush(r);
            events.epaRecord(r);
        } catch (PersistenceException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ConstraintViolationException cve
                        && EpaRecord.REPLACES_KEY.equalsIgnoreCase(cve.getConstraintName())) {
                    throw conflict(
                            "EPA record " + r.epaReference + " was changed at the same time; read it again.",
                            AssessmentError.CONCURRENT_CHANGE);
                }
            }
            throw e;
        }
    }

    private static ApiException conflict(String detail, AssessmentError code) {
        return ApiException.of(code, detail + " Nothing was saved.");
    }

    /** Who is doing this, and now: the platform's one stamp. */
    private StampColumns stamp() {
        return StampColumns.of(Stamp.of(caller.get(), clock));
    }
}
