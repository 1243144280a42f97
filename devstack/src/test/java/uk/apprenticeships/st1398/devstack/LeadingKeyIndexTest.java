package uk.apprenticeships.st1398.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.IndexKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wire server's index on the leading key of the services' indexes: queries answer exactly what a full scan
 * answers (inserts, updates that move a document to another key, deletes, arrays, numbers of different types), also
 * after the store is closed and opened again (the index is rebuilt), and the compound unique index still refuses
 * duplicates.
 */
class LeadingKeyIndexTest {

    @TempDir
    Path dir;

    @Test
    void queriesOnTheLeadingKeyAnswerWhatAFullScanAnswersAlsoAfterAReopen() {
        Path file = dir.resolve("mongodb.mv");
        List<Bson> queries = List.of(
                Filters.eq("apprenticeId", "a1"),
                Filters.and(Filters.eq("apprenticeId", "a2"), Filters.eq("status", "submitted")),
                Filters.eq("apprenticeId", "nobody"),
                Filters.eq("tags", "x"),
                Filters.eq("n", 3L),
                Filters.eq("chain", "c1"),
                new Document("outbox", new Document("$exists", true).append("$ne", List.of())),
                Filters.and(Filters.eq("apprenticeId", "a1"), Filters.eq("status", "draft")),
                Filters.and(Filters.eq("_id", "e3"), Filters.eq("status", "submitted")),
                Filters.and(Filters.eq("_id", "e4"), Filters.eq("status", "submitted")));
        List<List<Document>> before;
        MongoServer server = start(file);
        try (MongoClient client = client(server)) {
            MongoCollection<Document> items = client.getDatabase("evidence").getCollection("items");
            items.createIndex(Indexes.ascending("apprenticeId", "createdAt", "_id"));
            items.createIndex(Indexes.ascending("tags"));
            items.createIndex(Indexes.ascending("n"));
            items.createIndex(Indexes.ascending("outbox"), new IndexOptions().sparse(true));
            items.createIndex(
                    Indexes.ascending("chain", "seq"),
                    new IndexOptions().unique(true).name("chain_seq"));
            for (int i = 0; i < 60; i++) {
                items.insertOne(new Document("_id", "e" + i)
                        .append("apprenticeId", "a" + (i % 4))
                        .append("createdAt", 1000 - i)
                        .append("status", i % 3 == 0 ? "submitted" : "draft")
                        .append("tags", i % 5 == 0 ? List.of("x", "y") : List.of("y"))
                        .append("n", i % 7)
                        .append("chain", "c" + (i % 2))
                        .append("seq", i));
                if (i % 6 < 2) {
                    items.updateOne(
                            Filters.eq("_id", "e" + i),
                            Updates.set("outbox", i % 6 == 0 ? List.of("event-" + i) : List.of()));
                }
            }
            items.updateOne(Filters.eq("_id", "e12"), Updates.unset("outbox"));
            // Moves: e1 from a1 to a2; deletes: e5 (a1); a document without the key.
            items.updateOne(Filters.eq("_id", "e1"), Updates.set("apprenticeId", "a2"));
            items.deleteOne(Filters.eq("_id", "e5"));
            items.insertOne(new Document("_id", "no-key").append("status", "submitted"));
            assertTrue(
                    throwsDuplicate(() -> items.insertOne(new Document("chain", "c1").append("seq", 1))),
                    "the compound unique index still refuses a duplicate");

            // A service that starts again declares its indexes again (the stack's fault-tolerance test restarts one).
            items.createIndex(Indexes.ascending("apprenticeId", "createdAt", "_id"));
            items.createIndex(Indexes.ascending("tags"));
            items.createIndex(
                    Indexes.ascending("chain", "seq"),
                    new IndexOptions().unique(true).name("chain_seq"));
            before = answers(items, queries);
            assertEquals(scan(items, d -> "a1".equals(d.getString("apprenticeId"))), ids(before.get(0)), "a1's items");
            assertFalse(ids(before.get(0)).contains("e1"), "e1 moved to a2");
            assertTrue(ids(before.get(1)).contains("e1") || !"submitted".equals(statusOf(items, "e1")));
            assertEquals(List.of(), before.get(2));
            assertEquals(
                    scan(items, d -> d.getList("tags", String.class, List.of()).contains("x")),
                    ids(before.get(3)),
                    "array elements are indexed each");
            assertEquals(scan(items, d -> d.getInteger("n", -1) == 3), ids(before.get(4)), "3L finds the ints 3");
            assertEquals(29, before.get(5).size());
            assertEquals(
                    scan(
                            items,
                            d -> !d.getList("outbox", String.class, List.of()).isEmpty()),
                    ids(before.get(6)),
                    "$exists on the key: the documents that have it, then the other conditions");
            assertEquals(9, before.get(6).size());
            assertEquals(
                    scan(items, d -> "a1".equals(d.getString("apprenticeId")) && "draft".equals(d.get("status"))),
                    ids(before.get(7)),
                    "a term of a top-level $and");
            assertEquals(List.of("e3"), ids(before.get(8)));
            assertEquals(List.of(), before.get(9), "e4 is a draft");
            // A conditional replace in the driver's $and form, as the services write them.
            assertEquals(
                    1,
                    items.replaceOne(
                                    Filters.and(Filters.eq("_id", "e4"), Filters.eq("seq", 4)),
                                    new Document("apprenticeId", "a0")
                                            .append("status", "submitted")
                                            .append("chain", "c0")
                                            .append("seq", 104))
                            .getMatchedCount());
            assertEquals(
                    0,
                    items.replaceOne(Filters.and(Filters.eq("_id", "e4"), Filters.eq("seq", 4)), new Document())
                            .getMatchedCount(),
                    "the condition no longer holds");
            before = answers(items, queries);
        } finally {
            server.shutdownNow();
        }
        MongoServer reopened = start(file);
        try (MongoClient client = client(reopened)) {
            MongoCollection<Document> items = client.getDatabase("evidence").getCollection("items");
            assertEquals(before, answers(items, queries), "the same answers after the store is opened again");
            assertTrue(throwsDuplicate(() -> items.insertOne(new Document("chain", "c0").append("seq", 0))));
        } finally {
            reopened.shutdownNow();
        }
    }

