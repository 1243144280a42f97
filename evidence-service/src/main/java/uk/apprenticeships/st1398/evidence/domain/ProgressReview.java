package uk.apprenticeships.st1398.evidence.domain;

import io.quarkus.mongodb.panache.common.MongoEntity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bson.types.ObjectId;

/**
 * A progress review of an apprentice, signed off by the three parties. The sign-offs live in the review document,
 * so each signature is one conditional replace on {@code version}: two parties signing at once cannot lose either.
 */
@MongoEntity(collection = "reviews")
public class ProgressReview {

    public ObjectId id;

    /**
     * Domain events of changes to this document not yet handed to the event hub (JSON of DomainEvent), written in
     * the same single-document write as the change; the relay removes each once the hub has it (docs/events.md).
     * Not part of the audit digest.
     */
    public List<String> outbox;

    public ObjectId apprenticeId;
    public String providerUkprn;
    public String employerId;
    public String uln;
    public LocalDate date;
    public String summary;
    public String nextSteps;
    public List<String> ksbCodes = new ArrayList<>();
    /** Incremented on every write; the condition of every update. */
    public long version;
    /** Each party's signature: who and when. */
    public StampDoc apprenticeSignOff;

    public StampDoc providerSignOff;
    public StampDoc employerSignOff;
    public Instant createdAt;
    public StampDoc createdBy;
    public Instant updatedAt;

    public boolean anySigned() {
        return apprenticeSignOff != null || providerSignOff != null || employerSignOff != null;
    }

    public boolean complete() {
        return apprenticeSignOff != null && providerSignOff != null && employerSignOff != null;
    }
}
