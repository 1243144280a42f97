package uk.apprenticeships.st1398.evidence.repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.FindIterable;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.quarkus.mongodb.panache.PanacheMongoRepository;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import uk.apprenticeships.st1398.evidence.domain.AuditEvent;
import uk.apprenticeships.st1398.platform.api.PageRequest;

/**
 * The audit trail. Only inserts and reads: there is deliberately no update or delete here, and no endpoint
 * that could reach one.
 */
@ApplicationScoped
public class AuditEventRepository implements PanacheMongoRepository<AuditEvent> {

    /** Filters of the list; null means "any"; {@code from} inclusive, {@code to} exclusive. */
    public record Filter(ObjectId apprenticeId, String action, Instant from, Instant to) {}

    void createIndexes(@Observes StartupEvent event) {
        // The chain's integrity rests on this index: two concurrent appends cannot take the same sequence number.
        mongoCollection()
                .createIndex(
                        Indexes.ascending("chain", "seq"),
                        new IndexOptions().name("chain_seq_unique").unique(true));
    }

    /** The newest event of a chain, if it has any. */
    public Optional<AuditEvent> last(String chain) {
        return Optional.ofNullable(mongoCollection()
                .find(Filters.eq("chain", chain))
                .sort(Sorts.descending("seq"))
                .limit(1)
                .first());
    }

    /** False when another event took this sequence number first (the caller re-reads the chain and retries). */
    public boolean append(AuditEvent event) {
        try {
            mongoCollection().insertOne(event);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public List<AuditEvent> list(Filter filter, PageRequest page) {
        return mongoCollection()
                .find(query(filter))
                .sort(Sorts.ascending("seq"))
                .skip(page.offset())
                .limit(page.size())
                .into(new ArrayList<>());
    }

    public long count(Filter filter) {
        return mongoCollection().countDocuments(query(filter));
    }

    /** Every event of an apprentice in chain order, read lazily (for the subject-access export). */
    public FindIterable<AuditEvent> chain(ObjectId apprenticeId) {
        return mongoCollection()
                .find(Filters.eq("chain", apprenticeId.toHexString()))
                .sort(Sorts.ascending("seq"));
    }

    public boolean exists(ObjectId apprenticeId, String action) {
        return mongoCollection()
                        .countDocuments(Filters.and(
                                Filters.eq("chain", apprenticeId.toHexString()), Filters.eq("action", action)))
                > 0;
    }

    private static Bson query(Filter filter) {
        List<Bson> parts = new ArrayList<>();
        // The chain is the apprentice: queries by chain use the (chain, seq) index, in seq order.
        parts.add(Filters.eq("chain", filter.apprenticeId().toHexString()));
        if (filter.action() != null) {
            parts.add(Filters.eq("action", filter.action()));
        }
        if (filter.from() != null) {
            parts.add(Filters.gte("occurredAt", filter.from()));
        }
        if (filter.to() != null) {
            parts.add(Filters.lt("occurredAt", filter.to()));
        }
        return Filters.and(parts);
    }
}
