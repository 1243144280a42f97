package uk.apprenticeships.st1398.evidence.repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.List;
import org.bson.conversions.Bson;

/**
 * The one way a record is deleted with its event (docs/events.md, "How events are recorded"): a deleted document
 * cannot carry its own event, so the delete is one conditional write that marks it {@code deletedAt} and pushes the
 * event onto its {@code outbox}; reads skip marked records and the relay removes the document once the event has
 * reached the hub. Without events (switched off) the document is deleted at once.
 */
final class SoftDeletes {

    private SoftDeletes() {}

    /** True when {@code condition} matched (and the write happened); false when the record changed meanwhile. */
    static <T> boolean delete(MongoCollection<T> collection, Bson condition, List<String> events, Instant at) {
        if (events.isEmpty()) {
            return collection.deleteOne(condition).getDeletedCount() == 1;
        }
        return collection
                        .updateOne(
                                condition,
                                Updates.combine(
                                        Updates.set(EvidenceRepository.DELETED_AT, at),
                                        Updates.pushEach("outbox", events)))
                        .getMatchedCount()
                == 1;
    }
}
