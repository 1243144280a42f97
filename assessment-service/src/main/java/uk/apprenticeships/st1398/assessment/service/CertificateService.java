package uk.apprenticeships.st1398.assessment.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.hibernate.exception.ConstraintViolationException;
import uk.apprenticeships.st1398.assessment.api.CertificateRequest;
import uk.apprenticeships.st1398.assessment.api.CertificateResponse;
import uk.apprenticeships.st1398.assessment.api.CertificateResult;
import uk.apprenticeships.st1398.assessment.api.StatusChangeRequest;
import uk.apprenticeships.st1398.assessment.api.SubmitRequest;
import uk.apprenticeships.st1398.assessment.client.CatalogueModels;
import uk.apprenticeships.st1398.assessment.client.StandardCatalogue;
import uk.apprenticeships.st1398.assessment.config.AssessmentError;
import uk.apprenticeships.st1398.assessment.domain.Assessment;
import uk.apprenticeships.st1398.assessment.domain.AssessmentOrganisation;
import uk.apprenticeships.st1398.assessment.domain.Certificate;
import uk.apprenticeships.st1398.assessment.domain.CertificateGrade;
import uk.apprenticeships.st1398.assessment.domain.CertificateHistory;
import uk.apprenticeships.st1398.assessment.domain.CertificateStatus;
import uk.apprenticeships.st1398.assessment.domain.RecordAction;
import uk.apprenticeships.st1398.assessment.domain.StampColumns;
import uk.apprenticeships.st1398.assessment.events.AssessmentEvents;
import uk.apprenticeships.st1398.assessment.mapping.CertificateMapper;
import uk.apprenticeships.st1398.assessment.repository.AssessmentOrganisationRepository;
import uk.apprenticeships.st1398.assessment.repository.AssessmentRepository;
import uk.apprenticeships.st1398.assessment.repository.CertificateHistoryRepository;
import uk.apprenticeships.st1398.assessment.repository.CertificateRepository;
import uk.apprenticeships.st1398.platform.api.PageRequest;
import uk.apprenticeships.st1398.platform.api.PageResponse;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.platform.problem.Problem;
import uk.apprenticeships.st1398.platform.security.CurrentCaller;
import uk.apprenticeships.st1398.platform.security.Stamp;

/**
 * Certificates: batches of up to 25 items answered item by item. Each item runs in its own transaction, so a
 * batch is atomic per item: a refused item changes nothing and does not stop the others.
 */
@ApplicationScoped
public class CertificateService {

