package uk.apprenticeships.st1398.assessment.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.apprenticeships.st1398.assessment.api.CertificateRequest;
import uk.apprenticeships.st1398.assessment.api.EpaRequest;
import uk.apprenticeships.st1398.assessment.api.StatusChangeRequest;
import uk.apprenticeships.st1398.assessment.api.dfe.DfeModels;
import uk.apprenticeships.st1398.assessment.client.CatalogueModels;
import uk.apprenticeships.st1398.assessment.client.EvidenceClient;
import uk.apprenticeships.st1398.assessment.client.Portfolios;
import uk.apprenticeships.st1398.assessment.client.ProviderNames;
import uk.apprenticeships.st1398.assessment.client.StandardCatalogue;
import uk.apprenticeships.st1398.assessment.client.StandardCatalogue.KnownStandard;
import uk.apprenticeships.st1398.assessment.config.AssessmentError;
import uk.apprenticeships.st1398.assessment.domain.Assessment;
import uk.apprenticeships.st1398.assessment.domain.Certificate;
import uk.apprenticeships.st1398.assessment.domain.CertificateHistory;
import uk.apprenticeships.st1398.assessment.domain.CertificateStatus;
import uk.apprenticeships.st1398.assessment.domain.EpaEntry;
import uk.apprenticeships.st1398.assessment.domain.EpaOutcome;
import uk.apprenticeships.st1398.assessment.domain.EpaRecord;
import uk.apprenticeships.st1398.assessment.repository.AssessmentRepository;
import uk.apprenticeships.st1398.assessment.repository.CertificateHistoryRepository;
import uk.apprenticeships.st1398.assessment.repository.CertificateRepository;
import uk.apprenticeships.st1398.assessment.repository.EpaRecordRepository;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.platform.problem.Problem;
import uk.apprenticeships.st1398.platform.security.Caller;
import uk.apprenticeships.st1398.platform.security.CurrentCaller;
import uk.apprenticeships.st1398.platform.security.Roles;

/**
 * The DfE assessor-service External API as a thin adapter onto this service's own model: a DfE EPA record is an
 * {@link EpaRecord} written by {@link EpaService}, a DfE certificate a {@link Certificate} written by
 * {@link CertificateService}, so what one API creates the other shows. This class only checks what DfE's validators
 * check, in their order and with their messages (SkillsFundingAgency/das-assessor-service,
 * {@code src/SFA.DAS.AssessorService.Application.Api/Validators/ExternalApi}), finds the standard by LARS code or
 * reference and derives the version from the learner's registration; the rules themselves (EPA history, approvals,
 * tenancy, certificate statuses) are the services'.
 */
@ApplicationScoped
public class DfeService {

    public static final int MAX_BATCH = 25;
    public static final String BATCH_LIMIT = "Batch limited to " + MAX_BATCH + " requests";
    public static final String INVALID_INPUT =
            "Your request contains invalid input. Please ensure it matches the swagger definition and try again.";
    public static final String NO_UKPRN = "Your account is not linked to a valid UKPRN";
    /** DfE's grade list, in its order (CertificateController.GetGrades). */
    public static final List<String> GRADES = List.of(
            "Pass", "Credit", "Merit", "Distinction", "Pass with excellence", "Outstanding", "No grade awarded");

    static final String NOT_FOUND_ITEM = "ULN, FamilyName and Standard not found.";
    static final String EPA_NOT_PASSED = "Latest EPA Outcome has not passed";
    static final String NOT_APPROVED = "Your organisation is not approved to assess this Standard";
    private static final LocalDate EARLIEST = LocalDate.of(2017, 1, 1);
    private static final Pattern DATE = Pattern.compile(
            "^(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d{1,7})?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?$");
    private static final Pattern POSTCODE = Pattern.compile("^(([gG][iI][rR] {0,}0[aA]{2})|((([a-pr-uwyzA-PR-UWYZ]"
            + "[a-hk-yA-HK-Y]?[0-9][0-9]?)|(([a-pr-uwyzA-PR-UWYZ][0-9][a-hjkstuwA-HJKSTUW])|([a-pr-uwyzA-PR-UWYZ]"
            + "[a-hk-yA-HK-Y][0-9][abehmnprv-yABEHMNPRV-Y]))) {0,}[0-9][abd-hjlnp-uw-zABD-HJLNP-UW-Z]{2}))$");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    /** A whole request refused as DfE refuses it: {@code {statusCode, message}}. */
    public static final class Refused extends RuntimeException {
        private final int status;

        public Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }

        public int status() {
            return status;
        }

