package uk.apprenticeships.st1398.evidence.repository;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.quarkus.mongodb.panache.PanacheMongoRepository;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import uk.apprenticeships.st1398.evidence.domain.OffTheJobEntry;
import uk.apprenticeships.st1398.evidence.domain.OffTheJobStatus;
import uk.apprenticeships.st1398.platform.api.PageRequest;

@ApplicationScoped
public class OffTheJobRepository implements PanacheMongoRepository<OffTheJobEntry> {

    static final String DELETED_AT = EvidenceRepository.DELETED_AT;

    /** Training date, made total by the id so pages never overlap. */
    private static final Document ORDER = new Document("date", 1).append("_id", 1);

    /** Filters of the list; null means "any"; dates inclusive. */
    public record Filter(ObjectId apprenticeId, OffTheJobStatus status, LocalDate from, LocalDate to) {}

    void createIndexes(@Observes StartupEvent event) {
        // Serves the per-apprentice list on real MongoDB (the test server ignores non-unique indexes).
        mongoCollection()
                .createIndex(
                        Indexes.ascending("apprenticeId", "date", "_id"),
                        new IndexOptions().name("apprentice_by_date"));
    }

    public List<OffTheJobEntry> list(Filter filter, PageRequest page) {
        return mongoCollection()
                .find(query(filter))
                .sort(ORDER)
                .skip(page.offset())
                .limit(page.size())
                .into(new ArrayList<>());
    }

    public long count(Filter filter) {
        return mongoCollection().countDocuments(query(filter));
    }

    /** Approved and pending hundredths of an hour of one apprentice (rejected entries count for nothing). */
    public record Totals(long approved, long pending) {

        public static final Totals NONE = new Totals(0, 0);
    }

    /**
     * The approved and pending totals of each of these apprentices, in one query: their approved and pending entries'
     * apprentice, status and hours ({@code $in} the ids, projected), summed here. Not an aggregation: the embedded
     * wire server runs every aggregation over the whole collection, while a find on {@code apprenticeId} is served by
     * its leading-key index there and by {@code apprentice_by_date} on MongoDB. Apprentices without entries are absent from the map.
     * The per-apprentice summary and the provider-wide one both count this way, so their figures are the same.
     */
    public Map<ObjectId, Totals> totals(Collection<ObjectId> apprenticeIds) {
        if (apprenticeIds.isEmpty()) {
            return Map.of();
        }
        Document filter = new Document(
                        "apprenticeId",
                        apprenticeIds.size() == 1
                                ? apprenticeIds.iterator().next()
                                : new Document("$in", List.copyOf(apprenticeIds)))
                .append(DELETED_AT, null)
                .append(
                        "status",
                        new Document(
                                "$in", List.of(OffTheJobStatus.APPROVED.value(), OffTheJobStatus.PENDING.value())));
        Map<ObjectId, long[]> sums = new HashMap<>();
        for (Document d : mongoCollection()
                .withDocumentClass(Document.class)
                .find(filter)
                .projection(new Document("apprenticeId", 1).append("status", 1).append("hundredths", 1))) {
            long[] n = sums.computeIfAbsent(d.getObjectId("apprenticeId"), k -> new long[2]);
            long hundredths = ((Number) d.get("hundredths")).longValue();
            if (OffTheJobStatus.of(d.getString("status")) == OffTheJobStatus.APPROVED) {
                n[0] += hundredths;
            } else {
                n[1] += hundredths;
            }
        }
        Map<ObjectId, Totals> result = new HashMap<>();
        sums.forEach((apprentice, n) -> result.put(apprentice, new Totals(n[0], n[1])));
        return result;
    }

    public Optional<OffTheJobEntry> findFor(ObjectId apprenticeId, ObjectId id) {
        return Optional.ofNullable(mongoCollection()
                .find(Filters.and(
                        Filters.eq("_id", id), Filters.eq("apprenticeId", apprenticeId), Filters.eq(DELETED_AT, null)))
                .first());
    }

    /** Any entry by id that is not deleted. */
    public Optional<OffTheJobEntry> findLive(ObjectId id) {
        return Optional.ofNullable(mongoCollection()
                .find(Filters.and(Filters.eq("_id", id), Filters.eq(DELETED_AT, null)))
                .first());
    }

    /**
     * Inserts a new entry without waiting for the journal: its audit event, appended next by the caller, makes it
     * durable ({@link UnjournaledWrites#beforeTheirAuditEvent}).
     */
    public void insertBeforeItsAuditEvent(OffTheJobEntry entry) {
        UnjournaledWrites.beforeTheirAuditEvent(mongoCollection()).insertOne(entry);
    }

    /**
     * Replaces the entry only if nobody wrote it since it was read; false when that condition failed. Without waiting
     * for the journal: the caller appends the change's audit event next ({@link UnjournaledWrites#beforeTheirAuditEvent}).
     */
    public boolean replaceIfUnchanged(OffTheJobEntry entry, long expectedVersion) {
        return UnjournaledWrites.beforeTheirAuditEvent(mongoCollection())
                        .replaceOne(
                                Filters.and(Filters.eq("_id", entry.id), Filters.eq("version", expectedVersion)), entry)
                        .getMatchedCount()
                == 1;
    }

    /**
     * Deletes the entry only if it is still pending at the version read: one write that marks it deleted and
     * pushes its event ({@code events}); without events (switched off) it is deleted at once. The relay removes a
     * marked document once its event reached the hub.
     */
    public boolean deleteIfUnchanged(OffTheJobEntry entry, long expectedVersion, List<String> events, Instant at) {
        Bson condition = Filters.and(
                Filters.eq("_id", entry.id),
                Filters.eq("version", expectedVersion),
                Filters.eq("status", entry.status.value()),
                Filters.eq(DELETED_AT, null));
        return SoftDeletes.delete(mongoCollection(), condition, events, at);
    }

    private static Bson query(Filter filter) {
        List<Bson> parts = new ArrayList<>();
        parts.add(Filters.eq("apprenticeId", filter.apprenticeId()));
        parts.add(Filters.eq(DELETED_AT, null));
        if (filter.status() != null) {
            parts.add(Filters.eq("status", filter.status().value()));
        }
        if (filter.from() != null) {
            parts.add(Filters.gte("date", filter.from()));
        }
        if (filter.to() != null) {
            parts.add(Filters.lte("date", filter.to()));
        }
        return Filters.and(parts);
    }
}
