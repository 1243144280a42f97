package uk.apprenticeships.st1398.devstack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BsonMapsTest {

    @TempDir
    Path dir;

    @Test
    void documentsAndIndexKeysComeBackAsTheyWentIn() {
        Document document = new Document("_id", new ObjectId())
                .append("name", "Zoë O'Brien")
                .append("uln", "1234567890")
                .append("hours", 12.5)
                .append("count", 3)
                .append("big", 1L << 40)
                .append("ok", true)
                .append("none", null)
                .append("at", Instant.parse("2026-12-05T12:00:00.123Z"))
                .append("price", new Decimal128(new java.math.BigDecimal("12.34")))
                .append("ksbs", List.of("K1", "S2", "B3"))
                .append("nested", new Document("a", new Document("b", List.of(1, 2, new Document("c", "d")))));
        assertEquals(document, roundTrip(document));
        for (Object key : List.of(
                "item-1", new ObjectId(), 42, 42L, 4.5, UUID.randomUUID(), Instant.EPOCH, new Document("x", 1))) {
            assertEquals(key, roundTrip(key), "key " + key);
        }
        assertEquals(Missing.getInstance(), roundTrip(Missing.getInstance()));
        KeyValue key = new KeyValue(Arrays.asList("provider-1", null, Missing.getInstance(), 7));
        assertEquals(key, roundTrip(key));
    }

    @Test
    void keysAreOrderedAsMongoDbOrdersValuesInOneConsistentOrder() {
        BsonDataType type = BsonDataType.INSTANCE;
        List<ObjectId> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ids.add(new ObjectId());
        }
        for (ObjectId a : ids) { // distinct ids are distinct keys, in one consistent order
            for (ObjectId b : ids) {
                int c = type.compare(a, b);
                assertEquals(a.equals(b), c == 0);
                assertEquals(Integer.signum(c), -Integer.signum(type.compare(b, a)));
            }
        }
        assertTrue(type.compare(1, 2L) < 0);
        assertEquals(0, type.compare(2, 2.0), "equal numbers are one key, as in MongoDB");
        assertTrue(type.compare(10, "1") < 0, "numbers before strings");
        assertTrue(type.compare("a", "b") < 0);
        assertTrue(type.compare(Missing.getInstance(), null) < 0);
        assertTrue(type.compare(new KeyValue("p", 1), new KeyValue("p", 2)) < 0);
        assertEquals(0, type.compare(new KeyValue("p", 1), new KeyValue("p", 1)));
        assertTrue(type.compare(new KeyValue("p"), new KeyValue("p", 1)) < 0);
    }

    /**
     * A store written before the BSON format (the library's own backend: H2's Java-serialised values) is converted
     * once when the dev stack opens it; its documents and its unique indexes work as before.
     */
    @Test
    void aStoreWrittenBeforeIsConvertedOnceAndKeepsItsDocumentsAndUniqueIndexes() {
        Path file = dir.resolve("mongodb.mv");
        MongoServer before = new MongoServer(new H2Backend(file.toString()));
        before.bind("127.0.0.1", 0);
        try (MongoClient client = client(before)) {
            MongoCollection<org.bson.Document> people =
                    client.getDatabase("evidence").getCollection("people");
            people.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
            for (int i = 0; i < 300; i++) {
                people.insertOne(new org.bson.Document("_id", new org.bson.types.ObjectId())
                        .append("email", "p" + i + "@example.org")
                        .append("n", i));
            }
        } finally {
            before.shutdownNow();
        }

        MVStore store = MVStore.open(file.toString());
        int converted = BsonMaps.convert(store);
        store.close();
        assertTrue(converted >= 3, "the documents, the _id index and the email index: " + converted);
        MVStore again = MVStore.open(file.toString());
        assertEquals(0, BsonMaps.convert(again), "converted once");
        Object first = BsonMaps.openDocuments(again, "databases.evidence.people")
                .values()
                .iterator()
                .next();
        assertTrue(first instanceof StoredDocument, "documents converted to their stored bytes: " + first.getClass());
        assertTrue(((StoredDocument) first).decode().get("email").toString().endsWith("@example.org"));
        again.close();

        MongoServer after =
                new MongoServer(DevInfra.mongoBackend(file, DevInfra.Durability.DURABLE, WireVersion.DEFAULT));
        after.bind("127.0.0.1", 0);
        try (MongoClient client = client(after)) {
            MongoCollection<org.bson.Document> people =
                    client.getDatabase("evidence").getCollection("people");
            assertEquals(300, people.countDocuments());
            org.bson.Document found = people.find(new org.bson.Document("email", "p17@example.org"))
                    .first();
            assertNotNull(found);
            assertEquals(17, found.getInteger("n"));
            MongoWriteException duplicate = assertThrows(
                    MongoWriteException.class,
                    () -> people.insertOne(new org.bson.Document("email", "p17@example.org")));
            assertEquals(11000, duplicate.getCode());
            people.insertOne(new org.bson.Document("email", "new@example.org"));
            assertEquals(301, people.countDocuments());
        } finally {
            after.shutdownNow();
        }
    }

    /**
     * H2 writes stored documents to the file while other threads go on, so a stored document must never change. The
     * library updates the document a query gave it in place; it must be given a copy (CopyOnReadH2Collection), and
     * the map holds only bytes ({@link StoredDocument}). Before copies, a 10,000-apprentice demo load died of it: a
     * ConcurrentModificationException in a commit, and H2 closed the store.
     */
    @Test
    void anUpdateNeverChangesAStoredDocumentInPlace() {
        Path file = dir.resolve("mongodb.mv");
        de.bwaldvogel.mongo.backend.AbstractMongoBackend backend =
                DevInfra.mongoBackend(file, DevInfra.Durability.DURABLE, WireVersion.DEFAULT);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        try (MongoClient client = client(server)) {
            MongoCollection<org.bson.Document> items =
                    client.getDatabase("evidence").getCollection("items");
            items.createIndex(Indexes.ascending("owner"));
            items.insertOne(
                    new org.bson.Document("_id", "item-1").append("owner", "a").append("state", "draft"));
            org.h2.mvstore.MVMap<Object, Object> stored =
                    BsonMaps.openDocuments(((H2Backend) backend).getMvStore(), "databases.evidence.items");
            StoredDocument before = (StoredDocument) stored.get("item-1");
            byte[] bytesBefore = before.bytes().clone();
            assertEquals("draft", before.decode().get("state"));

            items.updateOne(
                    new org.bson.Document("_id", "item-1"),
                    new org.bson.Document("$set", new org.bson.Document("state", "submitted")));
            items.updateOne( // found through the owner index
                    new org.bson.Document("owner", "a"),
                    new org.bson.Document("$set", new org.bson.Document("reviewer", "t1")));
            items.updateMany( // found by a scan
                    new org.bson.Document("state", "submitted"),
                    new org.bson.Document("$unset", new org.bson.Document("reviewer", "")));

            assertArrayEquals(bytesBefore, before.bytes(), "the stored document was changed in place");
            assertEquals(3, before.decode().size());
            Document after = ((StoredDocument) stored.get("item-1")).decode();
            assertEquals("submitted", after.get("state"));
            assertEquals(null, after.get("reviewer"));
            assertEquals("submitted", items.find().first().getString("state"));
        } finally {
            server.shutdownNow();
        }
    }

    /**
     * A collection's map holds each document as its stored bytes, in the format the store always had (a store
     * written before reads the same), counted for H2's cache by their length, and decoded into a new copy on every
     * read. Decoded documents in the cache were counted below what they take: 1.6 million of them in the wire
     * server's heap under bench/mixed-load.sh (bench/README.md).
     */
    @Test
    void documentsAreHeldAsTheirStoredBytesCountedByLengthAndDecodedIntoNewCopies() {
        Document document = new Document("_id", new ObjectId())
                .append("apprenticeId", new ObjectId())
                .append("title", "Model card for the churn classifier")
                .append("ksbs", List.of("K1", "S4", "B2"))
                .append("at", Instant.parse("2026-12-06T09:00:00Z"));

        WriteBuffer written = new WriteBuffer();
        BsonDataType.INSTANCE.write(written, document); // as a store written before holds it
        ByteBuffer bytes = written.getBuffer().flip();
        Object read = BsonDataType.DOCUMENTS.read(bytes);
        assertTrue(read instanceof StoredDocument, read.getClass().getName());
        StoredDocument stored = (StoredDocument) read;
        assertEquals(0, bytes.remaining(), "read exactly its own bytes");
        assertEquals(document, stored.decode());
        assertEquals(40 + stored.bytes().length, BsonDataType.DOCUMENTS.getMemory(stored));

        Document one = stored.decode();
        Document two = stored.decode();
        assertEquals(one, two);
        assertTrue(one != two && one.get("ksbs") != two.get("ksbs"), "each read a new copy, sub-values too");

        WriteBuffer again = new WriteBuffer();
        BsonDataType.DOCUMENTS.write(again, stored); // written back as the same bytes
        assertEquals(document, BsonDataType.INSTANCE.read(again.getBuffer().flip()));
        assertEquals(stored, StoredDocument.of(document));
    }

    private static MongoClient client(MongoServer server) {
        return MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    }

    private static Object roundTrip(Object value) {
        WriteBuffer buffer = new WriteBuffer();
        BsonDataType.INSTANCE.write(buffer, value);
        buffer.put((byte) 99); // what follows in a page must be left where it is
        ByteBuffer read = buffer.getBuffer();
        read.flip();
        Object back = BsonDataType.INSTANCE.read(read);
        assertEquals(99, read.get(), "read exactly its own bytes");
        return back;
    }
}