        public DfeModels.ApiResponse body() {
            return new DfeModels.ApiResponse(status, getMessage());
        }
    }

    /** One batch item refused with DfE's validation messages. */
    static final class ItemRefused extends RuntimeException {
        final List<String> messages;

        ItemRefused(List<String> messages) {
            super(String.join("; ", messages), null, false, false);
            this.messages = List.copyOf(messages);
        }
    }

    private final StandardCatalogue catalogue;
    private final Portfolios portfolios;
    private final ProviderNames providerNames;
    private final EpaService epaService;
    private final CertificateService certificateService;
    private final ApprovalService approvals;
    private final AssessmentRepository assessments;
    private final EpaRecordRepository records;
    private final CertificateRepository certificates;
    private final CertificateHistoryRepository history;
    private final CurrentCaller caller;
    private final Clock clock;

    public DfeService(
            StandardCatalogue catalogue,
            Portfolios portfolios,
            ProviderNames providerNames,
            EpaService epaService,
            CertificateService certificateService,
            ApprovalService approvals,
            AssessmentRepository assessments,
            EpaRecordRepository records,
            CertificateRepository certificates,
            CertificateHistoryRepository history,
            CurrentCaller caller,
            Clock clock) {
        this.catalogue = catalogue;
        this.portfolios = portfolios;
        this.providerNames = providerNames;
        this.epaService = epaService;
        this.certificateService = certificateService;
        this.approvals = approvals;
        this.assessments = assessments;
        this.records = records;
        this.certificates = certificates;
        this.history = history;
        this.caller = caller;
        this.clock = clock;
    }

    // ================================================================================================ learner

    @Transactional(Transactional.TxType.SUPPORTS)
    public DfeModels.LearnerResponse learner(String ulnText, String familyName, String standard) {
        String epaoId = epaoId();
        long uln = pathUln(ulnText);
        List<String> errors = new ArrayList<>();
        if (blank(familyName)) {
            errors.add("Provide apprentice family name");
        }
        Optional<KnownStandard> known = Optional.empty();
        if (blank(standard)) {
            errors.add("Provide a Standard");
        } else {
            known = catalogue.resolve(standard);
            if (known.isEmpty()) {
                errors.add("Standard not found");
            }
        }
        Optional<Assessment> registration = Optional.empty();
        if (!validUln(uln)) {
            errors.add("ULN should contain exactly 10 numbers");
        } else if (known.isPresent() && !blank(familyName)) {
            registration = registration(epaoId, uln, familyName, known.get().reference(), null);
            if (registration.isEmpty()) {
                errors.add("ULN, FamilyName and Standard not found");
            } else if (!approvals.approvedForStandard(epaoId, known.get().reference())) {
                errors.add(NOT_APPROVED);
            }
        }
        if (!errors.isEmpty()) {
            throw new Refused(403, String.join("; ", errors));
        }
        Assessment a = registration.orElseThrow();
        KnownStandard s = known.orElseThrow();
        Optional<EpaRecord> live = records.live(a.id).filter(r -> !r.deleted());
        Optional<Certificate> certificate = certificates.live(a.uln, s.reference(), epaoId);
        String version = a.standardVersion.substring(a.standardVersion.indexOf('_') + 1);
        // What DfE takes from the ILR (learner reference, learning dates, completion status) comes from the linked
        // e-portfolio apprentice; another learner's record is never used (the ULN must be the registration's).
        Optional<EvidenceClient.Apprentice> apprentice = linkedApprentice(a);
        // GetBatchLearnerHandler: OrganisationName = the register's name for the learner's UKPRN ?? "Unknown".
        String providerName = providerNames.name(a.providerUkprn).orElse(UNKNOWN_PROVIDER);
        LearnerFacts facts = new LearnerFacts(
                apprentice.map(p -> date(p.startDate())).orElse(null),
                UNKNOWN_PROVIDER.equals(providerName) ? null : providerName);
        Optional<DfeModels.Certificate> shown = certificate.map(c -> view(c, s, facts));
        Optional<DfeModels.EpaDetailsOut> epa = live.map(DfeService::epaDetails)
                // CollapseNullsAction: EPA details without a latest outcome are left out.
                .filter(d -> !blank(d.latestEpaOutcome()));
        return new DfeModels.LearnerResponse(
                new DfeModels.LearnerData(
                        standardOut(s, version),
                        // The ILR's given names: the linked apprentice's, else those a certificate names.
                        new DfeModels.LearnerOut(
                                uln,
                                apprentice
                                        .map(EvidenceClient.Apprentice::givenName)
                                        .filter(n -> !blank(n))
                                        .or(() -> certificate.map(c -> c.givenNames))
                                        .orElse(null),
                                a.familyName),
                        new DfeModels.LearnerLearningDetails(
                                apprentice
                                        .map(p -> emptyToNull(p.learnerReference()))
                                        .orElse(null),
                                apprentice.map(p -> date(p.startDate())).orElse(null),
                                apprentice.map(p -> date(p.plannedEndDate())).orElse(null),
                                providerName,
                                ukprn(a.providerUkprn))),
                completionStatus(apprentice, shown)
                        .map(DfeModels.LearnerStatus::new)
                        .orElse(null),
                epa.orElse(null),
                shown.filter(c -> !hiddenFromLearner(c, epa)).orElse(null));
    }

    /**
     * CreateBatchCertificateRequestValidator's learner-details rule: DfE reads the learner's ILR record and refuses
     * a certificate for a learner it has none of ("Learner details for ULN: 0 not found", the ULN as DfE binds it)
     * or whose completion status is withdrawn or temporarily withdrawn ("Cannot find the apprentice details"). The
     * learner record here is the registration with the caller's organisation (another organisation's is never
     * looked at); the completion status is the linked evidence-service apprentice's (withdrawn, or on a break in
     * learning). A registration without a visible link has no such status and passes.
     */
    private void learnerDetailsRule(List<String> errors, Subject subject, DfeModels.Learner learner, String epaoId) {
        long uln = learner.uln() == null ? 0 : learner.uln();
        if (subject.registration == null) {
            // DfE reads the ILR by ULN and standard only: a learner whose family name was mistyped still has one.
            boolean registered = subject.standard != null
                    && validUln(uln)
                    && assessments.findByLearnerAndStandard(String.valueOf(uln), subject.standard.reference()).stream()
                            .anyMatch(a -> a.organisation.epaoId.equals(epaoId));
            if (!registered) {
                errors.add("Learner details for ULN: " + uln + " not found");
            }
            return;
        }
        String status = linkedApprentice(subject.registration)
                .map(EvidenceClient.Apprentice::status)
                .orElse("");
        if (status.equals("withdrawn") || status.equals("break-in-learning")) {
            errors.add("Cannot find the apprentice details");
        }
    }

    /** DfE's answer for a provider its register does not know (GetBatchLearnerHandler). */
    static final String UNKNOWN_PROVIDER = "Unknown";

    /** The registration's linked evidence-service apprentice, when the caller may see it and it is this learner. */
    private Optional<EvidenceClient.Apprentice> linkedApprentice(Assessment a) {
        return blank(a.apprenticeId)
                ? Optional.empty()
                : portfolios
                        .apprenticeIfVisible(a.apprenticeId.strip())
                        .filter(p -> String.valueOf(a.uln).equals(p.uln()));
    }

    /**
     * GetBatchLearnerResponseProfile's MapStatusAction: the ILR's completion status (here the linked apprentice's
     * status: 1 continuing, 2 completed, 3 withdrawn, 6 temporarily withdrawn, i.e. a break in learning); without
     * it, from the certificate's status (Submitted 2, Deleted none, otherwise 1); with neither, none (the member is
     * left out, CollapseNullsAction).
     */
    static Optional<Integer> completionStatus(
            Optional<EvidenceClient.Apprentice> apprentice, Optional<DfeModels.Certificate> certificate) {
        Optional<Integer> ilr = apprentice
                .map(EvidenceClient.Apprentice::status)
                .map(status -> switch (status) {
                    case "active" -> 1;
                    case "completed" -> 2;
                    case "withdrawn" -> 3;
                    case "break-in-learning" -> 6;
                    default -> null;
                });
        if (ilr.isPresent()) {
            return ilr;
        }
        return certificate.map(c -> c.status().currentStatus()).flatMap(status -> switch (status) {
            case "Submitted", "Printed", "Reprint" -> Optional.of(2);
            case "Deleted" -> Optional.<Integer>empty();
            default -> Optional.of(1);
        });
    }

    /**
     * GetBatchLearnerResponseProfile's HideCertificateAction: a deleted certificate is not shown, nor a draft whose
     * latest EPA outcome is not a pass or that lacks the grade, the achievement date or the postcode.
     */
    static boolean hiddenFromLearner(DfeModels.Certificate c, Optional<DfeModels.EpaDetailsOut> epa) {
        String status = c.status().currentStatus();
        if ("Deleted".equals(status)) {
            return true;
        }
        if (!"Draft".equals(status)) {
            return false;
        }
        DfeModels.CertificateLearningDetailsOut details = c.certificateData().learningDetails();
        return !epa.map(DfeModels.EpaDetailsOut::latestEpaOutcome)
                        .filter("Pass"::equalsIgnoreCase)
                        .isPresent()
                || details == null
                || blank(details.overallGrade())
                || details.achievementDate() == null
                || c.certificateData().postalContact() == null
                || blank(c.certificateData().postalContact().postCode());
    }

    /**
     * CreateBatchCertificateRequestValidator: DfE keeps the EPA details in the learner's draft certificate and refuses
     * to complete that draft unless its latest EPA outcome is {@code Pass}. DfE's draft is this platform's live EPA
     * record of the registration (the certificate does not exist yet, or "Certificate already exists" is answered
     * instead), so the rule applies when the learner has one whose last EPA is not a pass; with no EPA recorded there
     * is no draft and DfE does not apply it.
     */
    private boolean latestEpaNotPassed(Subject subject) {
        if (subject.registration == null) {
            return false;
        }
        Optional<EpaRecord> live = records.live(subject.registration.id).filter(r -> !r.deleted());
        return live.isPresent()
                && (live.get().epas.isEmpty()
                        || live.get().epas.get(live.get().epas.size() - 1).outcome != EpaOutcome.Pass);
    }

    // ================================================================================================ EPA

    public List<DfeModels.EpaResponse> createEpas(List<DfeModels.EpaRequest> batch) {
        bindEpaDates(batch);
        return batch(batch, item -> epa(item, true));
    }

    public List<DfeModels.EpaResponse> updateEpas(List<DfeModels.EpaRequest> batch) {
        bindEpaDates(batch);
        return batch(batch, item -> epa(item, false));
    }

    /**
     * DfE binds the whole body before it processes any item, so a date it cannot read refuses the whole request
     * (403 invalid input) and nothing is processed: check every item's dates first.
     */
    private static void bindEpaDates(List<DfeModels.EpaRequest> batch) {
        for (DfeModels.EpaRequest item : batch) {
            if (item == null || item.epaDetails() == null || item.epaDetails().epas() == null) {
                continue;
            }
            for (DfeModels.Epa epa : item.epaDetails().epas()) {
                if (epa == null) {
                    throw new Refused(403, INVALID_INPUT);
                }
                if (epa.epaDate() != null) {
                    date(epa.epaDate(), true);
                }
            }
        }
    }

    private static void bindCertificateDates(List<DfeModels.CertificateRequest> batch) {
        for (DfeModels.CertificateRequest item : batch) {
            if (item != null
                    && item.learningDetails() != null
                    && item.learningDetails().achievementDate() != null) {
                date(item.learningDetails().achievementDate(), false);
            }
        }
    }

    private DfeModels.EpaResponse epa(DfeModels.EpaRequest item, boolean create) {
        String epaoId = epaoId();
        DfeModels.Learner learner = item.learner() == null ? new DfeModels.Learner(null, null, null) : item.learner();
        DfeModels.EpaLearningDetails details =
                item.learningDetails() == null ? new DfeModels.EpaLearningDetails(null, null) : item.learningDetails();
        String reference = item.epaReference() != null
                ? item.epaReference()
                : item.epaDetails() == null ? null : item.epaDetails().epaReference();
        try {
            List<String> errors = new ArrayList<>();
            Subject subject = subject(errors, learner, item.standard(), details.version(), epaoId, ". ");
            courseOptionForEpa(errors, subject, details.courseOption());
            learnerRule(errors, subject, learner);
            approval(errors, subject, epaoId);
            List<EpaEntry> epas = epas(errors, item.epaDetails());
            Optional<Certificate> own = ownCertificate(subject, learner, epaoId);
            if (create) {
                if (!blank(reference)) {
                    errors.add("EPA reference must be empty");
                } else if (own.isPresent()
                        && own.get().status != CertificateStatus.Draft
                        && own.get().status != CertificateStatus.Ready) {
                    errors.add("Certificate already exists, cannot create EPA record");
                }
            } else if (blank(reference)) {
                errors.add("Provide EPA reference");
            } else if (subject.registration == null
                    || records.standing(subject.registration.id, reference.strip())
                            .filter(r -> !r.deleted())
                            .isEmpty()) {
                errors.add("EPA not found");
            } else if (own.isPresent()
                    && own.get().status != CertificateStatus.Draft
                    && own.get().status != CertificateStatus.Ready) {
                errors.add("Certificate has been submitted for this EPA");
            }
            if (!errors.isEmpty()) {
                throw new ItemRefused(errors);
            }
            EpaRequest ours = new EpaRequest(
                    item.requestId(),
                    subject.standard.reference(),
                    String.valueOf(learner.uln()),
                    learner.familyName(),
                    new EpaRequest.EpaDetails(create ? null : reference, requests(epas)));
            List<String> versions = epas.stream().map(e -> e.version).toList();
            String epaReference = QuarkusTransaction.requiringNew()
                    .call(() -> (create ? epaService.createOne(ours, versions) : epaService.updateOne(ours, versions))
                            .epaReference());
            return new DfeModels.EpaResponse(item.requestId(), epaReference, List.of());
        } catch (ItemRefused e) {
            return new DfeModels.EpaResponse(item.requestId(), null, e.messages);
        } catch (ApiException e) {
            return new DfeModels.EpaResponse(item.requestId(), null, messages(e, reference));
        }
    }

    private static List<EpaRequest.Epa> requests(List<EpaEntry> epas) {
        return epas.stream()
                .map(e -> new EpaRequest.Epa(e.date, e.outcome.name(), e.resit, e.retake))
                .toList();
    }

    /** BatchEpaRequestValidator's EPA rules: every EPA's date and outcome, all messages at once. */
    private List<EpaEntry> epas(List<String> errors, DfeModels.EpaDetails details) {
        if (details == null || details.epas() == null || details.epas().isEmpty()) {
            errors.add("Provide EPA Details");
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        List<EpaEntry> entries = new ArrayList<>();
        for (DfeModels.Epa epa : details.epas()) {
            if (epa == null) {
                throw new Refused(403, INVALID_INPUT);
            }
            // DfE's EpaDate is a non-nullable DateTime: absent is 0001-01-01, "" cannot be read at all.
            LocalDate date = epa.epaDate() == null ? LocalDate.of(1, 1, 1) : date(epa.epaDate(), true);
            if (date.isBefore(EARLIEST)) {
                errors.add("EPA Date cannot be before 01 01 2017");
            }
            if (date.isAfter(today)) {
                errors.add("EPA Date cannot be in the future");
            }
            Optional<EpaOutcome> outcome = outcome(epa.epaOutcome());
            if (outcome.isEmpty()) {
                errors.add("Invalid outcome: must be Pass, Fail or Withdrawn");
            } else {
                EpaEntry entry = new EpaEntry(
                        date, outcome.get(), Boolean.TRUE.equals(epa.resit()), Boolean.TRUE.equals(epa.retake()));
                // EpaRecordProfile maps each EPA's Version as given; no validator of DfE's reads it.
                entry.version = epa.version();
                entries.add(entry);
            }
        }
        return entries;
    }

    private static Optional<EpaOutcome> outcome(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (EpaOutcome o : EpaOutcome.values()) {
            if (o.name().equalsIgnoreCase(text.strip())) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    public void deleteEpa(String ulnText, String familyName, String standard, String epaReference) {
        String epaoId = epaoId();
        long uln = pathUln(ulnText);
        List<String> errors = new ArrayList<>();
        Subject subject = pathSubject(errors, uln, familyName, standard, epaoId, "Provide a Standard");
        String reference = epaReference == null ? "" : epaReference.strip();
        if (reference.isEmpty()) {
            errors.add("Provide the EPA reference");
        } else if (errors.isEmpty()) {
            Optional<EpaRecord> standing =
                    records.standing(subject.registration.id, reference).filter(r -> !r.deleted());
            Optional<Certificate> own =
                    certificates.live(subject.registration.uln, subject.standard.reference(), epaoId);
            if (standing.isEmpty()) {
                errors.add("EPA not found");
            } else if (own.isPresent()) {
                errors.add("Cannot delete EPA from a submitted Certificate");
            }
        }
        if (!errors.isEmpty()) {
            throw new Refused(403, String.join("; ", errors));
        }
        try {
            epaService.delete(subject.registration.uln, familyName.strip(), subject.standard.reference(), reference);
        } catch (ApiException e) {
            throw new Refused(403, String.join("; ", messages(e, reference)));
        }
    }

    // ================================================================================================ certificates

    public List<DfeModels.CertificateResponse> createCertificates(List<DfeModels.CertificateRequest> batch) {
        bindCertificateDates(batch);
        return batch(batch, item -> certificate(item, true));
    }

    public List<DfeModels.CertificateResponse> updateCertificates(List<DfeModels.CertificateRequest> batch) {
        bindCertificateDates(batch);
        return batch(batch, item -> certificate(item, false));
    }

    private DfeModels.CertificateResponse certificate(DfeModels.CertificateRequest item, boolean create) {
        String epaoId = epaoId();
        DfeModels.Learner learner = item.learner() == null ? new DfeModels.Learner(null, null, null) : item.learner();
        DfeModels.CertificateLearningDetails details = item.learningDetails() == null
                ? new DfeModels.CertificateLearningDetails(null, null, null, null)
                : item.learningDetails();
        DfeModels.PostalContact contact = item.postalContact();
        try {
            List<String> errors = new ArrayList<>();
            Subject subject = subject(errors, learner, item.standard(), details.version(), epaoId, ". ");
            courseOptionForCertificate(errors, subject, details.courseOption());
            learnerRule(errors, subject, learner);
            approval(errors, subject, epaoId);
            if (contact == null) {
                errors.add("Provide Certificate Data");
            } else {
                if (blank(contact.contactName())) {
                    errors.add("Provide a contact name");
                }
                if (blank(contact.addressLine1())) {
                    errors.add("Provide an address");
                }
                if (blank(contact.city())) {
                    errors.add("Provide a city or town");
                }
                if (blank(contact.postCode())) {
                    errors.add("Provide a postcode");
                } else if (!POSTCODE.matcher(contact.postCode()).matches()) {
                    errors.add("Provide a valid UK postcode");
                }
            }
            String grade = grade(errors, details.overallGrade());
            LocalDate achieved = details.achievementDate() == null ? null : date(details.achievementDate(), false);
            if (achieved == null) {
                errors.add("Provide the achievement date");
            } else if (achieved.isBefore(EARLIEST)) {
                errors.add("Achievement date cannot be before 01 01 2017");
            } else if (achieved.isAfter(LocalDate.now(clock))) {
                errors.add("Achievement date cannot be in the future");
            }
            Optional<Certificate> own = ownCertificate(subject, learner, epaoId);
            String reference = item.certificateReference();
            if (create) {
                if (!blank(reference)) {
                    errors.add("Certificate reference must be empty");
                } else if (own.isPresent()) {
                    errors.add("Certificate already exists: " + own.get().reference);
                } else if (latestEpaNotPassed(subject)) {
                    errors.add(EPA_NOT_PASSED);
                }
                learnerDetailsRule(errors, subject, learner, epaoId);
            } else if (blank(reference)) {
                errors.add("Provide the certificate reference");
            } else if (own.isEmpty() || !own.get().reference.equalsIgnoreCase(reference.strip())) {
                errors.add("Certificate not found");
            } else if (own.get().status != CertificateStatus.Draft && own.get().status != CertificateStatus.Ready) {
                errors.add("Certificate does not exist in Draft status");
            }
            if (!errors.isEmpty()) {
                throw new ItemRefused(errors);
            }
            // The learner's names are the ILR's, never the request's: CreateBatchCertificateHandler's
            // CombineCertificateData takes LearnerGivenNames and LearnerFamilyName from the ILR record, and
            // UpdateBatchCertificateHandler keeps the certificate's. Here the ILR record is the registration (family
            // name) and its linked apprentice (given name); without a visible link the request's given names are
            // kept, as this platform has no other record of them.
            String familyName;
            String givenNames;
            if (create) {
                familyName = subject.registration.familyName;
                givenNames = linkedApprentice(subject.registration)
                        .map(EvidenceClient.Apprentice::givenName)
                        .filter(n -> !blank(n))
                        .orElse(emptyToNull(learner.givenNames()));
            } else {
                familyName = own.get().familyName;
                givenNames = own.get().givenNames;
            }
            CertificateRequest ours = new CertificateRequest(
                    item.requestId(),
                    create ? null : reference.strip(),
                    null,
                    new CertificateRequest.Standard(subject.standard.larsCode(), subject.standard.reference()),
                    new CertificateRequest.Learner(String.valueOf(learner.uln()), familyName, givenNames),
                    new CertificateRequest.LearningDetails(
                            subject.version,
                            canonicalOption(subject, emptyToNull(details.courseOption())),
                            grade,
                            achieved,
                            null,
                            null),
                    new CertificateRequest.PostalContact(
                            contact.contactName(),
                            emptyToNull(contact.department()),
                            emptyToNull(contact.organisation()),
                            contact.addressLine1(),
                            emptyToNull(contact.addressLine2()),
                            emptyToNull(contact.addressLine3()),
                            null,
                            contact.city(),
                            contact.postCode()));
            // Read before the write, so that a neighbour that is down changes nothing; the view is read in the
            // item's own transaction, so it shows what was just written.
            LearnerFacts facts = facts(subject.registration);
            DfeModels.Certificate done = QuarkusTransaction.requiringNew()
                    .call(() -> view(
                            (create
                                            ? certificateService.createOne(ours)
                                            : certificateService.amendOne(ours.certificateReference(), ours))
                                    .certificateReference(),
                            subject.standard,
                            facts));
            return new DfeModels.CertificateResponse(item.requestId(), done, List.of());
        } catch (ItemRefused e) {
            return new DfeModels.CertificateResponse(item.requestId(), null, e.messages);
        } catch (ApiException e) {
            return new DfeModels.CertificateResponse(item.requestId(), null, messages(e, item.certificateReference()));
        }
    }

    private static String grade(List<String> errors, String asked) {
        if (blank(asked)) {
            errors.add("Select the grade achieved");
            return null;
        }
        if ("Fail".equalsIgnoreCase(asked)) {
            errors.add("Cannot record a Fail grade via API");
            return null;
        }
        Optional<String> grade =
                GRADES.stream().filter(g -> g.equalsIgnoreCase(asked)).findFirst();
        if (grade.isEmpty()) {
            String list = String.join(", ", GRADES);
            errors.add("You must enter a valid grade. Must be one of the following: " + list + ", where " + list
                    + " can be obtained with /api/v1/certificate/grades");
            return null;
        }
        return grade.get();
    }

    public List<DfeModels.CertificateResponse> submitCertificates(List<DfeModels.SubmitRequest> batch) {
        return batch(batch, this::submit);
    }

    private DfeModels.CertificateResponse submit(DfeModels.SubmitRequest item) {
        String epaoId = epaoId();
        try {
            List<String> errors = new ArrayList<>();
            DfeModels.Learner learner = new DfeModels.Learner(item.uln(), null, item.familyName());
            Subject subject = subject(
                    errors,
                    learner,
                    new DfeModels.Standard(item.standardCode(), item.standardReference()),
                    null,
                    epaoId,
                    "");
            learnerRule(errors, subject, learner);
            if (subject.registration != null && !approvals.approvedForStandard(epaoId, subject.standard.reference())) {
                errors.add(NOT_APPROVED);
            }
            Certificate certificate = null;
            if (blank(item.certificateReference())) {
                errors.add("Provide the certificate reference");
            } else {
                Optional<Certificate> own = ownCertificate(subject, learner, epaoId);
                if (own.isEmpty()
                        || !own.get()
                                .reference
                                .equalsIgnoreCase(item.certificateReference().strip())) {
                    errors.add("Certificate not found");
                } else if (own.get().status != CertificateStatus.Draft && own.get().status != CertificateStatus.Ready) {
                    errors.add("Certificate has already been submitted");
                } else if (blank(own.get().contactOrganisation)) {
                    // SubmitBatchCertificateRequestValidator: a Draft lacking mandatory data (here the postal
                    // organisation, the one DfE requires that this platform's API does not) is not Ready.
                    errors.add("Certificate is missing mandatory data");
                } else {
                    certificate = own.get();
                }
            }
            if (!errors.isEmpty() || certificate == null) {
                throw new ItemRefused(errors.isEmpty() ? List.of("Certificate not found") : errors);
            }
            String reference = certificate.reference;
            LearnerFacts facts = facts(subject.registration);
            DfeModels.Certificate done = QuarkusTransaction.requiringNew().call(() -> {
                certificateService.changeStatus(reference, new StatusChangeRequest(CertificateStatus.Submitted, null));
                return view(reference, subject.standard, facts);
            });
            return new DfeModels.CertificateResponse(item.requestId(), done, List.of());
        } catch (ItemRefused e) {
            return new DfeModels.CertificateResponse(item.requestId(), null, e.messages);
        } catch (ApiException e) {
            return new DfeModels.CertificateResponse(item.requestId(), null, messages(e, item.certificateReference()));
        }
    }

    /** {@code GET api/v1/certificate/{uln}/{familyName}/{standard}}: the certificate, or empty (204). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<DfeModels.Certificate> getCertificate(String ulnText, String familyName, String standard) {
        String epaoId = epaoId();
        long uln = pathUln(ulnText);
        List<String> errors = new ArrayList<>();
        if (blank(familyName)) {
            errors.add("Provide apprentice family name");
        }
        Optional<KnownStandard> known = blank(standard) ? Optional.empty() : catalogue.resolve(standard);
        if (known.isEmpty()) {
            errors.add("Provide a valid Standard");
        }
        if (!validUln(uln)) {
            errors.add("ULN should contain exactly 10 numbers");
        }
        if (!errors.isEmpty()) {
            throw new Refused(403, String.join("; ", errors));
        }
        KnownStandard s = known.get();
        Optional<Certificate> own = certificates
                .live(String.valueOf(uln), s.reference(), epaoId)
                .filter(c -> c.familyName.equalsIgnoreCase(familyName.strip()));
        if (own.isPresent()) {
            return Optional.of(view(
                    own.get(),
                    s,
                    facts(registration(epaoId, uln, familyName, s.reference(), null)
                            .orElse(null))));
        }
        if (!approvals.approvedForStandard(epaoId, s.reference())) {
            errors.add(NOT_APPROVED);
        }
        if (registration(epaoId, uln, familyName, s.reference(), null).isEmpty()) {
            errors.add("Cannot find apprentice with the specified Uln, FamilyName & Standard");
        }
        if (!errors.isEmpty()) {
            throw new Refused(403, String.join("; ", errors));
        }
        return Optional.empty();
    }

    public void deleteCertificate(String ulnText, String familyName, String standard, String certificateReference) {
        String epaoId = epaoId();
        long uln = pathUln(ulnText);
        List<String> errors = new ArrayList<>();
        Subject subject = pathSubject(errors, uln, familyName, standard, epaoId, "Provide a Standard");
        String reference = certificateReference == null ? "" : certificateReference.strip();
        Certificate certificate = null;
        if (reference.isEmpty()) {
            errors.add("Provide the certificate reference");
        } else if (errors.isEmpty()) {
            Optional<Certificate> own =
                    certificates.live(subject.registration.uln, subject.standard.reference(), epaoId);
            if (own.isEmpty() || !own.get().reference.equalsIgnoreCase(reference)) {
                errors.add("Certificate not found");
            } else if (own.get().status != CertificateStatus.Draft && own.get().status != CertificateStatus.Ready) {
                errors.add("Cannot delete a submitted Certificate");
            } else {
                certificate = own.get();
            }
        }
        if (!errors.isEmpty()) {
            throw new Refused(403, String.join("; ", errors));
        }
        try {
            certificateService.changeStatus(
                    certificate.reference, new StatusChangeRequest(CertificateStatus.Deleted, null));
        } catch (ApiException e) {
            throw new Refused(403, String.join("; ", messages(e, reference)));
        }
    }

    // ================================================================================================ options

    /** Options of every standard that has any, from its newest version, ordered by LARS code. */
    public List<DfeModels.StandardOptions> allOptions() {
        Map<String, CatalogueModels.VersionItem> newest = new LinkedHashMap<>();
        for (CatalogueModels.VersionItem v : catalogue.allVersions()) {
            newest.put(v.reference(), v);
        }
        return newest.values().stream()
                .filter(v -> v.options() != null && !v.options().isEmpty() && v.larsCode() != null)
                .sorted(Comparator.comparing(CatalogueModels.VersionItem::larsCode))
                .map(v -> new DfeModels.StandardOptions(
                        v.larsCode(), v.reference(), v.versionNumber(), List.copyOf(v.options())))
                .toList();
    }

    /** Options of one standard (its newest version, or the version named); empty when not found (404). */
    public Optional<DfeModels.StandardOptions> options(String standard, String version) {
        Optional<KnownStandard> known = catalogue.resolve(standard);
        if (known.isEmpty()) {
            return Optional.empty();
        }
        Optional<CatalogueModels.VersionItem> v =
                version == null ? known.get().latest() : known.get().version(version);
        return v.map(item -> new DfeModels.StandardOptions(
                known.get().larsCode(),
                known.get().reference(),
                item.versionNumber(),
                item.options() == null ? List.of() : List.copyOf(item.options())));
    }

    // ================================================================================================ helpers

    /** The learner, standard, version and registration an item names, with DfE's messages for what is wrong. */
    private static final class Subject {
        KnownStandard standard;
        String version;
        Assessment registration;
        boolean versionInvalid;
        int code;
        String notFound;
    }

    /**
     * BatchCertificateRequestValidator's and BatchEpaRequestValidator's common rules, in their order: family name,
     * standard (code or reference, compared when both are given), version, ULN and the learner's registration
     * with the caller's organisation (another organisation's is never looked at).
     */
    private Subject subject(
            List<String> errors,
            DfeModels.Learner learner,
            DfeModels.Standard standard,
            String version,
            String epaoId,
            String notFoundStop) {
        Subject s = new Subject();
        if (blank(learner.familyName())) {
            errors.add("Provide apprentice family name");
        }
        int code = standard == null || standard.standardCode() == null ? 0 : standard.standardCode();
        String reference = standard == null ? null : emptyToNull(standard.standardReference());
        Optional<KnownStandard> byCode = code > 0 ? catalogue.resolve(String.valueOf(code)) : Optional.empty();
        Optional<KnownStandard> byReference = reference != null ? catalogue.resolve(reference) : Optional.empty();
        if (code <= 0 && byReference.isPresent()) {
            code = byReference.get().larsCode();
            byCode = byReference;
        }
        boolean mismatch = false;
        if (code <= 0) {
            errors.add("Provide a valid Standard");
        } else if (reference != null
                && (byCode.isEmpty() || !byCode.get().reference().equalsIgnoreCase(reference))) {
            mismatch = true;
            errors.add("StandardReference and StandardCode must be for the same Standard");
        }
        s.standard = mismatch ? null : byCode.orElse(null);
        if (!blank(version) && !mismatch) {
            if (s.standard == null || s.standard.version(version.strip()).isEmpty()) {
                s.versionInvalid = true;
                errors.add("Invalid version for Standard");
            } else {
                s.version = version.strip();
            }
        }
        s.code = code;
        s.notFound = "ULN, FamilyName and Standard not found" + notFoundStop.strip();
        long uln = learner.uln() == null ? 0 : learner.uln();
        if (validUln(uln) && code > 0 && !blank(learner.familyName()) && s.standard != null) {
            s.registration = registration(epaoId, uln, learner.familyName(), s.standard.reference(), s.version)
                    .orElse(null);
            if (s.registration != null && s.version == null && !s.versionInvalid) {
                // DfE derives the version from the learner's record when the client leaves it out.
                s.version = s.registration.standardVersion.substring(s.registration.standardVersion.indexOf('_') + 1);
            }
        }
        return s;
    }

    /** The ULN rule of the batch validators, which DfE runs after the standard, version and option rules. */
    private static void learnerRule(List<String> errors, Subject s, DfeModels.Learner learner) {
        long uln = learner.uln() == null ? 0 : learner.uln();
        if (!validUln(uln)) {
            errors.add("ULN should contain exactly 10 numbers");
        } else if (s.code > 0 && !blank(learner.familyName()) && s.registration == null) {
            errors.add(s.notFound);
        }
    }

    /**
     * The learner's live certificate for the standard from the caller's organisation (DfE looks the certificate up by
     * ULN and standard, whoever made it; another organisation's is never looked at here, so nothing reveals it).
     */
    private Optional<Certificate> ownCertificate(Subject s, DfeModels.Learner learner, String epaoId) {
        long uln = learner.uln() == null ? 0 : learner.uln();
        if (s.standard == null || !validUln(uln)) {
            return Optional.empty();
        }
        return certificates.live(String.valueOf(uln), s.standard.reference(), epaoId);
    }

    /** The approval rules of the batch validators (after the learner is found). */
    private void approval(List<String> errors, Subject s, String epaoId) {
        if (s.registration == null) {
            return;
        }
        if (!approvals.approvedForStandard(epaoId, s.standard.reference())) {
            errors.add(NOT_APPROVED);
        } else if (!s.versionInvalid && !approvals.approved(epaoId, s.standard.reference() + "_" + s.version)) {
            errors.add("Your organisation is not approved to assess this Standard Version: " + s.version);
        }
    }

    /** Path-parameter forms (learner GET, deletes): the same rules, and every error refuses the whole request. */
    private Subject pathSubject(
            List<String> errors, long uln, String familyName, String standard, String epaoId, String noStandard) {
        Subject s = new Subject();
        if (blank(familyName)) {
            errors.add("Provide apprentice family name");
        }
        Optional<KnownStandard> known = blank(standard) ? Optional.empty() : catalogue.resolve(standard);
        if (known.isEmpty()) {
            errors.add(noStandard);
        }
        s.standard = known.orElse(null);
        if (!validUln(uln)) {
            errors.add("ULN should contain exactly 10 numbers");
        } else if (s.standard != null && !blank(familyName)) {
            s.registration = registration(epaoId, uln, familyName, s.standard.reference(), null)
                    .orElse(null);
            if (s.registration == null) {
                errors.add("ULN, FamilyName and Standard not found");
            } else if (!approvals.approvedForStandard(epaoId, s.standard.reference())) {
                errors.add(NOT_APPROVED);
            }
        }
        return s;
    }

    /** BatchCertificateRequestValidator: where the version has options one must be given, else none. */
    private void courseOptionForCertificate(List<String> errors, Subject s, String option) {
        List<String> options = versionOptions(s);
        if (options == null) {
            return;
        }
        if (options.isEmpty() && !blank(option)) {
            errors.add("No course option available for this Standard and version. Must be empty");
        } else if (!options.isEmpty() && options.stream().noneMatch(o -> o.equalsIgnoreCase(nullToEmpty(option)))) {
            String list = String.join(", ", options);
            errors.add("Invalid course option for this Standard and version. Must be one of the following: " + list
                    + " where " + list + " depends on the standard code, and can be obtained with GET "
                    + "/api/v1/standard/options/" + s.standard.larsCode() + "/" + s.version);
        }
    }

    /**
     * The version's own spelling of an option matched case-insensitively (CertificateHelpers.NormalizeCourseOption,
     * UpdateBatchCertificateHandler.NormalizeCourseOption: "substation fitting" is stored "Substation fitting").
     */
    private static String canonicalOption(Subject s, String option) {
        List<String> options = versionOptions(s);
        if (option == null || options == null) {
            return option;
        }
        return options.stream()
                .filter(o -> o.equalsIgnoreCase(option))
                .findFirst()
                .orElse(option);
    }

    /** BatchEpaRequestValidator: an option, when given, must be (part of) one of the version's. */
    private void courseOptionForEpa(List<String> errors, Subject s, String option) {
        if (blank(option)) {
            return;
        }
        List<String> options = versionOptions(s);
        if (options == null) {
            return;
        }
        String wanted = option.toLowerCase(Locale.ROOT);
        if (options.isEmpty()) {
            errors.add("No course option available for this Standard and version. Must be empty");
        } else if (options.stream().noneMatch(o -> o.toLowerCase(Locale.ROOT).contains(wanted))) {
            String list = String.join(",", options);
            errors.add("Invalid course option for this Standard and version. Must be one of the following: '" + list
                    + "' where '" + list + "' depends on the standard code, and can be obtained with GET "
                    + "/api/v1/standard/options/" + s.standard.reference() + "/" + s.version);
        }
    }

    /** The options of the item's version; null when the version is not known yet. */
    private static List<String> versionOptions(Subject s) {
        if (s.standard == null || s.version == null) {
            return null;
        }
        return s.standard
                .version(s.version)
                .map(v -> v.options() == null ? List.<String>of() : v.options())
                .orElse(null);
    }

    private Optional<Assessment> registration(
            String epaoId, long uln, String familyName, String reference, String version) {
        List<Assessment> mine = assessments.findByLearnerAndStandard(String.valueOf(uln), reference).stream()
                .filter(a -> a.organisation.epaoId.equals(epaoId))
                .filter(a -> a.familyName.equalsIgnoreCase(familyName.strip()))
                .toList();
        return mine.stream()
                .filter(a -> version == null || a.standardVersion.equals(reference + "_" + version))
                .findFirst()
                .or(() -> mine.stream().findFirst());
    }

    /** A batch as DfE runs it: more than 25 items refuses the whole request; every item answered in order. */
    private static <T, R> List<R> batch(List<T> batch, Function<T, R> item) {
        if (batch.size() > MAX_BATCH) {
            throw new Refused(403, BATCH_LIMIT);
        }
        List<R> results = new ArrayList<>();
        for (T t : batch) {
            if (t == null) {
                throw new Refused(403, INVALID_INPUT);
            }
            results.add(item.apply(t));
        }
        return results;
    }

    /** What one of this service's own refusals says, in DfE's words where DfE has them. */
    private List<String> messages(ApiException e, String reference) {
        if (e.code().status() >= 500) {
            // A neighbour that is down or slow is no answer about the item: the request fails (503/504 in DfE's
            // form, DfeErrorForm); items answered before it stay done, as each runs in its own transaction.
            throw e;
        }
        if (e.code() instanceof AssessmentError code) {
            switch (code) {
                case LEARNER_NOT_FOUND:
                    return List.of(NOT_FOUND_ITEM);
                case EPA_RECORD_EXISTS:
                    return List.of("EPA already provided for the learner");
                case EPA_RECORD_NOT_FOUND:
                    return List.of("EPA not found");
                case CERTIFICATE_EXISTS:
                    return List.of("Cannot delete EPA from a submitted Certificate");
                case CERTIFICATE_NOT_FOUND:
                    return List.of("Certificate not found");
                case CERTIFICATE_NOT_AMENDABLE:
                    return List.of("Certificate does not exist in Draft status");
                case LEARNER_HAS_CERTIFICATE:
                    return List.of("Certificate already exists: " + nullToEmpty(reference));
                case NOT_APPROVED_FOR_VERSION:
                    return List.of(NOT_APPROVED);
                default:
                    break;
            }
        }
        if (e.violations().isEmpty()) {
            return List.of(e.getMessage());
        }
        return e.violations().stream().map(DfeService::message).toList();
    }

    private static String message(Problem.Violation v) {
        return v.field() == null ? v.message() : v.field() + " " + v.message();
    }

    /** The caller's organisation: DfE identifies the organisation by the subscription's UKPRN, we by epao_id. */
    private String epaoId() {
        Caller c = caller.get();
        if (!c.has(Roles.ASSESSOR) || c.epaoId() == null || c.epaoId().isBlank()) {
            throw new Refused(400, NO_UKPRN);
        }
        return c.epaoId();
    }

    // ------------------------------------------------------------------------------------------ views

    /**
     * What DfE's certificate data holds from the ILR and its provider list and this platform keeps elsewhere: the
     * learning start date (the linked evidence-service apprentice's) and the provider's name (the provider
     * register's); null where there is none.
     */
    record LearnerFacts(String learningStartDate, String providerName) {}

    private LearnerFacts facts(Assessment registration) {
        if (registration == null) {
            return new LearnerFacts(null, null);
        }
        return new LearnerFacts(
                linkedApprentice(registration).map(p -> date(p.startDate())).orElse(null),
                providerNames.name(registration.providerUkprn).orElse(null));
    }

    private DfeModels.Certificate view(String reference, KnownStandard standard, LearnerFacts facts) {
        return view(certificates.findByReference(reference).orElseThrow(), standard, facts);
    }

    /** A certificate as DfE shows it (statuses as the External API reports them). */
    DfeModels.Certificate view(Certificate c, KnownStandard standard, LearnerFacts facts) {
        List<CertificateHistory> changes = c.id == null ? List.of() : history.forCertificate(c.id);
        // CertificateStatusProfile: Printed {printedAt, printedBatch}; this platform records printing as a status
        // change and assigns no print batch number, so printedBatch is never written.
        DfeModels.Printed printed = latest(changes, CertificateStatus.Printed)
                .map(h -> new DfeModels.Printed(dateTime(h.changed.at), null))
                .orElse(null);
        DfeModels.Submitted submitted = latest(changes, CertificateStatus.Submitted)
                .map(h -> new DfeModels.Submitted(dateTime(h.changed.at), by(h.changed.displayName, h.changed.subject)))
                .orElse(null);
        // CertificateProfile: Delivered {status, deliveryDate} from the latest Delivered (or NotDelivered, which this
        // platform does not record) log entry, its time without milliseconds.
        DfeModels.Delivered delivered = latest(changes, CertificateStatus.Delivered)
                .map(h -> new DfeModels.Delivered("Delivered", dateTime(h.changed.at)))
                .orElse(null);
        // CertificateProfile's CollapseNullsAction drops the whole learningDetails when its learningStartDate is
        // DateTime.MinValue, i.e. when there is no start date: here, a learner without a linked apprentice.
        DfeModels.CertificateLearningDetailsOut learningDetails = facts.learningStartDate() == null
                ? null
                : new DfeModels.CertificateLearningDetailsOut(
                        c.courseOption,
                        c.overallGrade,
                        date(c.achievementDate),
                        facts.learningStartDate(),
                        facts.providerName(),
                        ukprn(c.providerUkprn));
        return new DfeModels.Certificate(
                new DfeModels.CertificateData(
                        c.reference,
                        standardOut(standard, c.version),
                        new DfeModels.LearnerOut(Long.parseLong(c.uln), c.givenNames, c.familyName),
                        learningDetails,
                        new DfeModels.PostalContact(
                                c.contactName,
                                c.department,
                                c.contactOrganisation,
                                c.addressLine1,
                                c.addressLine2,
                                c.addressLine3,
                                c.city,
                                c.postCode)),
                new DfeModels.Status(dfeStatus(c)),
                new DfeModels.Created(dateTime(c.created.at), by(c.created.displayName, c.created.subject)),
                c.status == CertificateStatus.Draft || c.status == CertificateStatus.Ready ? null : submitted,
                printed,
                delivered);
    }

    private static Optional<CertificateHistory> latest(List<CertificateHistory> changes, CertificateStatus status) {
        return changes.stream().filter(h -> h.status == status).reduce((first, second) -> second);
    }

    /**
     * DfE's statuses (CertificateStatusProfile: {@code currentStatus} is the stored status as it is; Domain/Consts/
     * CertificateStatus.cs names Draft, Ready, Submitted, Approved, Printed, Delivered, Cancelled, Deleted...): a
     * Draft with every mandatory field is reported Ready (DfE stores Ready then). This platform's {@code Approved} (the
     * approving body's step between submission and printing) is DfE's {@code Submitted}: at DfE a certificate made
     * through the API stays Submitted until its print run, and DfE's Approved belongs to certificates made outside the
     * API, which GetBatchCertificateHandler never serves (it answers 204). Every other status has DfE's name.
     */
    static String dfeStatus(Certificate c) {
        return switch (c.status) {
            case Draft -> blank(c.contactOrganisation) ? "Draft" : "Ready";
            case Ready -> "Ready";
            case Submitted -> "Submitted";
            case Approved -> "Submitted";
            case Printed -> "Printed";
            case Delivered -> "Delivered";
            case Cancelled -> "Cancelled";
            case Deleted -> "Deleted";
        };
    }

    /**
     * EpaDetails (EpaRecordProfile): every EPA with the standard version its client gave, as given (absent when none
     * was given, as DfE's serializer leaves a null out).
     */
    private static DfeModels.EpaDetailsOut epaDetails(EpaRecord r) {
        EpaEntry last = r.epas.isEmpty() ? null : r.epas.get(r.epas.size() - 1);
        return new DfeModels.EpaDetailsOut(
                r.epaReference,
                last == null ? null : date(last.date),
                last == null ? null : last.outcome.name(),
                r.epas.stream()
                        .map(e -> new DfeModels.EpaOut(date(e.date), e.outcome.name(), e.resit, e.retake, e.version))
                        .toList());
    }

    private static DfeModels.StandardOut standardOut(KnownStandard s, String version) {
        return new DfeModels.StandardOut(
                s.larsCode(), s.reference(), s.title(), s.level() == 0 ? null : s.level(), version);
    }

    private static String by(String name, String subject) {
        return name == null || name.isBlank() ? subject : name;
    }

    private static Integer ukprn(String ukprn) {
        return ukprn == null ? null : Integer.valueOf(ukprn);
    }

    // ------------------------------------------------------------------------------------------ values

    /** A date in any form DfE's serializer reads (2021-06-02, 2025-06-30T12:34:56.1234567Z, 0001-01-01T00:00:00). */
    static LocalDate date(String text, boolean required) {
        String t = text.strip();
        if (t.isEmpty()) {
            if (required) {
                throw new Refused(403, INVALID_INPUT);
            }
            return null;
        }
        Matcher m = DATE.matcher(t);
        if (!m.matches()) {
            throw new Refused(403, INVALID_INPUT);
        }
        try {
            return LocalDate.of(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (java.time.DateTimeException e) {
            throw new Refused(403, INVALID_INPUT);
        }
    }

    static String date(LocalDate date) {
        return date == null ? null : date.atStartOfDay().format(DATE_TIME);
    }

    static String dateTime(OffsetDateTime at) {
        return at == null
                ? null
                : at.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime().format(DATE_TIME);
    }

    /** A path ULN as DfE binds it (a long); text that is not a number cannot be bound at all. */
    private static long pathUln(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new Refused(403, INVALID_INPUT);
        }
    }

    private static boolean validUln(long uln) {
        return uln >= 1_000_000_000L && uln <= 9_999_999_999L;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String emptyToNull(String s) {
        return blank(s) ? null : s;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