    @Test
    void countDocumentsAnswersWhatTheMatchingDocumentsAreAndOtherAggregationsAreUnchanged() {
        MongoServer server = start(dir.resolve("count.mv"));
        try (MongoClient client = client(server)) {
            MongoCollection<Document> items = client.getDatabase("evidence").getCollection("items");
            items.createIndex(Indexes.ascending("apprenticeId", "createdAt", "_id"));
            for (int i = 0; i < 40; i++) {
                items.insertOne(new Document("_id", "e" + i)
                        .append("apprenticeId", "a" + (i % 4))
                        .append("status", i % 3 == 0 ? "submitted" : "draft")
                        .append("n", i));
            }
            long answered = IndexedH2Database.COUNTS_ANSWERED.get();
            assertEquals(10, items.countDocuments(Filters.eq("apprenticeId", "a1")));
            assertEquals(answered + 1, IndexedH2Database.COUNTS_ANSWERED.get(), "answered as a count, not a scan");
            assertEquals(
                    scan(items, d -> "a1".equals(d.getString("apprenticeId")) && "draft".equals(d.get("status")))
                            .size(),
                    items.countDocuments(Filters.and(Filters.eq("apprenticeId", "a1"), Filters.eq("status", "draft"))));
            assertEquals(14, items.countDocuments(Filters.eq("status", "submitted")), "no index: still right");
            long indexOnly = IndexedH2Database.INDEX_ONLY_COUNTS.get();
            items.updateOne(Filters.eq("_id", "e5"), Updates.set("apprenticeId", List.of("a1", "a2")));
            assertEquals(
                    scan(
                                    items,
                                    d -> d.get("apprenticeId") instanceof List<?> l
                                            ? l.contains("a2")
                                            : "a2".equals(d.get("apprenticeId")))
                            .size(),
                    items.countDocuments(Filters.eq("apprenticeId", "a2")),
                    "an array counts once for each value it holds");
            assertEquals(
                    scan(
                                            items,
                                            d -> d.get("apprenticeId") instanceof List<?> l
                                                    ? l.contains("a1")
                                                    : "a1".equals(d.get("apprenticeId")))
                                    .size()
                            - 2,
                    items.countDocuments(
                            Filters.eq("apprenticeId", "a1"), new com.mongodb.client.model.CountOptions().skip(2)));
            assertEquals(
                    indexOnly + 2,
                    IndexedH2Database.INDEX_ONLY_COUNTS.get(),
                    "an equality alone: the index entry's size");
            items.updateOne(Filters.eq("_id", "e5"), Updates.set("apprenticeId", "a1"));
            assertEquals(0, items.countDocuments(Filters.eq("apprenticeId", "nobody")));
            assertEquals(40, items.countDocuments());
            assertEquals(
                    7,
                    items.countDocuments(
                            Filters.eq("apprenticeId", "a1"), new com.mongodb.client.model.CountOptions().skip(3)));
            assertEquals(
                    4,
                    items.countDocuments(
                            Filters.eq("apprenticeId", "a1"),
                            new com.mongodb.client.model.CountOptions().skip(3).limit(4)));
            assertEquals(0, client.getDatabase("evidence").getCollection("none").countDocuments());
            // Any other aggregation is the library's own.
            List<Document> grouped = items.aggregate(List.of(
                            com.mongodb.client.model.Aggregates.match(Filters.eq("status", "submitted")),
                            com.mongodb.client.model.Aggregates.group(
                                    "$apprenticeId", com.mongodb.client.model.Accumulators.sum("n", 1)),
                            com.mongodb.client.model.Aggregates.sort(Sorts.ascending("_id"))))
                    .into(new ArrayList<>());
            assertEquals(4, grouped.size());
            assertEquals(14, grouped.stream().mapToInt(d -> d.getInteger("n")).sum(), "grouped per apprentice, summed");
            List<Document> summed = items.aggregate(List.of(
                            com.mongodb.client.model.Aggregates.match(Filters.eq("apprenticeId", "a2")),
                            com.mongodb.client.model.Aggregates.group(
                                    null, com.mongodb.client.model.Accumulators.sum("total", "$n"))))
                    .into(new ArrayList<>());
            assertEquals(
                    2 + 6 + 10 + 14 + 18 + 22 + 26 + 30 + 34 + 38, summed.get(0).getInteger("total"));
        } finally {
            server.shutdownNow();
        }
    }

