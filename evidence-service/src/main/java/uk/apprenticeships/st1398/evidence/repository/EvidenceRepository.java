package uk.apprenticeships.st1398.evidence.repository;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.quarkus.mongodb.panache.PanacheMongoRepository;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import uk.apprenticeships.st1398.evidence.domain.Evidence;
import uk.apprenticeships.st1398.evidence.domain.EvidenceStatus;
import uk.apprenticeships.st1398.platform.api.PageRequest;

@ApplicationScoped
public class EvidenceRepository implements PanacheMongoRepository<Evidence> {

    /** Set on a deleted document until its event is relayed ({@link Evidence#deletedAt}); reads match it null. */
    public static final String DELETED_AT = "deletedAt";

    /** Creation order, made total by the id so pages never overlap. */
    private static final Document ORDER = new Document("createdAt", 1).append("_id", 1);

    /** Least recently changed first (for submitted items: the longest waiting), made total by the id. */
    private static final Document OLDEST_CHANGE = new Document("updatedAt", 1).append("_id", 1);

    void createIndexes(@Observes StartupEvent event) {
        // Serves the per-apprentice list on real MongoDB (the test server ignores non-unique indexes).
        mongoCollection()
                .createIndex(
                        Indexes.ascending("apprenticeId", "createdAt", "_id"),
                        new IndexOptions().name("apprentice_by_created"));
        // Serves the provider-wide list by status, least recently changed first (real MongoDB only, as above).
        mongoCollection()
                .createIndex(
                        Indexes.ascending("providerUkprn", "status", "updatedAt", "_id"),
                        new IndexOptions().name("provider_status_by_updated"));
    }

    /**
     * A page of the provider's evidence of these apprentices (the caller works out which: e.g. only those in
     * learning), with this status (null: any); least recently changed first.
     */
    public List<Evidence> ofProvider(
            String providerUkprn, Collection<ObjectId> apprenticeIds, EvidenceStatus status, PageRequest page) {
        return mongoCollection()
                .find(ofProvider(providerUkprn, apprenticeIds, status))
                .sort(OLDEST_CHANGE)
                .skip(page.offset())
                .limit(page.size())
                .into(new ArrayList<>());
    }

    public long countOfProvider(String providerUkprn, Collection<ObjectId> apprenticeIds, EvidenceStatus status) {
        return mongoCollection().countDocuments(ofProvider(providerUkprn, apprenticeIds, status));
    }

    private static Document ofProvider(
            String providerUkprn, Collection<ObjectId> apprenticeIds, EvidenceStatus status) {
        Document query = new Document("providerUkprn", providerUkprn)
                .append("apprenticeId", new Document("$in", List.copyOf(apprenticeIds)))
                .append(DELETED_AT, null);
        if (status != null) {
            query.append("status", status.value());
        }
        return query;
    }

    public List<Evidence> list(ObjectId apprenticeId, EvidenceStatus status, String ksbCode, PageRequest page) {
        return list(apprenticeId, status, ksbCode, false, page);
    }

    public long count(ObjectId apprenticeId, EvidenceStatus status, String ksbCode) {
        return count(apprenticeId, status, ksbCode, false);
    }

    /** {@code employerConfirmed}: only items whose current or an earlier revision asks for employer confirmation. */
    public List<Evidence> list(
            ObjectId apprenticeId, EvidenceStatus status, String ksbCode, boolean employerConfirmed, PageRequest page) {
        return find(query(apprenticeId, status, ksbCode, employerConfirmed), ORDER)
                .page(page.page(), page.size())
                .list();
    }

    public long count(ObjectId apprenticeId, EvidenceStatus status, String ksbCode, boolean employerConfirmed) {
        return count(query(apprenticeId, status, ksbCode, employerConfirmed));
    }

    public Optional<Evidence> findFor(ObjectId apprenticeId, ObjectId id) {
        return find(new Document("_id", id).append("apprenticeId", apprenticeId).append(DELETED_AT, null))
                .firstResultOptional();
    }

    /** Any evidence by id that is not deleted (a deleted document waits only for its event to be relayed). */
    public Optional<Evidence> findLive(ObjectId id) {
        return find(new Document("_id", id).append(DELETED_AT, null)).firstResultOptional();
    }

    /**
     * Withdraws a draft: one write that marks it deleted and pushes its event ({@code events}), only if it is still
     * a draft at the version read; without events (events switched off) it is deleted at once. False when the
     * condition failed (it changed meanwhile), and then nothing was written.
     */
    public boolean withdrawDraft(Evidence e, long expectedVersion, List<String> events, Instant at) {
        Bson condition = Filters.and(
                Filters.eq("_id", e.id),
                Filters.eq("version", expectedVersion),
                Filters.eq("status", EvidenceStatus.DRAFT.value()),
                Filters.eq(DELETED_AT, null));
        return SoftDeletes.delete(mongoCollection(), condition, events, at);
    }

    /**
     * Inserts new evidence without waiting for the journal: its audit event, appended next by the caller, makes it
     * durable ({@link UnjournaledWrites#beforeTheirAuditEvent}).
     */
    public void insertBeforeItsAuditEvent(Evidence evidence) {
        UnjournaledWrites.beforeTheirAuditEvent(mongoCollection()).insertOne(evidence);
    }

    /**
     * Replaces the stored item only if nobody else has written it since it was read ({@code expectedVersion});
     * the caller has already set {@code evidence.version} to the next value. False when the condition failed.
     * Without waiting for the journal: the caller appends the change's audit event next
     * ({@link UnjournaledWrites#beforeTheirAuditEvent}).
     */
    public boolean replaceIfUnchanged(Evidence evidence, long expectedVersion) {
        return UnjournaledWrites.beforeTheirAuditEvent(mongoCollection())
                        .replaceOne(
                                Filters.and(Filters.eq("_id", evidence.id), Filters.eq("version", expectedVersion)),
                                evidence)
                        .getMatchedCount()
                == 1;
    }

    private static Document query(
            ObjectId apprenticeId, EvidenceStatus status, String ksbCode, boolean employerConfirmed) {
        Document query = new Document("apprenticeId", apprenticeId).append(DELETED_AT, null);
        if (employerConfirmed) {
            query.append(
                    "$or",
                    List.of(
                            new Document("content.employerConfirmationRequired", true),
                            new Document("revisions.content.employerConfirmationRequired", true)));
        }
        if (status != null) {
            query.append("status", status.value());
        }
        if (ksbCode != null) {
            query.append("content.ksbCodes", ksbCode);
        }
        return query;
    }
}
