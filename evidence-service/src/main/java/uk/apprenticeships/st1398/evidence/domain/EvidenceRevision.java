package uk.apprenticeships.st1398.evidence.domain;

/** A superseded revision: its content and the status it had when a change replaced it. */
public class EvidenceRevision {

    public int revision;
    public EvidenceStatus status;
    public EvidenceContent content;
    public WorkflowStep employerConfirmation;
    /** Who replaced it (by changing accepted evidence), and when. */
    public StampDoc superseded;
}
