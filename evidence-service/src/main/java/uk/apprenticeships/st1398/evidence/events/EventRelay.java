package uk.apprenticeships.st1398.evidence.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import uk.apprenticeships.st1398.evidence.repository.ApprenticeRepository;
import uk.apprenticeships.st1398.evidence.repository.EvidenceRepository;
import uk.apprenticeships.st1398.evidence.repository.OffTheJobRepository;
import uk.apprenticeships.st1398.evidence.repository.ProgressReviewRepository;
import uk.apprenticeships.st1398.evidence.repository.ProviderRepository;
import uk.apprenticeships.st1398.evidence.repository.TombstoneRepository;
import uk.apprenticeships.st1398.evidence.repository.UnjournaledWrites;
import uk.apprenticeships.st1398.platform.events.DomainEvent;
import uk.apprenticeships.st1398.platform.events.EventIngestClient;
import uk.apprenticeships.st1398.platform.events.OutboxRelay;
import uk.apprenticeships.st1398.platform.events.RelayConfig;

/**
 * Hands the events waiting in documents' {@code outbox} arrays to the hub, then removes exactly those from each
 * document ({@code $pullAll} of the strings sent). Crash analysis (docs/events.md): dying before the hub answered
 * leaves the events in place, so they are sent again; dying after it answered but before the removal sends them
 * again too, and the hub stores each event id once. A change made meanwhile to the same document keeps its own new
 * event (only the strings sent are pulled); a replace that read the document before the pull may put sent events
 * back, which again only causes a repeat the hub ignores. So no event is lost and none is delivered twice as new.
 */
@Singleton
public class EventRelay extends OutboxRelay {

    /** The name of the sparse index on {@code outbox} in each collection the relay reads. */
    public static final String OUTBOX_INDEX = "outbox_pending";

    public static final String DELETED_INDEX = "deleted_pending";

    /**
     * Documents with events waiting: those that have an {@code outbox} (an emptied one is removed) that is not
     * empty. One condition on the field, so the sparse index on it serves the query.
     */
    private static final BsonDocument WAITING =
            new BsonDocument("outbox", new BsonDocument("$exists", BsonBoolean.TRUE).append("$ne", new BsonArray()));

    private final List<MongoCollection<BsonDocument>> collections;
    /** Collections whose records are deleted by marking them ({@code deletedAt}) together with their event. */
    private final List<MongoCollection<BsonDocument>> deletable;

    public EventRelay(
            ApprenticeRepository apprentices,
            EvidenceRepository evidence,
            OffTheJobRepository offTheJob,
            ProgressReviewRepository reviews,
            TombstoneRepository tombstones,
            ProviderRepository providers,
            RelayConfig config,
            ObjectMapper json,
            Clock clock) {
        super(config, json, clock);
        this.collections = List.of(
                apprentices.mongoCollection().withDocumentClass(BsonDocument.class),
                evidence.mongoCollection().withDocumentClass(BsonDocument.class),
                offTheJob.mongoCollection().withDocumentClass(BsonDocument.class),
                reviews.mongoCollection().withDocumentClass(BsonDocument.class),
                tombstones.mongoCollection().withDocumentClass(BsonDocument.class),
                providers.mongoCollection().withDocumentClass(BsonDocument.class));
        this.deletable = List.of(collections.get(1), collections.get(2));
    }

    /**
     * Removes the documents marked deleted whose events have all reached the hub (no outbox left). Until then a
     * marked document holds its deletion's event, and no read finds it.
     */
    long purgeDeleted() {
        long purged = 0;
        for (MongoCollection<BsonDocument> collection : deletable) {
            purged += UnjournaledWrites.relayed(collection)
                    .deleteMany(
                            Filters.and(Filters.exists(EvidenceRepository.DELETED_AT), Filters.exists("outbox", false)))
                    .getDeletedCount();
        }
        return purged;
    }

    /**
     * A sparse index on {@code outbox} (and on the deletion marker of the collections the purge reads): it holds only the documents with events waiting, so a relay round (every
     * second) reads those instead of every apprentice, evidence item, off-the-job entry and review there is.
     */
    void createIndexes(@Observes StartupEvent event) {
        for (MongoCollection<BsonDocument> collection : collections) {
            collection.createIndex(
                    Indexes.ascending("outbox"),
                    new IndexOptions().name(OUTBOX_INDEX).sparse(true));
        }
        // Likewise the documents marked deleted, which every round's purge looks for: without it a collection scan
        // of the evidence and off-the-job entries every second.
        for (MongoCollection<BsonDocument> collection : deletable) {
            collection.createIndex(
                    Indexes.ascending(EvidenceRepository.DELETED_AT),
                    new IndexOptions().name(DELETED_INDEX).sparse(true));
        }
    }

    @Scheduled(
            every = "${events.relay.every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        round();
    }

    /** One round: sends what waits (oldest first) and removes it from its documents; answers how many it sent. */
    @Override
    public int relay(EventIngestClient to) throws Exception {
        purgeDeleted();
        record Pending(MongoCollection<BsonDocument> collection, BsonValue id, List<String> texts) {}
        List<Pending> pending = new ArrayList<>();
        List<DomainEvent> events = new ArrayList<>();
        int limit = config.relay().batchSize();
        for (MongoCollection<BsonDocument> collection : collections) {
            // At most about batchSize events a round (a document's events all go together): a backlog sent in one
            // batch outgrew the hub's request size limit (413), and then the relay could never catch up.
            if (events.size() >= limit) {
                break;
            }
            for (BsonDocument doc : collection
                    .find(WAITING)
                    .projection(new BsonDocument("outbox", new org.bson.BsonInt32(1)))
                    .limit(limit)
                    .into(new ArrayList<>())) {
                if (events.size() >= limit) {
                    break;
                }
                List<String> texts = new ArrayList<>();
                for (BsonValue value : doc.getArray("outbox")) {
                    texts.add(value.asString().getValue());
                    events.add(read(value.asString().getValue()));
                }
                if (!texts.isEmpty()) {
                    pending.add(new Pending(collection, doc.get("_id"), texts));
                }
            }
        }
        if (events.isEmpty()) {
            return 0;
        }
        events.sort(Comparator.comparing(DomainEvent::occurredAt));
        to.send(events);
        // One ordered bulk write per collection, without waiting for the journal (UnjournaledWrites.relayed): a
        // removal lost in a crash only sends its events again.
        Map<MongoCollection<BsonDocument>, List<WriteModel<BsonDocument>>> removals = new LinkedHashMap<>();
        for (Pending p : pending) {
            List<WriteModel<BsonDocument>> models = removals.computeIfAbsent(p.collection(), c -> new ArrayList<>());
            models.add(new UpdateOneModel<>(Filters.eq("_id", p.id()), Updates.pullAll("outbox", p.texts())));
            // An emptied outbox is removed, so a relayed document holds only its own fields again.
            models.add(new UpdateOneModel<>(
                    Filters.and(Filters.eq("_id", p.id()), Filters.eq("outbox", List.of())), Updates.unset("outbox")));
        }
        removals.forEach(
                (collection, models) -> UnjournaledWrites.relayed(collection).bulkWrite(models));
        purgeDeleted();
        Log.debugf("Relayed %d events to the hub", events.size());
        return events.size();
    }
}
