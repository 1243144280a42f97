package uk.apprenticeships.st1398.evidence.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import uk.apprenticeships.st1398.evidence.api.ApprenticeRequest;
import uk.apprenticeships.st1398.evidence.api.ApprenticeResponse;
import uk.apprenticeships.st1398.evidence.api.ProgrammeRequest;
import uk.apprenticeships.st1398.evidence.client.StandardVersions;
import uk.apprenticeships.st1398.evidence.domain.Apprentice;
import uk.apprenticeships.st1398.evidence.domain.ApprenticeStatus;
import uk.apprenticeships.st1398.evidence.domain.StatusChange;
import uk.apprenticeships.st1398.evidence.events.EvidenceEvents;
import uk.apprenticeships.st1398.evidence.mapping.ApprenticeMapper;
import uk.apprenticeships.st1398.evidence.mapping.ApprenticeView;
import uk.apprenticeships.st1398.evidence.mapping.OffTheJobMapper;
import uk.apprenticeships.st1398.evidence.repository.ApprenticeRepository;
import uk.apprenticeships.st1398.evidence.xapi.XapiEvidence;
import uk.apprenticeships.st1398.platform.api.PageRequest;
import uk.apprenticeships.st1398.platform.api.PageResponse;
import uk.apprenticeships.st1398.platform.events.EventTypes;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.platform.problem.Problem.Violation;
import uk.apprenticeships.st1398.platform.security.Caller;

@ApplicationScoped
public class ApprenticeService {

    private final ApprenticeRepository apprentices;
    private final StandardVersions standardVersions;
    private final AuditTrail audit;
    private final Stamps stamps;
    private final XapiEvidence xapiEvidence;

    private final EvidenceEvents events;

    public ApprenticeService(
            ApprenticeRepository apprentices,
            StandardVersions standardVersions,
            AuditTrail audit,
            Stamps stamps,
            XapiEvidence xapiEvidence,
            EvidenceEvents events) {
        this.events = events;
        this.xapiEvidence = xapiEvidence;
        this.apprentices = apprentices;
        this.standardVersions = standardVersions;
        this.audit = audit;
        this.stamps = stamps;
    }

    public PageResponse<ApprenticeResponse> list(String status, String standardVersion, PageRequest page) {
        Caller caller = stamps.caller();
        ApprenticeRepository.Filter filter = ApprenticeAccess.filter(
                Tenancy.of(caller), status == null ? null : ApprenticeStatus.of(status), standardVersion);
        ApprenticeView view = ApprenticeView.of(caller);
        return PageResponse.of(
                apprentices.list(filter, page),
                a -> ApprenticeMapper.toResponse(a, view),
                page,
                apprentices.count(filter));
    }

    /** Another tenant's record answers exactly like a missing one, so ids cannot be probed; erased ones 410. */
    public ApprenticeResponse get(String id) {
        Caller caller = stamps.caller();
        return ApprenticeMapper.toResponse(
                ApprenticeAccess.visible(apprentices, caller, id), ApprenticeView.of(caller));
    }

    public ApprenticeResponse create(ApprenticeRequest request) {
        Caller caller = stamps.caller();
        check(Tenancy.of(caller), request);
        standardVersions.requireExists(request.standardVersion());
        Apprentice apprentice = ApprenticeMapper.toEntity(request);
        Instant now = stamps.now();
        apprentice.status = ApprenticeStatus.ACTIVE;
        apprentice.statusHistory.add(
                new StatusChange(ApprenticeStatus.ACTIVE, stamps.stamp(now), null, request.startDate()));
        apprentice.createdAt = now;
        events.apprentice(
                apprentice,
                EventTypes.APPRENTICE_ENROLLED,
                "standardVersion",
                apprentice.standardVersion,
                "startDate",
                apprentice.startDate,
                "plannedEndDate",
                apprentice.plannedEndDate,
                "status",
                "active");
        if (!apprentices.insert(apprentice)) {
            throw ApiException.of(
                    EvidenceError.APPRENTICE_ALREADY_ENROLLED,
                    "Provider " + request.providerUkprn() + " already has an apprentice with this ULN.");
        }
        audit.changed("apprentice.created", apprentice, null);
        try {
            // xAPI statements about this ULN sent before the enrolment become evidence now (docs/xapi.md).
            xapiEvidence.onEnrolled(apprentice);
        } catch (RuntimeException e) {
            Log.warnf(e, "xAPI statements waiting for apprentice %s were not converted", apprentice.id);
        }
        Log.infof("Created apprentice %s for provider %s", apprentice.id, apprentice.providerUkprn);
        return ApprenticeMapper.toResponse(apprentice, ApprenticeView.of(caller));
    }

