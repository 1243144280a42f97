package uk.apprenticeships.st1398.evidence.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.bson.types.ObjectId;
import uk.apprenticeships.st1398.evidence.api.ApprenticeRequest;
import uk.apprenticeships.st1398.evidence.api.ApprenticeResponse;
import uk.apprenticeships.st1398.evidence.api.ProgrammeRequest;
import uk.apprenticeships.st1398.evidence.client.StandardVersions;
import uk.apprenticeships.st1398.evidence.domain.Apprentice;
import uk.apprenticeships.st1398.evidence.domain.StatusChange;
import uk.apprenticeships.st1398.evidence.mapping.ApprenticeMapper;
import uk.apprenticeships.st1398.evidence.mapping.OffTheJobMapper;
import uk.apprenticeships.st1398.evidence.repository.ApprenticeRepository;
import uk.apprenticeships.st1398.platform.api.PageRequest;
import uk.apprenticeships.st1398.platform.api.PageResponse;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.platform.problem.Problem.Violation;

@ApplicationScoped
public class ApprenticeService {

    private final ApprenticeRepository apprentices;
    private final StandardVersions standardVersions;
    private final AuditTrail audit;

    public ApprenticeService(ApprenticeRepository apprentices, StandardVersions standardVersions,
            AuditTrail audit) {
        this.apprentices = apprentices;
        this.standardVersions = standardVersions;
        this.audit = audit;
    }

    public PageResponse<ApprenticeResponse> list(CallerScope scope, String status, String standardVersion,
            PageRequest page) {
        ApprenticeRepository.Filter filter = filter(scope, status, standardVersion);
        return PageResponse.of(apprentices.list(filter, page), ApprenticeMapper::toResponse, page,
                apprentices.count(filter));
    }

    /** Another tenant's record answers exactly like a missing one, so ids cannot be probed; erased ones 410. */
    public ApprenticeResponse get(CallerScope scope, String id) {
        return ApprenticeMapper.toResponse(ApprenticeAccess.visible(apprentices, scope, id));
    }

    public ApprenticeResponse create(CallerScope scope, ApprenticeRequest request) {
        check(scope, request);
        standardVersions.requireExists(request.standardVersion());
        Apprentice apprentice = ApprenticeMapper.toEntity(request);
        // BSON dates hold milliseconds; truncating now makes this response equal every later read.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        apprentice.status = Apprentice.ACTIVE;
        apprentice.statusHistory.add(new StatusChange(Apprentice.ACTIVE, now, scope.actor(), null,
                request.startDate()));
        apprentice.createdAt = now;
        if (!apprentices.insert(apprentice)) {
            throw ApiException.conflict("Provider " + request.providerUkprn()
                    + " already has an apprentice with this ULN.");
        }
        audit.changed("apprentice.created", apprentice, null);
        Log.infof("Created apprentice %s for provider %s", apprentice.id, apprentice.providerUkprn);
        return ApprenticeMapper.toResponse(apprentice);
    }

    /**
     * Replaces the assessment organisation, contracted hours and planned leave: admins, or a tutor or LMS client of
     * the apprentice's provider. Other tenants' apprentices answer 404.
     */
    public ApprenticeResponse setProgramme(CallerScope scope, String id, ProgrammeRequest request) {
        Apprentice a = ApprenticeAccess.visible(apprentices, scope, id);
        if (!scope.actsFor(a.providerUkprn)) {
            throw ApiException.forbidden("Only an admin or the provider's tutor or LMS client "
                    + "changes an apprentice's programme.");
        }
        if (request.plannedLeaveWeeks() != null && request.plannedLeaveWeeks() > 0
                && request.plannedLeaveWeeks() >= OffTheJobPlan.weeksInLearning(a.startDate, a.plannedEndDate)) {
            Violation v = leaveViolation(a.startDate, a.plannedEndDate);
            throw ApiException.invalid(v.field(), v.message());
        }
        String before = audit.digest(a);
        a.assessmentOrganisationId = request.assessmentOrganisationId();
        a.contractedWeeklyHundredths = request.contractedWeeklyHours() == null ? null
                : OffTheJobMapper.hundredths(request.contractedWeeklyHours());
        a.plannedLeaveWeeks = request.plannedLeaveWeeks();
        apprentices.setProgramme(a.id, a.assessmentOrganisationId, a.contractedWeeklyHundredths,
                a.plannedLeaveWeeks);
        audit.changed("apprentice.programme-changed", a, before);
        Log.infof("Programme of apprentice %s changed by %s", a.id, scope.actor());
        return ApprenticeMapper.toResponse(a);
    }

    private static Violation leaveViolation(java.time.LocalDate start, java.time.LocalDate plannedEnd) {
        return new Violation("plannedLeaveWeeks", "must be fewer than the "
                + OffTheJobPlan.weeksInLearning(start, plannedEnd) + " whole weeks from startDate to plannedEndDate");
    }

    private static void check(CallerScope scope, ApprenticeRequest request) {
        List<Violation> violations = new ArrayList<>();
        if (!scope.actsFor(request.providerUkprn())) {
            violations.add(new Violation("providerUkprn", "must be your own provider"));
        }
        if (!request.plannedEndDate().isAfter(request.startDate())) {
            violations.add(new Violation("plannedEndDate", "must be after startDate"));
        } else if (request.plannedLeaveWeeks() != null && request.plannedLeaveWeeks() > 0 && request.plannedLeaveWeeks()
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

    private static ApprenticeRepository.Filter filter(CallerScope scope, String status, String standardVersion) {
        return ApprenticeAccess.filter(scope, status, standardVersion);
    }
}
