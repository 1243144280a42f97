package uk.apprenticeships.st1398.evidence.domain;

import java.time.Instant;

/** One step of the review workflow: what happened, to which revision, who did it (token subject) and when. */
public class WorkflowStep {

    public String action;
    public String status;
    public int revision;
    public String by;
    public Instant at;
    public String feedback;

    public WorkflowStep() {
    }

    public WorkflowStep(String action, String status, int revision, String by, Instant at, String feedback) {
        this.action = action;
        this.status = status;
        this.revision = revision;
        this.by = by;
        this.at = at;
        this.feedback = feedback;
    }
}
