package uk.apprenticeships.st1398.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wire server's slow-operation log: what a line says about a command (plan, documents examined, commit), that
 * it never carries a value of the data, and that the threshold decides what is logged.
 */
class SlowOperationLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Values that must never reach the log: a ULN and a family name. */
    private static final String ULN = "9123456789";

    private static final String FAMILY_NAME = "Okonkwo-Delacroix";

    @TempDir
    Path dir;

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private MongoServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.shutdownNow();
        }
    }

    @Test
    void aScanAnIndexedReadAndAJournaledWriteSayWhatTheyDidAndNoValue() throws Exception {
        try (MongoClient client = serve(0)) {
            MongoCollection<Document> evidence = seeded(client);
            lines.clear();

            evidence.find(new Document("familyName", FAMILY_NAME).append("hours", new Document("$gte", 0)))
                    .into(new ArrayList<>());
            JsonNode scan = only("find");
            assertEquals("evidence.items", scan.path("ns").asText());
            assertEquals("COLLSCAN", scan.path("planSummary").asText());
            assertEquals(40, scan.path("docsExamined").asLong(), "every document of the collection was read");
            assertEquals(1, scan.path("nreturned").asLong());
            assertEquals("?", scan.path("filter").path("familyName").asText());
            assertEquals("?", scan.path("filter").path("hours").path("$gte").asText());
            assertFalse(scan.has("commitMillis"), "a read commits nothing");

            lines.clear();
            evidence.find(Filters.eq("apprenticeId", "a1"))
                    .sort(Sorts.descending("n"))
                    .into(new ArrayList<>());
            JsonNode indexed = only("find");
            assertEquals("IXSCAN", indexed.path("planSummary").asText());
            assertEquals(4, indexed.path("docsExamined").asLong(), "only apprentice a1's four documents were read");
            assertEquals(4, indexed.path("nreturned").asLong());
            assertEquals(-1, indexed.path("sort").path("n").asInt());

            lines.clear();
            evidence.withWriteConcern(WriteConcern.W1.withJournal(true))
                    .updateOne(Filters.eq("uln", ULN), Updates.set("familyName", FAMILY_NAME + "-2"));
            JsonNode update = only("update");
            assertEquals("COLLSCAN", update.path("planSummary").asText());
            assertTrue(update.has("commitMillis"), "a journaled write reports its commit: " + update);
            assertEquals(1, update.path("updates").asInt());

            lines.clear();
            evidence.withWriteConcern(WriteConcern.W1.withJournal(false))
                    .insertOne(new Document("_id", "x").append("uln", ULN));
            JsonNode insert = only("insert");
            assertFalse(insert.has("commitMillis"), "an unjournaled write does not wait for a commit");
            assertFalse(insert.has("planSummary"), "an insert reads no documents");
            assertEquals(1, insert.path("ninserted").asInt());

            List<String> all = new ArrayList<>(lines);
            evidence.aggregate(List.of(new Document("$match", new Document("uln", ULN))))
                    .into(new ArrayList<>());
            all.addAll(lines);
            for (String line : all) {
                assertFalse(line.contains(ULN) || line.contains(FAMILY_NAME), "a value reached the log: " + line);
            }
        }
    }

    @Test
    void anUnsortedQueryWithALimitStopsReadingAtItsPageWithTheSameAnswers() throws Exception {
        try (MongoClient client = serve(0)) {
            MongoCollection<Document> evidence = seeded(client);
            // A collection scan (39 of the 40 match) and an index's candidates (3 apprentices, 4 documents each).
            java.util.Map<org.bson.conversions.Bson, Integer> readWhenSorted = java.util.Map.of(
                    Filters.eq("familyName", "Smith"), 40, Filters.in("apprenticeId", "a1", "a2", "a3"), 12);
            for (org.bson.conversions.Bson filter : readWhenSorted.keySet()) {
                List<Document> all = evidence.find(filter).into(new ArrayList<>());
                lines.clear();
                List<Document> page = evidence.find(filter).skip(2).limit(5).into(new ArrayList<>());
                assertEquals(all.subList(2, 7), page, "the same page as the whole answer's");
                JsonNode find = only("find");
                assertEquals(7, find.path("docsExamined").asLong(), "read up to the page's end only: " + find);
                lines.clear();
                // Sorted, every match is read (the page is known only after sorting).
                evidence.find(filter).sort(Sorts.descending("n")).limit(5).into(new ArrayList<>());
                assertEquals(
                        readWhenSorted.get(filter),
                        only("find").path("docsExamined").asInt());
            }
        }
    }

    @Test
    void onlyCommandsAtLeastAsSlowAsTheThresholdAreLoggedAndANegativeOneLogsNone() throws Exception {
        try (MongoClient client = serve(60_000)) {
            seeded(client).find(Filters.eq("familyName", FAMILY_NAME)).into(new ArrayList<>());
        }
        assertEquals(List.of(), lines, "nothing took a minute");
        server.shutdownNow();
        try (MongoClient client = serve(-1)) {
            MongoCollection<Document> evidence = seeded(client);
            evidence.find(Filters.eq("familyName", FAMILY_NAME)).into(new ArrayList<>());
        }
        assertEquals(List.of(), lines, "the log is off");
    }

    /** 40 documents, 4 per apprentice, with an index on the apprentice. */
    private MongoCollection<Document> seeded(MongoClient client) {
        MongoCollection<Document> evidence = client.getDatabase("evidence").getCollection("items");
        evidence.drop();
        evidence.createIndex(Indexes.ascending("apprenticeId"));
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            documents.add(new Document("_id", "e" + i)
                    .append("apprenticeId", "a" + (i % 10))
                    .append("n", i)
                    .append("hours", i % 7)
                    .append("uln", i == 7 ? ULN : "100000000" + (i % 10))
                    .append("familyName", i == 7 ? FAMILY_NAME : "Smith"));
        }
        evidence.insertMany(documents);
        return evidence;
    }

    private JsonNode only(String command) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        for (String line : lines) {
            JsonNode node = JSON.readTree(line);
            assertEquals("Slow query", node.path("msg").asText());
            assertFalse(node.path("t").asText().isEmpty());
            if (node.path("attr").path("command").asText().equals(command)) {
                found.add(node.path("attr"));
            }
        }
        assertEquals(1, found.size(), "one " + command + " logged among " + lines);
        assertTrue(found.get(0).path("durationMillis").isIntegralNumber());
        return found.get(0);
    }

    /** A durable backend as the stack opens it, logging to {@link #lines} from {@code slowMillis} on. */
    private MongoClient serve(long slowMillis) {
        DurableH2Backend backend = (DurableH2Backend) DevInfra.mongoBackend(
                dir.resolve("mongodb-" + slowMillis + ".mv"), DevInfra.Durability.DURABLE, WireVersion.DEFAULT);
        backend.slowOperations(new SlowOperationLog(slowMillis, lines::add));
        server = new MongoServer(backend);
        DevInfra.bind(server, 0);
        return MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    }
}