    /**
     * Replaces the assessment organisation, contracted hours and planned leave: admins, or a tutor or LMS client of
     * the apprentice's provider. Other tenants' apprentices answer 404.
     */
    public ApprenticeResponse setProgramme(String id, ProgrammeRequest request) {
        Caller caller = stamps.caller();
        Apprentice a = ApprenticeAccess.visible(apprentices, caller, id);
        if (!Tenancy.of(caller).actsFor(a.providerUkprn)) {
            throw ApiException.of(
                    EvidenceError.PROGRAMME_CHANGE_FORBIDDEN,
                    "Only an admin or the provider's tutor " + "or LMS client changes an apprentice's programme.");
        }
        if (request.plannedLeaveWeeks() != null
                && request.plannedLeaveWeeks() > 0
                && request.plannedLeaveWeeks() >= OffTheJobPlan.weeksInLearning(a.startDate, a.plannedEndDate)) {
            Violation v = leaveViolation(a.startDate, a.plannedEndDate);
            throw ApiException.invalid(v.field(), v.message());
        }
        String before = audit.digest(a);
        a.assessmentOrganisationId = request.assessmentOrganisationId();
        a.contractedWeeklyHundredths = request.contractedWeeklyHours() == null
                ? null
                : OffTheJobMapper.hundredths(request.contractedWeeklyHours());
        a.plannedLeaveWeeks = request.plannedLeaveWeeks();
        apprentices.setProgramme(
                a.id,
                a.assessmentOrganisationId,
                a.contractedWeeklyHundredths,
                a.plannedLeaveWeeks,
                events.apprentice(
                        a,
                        EventTypes.APPRENTICE_CHANGED,
                        "changed",
                        "programme",
                        "assessmentOrganisationId",
                        a.assessmentOrganisationId));
        audit.changed("apprentice.programme-changed", a, before);
        Log.infof("Programme of apprentice %s changed by %s", a.id, caller.subject());
        return ApprenticeMapper.toResponse(a, ApprenticeView.of(caller));
    }

    private static Violation leaveViolation(java.time.LocalDate start, java.time.LocalDate plannedEnd) {
        return new Violation(
                "plannedLeaveWeeks",
                "must be fewer than the " + OffTheJobPlan.weeksInLearning(start, plannedEnd)
                        + " whole weeks from startDate to plannedEndDate");
    }

    private static void check(Tenancy tenancy, ApprenticeRequest request) {
        List<Violation> violations = new ArrayList<>();
        if (!tenancy.actsFor(request.providerUkprn())) {
            violations.add(new Violation("providerUkprn", "must be your own provider"));
        }
        if (!request.plannedEndDate().isAfter(request.startDate())) {
            violations.add(new Violation("plannedEndDate", "must be after startDate"));
        } else if (request.plannedLeaveWeeks() != null
                && request.plannedLeaveWeeks() > 0
                && request.plannedLeaveWeeks()
                        >= OffTheJobPlan.weeksInLearning(request.startDate(), request.plannedEndDate())) {
            violations.add(leaveViolation(request.startDate(), request.plannedEndDate()));
        }
        if (violations.size() == 1) {
            Violation v = violations.get(0);
            throw ApiException.invalid("1 input is invalid: " + v.field() + " " + v.message(), violations);
        } else if (!violations.isEmpty()) {
            throw ApiException.invalid(violations.size() + " inputs are invalid; see violations", violations);
        }
    }
}
