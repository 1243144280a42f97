package uk.apprenticeships.st1398.evidence.domain;

import java.time.LocalDate;

/**
 * One entry of an apprentice's status history: the new status, from when it applies and why, and who made the
 * change when (the stamp's time is the server's).
 */
public class StatusChange {

    public ApprenticeStatus status;
    public StampDoc stamp;
    public String reason;
    public LocalDate effectiveDate;

    public StatusChange() {}

    public StatusChange(ApprenticeStatus status, StampDoc stamp, String reason, LocalDate effectiveDate) {
        this.status = status;
        this.stamp = stamp;
        this.reason = reason;
        this.effectiveDate = effectiveDate;
    }
}
