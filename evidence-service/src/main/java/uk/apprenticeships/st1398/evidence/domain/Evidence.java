package uk.apprenticeships.st1398.evidence.domain;

import io.quarkus.mongodb.panache.common.MongoEntity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.types.ObjectId;

/**
 * One evidence item of an apprentice's e-portfolio. Everything that must change together (content, status, the
 * workflow history, superseded revisions) lives in this one document, so every change is a single conditional
 * replace on {@code version}: no multi-document transactions, and no lost updates between concurrent writers.
 * The tenant fields are copied from the apprentice so scoping needs no join.
 */
@MongoEntity(collection = "evidence")
public class Evidence {

    public ObjectId id;

    /**
     * Domain events of changes to this document not yet handed to the event hub (JSON of DomainEvent), written in
     * the same single-document write as the change; the relay removes each once the hub has it (docs/events.md).
     * Not part of the audit digest.
     */
    public List<String> outbox;

    /**
     * Set, in the same single-document write as the event recording it, when the record is deleted; from then on
     * no read finds it, and the relay removes the document once that event has reached the hub (docs/events.md).
     * Not part of the audit digest.
     */
    public java.time.Instant deletedAt;

    public ObjectId apprenticeId;
    public String providerUkprn;
    public String employerId;
    public String uln;
    public String standardVersion;
    /** Content revision, from 1; a change to accepted evidence starts the next one. */
    public int revision;
    /** Incremented on every write; the condition of every update. */
    public long version;

    public EvidenceStatus status;
    public EvidenceContent content;
    /** The employer's confirmation of the current submission, when the item requires one. */
    public WorkflowStep employerConfirmation;

    public List<WorkflowStep> history = new ArrayList<>();
    /** Earlier revisions, oldest first, kept readable after a change to accepted evidence. */
    public List<EvidenceRevision> revisions = new ArrayList<>();

    public Instant createdAt;
    public StampDoc createdBy;
    public Instant updatedAt;

    /** For kind {@code xapi-statement}: the statement it was made from; null otherwise. */
    public XapiOrigin xapi;

    /** The xAPI statement an evidence item (or off-the-job entry) was made from, and what it reported. */
    public static class XapiOrigin {
        public String statementId;
        public String verbId;
        public String activityId;
        public Boolean success;
        public Boolean completion;
        public Double scoreScaled;
        public Double scoreRaw;
        public Double scoreMin;
        public Double scoreMax;
        /** ISO 8601 duration as the statement gave it. */
        public String duration;
    }
}
