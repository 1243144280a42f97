package uk.apprenticeships.st1398.evidence.repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.quarkus.mongodb.panache.PanacheMongoRepository;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.bson.Document;
import uk.apprenticeships.st1398.evidence.config.EvidenceConfig;
import uk.apprenticeships.st1398.evidence.domain.IdempotencyRecord;

/**
 * Idempotency keys, remembered for {@code evidence.idempotency.retention}. Expiry is explicit (ignored at lookup,
 * deleted by {@link #deleteOlderThan}) rather than a TTL index, which the wire-protocol server does not have.
 */
@ApplicationScoped
public class IdempotencyRepository implements PanacheMongoRepository<IdempotencyRecord> {

    private final EvidenceConfig config;
    private final Clock clock;

    public IdempotencyRepository(EvidenceConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    void createIndexes(@Observes StartupEvent event) {
        // Correctness rests on this index: two concurrent first attempts cannot both insert their key.
        mongoCollection()
                .createIndex(
                        Indexes.ascending("caller", "key"),
                        new IndexOptions().name("caller_key_unique").unique(true));
    }

    /**
     * The caller's unexpired record of this key. An expired one is deleted here, so that the key can be used again
     * before the scheduled clean-up has run (the unique index would refuse it otherwise).
     */
    public Optional<IdempotencyRecord> find(String caller, String key) {
        Optional<IdempotencyRecord> found =
                find(new Document("caller", caller).append("key", key)).firstResultOptional();
        if (found.isPresent() && expired(found.get())) {
            mongoCollection()
                    .deleteOne(Filters.and(
                            Filters.eq("_id", found.get().id), Filters.eq("createdAt", found.get().createdAt)));
            return Optional.empty();
        }
        return found;
    }

    /** Deletes every record created before {@code cutoff}; the number deleted. */
    public long deleteOlderThan(Instant cutoff) {
        return mongoCollection().deleteMany(Filters.lt("createdAt", cutoff)).getDeletedCount();
    }

    /** The oldest creation time still remembered. */
    public Instant cutoff() {
        return clock.instant().minus(config.idempotency().retention());
    }

    private boolean expired(IdempotencyRecord record) {
        return record.createdAt == null || record.createdAt.isBefore(cutoff());
    }

    /** False when the caller already used this key. */
    public boolean insert(IdempotencyRecord record) {
        try {
            persist(record);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public void complete(IdempotencyRecord record, String response) {
        mongoCollection().updateOne(Filters.eq("_id", record.id), Updates.set("response", response));
    }
}
