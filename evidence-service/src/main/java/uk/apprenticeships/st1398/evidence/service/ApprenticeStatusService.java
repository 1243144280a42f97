package uk.apprenticeships.st1398.evidence.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import uk.apprenticeships.st1398.evidence.api.ApprenticeResponse;
import uk.apprenticeships.st1398.evidence.api.StatusChangeRequest;
import uk.apprenticeships.st1398.evidence.domain.Apprentice;
import uk.apprenticeships.st1398.evidence.domain.StatusChange;
import uk.apprenticeships.st1398.evidence.mapping.ApprenticeMapper;
import uk.apprenticeships.st1398.evidence.repository.ApprenticeRepository;
import uk.apprenticeships.st1398.platform.problem.ApiException;

/**
 * Status changes of an apprentice. Withdrawn and completed are final; a break in learning ends by returning to
 * active (or by withdrawal). The new status and its history entry are written in one conditional update.
 */
@ApplicationScoped
public class ApprenticeStatusService {

    public static final String BREAK_IN_LEARNING = "break-in-learning";
    public static final String WITHDRAWN = "withdrawn";
    public static final String COMPLETED = "completed";

    /** From each status, the statuses it may change to. */
    static final Map<String, List<String>> ALLOWED = Map.of(
            Apprentice.ACTIVE, List.of(BREAK_IN_LEARNING, WITHDRAWN, COMPLETED),
            BREAK_IN_LEARNING, List.of(Apprentice.ACTIVE, WITHDRAWN),
            WITHDRAWN, List.of(),
            COMPLETED, List.of());

    private final ApprenticeRepository apprentices;
    private final AuditTrail audit;

    public ApprenticeStatusService(ApprenticeRepository apprentices, AuditTrail audit) {
        this.apprentices = apprentices;
        this.audit = audit;
    }

    public ApprenticeResponse change(CallerScope scope, String id, StatusChangeRequest request) {
        Apprentice a = ApprenticeAccess.visible(apprentices, scope, id);
        String before = audit.digest(a);
        List<String> allowed = ALLOWED.getOrDefault(a.status, List.of());
        if (!allowed.contains(request.status())) {
            throw ApiException.conflict("Apprentice " + id + " is " + a.status + " and cannot become "
                    + request.status() + (allowed.isEmpty() ? "; " + a.status + " is final."
                            : "; allowed: " + String.join(", ", allowed) + "."));
        }
        LocalDate earliest = earliestEffectiveDate(a);
        if (request.effectiveDate().isBefore(earliest)) {
            throw ApiException.invalid("effectiveDate", "must not be before " + earliest
                    + " (the start date or the previous status change)");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        StatusChange change = new StatusChange(request.status(), now, scope.actor(), request.reason().strip(),
                request.effectiveDate());
        if (!apprentices.changeStatus(a.id, a.status, change)) {
            throw ApiException.conflict("Apprentice " + id + " changed status at the same time; nothing was "
                    + "changed. Read it again and retry.");
        }
        a.status = change.status;
        a.statusHistory.add(change);
        audit.changed("apprentice.status-changed", a, before);
        Log.infof("Apprentice %s is now %s (by %s)", a.id, a.status, scope.actor());
        return ApprenticeMapper.toResponse(a);
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
