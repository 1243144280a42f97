package uk.apprenticeships.st1398.evidence.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import uk.apprenticeships.st1398.evidence.api.ApprenticeRequest;
import uk.apprenticeships.st1398.evidence.api.ApprenticeResponse;
import uk.apprenticeships.st1398.evidence.api.IdentifiersRequest;
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
    private final CallingClient client;

    private final EvidenceEvents events;

    public ApprenticeService(
            ApprenticeRepository apprentices,
            StandardVersions standardVersions,
            AuditTrail audit,
            Stamps stamps,
            XapiEvidence xapiEvidence,
            CallingClient client,
            EvidenceEvents events) {
        this.events = events;
        this.xapiEvidence = xapiEvidence;
        this.client = client;
        this.apprentices = apprentices;
        this.standardVersions = standardVersions;
        this.audit = audit;
        this.stamps = stamps;
    }

    public PageResponse<ApprenticeResponse> list(String status, String standardVersion, PageRequest page) {
        return list(status, standardVersion, null, null, null, page);
    }

    /**
     * The caller's apprentices, narrowed by status, standard version, ULN, learner reference and the calling client's
     * external id; the tenant filter always applies, so a search never reaches another tenant's apprentices.
     */
    public PageResponse<ApprenticeResponse> list(
            String status,
            String standardVersion,
            String uln,
            String learnerReference,
            String externalId,
            PageRequest page) {
        Caller caller = stamps.caller();
        Tenancy tenancy = Tenancy.of(caller);
        Apprentice.ExternalId external =
                externalId == null ? null : new Apprentice.ExternalId(clientId("externalId"), externalId);
        ApprenticeView view = ApprenticeView.of(caller);
        if (uln != null && tenancy.uln() != null && !uln.equals(tenancy.uln())) {
            // An apprentice asking for another ULN: nothing, as for any ULN outside the tenant.
            return PageResponse.of(List.<Apprentice>of(), a -> ApprenticeMapper.toResponse(a, view), page, 0);
        }
        ApprenticeRepository.Filter scoped =
                ApprenticeAccess.filter(tenancy, status == null ? null : ApprenticeStatus.of(status), standardVersion);
        ApprenticeRepository.Filter filter = new ApprenticeRepository.Filter(
                        scoped.providerUkprn(),
                        scoped.employerId(),
                        uln != null ? uln : scoped.uln(),
                        scoped.status(),
                        scoped.standardVersion(),
                        scoped.assessmentOrganisationId())
                .identifiedBy(learnerReference, external);
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
        if (request.externalId() != null) {
            apprentice.externalIds =
                    new ArrayList<>(List.of(new Apprentice.ExternalId(clientId("externalId"), request.externalId())));
        }
        apprentice.identifierKeys = ApprenticeRepository.identifierKeys(apprentice);
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
            if (apprentices.ulnTaken(apprentice.providerUkprn, apprentice.uln)) {
                throw ApiException.of(
                        EvidenceError.APPRENTICE_ALREADY_ENROLLED,
                        "Provider " + request.providerUkprn() + " already has an apprentice with this ULN.");
            }
            throw identifierTaken(apprentice, null);
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

    /**
     * Replaces the learner reference and the calling client's external id (other clients' ids stay): admins, or a
     * tutor or LMS client of the apprentice's provider. 409 when another apprentice of the provider holds either.
     */
    public ApprenticeResponse setIdentifiers(String id, IdentifiersRequest request) {
        Caller caller = stamps.caller();
        Apprentice a = ApprenticeAccess.visible(apprentices, caller, id);
        if (!Tenancy.of(caller).actsFor(a.providerUkprn)) {
            throw ApiException.of(
                    EvidenceError.PROGRAMME_CHANGE_FORBIDDEN,
                    "Only an admin or the provider's tutor or LMS client changes an apprentice's identifiers.");
        }
        // The calling client's id is needed to set one; without one there is no entry of its own to clear.
        String clientId = request.externalId() != null
                ? clientId("externalId")
                : client.id().orElse(null);
        String before = audit.digest(a);
        Apprentice changed = new Apprentice();
        changed.id = a.id;
        changed.providerUkprn = a.providerUkprn;
        changed.learnerReference = request.learnerReference();
        List<Apprentice.ExternalId> ids = new ArrayList<>();
        if (a.externalIds != null) {
            a.externalIds.stream().filter(e -> !e.clientId.equals(clientId)).forEach(ids::add);
        }
        if (request.externalId() != null) {
            ids.add(new Apprentice.ExternalId(clientId, request.externalId()));
        }
        ids.sort(java.util.Comparator.comparing(e -> e.clientId));
        changed.externalIds = ids.isEmpty() ? null : ids;
        // apprentice.changed names what changed, not the identifiers themselves (docs/events.md: ids of the platform
        // only); a PUT that changes nothing emits nothing.
        boolean same = java.util.Objects.equals(a.learnerReference, changed.learnerReference)
                && externalIdKeys(a.externalIds).equals(externalIdKeys(changed.externalIds));
        List<String> staged = same
                ? List.of()
                : events.apprentice(
                        a,
                        EventTypes.APPRENTICE_CHANGED,
                        "changed",
                        "identifiers",
                        "assessmentOrganisationId",
                        a.assessmentOrganisationId);
        if (!apprentices.setIdentifiers(changed, staged)) {
            throw identifierTaken(changed, a.id);
        }
        a.learnerReference = changed.learnerReference;
        a.externalIds = changed.externalIds;
        a.identifierKeys = changed.identifierKeys;
        audit.changed("apprentice.identifiers-changed", a, before);
        Log.infof("Identifiers of apprentice %s changed by %s", a.id, caller.subject());
        return ApprenticeMapper.toResponse(a, ApprenticeView.of(caller));
    }

    private static List<String> externalIdKeys(List<Apprentice.ExternalId> ids) {
        return ids == null
                ? List.of()
                : ids.stream()
                        .map(e -> e.clientId + "\u0000" + e.value)
                        .sorted()
                        .toList();
    }

    /**
     * The calling client's id (the token's azp): an external id is always the caller's own client's. A token that
     * names no client cannot set or search one.
     */
    private String clientId(String field) {
        return client.id()
                .orElseThrow(() -> ApiException.invalid(
                        field, "needs a token that names its client (azp), under whose id it is kept"));
    }

    /**
     * 409 naming which identifier another apprentice of the same provider holds. Keys embed the provider, so this
     * never says anything about another provider's apprentices.
     */
    private ApiException identifierTaken(Apprentice a, org.bson.types.ObjectId self) {
        if (a.learnerReference != null
                && apprentices.keyTaken(
                        ApprenticeRepository.learnerReferenceKey(a.providerUkprn, a.learnerReference), self)) {
            return ApiException.of(
                            EvidenceError.LEARNER_REFERENCE_TAKEN,
                            "Provider " + a.providerUkprn + " already has another apprentice with learner reference '"
                                    + a.learnerReference + "'; nothing was saved.")
                    .with("learnerReference", a.learnerReference);
        }
        if (a.externalIds != null) {
            for (Apprentice.ExternalId e : a.externalIds) {
                if (apprentices.keyTaken(ApprenticeRepository.externalIdKey(a.providerUkprn, e), self)) {
                    return ApiException.of(
                                    EvidenceError.EXTERNAL_ID_TAKEN,
                                    "Provider " + a.providerUkprn + " already has another apprentice with external id '"
                                            + e.value + "' for client " + e.clientId + "; nothing was saved.")
                            .with("externalId", e.value);
                }
            }
        }
        // The other write that held the key has gone meanwhile: the caller may simply retry.
        return ApiException.of(
                EvidenceError.CONCURRENT_CHANGE,
                "Another apprentice of provider " + a.providerUkprn + " held one of these identifiers at the same "
                        + "moment; nothing was saved. Retry.");
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
