package uk.apprenticeships.st1398.evidence.repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import io.quarkus.mongodb.panache.PanacheMongoRepository;
import jakarta.enterprise.context.ApplicationScoped;
import uk.apprenticeships.st1398.evidence.domain.ApprenticeTombstone;

@ApplicationScoped
public class TombstoneRepository implements PanacheMongoRepository<ApprenticeTombstone> {

    /** Inserts the tombstone unless an earlier, interrupted erasure already did; returns the stored one. */
    public ApprenticeTombstone insertIfAbsent(ApprenticeTombstone tombstone) {
        try {
            persist(tombstone);
            return tombstone;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                // An earlier run inserted it: it also keeps the events this run found waiting (a repeat of one
                // already relayed is ignored by the hub).
                if (tombstone.outbox != null && !tombstone.outbox.isEmpty()) {
                    mongoCollection()
                            .updateOne(
                                    com.mongodb.client.model.Filters.eq("_id", tombstone.id),
                                    com.mongodb.client.model.Updates.addEachToSet("outbox", tombstone.outbox));
                }
                return findById(tombstone.id);
            }
            throw e;
        }
    }
}
