package uk.apprenticeships.st1398.evidence.mapping;

import java.util.Map;
import java.util.TreeMap;
import uk.apprenticeships.st1398.evidence.api.ApprenticeRequest;
import uk.apprenticeships.st1398.evidence.api.ApprenticeResponse;
import uk.apprenticeships.st1398.evidence.api.StatusChangeResponse;
import uk.apprenticeships.st1398.evidence.domain.Apprentice;
import uk.apprenticeships.st1398.evidence.domain.StatusChange;

/** Entity to API record mapping; the only place that knows both shapes, and what each view leaves out. */
public final class ApprenticeMapper {

    private ApprenticeMapper() {}

    /** The whole record (the apprentice themself, provider staff, admins; the subject-access export). */
    public static ApprenticeResponse toResponse(Apprentice a) {
        return toResponse(a, ApprenticeView.FULL);
    }

    public static ApprenticeResponse toResponse(Apprentice a, ApprenticeView view) {
        boolean full = view == ApprenticeView.FULL;
        boolean employer = view == ApprenticeView.EMPLOYER;
        boolean assessor = view == ApprenticeView.ASSESSOR;
        return new ApprenticeResponse(
                a.id.toHexString(),
                view.value(),
                a.uln,
                a.givenName,
                a.familyName,
                employer ? null : a.dateOfBirth,
                employer ? ApprenticeView.ageAt(a.dateOfBirth, a.startDate) : null,
                a.providerUkprn,
                a.employerId,
                a.standardVersion,
                a.startDate,
                a.plannedEndDate,
                a.assessmentOrganisationId,
                assessor || a.contractedWeeklyHundredths == null
                        ? null
                        : OffTheJobMapper.hours(a.contractedWeeklyHundredths),
                assessor ? null : a.plannedLeaveWeeks == null ? 0 : a.plannedLeaveWeeks,
                employer ? null : a.learnerReference,
                full ? externalIds(a) : null,
                a.status,
                assessor
                        ? null
                        : a.statusHistory.stream().map(c -> toResponse(c, full)).toList(),
                assessor ? null : a.createdAt);
    }

    /** The clients' ids by client id, in client-id order. */
    static Map<String, String> externalIds(Apprentice a) {
        Map<String, String> ids = new TreeMap<>();
        if (a.externalIds != null) {
            a.externalIds.forEach(e -> ids.put(e.clientId, e.value));
        }
        return ids;
    }

    /** Outside the full view, a status change says what and from when, not who or why. */
    static StatusChangeResponse toResponse(StatusChange c, boolean full) {
        return new StatusChangeResponse(
                c.status,
                StampMapper.at(c.stamp),
                full ? StampMapper.subject(c.stamp) : null,
                full && c.stamp != null ? c.stamp.displayName : null,
                full && c.stamp != null ? c.stamp.role : null,
                full ? c.reason : null,
                c.effectiveDate);
    }

    /** A new entity from the request; status, history and timestamps are set by the caller. */
    public static Apprentice toEntity(ApprenticeRequest r) {
        Apprentice a = new Apprentice();
        a.uln = r.uln();
        a.givenName = r.givenName().strip();
        a.familyName = r.familyName().strip();
        a.dateOfBirth = r.dateOfBirth();
        a.providerUkprn = r.providerUkprn();
        a.employerId = r.employerId();
        a.standardVersion = r.standardVersion();
        a.startDate = r.startDate();
        a.plannedEndDate = r.plannedEndDate();
        a.assessmentOrganisationId = r.assessmentOrganisationId();
        a.contractedWeeklyHundredths =
                r.contractedWeeklyHours() == null ? null : OffTheJobMapper.hundredths(r.contractedWeeklyHours());
        a.plannedLeaveWeeks = r.plannedLeaveWeeks();
        a.learnerReference = r.learnerReference();
        return a;
    }
}
