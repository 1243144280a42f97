package uk.apprenticeships.st1398.evidence.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One entry of an apprentice's status history: the new status, from when it applies and why, and who made the
 * change when (the token subject and the server time).
 */
public class StatusChange {

    public String status;
    public Instant at;
    public String by;
    public String reason;
    public LocalDate effectiveDate;

    public StatusChange() {
    }

    public StatusChange(String status, Instant at, String by) {
        this.status = status;
        this.at = at;
        this.by = by;
    }

    public StatusChange(String status, Instant at, String by, String reason, LocalDate effectiveDate) {
        this(status, at, by);
        this.reason = reason;
        this.effectiveDate = effectiveDate;
    }
}
