package uk.apprenticeships.st1398.evidence.domain;

import io.quarkus.mongodb.panache.common.MongoEntity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bson.types.ObjectId;

/**
 * One logged spell of off-the-job training. The decision (who approved or rejected it, when, why) lives in the
 * same document, so approving is one conditional replace on {@code version}. Hours are kept as whole hundredths:
 * exact sums without relying on Decimal128 support in every MongoDB-compatible server.
 */
@MongoEntity(collection = "offTheJob")
public class OffTheJobEntry {

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
    public LocalDate date;
    public long hundredths;
    public String activity;
    public List<String> ksbCodes = new ArrayList<>();
    public OffTheJobStatus status;
    /** Incremented on every write; the condition of every update. */
    public long version;
    /** Who approved or rejected it, and when; null while pending. */
    public StampDoc decided;

    public String rejectionReason;
    public Instant createdAt;
    public StampDoc createdBy;
    public Instant updatedAt;

    /** The xAPI statement the entry was made from (docs/xapi.md); null for entries recorded through the API. */
    public Evidence.XapiOrigin xapi;
}
