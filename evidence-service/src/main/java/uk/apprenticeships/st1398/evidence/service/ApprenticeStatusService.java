package uk.apprenticeships.st1398.evidence.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import uk.apprenticeships.st1398.evidence.api.ApprenticeResponse;
import uk.apprenticeships.st1398.evidence.api.StatusChangeRequest;
import uk.apprenticeships.st1398.evidence.domain.Apprentice;
import uk.apprenticeships.st1398.evidence.domain.ApprenticeStatus;
import uk.apprenticeships.st1398.evidence.domain.StatusChange;
import uk.apprenticeships.st1398.evidence.events.EvidenceEvents;
import uk.apprenticeships.st1398.evidence.mapping.ApprenticeMapper;
import uk.apprenticeships.st1398.evidence.mapping.ApprenticeView;
import uk.apprenticeships.st1398.evidence.repository.ApprenticeRepository;
import uk.apprenticeships.st1398.platform.events.EventTypes;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.platform.security.Caller;

/**
 * Status changes of an apprentice ({@link ApprenticeStatus} holds which are allowed). The new status and its
 * history entry are written in one conditional update.
 */
@ApplicationScoped
public class ApprenticeStatusService {

    private final ApprenticeRepository apprentices;
    private final AuditTrail audit;
    private final Stamps stamps;

    private final EvidenceEvents events;

    public ApprenticeStatusService(
            ApprenticeRepository apprentices, AuditTrail audit, Stamps stamps, EvidenceEvents events) {
        this.events = events;
        this.apprentices = apprentices;
        this.audit = audit;
        this.stamps = stamps;
    }

    public ApprenticeResponse change(String id, StatusChangeRequest request) {
        // Checked first, as a validation of the request would be, with "today" from the injected clock.
        if (request.effectiveDate().isAfter(stamps.today())) {
            throw ApiException.invalid("effectiveDate", "must be a date in the past or in the present");
        }
        Caller caller = stamps.caller();
        Apprentice a = ApprenticeAccess.visible(apprentices, caller, id);
        String before = audit.digest(a);
        ApprenticeStatus next = ApprenticeStatus.of(request.status());
        if (!a.status.canMoveTo(next)) {
            List<String> allowed =
                    a.status.next().stream().map(ApprenticeStatus::value).toList();
            throw ApiException.of(
                            EvidenceError.APPRENTICE_STATUS_CHANGE_NOT_ALLOWED,
                            "Apprentice " + id + " is "
                                    + a.status + " and cannot become " + next
                                    + (allowed.isEmpty()
                                            ? "; " + a.status + " is final."
                                            : "; allowed: " + String.join(", ", allowed) + "."))
                    .with("apprenticeStatus", a.status.value())
                    .with("allowedStatuses", allowed);
        }
        LocalDate earliest = earliestEffectiveDate(a);
        if (request.effectiveDate().isBefore(earliest)) {
            throw ApiException.invalid(
                    "effectiveDate",
                    "must not be before " + earliest + " (the start date or the previous status change)");
        }
        StatusChange change =
                new StatusChange(next, stamps.stamp(), request.reason().strip(), request.effectiveDate());
        List<String> event = events.apprentice(
                a,
                EventTypes.APPRENTICE_STATUS_CHANGED,
                "status",
                next.value(),
                "previousStatus",
                a.status.value(),
                "effectiveDate",
                request.effectiveDate());
        if (!apprentices.changeStatus(a.id, a.status, change, event)) {
            throw ApiException.of(
                    EvidenceError.CONCURRENT_CHANGE,
                    "Apprentice " + id + " changed status at the "
                            + "same time; nothing was changed. Read it again and retry.");
        }
        a.status = change.status;
        a.statusHistory.add(change);
        audit.changed("apprentice.status-changed", a, before);
        Log.infof("Apprentice %s is now %s (by %s)", a.id, a.status, caller.subject());
        return ApprenticeMapper.toResponse(a, ApprenticeView.of(caller));
    }

    private static LocalDate earliestEffectiveDate(Apprentice a) {
        LocalDate earliest = a.startDate;
        for (StatusChange c : a.statusHistory) {
            if (c.effectiveDate != null && c.effectiveDate.isAfter(earliest)) {
                earliest = c.effectiveDate;
            }
        }
        return earliest;
    }
}
