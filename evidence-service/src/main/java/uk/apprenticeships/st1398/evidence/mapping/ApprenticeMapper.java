package uk.apprenticeships.st1398.evidence.mapping;

import uk.apprenticeships.st1398.evidence.api.ApprenticeRequest;
import uk.apprenticeships.st1398.evidence.api.ApprenticeResponse;
import uk.apprenticeships.st1398.evidence.api.StatusChangeResponse;
import uk.apprenticeships.st1398.evidence.domain.Apprentice;
import uk.apprenticeships.st1398.evidence.domain.StatusChange;

/** Entity to API record mapping; the only place that knows both shapes. */
public final class ApprenticeMapper {

    private ApprenticeMapper() {
    }

    public static ApprenticeResponse toResponse(Apprentice a) {
        return new ApprenticeResponse(a.id.toHexString(), a.uln, a.givenName, a.familyName, a.dateOfBirth,
                a.providerUkprn, a.employerId, a.standardVersion, a.startDate, a.plannedEndDate,
                a.assessmentOrganisationId,
                a.contractedWeeklyHundredths == null ? null : OffTheJobMapper.hours(a.contractedWeeklyHundredths),
                a.plannedLeaveWeeks == null ? 0 : a.plannedLeaveWeeks, a.status,
                a.statusHistory.stream().map(ApprenticeMapper::toResponse).toList(), a.createdAt);
    }

    public static StatusChangeResponse toResponse(StatusChange c) {
        return new StatusChangeResponse(c.status, c.at, c.by, c.reason, c.effectiveDate);
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
        a.contractedWeeklyHundredths = r.contractedWeeklyHours() == null ? null
                : OffTheJobMapper.hundredths(r.contractedWeeklyHours());
        a.plannedLeaveWeeks = r.plannedLeaveWeeks();
        return a;
    }
}
