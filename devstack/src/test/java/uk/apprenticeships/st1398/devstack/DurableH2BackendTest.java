package uk.apprenticeships.st1398.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableH2BackendTest {

    @TempDir
    Path dir;

    @Test
    void readsNeverWaitForAnotherCommandsCommitWritesDo() throws Exception {
        DurableH2Backend backend = durable(dir.resolve("mongodb.mv"));
        MongoServer server = serve(backend);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (MongoClient client = client(server)) {
            MongoCollection<Document> items = client.getDatabase("evidence")
                    .getCollection("items")
                    .withWriteConcern(WriteConcern.W1.withJournal(true));
            items.insertOne(new Document("_id", "a").append("n", 1));
            // Another command's commit under way: the commit lock held (as during its fsync).
            Thread committer = holdCommitLock(backend, held, release);
            assertTrue(held.await(10, TimeUnit.SECONDS));

            CompletableFuture<Void> write =
                    CompletableFuture.runAsync(() -> items.insertOne(new Document("_id", "b").append("n", 2)));
            // Reads are answered while the lock is held: by _id, a filter, a count, an aggregation.
            CompletableFuture<List<Object>> reads = CompletableFuture.supplyAsync(() -> List.of(
                    items.find(Filters.eq("_id", "a")).first(),
                    items.find(Filters.gte("n", 1))
                                    .into(new java.util.ArrayList<>())
                                    .size()
                            >= 1,
                    items.countDocuments() >= 1,
                    items.aggregate(List.of(Aggregates.match(Filters.eq("_id", "a"))))
                            .first()));
            List<Object> answered = reads.get(30, TimeUnit.SECONDS);
            assertEquals(1, ((Document) answered.get(0)).getInteger("n"));
            assertEquals(List.of(true, true), answered.subList(1, 3));
            assertEquals("a", ((Document) answered.get(3)).getString("_id"));
            // The write is not acknowledged until its commit has been made, which waits for the lock.
            assertFalse(write.isDone(), "a journaled write was acknowledged while the commit lock was held");

            release.countDown();
            write.get(30, TimeUnit.SECONDS);
            committer.join();
            assertEquals(2, items.countDocuments());
        } finally {
            release.countDown();
            server.shutdownNow();
        }
    }

    /**
     * Writers that wait while a commit is under way are committed together by the next one: eight journaled inserts
     * queued behind a held commit lock are made durable by one commit and sync, not eight, even though other changes
     * keep arriving, and all of them are in a copy of the file taken when the last was acknowledged (what a crash then
     * would leave).
     */
    @Test
    void writersWaitingForACommitAreCommittedTogetherAndAllAreDurable() throws Exception {
        Path file = dir.resolve("group.mv");
        DurableH2Backend backend = durable(file);
        MongoServer server = serve(backend);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        java.util.concurrent.ExecutorService writers = java.util.concurrent.Executors.newFixedThreadPool(8);
        try (MongoClient client = client(server)) {
            MongoCollection<Document> items = client.getDatabase("evidence")
                    .getCollection("items")
                    .withWriteConcern(WriteConcern.W1.withJournal(true));
            items.insertOne(new Document("_id", "first"));
            Thread committer = holdCommitLock(backend, held, release);
            assertTrue(held.await(10, TimeUnit.SECONDS));
            long tickets = backend.requested.get();
            List<java.util.concurrent.Future<?>> inserts = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String id = "item-" + i;
                inserts.add(writers.submit(() -> items.insertOne(new Document("_id", id))));
            }
            // All eight are in memory and queued for the commit lock.
            for (int waited = 0; backend.requested.get() < tickets + 8 && waited < 3000; waited++) {
                Thread.sleep(10);
            }
            assertEquals(tickets + 8, backend.requested.get(), "eight writers waiting");
            long commits = DurableH2Backend.COMMITS.get();
            // Changes of writers not yet waiting arrive after every commit, as under load: the store always has
            // unsaved changes, which must not make each waiting writer commit again.
            org.h2.mvstore.MVMap<Integer, Integer> others = backend.store().openMap("others");
            backend.afterCommit = () -> others.put(others.size(), 1);
            release.countDown();
            for (java.util.concurrent.Future<?> insert : inserts) {
                insert.get(30, TimeUnit.SECONDS);
            }
            committer.join();
            assertEquals(commits + 1, DurableH2Backend.COMMITS.get(), "one commit and sync for the eight");

            assertEquals(9, itemsAfterACrashNow(file, "group-copy.mv"));
        } finally {
            release.countDown();
            writers.shutdownNow();
            server.shutdownNow();
        }
    }

    /**
     * A write with {@code j: false} is acknowledged while a commit is under way (it does not wait for the journal, as
     * on MongoDB), and the next journaled write's commit makes it durable with its own.
     */
    @Test
    void anUnjournaledWriteDoesNotWaitAndTheNextJournaledOneMakesItDurable() throws Exception {
        Path file = dir.resolve("unjournaled.mv");
        DurableH2Backend backend = durable(file);
        MongoServer server = serve(backend);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (MongoClient client = client(server)) {
            MongoCollection<Document> items = client.getDatabase("evidence").getCollection("items");
            items.withWriteConcern(WriteConcern.W1.withJournal(true)).insertOne(new Document("_id", "first"));
            Thread committer = holdCommitLock(backend, held, release);
            assertTrue(held.await(10, TimeUnit.SECONDS));
            CompletableFuture.runAsync(() -> items.withWriteConcern(WriteConcern.W1.withJournal(false))
                            .insertOne(new Document("_id", "derived")))
                    .get(30, TimeUnit.SECONDS);
            release.countDown();
            committer.join();
            items.withWriteConcern(WriteConcern.W1.withJournal(true)).insertOne(new Document("_id", "journaled"));

            assertEquals(3, itemsAfterACrashNow(file, "unjournaled-copy.mv"));
        } finally {
            release.countDown();
            server.shutdownNow();
        }
    }

    @Test
    void onlyCommandsThatCannotChangeDataSkipTheCommit() {
        for (String read : List.of("find", "getMore", "count", "distinct", "listIndexes", "isMaster", "hello")) {
            assertTrue(DurableH2Backend.onlyReads(read, new de.bwaldvogel.mongo.bson.Document(read, "items")), read);
        }
        for (String write : List.of("insert", "update", "delete", "findAndModify", "createIndexes", "drop", "create")) {
            assertFalse(
                    DurableH2Backend.onlyReads(write, new de.bwaldvogel.mongo.bson.Document(write, "items")), write);
        }
        de.bwaldvogel.mongo.bson.Document matching = new de.bwaldvogel.mongo.bson.Document("aggregate", "items")
                .append(
                        "pipeline",
                        List.of(
                                new de.bwaldvogel.mongo.bson.Document(
                                        "$match", new de.bwaldvogel.mongo.bson.Document("n", 1)),
                                new de.bwaldvogel.mongo.bson.Document("$count", "n")));
        assertTrue(DurableH2Backend.onlyReads("aggregate", matching));
        for (String stage : List.of("$out", "$merge")) {
            de.bwaldvogel.mongo.bson.Document writing = new de.bwaldvogel.mongo.bson.Document("aggregate", "items")
                    .append(
                            "pipeline",
                            List.of(
                                    new de.bwaldvogel.mongo.bson.Document(
                                            "$match", new de.bwaldvogel.mongo.bson.Document("n", 1)),
                                    new de.bwaldvogel.mongo.bson.Document(stage, "copy")));
            assertFalse(DurableH2Backend.onlyReads("aggregate", writing), stage);
        }
        assertFalse(
                DurableH2Backend.onlyReads("aggregate", new de.bwaldvogel.mongo.bson.Document("aggregate", "items")));
        for (Object j : List.of(false, 0)) {
            assertTrue(DurableH2Backend.unjournaled(new de.bwaldvogel.mongo.bson.Document("insert", "items")
                    .append("writeConcern", new de.bwaldvogel.mongo.bson.Document("w", 1).append("j", j))));
        }
        for (Object j : List.of(true, 1)) {
            assertFalse(DurableH2Backend.unjournaled(new de.bwaldvogel.mongo.bson.Document("insert", "items")
                    .append("writeConcern", new de.bwaldvogel.mongo.bson.Document("w", 1).append("j", j))));
        }
        assertFalse(DurableH2Backend.unjournaled(new de.bwaldvogel.mongo.bson.Document("insert", "items")));
    }

    /** Holds the commit lock in a thread of its own (as a commit under way does) until {@code release}. */
    private static Thread holdCommitLock(DurableH2Backend backend, CountDownLatch held, CountDownLatch release) {
        return HeldMonitor.hold(backend.commitLock, held, release);
    }

    /** The wire server's durable backend on this store file, as the stack opens it. */
    private static DurableH2Backend durable(Path file) {
        return (DurableH2Backend) DevInfra.mongoBackend(file, DevInfra.Durability.DURABLE, WireVersion.DEFAULT);
    }

    /** A server on this backend bound as the stack binds it (a thread per connection), on a free port. */
    private static MongoServer serve(DurableH2Backend backend) {
        MongoServer server = new MongoServer(backend);
        DevInfra.bind(server, 0);
        return server;
    }

    private static MongoClient client(MongoServer server) {
        return MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    }

    /** The items a crash right now would leave: those in a copy of the store's file, opened as after a restart. */
    private long itemsAfterACrashNow(Path file, String copyName) throws Exception {
        Path copy = dir.resolve(copyName);
        java.nio.file.Files.copy(file, copy);
        MongoServer afterCrash = new MongoServer(durable(copy));
        try {
            afterCrash.bind("127.0.0.1", 0);
            try (MongoClient again = client(afterCrash)) {
                return again.getDatabase("evidence").getCollection("items").countDocuments();
            }
        } finally {
            afterCrash.shutdownNow();
        }
    }
}
