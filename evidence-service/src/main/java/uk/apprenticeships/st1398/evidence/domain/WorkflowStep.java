package uk.apprenticeships.st1398.evidence.domain;

/** One step of the review workflow: what happened, to which revision, and who did it when. */
public class WorkflowStep {

    public WorkflowAction action;
    public EvidenceStatus status;
    public int revision;
    public StampDoc stamp;
    public String feedback;

    public WorkflowStep() {}

    public WorkflowStep(WorkflowAction action, EvidenceStatus status, int revision, StampDoc stamp, String feedback) {
        this.action = action;
        this.status = status;
        this.revision = revision;
        this.stamp = stamp;
        this.feedback = feedback;
    }
}
