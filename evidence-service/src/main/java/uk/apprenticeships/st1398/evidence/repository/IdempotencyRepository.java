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
import java.util.Optional;
import org.bson.Document;
import uk.apprenticeships.st1398.evidence.domain.IdempotencyRecord;

@ApplicationScoped
public class IdempotencyRepository implements PanacheMongoRepository<IdempotencyRecord> {

    void createIndexes(@Observes StartupEvent event) {
        // Correctness rests on this index: two concurrent first attempts cannot both insert their key.
        mongoCollection().createIndex(Indexes.ascending("caller", "key"),
                new IndexOptions().name("caller_key_unique").unique(true));
    }

    public Optional<IdempotencyRecord> find(String caller, String key) {
        return find(new Document("caller", caller).append("key", key)).firstResultOptional();
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
