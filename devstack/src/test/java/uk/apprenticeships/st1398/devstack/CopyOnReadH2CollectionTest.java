package uk.apprenticeships.st1398.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wire server answers a query from its stored documents and copies only the documents of the answer: the same
 * answers as computed here from the inserted data (filters, sorts on one and two keys, skip, limit, projections,
 * batches), through an index and through a scan, and a query's answer is never the stored document (an update of
 * it does not change what the next query reads).
 */
class CopyOnReadH2CollectionTest {

    @TempDir
    Path dir;

    private MongoServer server;
    private de.bwaldvogel.mongo.backend.AbstractMongoBackend backend;
    private MongoClient client;
    private MongoCollection<Document> events;
    private final List<Document> inserted = new ArrayList<>();

    @BeforeEach
    void start() {
        backend = DevInfra.mongoBackend(dir.resolve("mongodb.mv"), DevInfra.Durability.DURABLE, WireVersion.DEFAULT);
        server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        events = client.getDatabase("evidence").getCollection("audit");
        events.createIndex(Indexes.ascending("chain", "seq"), new IndexOptions().unique(true));
        for (int i = 0; i < 90; i++) {
            Document d = new Document("_id", String.format("e%03d", i))
                    .append("chain", "c" + (i % 3))
                    .append("seq", i / 3 + 1)
                    .append("action", i % 4 == 0 ? "accepted" : "created")
                    .append("weight", (i * 37) % 11);
            events.insertOne(d);
            inserted.add(d);
        }
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void theNewestEventOfAChainIsTheOnlyDocumentCopied() {
        long before = CopyOnReadH2Collection.ANSWER_COPIES.get();
        Document last = events.find(Filters.eq("chain", "c1"))
                .sort(Sorts.descending("seq"))
                .limit(1)
                .first();
        assertEquals(30, last.getInteger("seq"));
        assertEquals("c1", last.getString("chain"));
        assertEquals(1, CopyOnReadH2Collection.ANSWER_COPIES.get() - before, "one of the chain's 30 events copied");
    }

    /**
     * An answer through an index is read batch by batch, as MongoDB's cursors are: only the first batch is copied
     * when the query is answered, a document deleted before its batch is taken is not returned, and one changed
     * since is returned as it is now.
     */
    @Test
    void laterBatchesAreReadWhenTakenNotWhenTheQueryIsAnswered() {
        long before = CopyOnReadH2Collection.ANSWER_COPIES.get();
        List<Document> seen = new ArrayList<>();
        try (var cursor = events.find(Filters.eq("chain", "c1"))
                .sort(Sorts.ascending("seq"))
                .batchSize(5)
                .iterator()) {
            seen.add(cursor.next());
            assertEquals(5, CopyOnReadH2Collection.ANSWER_COPIES.get() - before, "only the first batch copied");
            events.deleteOne(Filters.and(Filters.eq("chain", "c1"), Filters.eq("seq", 20)));
            events.updateOne(
                    Filters.and(Filters.eq("chain", "c1"), Filters.eq("seq", 25)), Updates.set("action", "changed"));
            cursor.forEachRemaining(seen::add);
        }
        assertEquals(29, seen.size());
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i - 1).getInteger("seq") < seen.get(i).getInteger("seq"), "in order");
        }
        assertTrue(seen.stream().noneMatch(d -> d.getInteger("seq") == 20), "the deleted event is not returned");
        assertEquals(
                "changed",
                seen.stream()
                        .filter(d -> d.getInteger("seq") == 25)
                        .findFirst()
                        .orElseThrow()
                        .getString("action"));
    }

    /**
     * A document the query decoded to match it is not decoded again for the first batch, which is taken as the query
     * is answered; later batches read the store as it is when they are taken (the test above).
     */
    @Test
    void theFirstBatchIsTheDocumentsDecodedToMatchItAndLaterBatchesAreReadAgain() {
        long served = CopyOnReadH2Collection.FIRST_READS_SERVED.get();
        long copies = CopyOnReadH2Collection.ANSWER_COPIES.get();
        List<Document> accepted = events.find(Filters.and(Filters.eq("chain", "c0"), Filters.eq("action", "accepted")))
                .into(new ArrayList<>());
        assertEquals(
                inserted.stream()
                        .filter(d ->
                                d.get("chain").equals("c0") && d.get("action").equals("accepted"))
                        .count(),
                accepted.size());
        assertEquals(accepted.size(), CopyOnReadH2Collection.FIRST_READS_SERVED.get() - served, "none decoded twice");
        assertEquals(accepted.size(), CopyOnReadH2Collection.ANSWER_COPIES.get() - copies);

        served = CopyOnReadH2Collection.FIRST_READS_SERVED.get();
        List<Document> all = new ArrayList<>();
        try (var cursor = events.find(Filters.and(Filters.eq("chain", "c2"), Filters.gte("seq", 1)))
                .batchSize(4)
                .iterator()) {
            all.add(cursor.next());
            assertEquals(4, CopyOnReadH2Collection.FIRST_READS_SERVED.get() - served, "the first batch");
            events.updateOne(Filters.eq("_id", "e089"), Updates.set("action", "later"));
            served = CopyOnReadH2Collection.FIRST_READS_SERVED.get();
            cursor.forEachRemaining(all::add);
            assertEquals(served, CopyOnReadH2Collection.FIRST_READS_SERVED.get(), "later batches read the store");
        }
        assertEquals(30, all.size());
        assertEquals(
                "later",
                all.stream()
                        .filter(d -> d.getString("_id").equals("e089"))
                        .findFirst()
                        .orElseThrow()
                        .getString("action"),
                "a later batch reads the document as it is then");
    }

    /**
     * A query does not wait for a command holding the collection (the library runs each collection's commands one at a
     * time: a read waited for every write of the collection, and each write for every read); a write still does.
     */
    @Test
    void aQueryIsAnsweredWhileAnotherCommandHoldsTheCollectionAndAWriteWaits() throws Exception {
        Object collection = backend.resolveDatabase("evidence").resolveCollection("audit", false);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = HeldMonitor.hold(collection, held, release); // as a long insert or update would
        ExecutorService others = Executors.newFixedThreadPool(2);
        try {
            assertTrue(held.await(5, TimeUnit.SECONDS));
            Future<List<Document>> read = others.submit(() -> events.find(Filters.eq("chain", "c1"))
                    .sort(Sorts.ascending("seq"))
                    .into(new ArrayList<>()));
            Future<?> write = others.submit(() -> events.insertOne(
                    new Document("_id", "late").append("chain", "c9").append("seq", 1)));
            List<Document> answered = read.get(10, TimeUnit.SECONDS);
            assertEquals(30, answered.size(), "answered while the collection was held");
            assertEquals(1, answered.get(0).getInteger("seq"));
            Thread.sleep(300);
            assertFalse(write.isDone(), "a write waits for the collection");
            release.countDown();
            write.get(10, TimeUnit.SECONDS);
            assertEquals(1, events.countDocuments(Filters.eq("chain", "c9")));
        } finally {
            release.countDown();
            holder.join(10_000);
            others.shutdownNow();
        }
    }

    @Test
    void answersThroughAnIndexAndThroughAScanAreWhatTheDataGives() {
        Comparator<Document> bySeqDesc =
                Comparator.comparing((Document d) -> d.getInteger("seq")).reversed();
        Comparator<Document> byWeightThenId = Comparator.comparing((Document d) -> d.getInteger("weight"))
                .thenComparing(d -> d.getString("_id"), Comparator.reverseOrder());
        // Through the (chain) index.
        check(
                events.find(Filters.eq("chain", "c2"))
                        .sort(Sorts.descending("seq"))
                        .skip(4)
                        .limit(5),
                d -> d.get("chain").equals("c2"),
                bySeqDesc,
                4,
                5);
        check(
                events.find(Filters.and(Filters.eq("chain", "c0"), Filters.eq("action", "accepted")))
                        .sort(Sorts.orderBy(Sorts.ascending("weight"), Sorts.descending("_id"))),
                d -> d.get("chain").equals("c0") && d.get("action").equals("accepted"),
                byWeightThenId,
                0,
                0);
        // Through a scan (no index on action or weight); small batches make the driver ask for more.
        check(
                events.find(Filters.gte("weight", 5))
                        .sort(Sorts.orderBy(Sorts.ascending("weight"), Sorts.descending("_id")))
                        .skip(3)
                        .batchSize(4),
                d -> d.getInteger("weight") >= 5,
                byWeightThenId,
                3,
                0);
        check(
                events.find(Filters.eq("action", "accepted")).limit(7),
                d -> d.get("action").equals("accepted"),
                Comparator.comparing(d -> d.getString("_id")),
                0,
                7);
        check(events.find(Filters.eq("chain", "nobody")), d -> false, bySeqDesc, 0, 0);
        // A projection keeps only the named fields (and _id).
        Document projected = events.find(Filters.eq("chain", "c1"))
                .sort(Sorts.ascending("seq"))
                .projection(Projections.include("seq"))
                .first();
        assertEquals(new Document("_id", "e001").append("seq", 1), projected);
    }

    @Test
    void anUpdateOfAnAnsweredDocumentChangesWhatIsStoredNotWhatWasAnswered() {
        Document answered = events.find(Filters.eq("chain", "c0"))
                .sort(Sorts.descending("seq"))
                .first();
        events.updateOne(Filters.eq("_id", answered.getString("_id")), Updates.set("action", "revised"));
        events.updateOne(Filters.eq("_id", answered.getString("_id")), Updates.inc("weight", 100));
        Document again = events.find(Filters.eq("chain", "c0"))
                .sort(Sorts.descending("seq"))
                .first();
        assertEquals("revised", again.getString("action"));
        assertEquals(answered.getInteger("weight") + 100, again.getInteger("weight"));
        assertEquals(1, events.countDocuments(Filters.gte("weight", 100)));
    }

    private void check(
            FindIterable<Document> found, Predicate<Document> filter, Comparator<Document> order, int skip, int limit) {
        List<Document> expected =
                inserted.stream().filter(filter).sorted(order).skip(skip).toList();
        if (limit > 0) {
            expected = expected.subList(0, Math.min(limit, expected.size()));
        }
        Function<Document, String> id = d -> d.getString("_id");
        assertEquals(
                expected.stream().map(id).toList(),
                found.into(new ArrayList<>()).stream().map(id).toList());
        assertEquals(expected, found.into(new ArrayList<>()), "whole documents");
    }
}