    /**
     * evidence-service's coverage figures are aggregations: a $match, $unwind, $group. The library reads the whole
     * collection for any aggregation (a cohort's coverage at ~1,000 apprentices ran the wire server out of heap);
     * a leading $match is now a query through the indexes, with the same answers.
     */
    @Test
    void anAggregationThatStartsWithAMatchReadsOnlyWhatTheMatchFindsWithTheSameAnswers() {
        MongoServer server = start(dir.resolve("aggregate.mv"));
        try (MongoClient client = client(server)) {
            MongoCollection<Document> items = client.getDatabase("evidence").getCollection("items");
            items.createIndex(Indexes.ascending("apprenticeId", "createdAt"));
            List<String> statuses = List.of("draft", "submitted", "accepted");
            for (int i = 0; i < 300; i++) {
                Document item = new Document("_id", "e" + i)
                        .append("apprenticeId", "a" + (i % 30))
                        .append("status", statuses.get(i % 3))
                        .append("content", new Document("ksbCodes", List.of("K" + (i % 4), "S" + (i % 5))));
                if (i % 7 == 0) {
                    item.append("deletedAt", new java.util.Date());
                }
                items.insertOne(item);
            }
            long matched = IndexedH2Database.MATCHED_AGGREGATIONS.get();
            long handed = LeadingKeyIndex.POSITIONS_HANDED_OVER.get();
            List<Document> counts = items.aggregate(List.of(
                            new Document("$match", new Document("apprenticeId", "a4").append("deletedAt", null)),
                            new Document("$unwind", "$content.ksbCodes"),
                            new Document(
                                    "$group",
                                    new Document(
                                                    "_id",
                                                    new Document("code", "$content.ksbCodes")
                                                            .append("status", "$status"))
                                            .append("count", new Document("$sum", 1)))))
                    .into(new ArrayList<>());
            assertEquals(matched + 1, IndexedH2Database.MATCHED_AGGREGATIONS.get(), "the match ran as a query");
            assertEquals(handed + 10, LeadingKeyIndex.POSITIONS_HANDED_OVER.get(), "a4's 10 items read, not 300");
            java.util.Map<String, Integer> expected = new java.util.TreeMap<>();
            for (Document d : all(items, d -> "a4".equals(d.get("apprenticeId")) && d.get("deletedAt") == null)) {
                for (Object code : d.get("content", Document.class).getList("ksbCodes", Object.class)) {
                    expected.merge(code + "/" + d.getString("status"), 1, Integer::sum);
                }
            }
            java.util.Map<String, Integer> actual = new java.util.TreeMap<>();
            for (Document d : counts) {
                Document id = d.get("_id", Document.class);
                actual.put(id.getString("code") + "/" + id.getString("status"), d.getInteger("count"));
            }
            assertEquals(expected, actual);
            assertTrue(!actual.isEmpty());

            // Cohort-wide, on a key no index has: the same answers, the match reading every document.
            List<Document> perKsb = items.aggregate(List.of(
                            new Document("$match", new Document("status", "accepted").append("deletedAt", null)),
                            new Document("$unwind", "$content.ksbCodes"),
                            new Document(
                                    "$group",
                                    new Document(
                                            "_id",
                                            new Document("apprenticeId", "$apprenticeId")
                                                    .append("code", "$content.ksbCodes"))),
                            new Document(
                                    "$group",
                                    new Document("_id", "$_id.code").append("apprentices", new Document("$sum", 1)))))
                    .into(new ArrayList<>());
            java.util.Map<String, java.util.Set<Object>> cohort = new java.util.TreeMap<>();
            for (Document d : all(items, d -> "accepted".equals(d.get("status")) && d.get("deletedAt") == null)) {
                for (Object code : d.get("content", Document.class).getList("ksbCodes", Object.class)) {
                    cohort.computeIfAbsent(code.toString(), c -> new java.util.HashSet<>())
                            .add(d.get("apprenticeId"));
                }
            }
            java.util.Map<String, Integer> cohortActual = new java.util.TreeMap<>();
            perKsb.forEach(d -> cohortActual.put(d.getString("_id"), d.getInteger("apprentices")));
            java.util.Map<String, Integer> cohortExpected = new java.util.TreeMap<>();
            cohort.forEach((code, who) -> cohortExpected.put(code, who.size()));
            assertEquals(cohortExpected, cohortActual);
            assertEquals(matched + 2, IndexedH2Database.MATCHED_AGGREGATIONS.get());

            // Not ending in a $group: the library's own.
            assertEquals(
                    10,
                    items.aggregate(List.of(
                                    new Document("$match", new Document("apprenticeId", "a4")),
                                    new Document("$project", new Document("status", 1))))
                            .into(new ArrayList<>())
                            .size());
            assertEquals(matched + 2, IndexedH2Database.MATCHED_AGGREGATIONS.get());
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void aQueryOnTheFirstTwoKeysIsServedByATwoKeyIndexBuiltWhenFirstNeededWithTheSameAnswers() {
        Path file = dir.resolve("two-keys.mv");
        // The shape of the xAPI statement store's indexes (evidence-service StatementStore): all lead with provider.
        List<Bson> queries = List.of(
                Filters.and(Filters.eq("provider", "p1"), Filters.eq("verbs", "v2")),
                Filters.and(Filters.eq("provider", "p2"), Filters.eq("verbs", "v1"), Filters.eq("agent", "a3")),
                Filters.and(Filters.eq("provider", "p1"), Filters.eq("agents", "a1")),
                Filters.eq("provider", "p0"),
                Filters.and(Filters.eq("provider", "p1"), Filters.eq("verbs", "nothing")),
                Filters.and(Filters.eq("provider", "p1"), Filters.in("verbs", List.of("v1", "v2"))));
        List<List<Document>> before;
        MongoServer server = start(file);
        try (MongoClient client = client(server)) {
            MongoCollection<Document> statements =
                    client.getDatabase("evidence").getCollection("statements");
            statements.createIndex(Indexes.descending("provider", "createdAt", "_id"));
            statements.createIndex(Indexes.compoundIndex(
                    Indexes.ascending("provider", "verbs"), Indexes.descending("createdAt", "_id")));
            statements.createIndex(Indexes.compoundIndex(
                    Indexes.ascending("provider", "agents"), Indexes.descending("createdAt", "_id")));
            for (int i = 0; i < 90; i++) {
                statements.insertOne(new Document("_id", "s" + i)
                        .append("provider", "p" + (i % 3))
                        .append("verbs", i % 4 == 0 ? List.of("v1", "v2") : List.of("v" + (i % 3)))
                        .append("agents", List.of("a" + (i % 5)))
                        .append("agent", "a" + (i % 5))
                        .append("createdAt", 1000 - i));
            }
            long builds = LeadingKeyIndex.TWO_KEY_BUILDS.get();
            assertEquals(
                    scan(statements, d -> "p0".equals(d.get("provider"))),
                    ids(statements
                            .find(queries.get(3))
                            .sort(Sorts.ascending("createdAt", "_id"))
                            .into(new ArrayList<>())));
            assertEquals(builds, LeadingKeyIndex.TWO_KEY_BUILDS.get(), "a query on the first key builds nothing");
            long handedOver = LeadingKeyIndex.POSITIONS_HANDED_OVER.get();
            List<Document> firstTwo = statements
                    .find(queries.get(0))
                    .sort(Sorts.ascending("createdAt", "_id"))
                    .into(new ArrayList<>());
            assertEquals(builds + 1, LeadingKeyIndex.TWO_KEY_BUILDS.get(), "built when first needed");
            assertEquals(
                    firstTwo.size(),
                    LeadingKeyIndex.POSITIONS_HANDED_OVER.get() - handedOver,
                    "only p1's v2 statements were read");
            assertEquals(
                    scan(
                            statements,
                            d -> "p1".equals(d.get("provider"))
                                    && d.getList("verbs", String.class, List.of())
                                            .contains("v2")),
                    ids(firstTwo));
            // Kept up to date once built: a move to another verb, a move to another provider, a delete, an insert.
            statements.updateOne(Filters.eq("_id", "s1"), Updates.set("verbs", List.of("v2")));
            statements.updateOne(Filters.eq("_id", "s4"), Updates.set("provider", "p2"));
            statements.deleteOne(Filters.eq("_id", "s7"));
            statements.insertOne(new Document("_id", "late")
                    .append("provider", "p1")
                    .append("verbs", List.of("v2"))
                    .append("createdAt", 1));
            before = answers(statements, queries);
            assertEquals(
                    scan(
                            statements,
                            d -> "p1".equals(d.get("provider"))
                                    && d.getList("verbs", String.class, List.of())
                                            .contains("v2")),
                    ids(before.get(0)));
            assertTrue(ids(before.get(0)).contains("s1") && ids(before.get(0)).contains("late"));
            assertFalse(ids(before.get(0)).contains("s7"));
            assertEquals(
                    scan(
                            statements,
                            d -> "p2".equals(d.get("provider"))
                                    && d.getList("verbs", String.class, List.of())
                                            .contains("v1")
                                    && "a3".equals(d.get("agent"))),
                    ids(before.get(1)),
                    "the other conditions are matched after");
            assertEquals(
                    scan(
                            statements,
                            d -> "p1".equals(d.get("provider"))
                                    && d.getList("agents", String.class, List.of())
                                            .contains("a1")),
                    ids(before.get(2)),
                    "another two-key index of the same collection");
            assertEquals(List.of(), before.get(4));
            assertEquals(
                    scan(
                            statements,
                            d -> "p1".equals(d.get("provider"))
                                    && d.getList("verbs", String.class, List.of()).stream()
                                            .anyMatch(v -> v.equals("v1") || v.equals("v2"))),
                    ids(before.get(5)),
                    "$in on the second key: the first key's index");
            // Dropped and made again: served as before.
            statements.drop();
            statements.createIndex(Indexes.compoundIndex(
                    Indexes.ascending("provider", "verbs"), Indexes.descending("createdAt", "_id")));
            statements.insertOne(
                    new Document("_id", "again").append("provider", "p1").append("verbs", List.of("v2")));
            assertEquals(List.of("again"), ids(statements.find(queries.get(0)).into(new ArrayList<>())));
            statements.drop();
            statements.createIndex(Indexes.descending("provider", "createdAt", "_id"));
            statements.createIndex(Indexes.compoundIndex(
                    Indexes.ascending("provider", "verbs"), Indexes.descending("createdAt", "_id")));
            statements.createIndex(Indexes.compoundIndex(
                    Indexes.ascending("provider", "agents"), Indexes.descending("createdAt", "_id")));
            for (List<Document> answer : before) {
                for (Document d : answer) {
                    statements.replaceOne(
                            Filters.eq("_id", d.get("_id")),
                            d,
                            new com.mongodb.client.model.ReplaceOptions().upsert(true));
                }
            }
            for (Document d : statements.find().into(new ArrayList<>())) {
                assertTrue(d.containsKey("provider"));
            }
            before = answers(statements, queries);
        } finally {
            server.shutdownNow();
        }
        MongoServer reopened = start(file);
        try (MongoClient client = client(reopened)) {
            MongoCollection<Document> statements =
                    client.getDatabase("evidence").getCollection("statements");
            assertEquals(before, answers(statements, queries), "the same answers after the store is opened again");
        } finally {
            reopened.shutdownNow();
        }
    }

    @Test
    void ofTheIndexesThatCanServeAQueryTheOneOnMoreKeysServesItAndAnIndexOnTheSameKeysIsAnAlias() {
        LeadingKeyIndex.Family family = new LeadingKeyIndex.Family();
        LeadingKeyIndex provider = family.index("provider_stored", List.of("provider"));
        LeadingKeyIndex verbs = family.index("provider_verbs_stored.two-keys", List.of("provider", "verbs"));
        LeadingKeyIndex again = family.index("provider_agents_stored", List.of("provider"));
        LeadingKeyIndex id = family.index("_id_.leading-key", List.of("_id"));
        de.bwaldvogel.mongo.bson.Document both =
                new de.bwaldvogel.mongo.bson.Document("provider", "p").append("verbs", "v");
        de.bwaldvogel.mongo.bson.Document first = new de.bwaldvogel.mongo.bson.Document("provider", "p");
        assertTrue(verbs.canHandle(both));
        assertFalse(provider.canHandle(both), "the two-key index serves it");
        assertTrue(provider.canHandle(first));
        assertFalse(verbs.canHandle(first));
        assertFalse(again.canHandle(first), "an alias of provider_stored's index never serves");
        de.bwaldvogel.mongo.bson.Document withId = new de.bwaldvogel.mongo.bson.Document(
                "$and", List.of(both, new de.bwaldvogel.mongo.bson.Document("_id", "s1")));
        assertTrue(id.canHandle(withId), "_id first");
        assertFalse(verbs.canHandle(withId));
        assertFalse(verbs.canHandle(new de.bwaldvogel.mongo.bson.Document("provider", "p")
                .append("verbs", new de.bwaldvogel.mongo.bson.Document("$exists", true))));
    }

    @Test
    void ofTwoKeyIndexesThatCanServeAQueryTheOneWithFewerDocumentsForItsValuesServesIt() {
        MongoServer server = start(dir.resolve("fewest.mv"));
        try (MongoClient client = client(server)) {
            MongoCollection<Document> statements =
                    client.getDatabase("evidence").getCollection("statements");
            statements.createIndex(Indexes.ascending("provider", "verbs", "stored"));
            statements.createIndex(Indexes.ascending("provider", "agents", "stored"));
            for (int i = 0; i < 200; i++) {
                statements.insertOne(new Document("_id", "s" + i)
                        .append("provider", "p")
                        .append("verbs", List.of("v" + (i % 2)))
                        .append("agents", List.of("a" + (i % 50)))
                        .append("stored", i));
            }
            Bson query =
                    Filters.and(Filters.eq("provider", "p"), Filters.eq("verbs", "v1"), Filters.eq("agents", "a7"));
            long handedOver = LeadingKeyIndex.POSITIONS_HANDED_OVER.get();
            assertEquals(
                    scan(
                            statements,
                            d -> d.getList("verbs", String.class).contains("v1")
                                    && d.getList("agents", String.class).contains("a7")),
                    ids(statements
                            .find(query)
                            .sort(Sorts.ascending("createdAt", "_id"))
                            .into(new ArrayList<>())));
            assertEquals(
                    4,
                    LeadingKeyIndex.POSITIONS_HANDED_OVER.get() - handedOver,
                    "a7's 4 statements were read, not v1's 100");
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void anInOnTheLeadingKeyReadsOnlyThoseValuesDocumentsWithTheSameAnswers() {
        MongoServer server = start(dir.resolve("in.mv"));
        try (MongoClient client = client(server)) {
            MongoCollection<Document> entries = client.getDatabase("evidence").getCollection("entries");
            entries.createIndex(Indexes.ascending("apprenticeId", "date", "_id"));
            for (int i = 0; i < 100; i++) {
                entries.insertOne(new Document("_id", "o" + i)
                        .append("apprenticeId", "a" + (i % 10))
                        .append("status", i % 3 == 0 ? "approved" : "pending")
                        .append("hundredths", i));
            }
            long handedOver = LeadingKeyIndex.POSITIONS_HANDED_OVER.get();
            List<Document> found = entries.find(Filters.and(
                            Filters.in("apprenticeId", List.of("a1", "a4", "nobody")),
                            Filters.in("status", List.of("approved"))))
                    .sort(Sorts.ascending("_id"))
                    .into(new ArrayList<>());
            assertEquals(20, LeadingKeyIndex.POSITIONS_HANDED_OVER.get() - handedOver, "a1's and a4's 20, not 100");
            List<String> expected = new ArrayList<>(scan(
                    entries,
                    d -> ("a1".equals(d.get("apprenticeId")) || "a4".equals(d.get("apprenticeId")))
                            && "approved".equals(d.get("status"))));
            java.util.Collections.sort(expected);
            assertEquals(expected, ids(found));
        } finally {
            server.shutdownNow();
        }
    }

    /**
     * A value with one document holds that document's position without a set (most values of most indexes: every
     * {@code _id}), and the answers are the same: one position, several in the order added, a union for {@code $in},
     * and back to none as documents go.
     */
    @Test
    void aValueWithOneDocumentHoldsItsPositionWithoutASet() {
        LeadingKeyIndex index = new LeadingKeyIndex("ref_1", List.of(new IndexKey("ref", true)));
        for (int i = 0; i < 100; i++) {
            index.add(ref("d" + i, "r" + i), "d" + i, null);
        }
        assertEquals(0, index.idsHeldApart(), "a document's _id and its position (equal) held as one object");
        index.add(ref("d5", "r5"), "d5", null); // the same again
        assertEquals(0, index.valuesWithSets(), "one document per value: no set");
        for (String id : List.of("s1", "s2", "s3")) {
            index.add(ref(id, "shared"), id, null);
        }
        assertEquals(1, index.valuesWithSets());
        assertEquals(List.of("d7"), positions(index, new de.bwaldvogel.mongo.bson.Document("ref", "r7")));
        assertEquals(List.of("d5"), positions(index, new de.bwaldvogel.mongo.bson.Document("ref", "r5")));
        assertEquals(
                List.of("s1", "s2", "s3"), positions(index, new de.bwaldvogel.mongo.bson.Document("ref", "shared")));
        assertEquals(
                List.of("d1", "s1", "s2", "s3"),
                positions(
                        index,
                        new de.bwaldvogel.mongo.bson.Document(
                                "ref", new de.bwaldvogel.mongo.bson.Document("$in", List.of("r1", "shared")))));

        index.remove(ref("s2", "shared"));
        assertEquals(List.of("s1", "s3"), positions(index, new de.bwaldvogel.mongo.bson.Document("ref", "shared")));
        index.remove(ref("s1", "shared"));
        assertEquals(0, index.valuesWithSets(), "down to one: the set goes");
        assertEquals(List.of("s3"), positions(index, new de.bwaldvogel.mongo.bson.Document("ref", "shared")));
        index.remove(ref("s3", "shared"));
        index.remove(ref("d7", "r7"));
        assertEquals(List.of(), positions(index, new de.bwaldvogel.mongo.bson.Document("ref", "shared")));
        assertEquals(List.of(), positions(index, new de.bwaldvogel.mongo.bson.Document("ref", "r7")));
        assertEquals(99, index.getCount());
    }

    private static de.bwaldvogel.mongo.bson.Document ref(String id, String ref) {
        return new de.bwaldvogel.mongo.bson.Document("_id", id).append("ref", ref);
    }

    private static List<Object> positions(LeadingKeyIndex index, de.bwaldvogel.mongo.bson.Document query) {
        List<Object> positions = new ArrayList<>();
        index.getPositions(query).forEach(positions::add);
        return positions;
    }

    @Test
    void handlesOnlyAPlainEqualityOnItsKey() {
        LeadingKeyIndex index =
                new LeadingKeyIndex("i", List.of(new IndexKey("apprenticeId", true), new IndexKey("createdAt", true)));
        assertTrue(index.canHandle(new de.bwaldvogel.mongo.bson.Document("apprenticeId", "a1")));
        assertTrue(index.canHandle(
                new de.bwaldvogel.mongo.bson.Document("apprenticeId", "a1").append("status", "submitted")));
        assertFalse(index.canHandle(new de.bwaldvogel.mongo.bson.Document("status", "submitted")));
        assertFalse(index.canHandle(new de.bwaldvogel.mongo.bson.Document("apprenticeId", null)));
        assertTrue(
                index.canHandle(new de.bwaldvogel.mongo.bson.Document(
                        "apprenticeId", new de.bwaldvogel.mongo.bson.Document("$in", List.of("a1", "a2")))),
                "$in of plain values: the union of their entries");
        assertFalse(index.canHandle(new de.bwaldvogel.mongo.bson.Document(
                "apprenticeId", new de.bwaldvogel.mongo.bson.Document("$in", java.util.Arrays.asList("a1", null)))));
        assertFalse(index.canHandle(new de.bwaldvogel.mongo.bson.Document(
                "apprenticeId", new de.bwaldvogel.mongo.bson.Document("$in", List.of("a1")).append("$ne", "a2"))));
        assertFalse(index.canHandle(new de.bwaldvogel.mongo.bson.Document("apprenticeId", List.of("a1"))));
        assertTrue(index.canHandle(new de.bwaldvogel.mongo.bson.Document(
                "$and",
                List.of(
                        new de.bwaldvogel.mongo.bson.Document("apprenticeId", "a1"),
                        new de.bwaldvogel.mongo.bson.Document("status", "draft")))));
        assertFalse(index.canHandle(new de.bwaldvogel.mongo.bson.Document(
                "$or",
                List.of(
                        new de.bwaldvogel.mongo.bson.Document("apprenticeId", "a1"),
                        new de.bwaldvogel.mongo.bson.Document("status", "draft")))));
        assertTrue(index.canHandle(new de.bwaldvogel.mongo.bson.Document(
                "apprenticeId", new de.bwaldvogel.mongo.bson.Document("$exists", true))));
        assertFalse(index.canHandle(new de.bwaldvogel.mongo.bson.Document(
                "apprenticeId", new de.bwaldvogel.mongo.bson.Document("$exists", false))));
    }

    private static String statusOf(MongoCollection<Document> items, String id) {
        return items.find(Filters.eq("_id", id)).first().getString("status");
    }

    private static boolean throwsDuplicate(Runnable write) {
        try {
            write.run();
            return false;
        } catch (com.mongodb.MongoWriteException e) {
            return e.getError().getCode() == 11000;
        }
    }

    private static List<List<Document>> answers(MongoCollection<Document> items, List<Bson> queries) {
        List<List<Document>> answers = new ArrayList<>();
        for (Bson query : queries) {
            answers.add(
                    items.find(query).sort(Sorts.ascending("createdAt", "_id")).into(new ArrayList<>()));
        }
        return answers;
    }

    private static List<String> scan(MongoCollection<Document> items, java.util.function.Predicate<Document> match) {
        List<Document> all =
                items.find().sort(Sorts.ascending("createdAt", "_id")).into(new ArrayList<>());
        return all.stream().filter(match).map(d -> d.getString("_id")).toList();
    }

    private static List<Document> all(MongoCollection<Document> items, java.util.function.Predicate<Document> match) {
        return items.find().into(new ArrayList<>()).stream().filter(match).toList();
    }

    private static List<String> ids(List<Document> documents) {
        return documents.stream().map(d -> d.getString("_id")).toList();
    }

    /**
     * evidence-service's cohort coverage read: the count and a page of a provider's apprentices on one standard
     * version, with the apprentices' indexes as evidence-service declares them (ApprenticeRepository.createIndexes).
     * The page query is handed the cohort's documents only (not the provider's, nor the collection's), and the count
     * is answered from the index entry without reading a document.
     */
    @Test
    void aCohortsCountAndPageAreServedByItsTwoKeyIndex() {
        MongoServer server = start(dir.resolve("cohort.mv"));
        try (MongoClient client = client(server)) {
            MongoCollection<Document> apprentices =
                    client.getDatabase("evidence").getCollection("apprentices");
            apprentices.createIndex(
                    Indexes.ascending("providerUkprn", "uln"),
                    new IndexOptions().name("provider_uln_unique").unique(true));
            apprentices.createIndex(
                    Indexes.ascending("identifierKeys"),
                    new IndexOptions()
                            .name("provider_identifiers_unique")
                            .unique(true)
                            .sparse(true));
            apprentices.createIndex(
                    Indexes.ascending("providerUkprn", "learnerReference"),
                    new IndexOptions().name("provider_learner_reference"));
            apprentices.createIndex(
                    Indexes.ascending("providerUkprn", "standardVersion", "familyName", "givenName", "_id"),
                    new IndexOptions().name("cohort_by_name"));
            for (String tenant : List.of("providerUkprn", "employerId", "uln", "assessmentOrganisationId")) {
                apprentices.createIndex(
                        Indexes.ascending(tenant, "familyName", "givenName", "_id"),
                        new IndexOptions().name(tenant + "_by_name"));
            }
            for (int i = 0; i < 60; i++) {
                apprentices.insertOne(new Document("_id", String.format("a%02d", i))
                        .append("providerUkprn", i < 40 ? "10000001" : "10000002")
                        .append("standardVersion", i < 30 || i >= 40 ? "ST1398_1.0" : "ST1398_1.1")
                        .append("uln", "uln" + i)
                        .append("employerId", "e" + (i % 3))
                        .append("familyName", "F" + (59 - i) % 7)
                        .append("givenName", "G" + i));
            }
            Document cohort = new Document("providerUkprn", "10000001").append("standardVersion", "ST1398_1.0");
            List<Document> expected = all(
                            apprentices,
                            d -> "10000001".equals(d.get("providerUkprn"))
                                    && "ST1398_1.0".equals(d.get("standardVersion")))
                    .stream()
                    .sorted(java.util.Comparator.comparing((Document d) -> d.getString("familyName"))
                            .thenComparing(d -> d.getString("givenName"))
                            .thenComparing(d -> d.getString("_id")))
                    .toList();
            long handed = LeadingKeyIndex.POSITIONS_HANDED_OVER.get();
            List<Document> page = apprentices
                    .find(cohort)
                    .sort(Sorts.ascending("familyName", "givenName", "_id"))
                    .skip(5)
                    .limit(5)
                    .into(new ArrayList<>());
            assertEquals(expected.subList(5, 10), page);
            assertEquals(
                    handed + 30,
                    LeadingKeyIndex.POSITIONS_HANDED_OVER.get(),
                    "the cohort's 30 documents, not the provider's 40 or the collection's 60");
            long indexOnly = IndexedH2Database.INDEX_ONLY_COUNTS.get();
            assertEquals(30, apprentices.countDocuments(cohort));
            assertEquals(indexOnly + 1, IndexedH2Database.INDEX_ONLY_COUNTS.get(), "counted from the index entry");
        } finally {
            server.shutdownNow();
        }
    }

    /**
     * A cohort's page sorted as {@code cohort_by_name} is declared is read in the index's order and stops at the end
     * of the page: the same answers as the same sort served without that order (the cohort's values given as
     * {@code $in}, which only the one-key index serves, so the server matches and sorts the provider's documents),
     * through inserts, renames, moves between cohorts, deletes, missing and null names, and a document with an
     * array for a name (the order is set aside while it is there).
     */
    @Test
    void aCohortsPageSortedAsTheIndexIsReadInItsOrderUpToThePageWithTheSameAnswers() {
        MongoServer server = start(dir.resolve("ordered.mv"));
        try (MongoClient client = client(server)) {
            MongoCollection<Document> apprentices =
                    client.getDatabase("evidence").getCollection("apprentices");
            apprentices.createIndex(
                    Indexes.ascending("providerUkprn", "standardVersion", "familyName", "givenName", "_id"),
                    new IndexOptions().name("cohort_by_name"));
            java.util.Random random = new java.util.Random(1398);
            for (int i = 0; i < 300; i++) {
                apprentices.insertOne(apprentice(random, String.format("a%03d", i)));
            }
            assertPagesAsUnordered(apprentices);
            for (int i = 0; i < 120; i++) {
                String id = String.format("a%03d", random.nextInt(300));
                switch (i % 4) {
                    case 0 -> apprentices.updateOne(Filters.eq("_id", id), Updates.set("familyName", name(random)));
                    case 1 ->
                        apprentices.updateOne(
                                Filters.eq("_id", id), Updates.set("standardVersion", "ST1398_1." + random.nextInt(2)));
                    case 2 -> apprentices.deleteOne(Filters.eq("_id", id));
                    default -> apprentices.insertOne(apprentice(random, "b" + i));
                }
            }
            assertPagesAsUnordered(apprentices);

            Document cohort = new Document("providerUkprn", "10000001").append("standardVersion", "ST1398_1.0");
            Bson byName = Sorts.ascending("familyName", "givenName", "_id");
            long ordered = CopyOnReadH2Collection.ORDERED_ANSWERS.get();
            long read = CopyOnReadH2Collection.READ_IN_ORDER.get();
            apprentices.find(cohort).sort(byName).skip(20).limit(10).into(new ArrayList<>());
            assertEquals(ordered + 1, CopyOnReadH2Collection.ORDERED_ANSWERS.get(), "in the index's order");
            assertEquals(read, CopyOnReadH2Collection.READ_IN_ORDER.get(), "the index's equalities only: none read");
            Document active = new Document(cohort).append("status", "active");
            List<Document> actives = apprentices.find(active).sort(byName).into(new ArrayList<>());
            List<Document> inCohort = apprentices.find(cohort).sort(byName).into(new ArrayList<>());
            // The page of 3 after 4: its last document is the 7th active one; reading stops there.
            long upToPageEnd = inCohort.stream()
                            .takeWhile(d -> !d.get("_id").equals(actives.get(6).get("_id")))
                            .count()
                    + 1;
            read = CopyOnReadH2Collection.READ_IN_ORDER.get();
            assertEquals(
                    actives.subList(4, 7),
                    apprentices.find(active).sort(byName).skip(4).limit(3).into(new ArrayList<>()));
            assertEquals(
                    upToPageEnd,
                    CopyOnReadH2Collection.READ_IN_ORDER.get() - read,
                    "read up to the page's last match, of " + inCohort.size());

            apprentices.insertOne(new Document("_id", "array")
                    .append("providerUkprn", "10000001")
                    .append("standardVersion", "ST1398_1.0")
                    .append("familyName", List.of("Z", "A")));
            ordered = CopyOnReadH2Collection.ORDERED_ANSWERS.get();
            assertPagesAsUnordered(apprentices);
            assertEquals(
                    ordered,
                    CopyOnReadH2Collection.ORDERED_ANSWERS.get(),
                    "not in the index's order while it is there");
            apprentices.deleteOne(Filters.eq("_id", "array"));
            apprentices.find(cohort).sort(byName).limit(5).into(new ArrayList<>());
            assertEquals(ordered + 1, CopyOnReadH2Collection.ORDERED_ANSWERS.get());
        } finally {
            server.shutdownNow();
        }
    }

    /**
     * The audit trail's newest event of a chain ({@code {chain: X}}, newest {@code seq} first, one): the one-key index
     * on {@code chain} of the unique {@code (chain, seq)} index starts keeping its chains in {@code seq} order at the
     * first query sorted that way, and later ones read the chain backwards, one document for the newest, with the same
     * answers as the server's own sort, through appends and deletes; over the budget for kept orders it stops keeping
     * it, and the answers stay the same.
     */
    @Test
    void aChainsNewestEventIsReadFromTheChainsOrderOnceAQueryAskedForItWithTheSameAnswers() {
        MongoServer server = start(dir.resolve("chains.mv"));
        long budget = LeadingKeyIndex.orderBudget;
        try (MongoClient client = client(server)) {
            MongoCollection<Document> events = client.getDatabase("evidence").getCollection("audit_events");
            events.createIndex(
                    Indexes.ascending("chain", "seq"),
                    new IndexOptions().name("chain_seq_unique").unique(true));
            java.util.Random random = new java.util.Random(1398);
            java.util.Map<String, Integer> next = new java.util.HashMap<>();
            for (int i = 0; i < 200; i++) {
                String chain = "c" + random.nextInt(5);
                int seq = next.merge(chain, 1, Integer::sum);
                events.insertOne(new Document("_id", "e" + i)
                        .append("chain", chain)
                        .append("seq", seq)
                        .append("action", random.nextBoolean() ? "evidence.created" : "evidence.accepted"));
            }
            Bson newest = Sorts.descending("seq");
            long kept = LeadingKeyIndex.ORDERS_KEPT.get();
            assertChainsAsUnordered(events);
            assertEquals(kept + 1, LeadingKeyIndex.ORDERS_KEPT.get(), "kept once a query asked for it");

            long ordered = CopyOnReadH2Collection.ORDERED_ANSWERS.get();
            long read = CopyOnReadH2Collection.READ_IN_ORDER.get();
            Document last =
                    events.find(Filters.eq("chain", "c3")).sort(newest).limit(1).first();
            assertEquals(next.get("c3"), last.getInteger("seq"));
            assertEquals(ordered + 1, CopyOnReadH2Collection.ORDERED_ANSWERS.get(), "read from the chain's order");
            assertEquals(read, CopyOnReadH2Collection.READ_IN_ORDER.get(), "the newest: no document read to find it");
            Document accepted = events.find(
                            Filters.and(Filters.eq("chain", "c3"), Filters.eq("action", "evidence.accepted")))
                    .sort(newest)
                    .limit(1)
                    .first();
            assertEquals(
                    events.find(new Document("chain", new Document("$in", List.of("c3")))
                                    .append("action", "evidence.accepted"))
                            .sort(newest)
                            .limit(1)
                            .first(),
                    accepted);

            for (int i = 0; i < 60; i++) {
                String chain = "c" + random.nextInt(5);
                if (i % 3 == 0) {
                    events.deleteOne(
                            Filters.and(Filters.eq("chain", chain), Filters.eq("seq", 1 + random.nextInt(20))));
                } else {
                    events.insertOne(new Document("_id", "f" + i)
                            .append("chain", chain)
                            .append("seq", next.merge(chain, 1, Integer::sum))
                            .append("action", "evidence.updated"));
                }
            }
            assertChainsAsUnordered(events);

            LeadingKeyIndex.orderBudget = LeadingKeyIndex.ORDER_ENTRIES.get() + 3;
            long dropped = LeadingKeyIndex.ORDERS_DROPPED.get();
            for (int i = 0; i < 5; i++) {
                events.insertOne(new Document("_id", "g" + i)
                        .append("chain", "c0")
                        .append("seq", next.merge("c0", 1, Integer::sum)));
            }
            assertEquals(dropped + 1, LeadingKeyIndex.ORDERS_DROPPED.get(), "over the budget: no longer kept");
            ordered = CopyOnReadH2Collection.ORDERED_ANSWERS.get();
            assertChainsAsUnordered(events);
            assertEquals(ordered, CopyOnReadH2Collection.ORDERED_ANSWERS.get(), "sorted as before");
        } finally {
            LeadingKeyIndex.orderBudget = budget;
            server.shutdownNow();
        }
    }

    /**
     * An order that goes over the budget while it is being built (documents with several values of the key make more
     * entries than documents) is dropped and stops being built; when it is kept again later, after deletes, pages
     * are still exactly the server's own sort (no position of a deleted document left behind).
     */
    @Test
    void anOrderOverTheBudgetWhileBeingBuiltIsDroppedWholeAndLaterPagesAreExact() {
        MongoServer server = start(dir.resolve("budget.mv"));
        long budget = LeadingKeyIndex.orderBudget;
        try (MongoClient client = client(server)) {
            MongoCollection<Document> items = client.getDatabase("evidence").getCollection("tagged");
            items.createIndex(Indexes.ascending("tags", "seq"), new IndexOptions().name("tags_seq"));
            for (int i = 0; i < 40; i++) {
                items.insertOne(new Document("_id", String.format("t%02d", i))
                        .append("tags", List.of("x", "y", "z" + (i % 3)))
                        .append("seq", (i * 7) % 40));
            }
            Bson bySeq = Sorts.ascending("seq");
            // Room for the 40 documents the index holds, not for their 120 entries.
            LeadingKeyIndex.orderBudget = LeadingKeyIndex.ORDER_ENTRIES.get() + 41;
            long dropped = LeadingKeyIndex.ORDERS_DROPPED.get();
            items.find(Filters.eq("tags", "x")).sort(bySeq).limit(5).into(new ArrayList<>());
            assertEquals(dropped + 1, LeadingKeyIndex.ORDERS_DROPPED.get(), "dropped while being built");

            for (int i = 0; i < 40; i += 4) {
                items.deleteOne(Filters.eq("_id", String.format("t%02d", i)));
            }
            LeadingKeyIndex.orderBudget = budget;
            long ordered = CopyOnReadH2Collection.ORDERED_ANSWERS.get();
            items.find(Filters.eq("tags", "x")).sort(bySeq).limit(5).into(new ArrayList<>()); // kept again from here
            List<Document> expected = items.find(new Document("tags", new Document("$in", List.of("x"))))
                    .sort(bySeq)
                    .into(new ArrayList<>());
            assertEquals(30, expected.size());
            assertPagesAre(expected, items, Filters.eq("tags", "x"), bySeq, 6);
            assertTrue(CopyOnReadH2Collection.ORDERED_ANSWERS.get() > ordered, "served from the order kept again");
        } finally {
            LeadingKeyIndex.orderBudget = budget;
            server.shutdownNow();
        }
    }

    private static void assertChainsAsUnordered(MongoCollection<Document> events) {
        for (int c = 0; c < 6; c++) {
            String chain = "c" + c;
            for (Bson sort : List.of(Sorts.descending("seq"), Sorts.ascending("seq"))) {
                Document oracle = new Document("chain", new Document("$in", List.of(chain)));
                List<Document> expected = events.find(oracle).sort(sort).into(new ArrayList<>());
                assertEquals(
                        expected,
                        events.find(Filters.eq("chain", chain)).sort(sort).into(new ArrayList<>()));
                assertPagesAre(expected, events, Filters.eq("chain", chain), sort, 7);
            }
        }
    }

    private static void assertPagesAsUnordered(MongoCollection<Document> apprentices) {
        for (String version : List.of("ST1398_1.0", "ST1398_1.1")) {
            for (boolean activeOnly : new boolean[] {false, true}) {
                Document query = new Document("providerUkprn", "10000001").append("standardVersion", version);
                Document oracle = new Document("providerUkprn", "10000001")
                        .append("standardVersion", new Document("$in", List.of(version)));
                if (activeOnly) {
                    query.append("status", "active");
                    oracle.append("status", "active");
                }
                for (Bson sort : List.of(
                        Sorts.ascending("familyName", "givenName", "_id"),
                        Sorts.ascending("familyName"),
                        Sorts.orderBy(Sorts.descending("familyName"), Sorts.ascending("givenName", "_id")))) {
                    List<Document> expected =
                            apprentices.find(oracle).sort(sort).into(new ArrayList<>());
                    List<Document> whole = apprentices.find(query).sort(sort).into(new ArrayList<>());
                    assertEquals(names(expected), names(whole), "whole, " + query + ", " + sort);
                    if (sort.toBsonDocument().size() > 1) { // ties broken by _id: the same documents in sequence
                        assertEquals(expected, whole, "whole, " + query + ", " + sort);
                    }
                    assertPagesAre(whole, apprentices, query, sort, 20);
                }
            }
        }
    }

    /** Every page of {@code size} (and one past the end) of the sorted query is its slice of {@code all}. */
    private static void assertPagesAre(
            List<Document> all, MongoCollection<Document> collection, Bson query, Bson sort, int size) {
        for (int skip = 0; skip <= all.size() + size; skip += size) {
            assertEquals(
                    all.subList(Math.min(skip, all.size()), Math.min(skip + size, all.size())),
                    collection.find(query).sort(sort).skip(skip).limit(size).into(new ArrayList<>()),
                    "page at " + skip + ", " + query + ", " + sort);
        }
    }

    private static Document apprentice(java.util.Random random, String id) {
        Document d = new Document("_id", id)
                .append("providerUkprn", "1000000" + (1 + random.nextInt(2)))
                .append("standardVersion", "ST1398_1." + random.nextInt(2));
        int shape = random.nextInt(10);
        if (shape == 0) {
            d.append("familyName", null);
        } else if (shape > 1) {
            d.append("familyName", name(random)); // shape 1: no family name at all
        }
        if (random.nextInt(6) > 0) {
            d.append("givenName", "G" + random.nextInt(4));
        }
        if (random.nextBoolean()) {
            d.append("status", "active");
        }
        return d;
    }

    /** The family names in sequence (what a sort on the family name alone fixes: ties are in no set order). */
    private static List<Object> names(List<Document> documents) {
        return documents.stream().map(d -> d.get("familyName")).toList();
    }

    private static String name(java.util.Random random) {
        return List.of("Ahmed", "Brown", "Chen", "Davies", "evans", "Évora", "Smith", "Smith-Jones")
                .get(random.nextInt(8));
    }

    private static MongoServer start(Path file) {
        MongoServer server =
                new MongoServer(DevInfra.mongoBackend(file, DevInfra.Durability.DURABLE, WireVersion.DEFAULT));
        server.bind("127.0.0.1", 0);
        return server;
    }

    private static MongoClient client(MongoServer server) {
        return MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    }
}