    public static final int MAX_BATCH = Batches.MAX_BATCH;
    static final LocalDate EARLIEST_ACHIEVEMENT = LocalDate.of(2017, 1, 1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CertificateRepository certificates;
    private final CertificateHistoryRepository history;
    private final AssessmentOrganisationRepository organisations;
    private final CurrentCaller caller;
    private final Validator validator;
    private final Clock clock;

    private final StandardCodes standardCodes;
    private final AssessmentRepository assessments;
    private final ApprovalService approvals;
    private final StandardCatalogue catalogue;

    private final AssessmentEvents events;

    public CertificateService(
            StandardCatalogue catalogue,
            AssessmentRepository assessments,
            ApprovalService approvals,
            CertificateRepository certificates,
            CertificateHistoryRepository history,
            AssessmentOrganisationRepository organisations,
            CurrentCaller caller,
            Validator validator,
            StandardCodes standardCodes,
            Clock clock,
            AssessmentEvents events) {
        this.events = events;
        this.clock = clock;
        this.catalogue = catalogue;
        this.assessments = assessments;
        this.approvals = approvals;
        this.standardCodes = standardCodes;
        this.certificates = certificates;
        this.history = history;
        this.organisations = organisations;
        this.caller = caller;
        this.validator = validator;
    }

    // ------------------------------------------------------------------------------------------ batches

    public List<CertificateResult> create(List<CertificateRequest> batch) {
        return Batches.run(batch, CertificateRequest::requestId, 201, this::createOne, CertificateResult::new);
    }

    public List<CertificateResult> amend(List<CertificateRequest> batch) {
        return Batches.run(
                batch,
                CertificateRequest::requestId,
                200,
                item -> {
                    if (item.certificateReference() == null) {
                        throw ApiException.invalid("certificateReference", "is required to amend a certificate");
                    }
                    return amendOne(item.certificateReference(), item);
                },
                CertificateResult::new);
    }

    public List<CertificateResult> submit(List<SubmitRequest> batch) {
        return Batches.run(
                batch,
                SubmitRequest::requestId,
                200,
                item -> {
                    if (item.certificateReference() == null
                            || !item.certificateReference().matches("^\\d{8}$")) {
                        throw ApiException.invalid("certificateReference", "must be 8 digits");
                    }
                    Certificate certificate = writable(item.certificateReference());
                    if (!certificate.status.canMoveTo(CertificateStatus.Submitted)) {
                        throw ApiException.of(
                                AssessmentError.CERTIFICATE_NOT_SUBMITTABLE,
                                "Certificate " + certificate.reference + " is " + certificate.status
                                        + "; only Draft or Ready certificates can be submitted.");
                    }
                    return move(certificate, CertificateStatus.Submitted, null);
                },
                CertificateResult::new);
    }

    // ------------------------------------------------------------------------------------------ one item

    /** One item of a create batch (the caller runs it in its own transaction). */
    public CertificateResponse createOne(CertificateRequest request) {
        CertificateGrade grade = validate(request);
        AssessmentOrganisation organisation = organisationFor(request.epaoId());
        Assessment registration = registration(organisation, request);
        approvals.require(organisation.epaoId, standardVersion(request));
        courseOption(request);
        if (certificates.liveCertificateExists(
                request.learner().uln(), request.standard().standardReference(), organisation.epaoId, null)) {
            throw ApiException.of(
                    AssessmentError.LEARNER_HAS_CERTIFICATE,
                    "Learner " + request.learner().uln() + " already has a certificate for "
                            + request.standard().standardReference() + "; amend it, or cancel it first.");
        }
        Certificate c = new Certificate();
        c.reference = certificates.nextReference();
        c.organisation = organisation;
        c.status = CertificateStatus.Draft;
        c.identitySalt = HexFormat.of().formatHex(salt());
        CertificateMapper.apply(request, grade, c);
        fromRegistration(c, registration);
        c.created = stamp();
        c.updated = stamp();
        persistGuarded(c);
        record(c, RecordAction.Created, null);
        Log.infof("Created certificate %s for %s", c.reference, organisation.epaoId);
        return CertificateMapper.toResponse(c);
    }

    @Transactional
    public CertificateResponse amendOne(String reference, CertificateRequest request) {
        Certificate c = writable(reference);
        if (request.certificateReference() != null
                && !request.certificateReference().equals(reference)) {
            throw ApiException.invalid("certificateReference", "must match the certificate being amended");
        }
        if (request.epaoId() != null && !request.epaoId().equals(c.organisation.epaoId)) {
            throw ApiException.invalid("epaoId", "a certificate cannot move to another assessment organisation");
        }
        if (!c.status.amendable()) {
            throw ApiException.of(
                    AssessmentError.CERTIFICATE_NOT_AMENDABLE,
                    "Certificate " + reference + " is " + c.status
                            + "; only Draft and Submitted certificates can be amended.");
        }
        CertificateGrade grade = validate(request);
        Assessment registration = registration(c.organisation, request);
        approvals.require(c.organisation.epaoId, standardVersion(request));
        courseOption(request);
        if (certificates.liveCertificateExists(
                request.learner().uln(), request.standard().standardReference(), c.organisation.epaoId, c.id)) {
            throw ApiException.of(
                    AssessmentError.LEARNER_HAS_CERTIFICATE,
                    "Learner " + request.learner().uln() + " already has another certificate " + "for "
                            + request.standard().standardReference() + ".");
        }
        CertificateMapper.apply(request, grade, c);
        fromRegistration(c, registration);
        c.updated = stamp();
        persistGuarded(c);
        record(c, RecordAction.Amended, null);
        Log.infof("Amended certificate %s", c.reference);
        return CertificateMapper.toResponse(c);
    }

    @Transactional
    public CertificateResponse changeStatus(String reference, StatusChangeRequest request) {
        Certificate c = writable(reference);
        CertificateStatus target = request.status();
        if (!caller.get().may(AccessRules.CERTIFICATE_APPROVE) && !target.settableByAssessor()) {
            throw ApiException.of(
                    AssessmentError.CERTIFICATE_STATUS_ADMIN_ONLY,
                    "Only the approving body (admin) can set a " + "certificate to " + target
                            + "; assessors may set Draft, Ready, Submitted or Deleted.");
        }
        if (!c.status.canMoveTo(target)) {
            throw ApiException.of(
                    AssessmentError.CERTIFICATE_TRANSITION_REFUSED,
                    "Certificate " + reference + " is " + c.status + " and cannot become " + target + "; from "
                            + c.status + " it can become " + c.status.next() + ".");
        }
        return move(c, target, request.note());
    }

    private CertificateResponse move(Certificate c, CertificateStatus target, String note) {
        c.status = target;
        c.updated = stamp();
        if (target == CertificateStatus.Approved && c.approvedAt == null) {
            c.approvedAt = c.updated.at;
        }
        record(c, RecordAction.StatusChanged, note);
        Log.infof("Certificate %s is now %s", c.reference, target);
        return CertificateMapper.toResponse(c);
    }

    // ------------------------------------------------------------------------------------------ reads

    @Transactional(Transactional.TxType.SUPPORTS)
    public CertificateResponse get(String reference) {
        Certificate c = readable(reference);
        return CertificateMapper.toResponse(c, history.forCertificate(c.id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<CertificateResponse> search(
            CertificateStatus status, String standardReference, String uln, PageRequest page) {
        String epaoId = null;
        String ukprn = null;
        if (!caller.get().seesEverything()) {
            epaoId = AccessRules.ownOrganisation(caller.get()).orElse(null);
            ukprn = epaoId != null
                    ? null
                    : AccessRules.ownProvider(caller.get()).orElseThrow();
        }
        CertificateRepository.Filter filter =
                new CertificateRepository.Filter(epaoId, ukprn, status, standardReference, uln);
        return PageResponse.of(
                certificates.search(filter, page), CertificateMapper::toResponse, page, certificates.count(filter));
    }

    /** A certificate the caller may read; another tenant's answers 404, as if absent. */
    public Certificate readable(String reference) {
        return certificates
                .findByReference(reference)
                .filter(c -> AccessRules.mayRead(caller.get(), c.organisation.epaoId, c.providerUkprn))
                .orElseThrow(() -> notFound(reference));
    }

    /** A certificate the caller may change: admins any, assessors their organisation's. */
    private Certificate writable(String reference) {
        return certificates
                .findByReference(reference)
                .filter(c -> caller.get().actsForOrganisation(c.organisation.epaoId))
                .orElseThrow(() -> notFound(reference));
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** Bean validation plus the rules that need more than one field or today's date; all problems at once. */
    private CertificateGrade validate(CertificateRequest request) {
        List<Problem.Violation> violations = new ArrayList<>();
        for (ConstraintViolation<CertificateRequest> v : validator.validate(request)) {
            violations.add(new Problem.Violation(
                    v.getPropertyPath().toString().replaceAll("\\.?<[^>]*>", ""), v.getMessage()));
        }
        CertificateGrade grade = null;
        if (request.learningDetails() != null
                && request.learningDetails().overallGrade() != null
                && !request.learningDetails().overallGrade().isBlank()) {
            String asked = request.learningDetails().overallGrade();
            grade = CertificateGrade.of(asked).orElse(null);
            if (grade == null) {
                violations.add(new Problem.Violation(
                        "learningDetails.overallGrade",
                        "Fail".equalsIgnoreCase(asked.strip())
                                ? "Fail is an assessment outcome, never a certificate grade"
                                : "must be one of " + CertificateGrade.labels()));
            }
        }
        CertificateRequest.Standard standard = request.standard();
        if (standard != null && standard.standardCode() != null && standard.standardReference() != null) {
            // A LARS code that contradicts the reference would put the certificate under another standard.
            Integer known = standardCodes.larsCode(standard.standardReference()).orElse(null);
            if (known != null && !known.equals(standard.standardCode())) {
                violations.add(new Problem.Violation(
                        "standard.standardCode",
                        "must be " + known + ", the LARS code " + "of " + standard.standardReference()));
            }
        }
        LocalDate date = request.learningDetails() == null
                ? null
                : request.learningDetails().achievementDate();
        if (date != null && date.isBefore(EARLIEST_ACHIEVEMENT)) {
            violations.add(new Problem.Violation("learningDetails.achievementDate", "must not be before 2017-01-01"));
        } else if (date != null && date.isAfter(LocalDate.now(clock))) {
            violations.add(new Problem.Violation("learningDetails.achievementDate", "must not be in the future"));
        }
        if (!violations.isEmpty()) {
            violations.sort(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message));
            throw ApiException.invalid(violations.size() + " fields are invalid", violations);
        }
        return grade;
    }

    private AssessmentOrganisation organisationFor(String requested) {
        String epaoId;
        if (caller.get().may(AccessRules.ORGANISATION_ACT_FOR_ANY)) {
            if (requested == null) {
                throw ApiException.invalid("epaoId", "is required when an admin creates a certificate");
            }
            epaoId = requested;
        } else {
            epaoId = AccessRules.ownOrganisation(caller.get()).orElseThrow();
            if (requested != null && !requested.equals(epaoId)) {
                throw ApiException.invalid("epaoId", "must be your own assessment organisation (" + epaoId + ")");
            }
        }
        return organisations
                .findByEpaoId(epaoId)
                .orElseThrow(() -> ApiException.invalid(
                        "epaoId",
                        "no assessment organisation " + epaoId + " is registered; an admin must register it first"));
    }

    /**
     * The learner's registration on the standard with this organisation (the version asked for, else the newest);
     * the family name matches case-insensitively. Otherwise 404, saying no more: a registration or certificate with
     * another organisation is never looked at, so nothing reveals it.
     */
    private Assessment registration(AssessmentOrganisation organisation, CertificateRequest request) {
        String version = standardVersion(request);
        List<Assessment> mine =
                assessments
                        .findByLearnerAndStandard(
                                request.learner().uln(), request.standard().standardReference())
                        .stream()
                        .filter(a -> a.organisation.epaoId.equals(organisation.epaoId))
                        .filter(a -> a.familyName.equalsIgnoreCase(
                                request.learner().familyName().strip()))
                        .toList();
        Assessment registration = mine.stream()
                .filter(a -> a.standardVersion.equals(version))
                .findFirst()
                .or(() -> mine.stream().findFirst())
                .orElseThrow(() -> ApiException.of(
                        AssessmentError.LEARNER_NOT_FOUND,
                        "No learner with this ULN, family name and standard is registered with " + organisation.epaoId
                                + "; register the learner first. Nothing was saved."));
        String asked = request.learningDetails().providerUkprn();
        if (asked != null && !asked.equals(registration.providerUkprn)) {
            throw ApiException.invalid(
                    "learningDetails.providerUkprn",
                    "must be the provider of the learner's registration (" + registration.providerUkprn
                            + "), or be left out");
        }
        return registration;
    }

    /**
     * The course option against the version's options in the standards catalogue: one of them (case-insensitive)
     * where the version has options, none where it has none.
     */
    private void courseOption(CertificateRequest request) {
        String asked = request.learningDetails().courseOption();
        List<String> options = catalogue
                .version(standardVersion(request))
                .map(v -> v.options() == null
                        ? List.<String>of()
                        : v.options().stream()
                                .map(CatalogueModels.Option::title)
                                .toList())
                .orElseThrow(() -> ApiException.of(
                                AssessmentError.STANDARD_VERSION_UNKNOWN,
                                "The standards catalogue has no version " + standardVersion(request)
                                        + "; nothing was saved.")
                        .with("standardVersion", standardVersion(request)));
        boolean given = asked != null && !asked.isBlank();
        if (options.isEmpty() && given) {
            throw ApiException.invalid(
                    "learningDetails.courseOption",
                    "must be left out: " + standardVersion(request) + " has no options");
        }
        if (!options.isEmpty() && (!given || options.stream().noneMatch(o -> o.equalsIgnoreCase(asked.strip())))) {
            throw ApiException.invalid("learningDetails.courseOption", "must be one of " + options)
                    .with("options", options);
        }
    }

    private static String standardVersion(CertificateRequest request) {
        return request.standard().standardReference() + "_"
                + request.learningDetails().version();
    }

    /** Provider and employer come from the registration, never from the request. */
    private static void fromRegistration(Certificate c, Assessment registration) {
        c.providerUkprn = registration.providerUkprn;
        c.employerId = registration.employerId;
        c.assessmentId = registration.id;
    }

    private void record(Certificate c, RecordAction action, String note) {
        CertificateHistory h = new CertificateHistory();
        h.certificateId = c.id;
        h.action = action;
        h.status = c.status;
        h.changed = StampColumns.of(c.updated.stamp());
        h.note = note;
        history.persist(h);
        events.certificate(c, action);
    }

    /** Persists (or flushes) the certificate, turning a lost race for the live-certificate index into a 409. */
    private void persistGuarded(Certificate c) {
        try {
            if (c.id == null) {
                certificates.persist(c);
            }
            certificates.flush();
        } catch (PersistenceException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ConstraintViolationException cve
                        && Certificate.LIVE_LEARNER_KEY.equalsIgnoreCase(cve.getConstraintName())) {
                    throw ApiException.of(
                            AssessmentError.LEARNER_HAS_CERTIFICATE,
                            "Learner " + c.uln + " already has a certificate for " + c.standardReference
                                    + "; amend it, or cancel it first.");
                }
            }
            throw e;
        }
    }

    private static byte[] salt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return salt;
    }

    private static ApiException notFound(String reference) {
        return ApiException.of(
                AssessmentError.CERTIFICATE_NOT_FOUND, "No certificate with reference " + reference + ".");
    }

    /** Who is doing this, and now: the platform's one stamp. */
    private StampColumns stamp() {
        return StampColumns.of(Stamp.of(caller.get(), clock));
    }
}
