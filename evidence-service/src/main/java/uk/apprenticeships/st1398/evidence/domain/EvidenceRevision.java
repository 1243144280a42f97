package uk.apprenticeships.st1398.evidence.domain;

import java.time.Instant;

/** A superseded revision: its content and the status it had when a change replaced it. */
public class EvidenceRevision {

    public int revision;
    public String status;
    public EvidenceContent content;
    public WorkflowStep employerConfirmation;
    public Instant supersededAt;
    public String supersededBy;
}
