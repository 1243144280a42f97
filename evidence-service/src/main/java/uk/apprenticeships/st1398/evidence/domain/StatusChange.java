package uk.apprenticeships.st1398.evidence.domain;

import java.time.Instant;

/** One entry of an apprentice's status history: the new status, when, and who made the change. */
public class StatusChange {

    public String status;
    public Instant at;
    public String by;

    public StatusChange() {
    }

    public StatusChange(String status, Instant at, String by) {
        this.status = status;
        this.at = at;
        this.by = by;
    }
}
