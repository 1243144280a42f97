package uk.apprenticeships.st1398.evidence.domain;

import io.quarkus.mongodb.panache.common.MongoEntity;
import java.util.List;
import org.bson.types.ObjectId;

/**
 * What is left of an erased apprentice: the id (which the audit trail refers to), the provider (so its tutors
 * still see the audit trail and get 410 rather than 404) and who erased it, when and why. No ULN, name or date
 * of birth. Kept in its own collection: in {@code apprentices} several tombstones of one provider would collide
 * on the unique (provider, ULN) index.
 */
@MongoEntity(collection = "apprentice_tombstones")
public class ApprenticeTombstone {

    public ObjectId id;

    /**
     * Domain events of changes to this document not yet handed to the event hub (JSON of DomainEvent), written in
     * the same single-document write as the change; the relay removes each once the hub has it (docs/events.md).
     * Not part of the audit digest.
     */
    public List<String> outbox;

    public String providerUkprn;
    /** Who started the erasure (an admin), and when it completed. */
    public StampDoc erased;

    public String reason;
}
