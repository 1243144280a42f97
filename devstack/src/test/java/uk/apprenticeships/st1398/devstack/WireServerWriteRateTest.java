package uk.apprenticeships.st1398.devstack;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * What commit + sync per write costs the wire server: single-document inserts (j:true) per second, durable next to
 * relaxed, same JVM, same disk, one after the other. A measurement, not a check, so it runs only when asked:
 *
 * <pre>./mvnw -B -q test -pl devstack -Dtest=WireServerWriteRateTest -Ddevstack.write-rate=true</pre>
 */
@EnabledIfSystemProperty(named = "devstack.write-rate", matches = "true")
class WireServerWriteRateTest {

    @TempDir
    Path dir;

    @Test
    void durableVersusRelaxed() throws Exception {
        int seconds = Integer.getInteger("devstack.write-rate.seconds", 5);
        for (int threads : new int[] {1, 4}) {
            for (int round = 0; round < 2; round++) { // the first round warms the JIT up
                double durable = rate(DevInfra.Durability.DURABLE, threads, seconds, round);
                double relaxed = rate(DevInfra.Durability.RELAXED, threads, seconds, round);
                if (round == 1) {
                    System.out.printf(
                            "WRITE RATE threads=%d durable=%.0f/s relaxed=%.0f/s ratio=%.2f%n",
                            threads, durable, relaxed, durable / relaxed);
                }
            }
        }
    }

    private double rate(DevInfra.Durability durability, int threads, int seconds, int round) throws Exception {
        Path file = dir.resolve(durability + "-" + threads + "-" + round + ".mv");
        MongoServer server = new MongoServer(DevInfra.mongoBackend(file, durability, WireVersion.DEFAULT));
        server.bind("127.0.0.1", 0);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (MongoClient client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoCollection<Document> items = client.getDatabase("bench")
                    .getCollection("items")
                    .withWriteConcern(WriteConcern.W1.withJournal(true));
            items.insertOne(new Document("warm", true));
            AtomicInteger count = new AtomicInteger();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        items.insertOne(new Document("n", count.incrementAndGet()).append("payload", "x".repeat(200)));
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            return count.get() / (double) seconds;
        } finally {
            pool.shutdownNow();
            server.shutdownNow();
        }
    }
}
