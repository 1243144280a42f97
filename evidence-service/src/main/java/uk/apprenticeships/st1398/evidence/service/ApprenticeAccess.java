package uk.apprenticeships.st1398.evidence.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bson.types.ObjectId;
import uk.apprenticeships.st1398.evidence.domain.Apprentice;
import uk.apprenticeships.st1398.evidence.domain.ApprenticeStatus;
import uk.apprenticeships.st1398.evidence.domain.StatusChange;
import uk.apprenticeships.st1398.evidence.repository.ApprenticeRepository;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.platform.security.Caller;

/** The one tenant check every apprentice-scoped operation starts with. */
public final class ApprenticeAccess {

    private ApprenticeAccess() {}

    /**
     * The apprentice if the caller's tenant may see them; otherwise 404, exactly as if there were none, so ids
     * cannot be probed. An erased apprentice (or one being erased) answers 410 to callers who could see it.
     */
    public static Apprentice visible(ApprenticeRepository apprentices, Caller caller, String id) {
        Apprentice a = visibleOrErased(apprentices, caller, id);
        if (a == null || a.erasure != null) {
            throw erased(id);
        }
        return a;
    }

    /** Like {@link #visible} but null for an erased apprentice the caller could see, instead of 410. */
    static Apprentice visibleOrErased(ApprenticeRepository apprentices, Caller caller, String id) {
        ObjectId oid = new ObjectId(id);
        ApprenticeRepository.Filter filter = filter(Tenancy.of(caller), null, null);
        Apprentice a = apprentices.findVisible(oid, filter).orElse(null);
        if (a == null && apprentices.findTombstone(oid, filter).isEmpty()) {
            throw ApiException.of(EvidenceError.APPRENTICE_NOT_FOUND, "No apprentice with id " + id + ".");
        }
        return a;
    }

    /**
     * The provider-wide reads (cohort coverage, off-the-job summaries, evidence): admins, or the provider's own
     * staff; another provider answers 404 exactly like an unknown one.
     */
    static void requireProvider(Caller caller, String ukprn) {
        if (!Tenancy.of(caller).actsFor(ukprn)) {
            throw ApiException.of(EvidenceError.PROVIDER_NOT_FOUND, "No provider " + ukprn + " among your records.");
        }
    }

    /** Apprentice statuses from a comma-separated query value the resource has checked; null or empty: any. */
    public static Set<ApprenticeStatus> statuses(String commaSeparated) {
        Set<ApprenticeStatus> statuses = EnumSet.noneOf(ApprenticeStatus.class);
        if (commaSeparated != null) {
            for (String s : commaSeparated.split(",")) {
                statuses.add(ApprenticeStatus.of(s));
            }
        }
        return statuses;
    }

    static ApiException erased(String id) {
        return ApiException.of(
                        EvidenceError.APPRENTICE_ERASED,
                        "Apprentice " + id + " has been erased on request; " + "only its audit trail remains.")
                .with("apprenticeId", id);
    }

    /** The caller's tenant as a repository filter, with optional status and standard-version filters. */
    static ApprenticeRepository.Filter filter(Tenancy tenancy, ApprenticeStatus status, String standardVersion) {
        return new ApprenticeRepository.Filter(
                tenancy.providerUkprn(),
                tenancy.employerId(),
                tenancy.uln(),
                status,
                standardVersion,
                tenancy.assessmentOrganisationId());
    }

    /**
     * 409 when the apprentice is withdrawn or completed: their records are closed and {@code what} (e.g. "new
     * evidence cannot be added") is refused, changing nothing.
     */
    static void requireOpen(Apprentice a, String what) {
        if (a.status.closed()) {
            LocalDate since =
                    a.statusHistory.isEmpty() ? null : a.statusHistory.get(a.statusHistory.size() - 1).effectiveDate;
            throw ApiException.of(
                            EvidenceError.APPRENTICE_CLOSED,
                            "Apprentice " + a.id + " is " + a.status + (since == null ? "" : " (since " + since + ")")
                                    + ", so " + what + ". Nothing was changed.")
                    .with("apprenticeStatus", a.status.value());
        }
    }

    /** A break in learning: from its effective date up to (not including) the next change's, or open-ended. */
    record Break(LocalDate from, LocalDate until) {

        boolean contains(LocalDate date) {
            return !date.isBefore(from) && (until == null || date.isBefore(until));
        }
    }

    /** The apprentice's breaks in learning, oldest first, from the status history. */
    static List<Break> breaks(Apprentice a) {
        List<Break> breaks = new ArrayList<>();
        LocalDate from = null;
        for (StatusChange c : a.statusHistory) {
            if (from != null) {
                breaks.add(new Break(from, c.effectiveDate));
                from = null;
            }
            if (c.status == ApprenticeStatus.BREAK_IN_LEARNING) {
                from = c.effectiveDate;
            }
        }
        if (from != null) {
            breaks.add(new Break(from, null));
        }
        return breaks;
    }

    /** 422 when the date falls inside a break in learning: no training happens during a break. */
    static void requireNotInBreak(Apprentice a, LocalDate date, String what) {
        for (Break b : breaks(a)) {
            if (b.contains(date)) {
                ApiException e = ApiException.of(
                                EvidenceError.DATE_IN_BREAK_IN_LEARNING,
                                what + " is dated " + date
                                        + ", inside the apprentice's break in learning from " + b.from()
                                        + (b.until() == null ? " (still on break)" : " until " + b.until())
                                        + "; nothing was saved.")
                        .with("breakFrom", b.from().toString());
                throw b.until() == null ? e : e.with("breakUntil", b.until().toString());
            }
        }
    }
}
