package uk.apprenticeships.st1398.evidence.domain;

import io.quarkus.mongodb.panache.common.MongoEntity;
import java.time.Instant;
import org.bson.types.ObjectId;

/**
 * An {@code Idempotency-Key} a caller used on a create. The unique index on (caller, key) is what makes a
 * retry find the first attempt; {@code evidenceId} is chosen before the evidence is inserted so an interrupted
 * attempt can be completed by its retry. Remembered for {@code evidence.idempotency.retention} (default 24 hours):
 * older records are ignored at lookup and deleted by a scheduled clean-up.
 */
@MongoEntity(collection = "idempotency_keys")
public class IdempotencyRecord {

    public ObjectId id;
    public String caller;
    public String key;
    public String requestHash;
    public ObjectId evidenceId;
    /** The JSON body of the 201 response, stored once the create has completed. */
    public String response;

    public Instant createdAt;
}
