package uk.apprenticeships.st1398.devstack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.GridFSDownloadStream;
import com.mongodb.client.gridfs.GridFSUploadStream;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Random;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GridFS files in the durable wire server: what a file costs the store on disk and in the page cache. Each GridFS
 * chunk is inserted by its own command, and each command ends with a commit; a commit writes every leaf page it
 * changed whole. These check sizes, not times.
 */
class GridFsStoreTest {

    private static final int CHUNK = 255 * 1024; // the driver's default GridFS chunk size
    private static final int CHUNKS = 40;

    @TempDir
    Path dir;

    @Test
    void aChunksEstimatedMemoryCountsItsBytes() {
        Document chunk = new Document("_id", new ObjectId())
                .append("files_id", new ObjectId())
                .append("n", 3)
                .append("data", new BinData(new byte[CHUNK]));
        int estimate = BsonDataType.INSTANCE.getMemory(chunk);
        assertTrue(estimate >= CHUNK && estimate < CHUNK + 4096, "estimate " + estimate);
    }

    /**
     * When binary data was estimated at 24 bytes, a leaf page gathered a dozen chunks and every insert's commit wrote
     * the whole leaf again: a 100 MB upload wrote ~900 MB to the file, and the cache held every chunk it had read or
     * written (bench/README.md, evidence-file). Now each chunk's commit writes about the chunk.
     */
    @Test
    void aFileIsWrittenToTheStoreAboutTwiceAtMostAndTheCacheStaysWithinItsSize() throws IOException {
        Path file = dir.resolve("gridfs.mv");
        AbstractMongoBackend backend = DevInfra.mongoBackend(file, DevInfra.Durability.DURABLE, WireVersion.DEFAULT);
        MVStore store = ((H2Backend) backend).getMvStore();
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        byte[] content = new byte[CHUNKS * CHUNK - 1000];
        new Random(42).nextBytes(content);
        try (MongoClient client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            GridFSBucket bucket = GridFSBuckets.create(client.getDatabase("files"), "evidence_files");
            bucket.uploadFromStream("warm-up", new java.io.ByteArrayInputStream(new byte[10]));
            long before = Files.size(file);
            org.bson.types.ObjectId id;
            try (GridFSUploadStream upload = bucket.openUploadStream("big.bin")) {
                for (int offset = 0; offset < content.length; offset += 64 * 1024) {
                    upload.write(content, offset, Math.min(64 * 1024, content.length - offset));
                }
                id = upload.getObjectId();
            }
            long written = Files.size(file) - before;
            assertTrue(
                    written < 3L * content.length,
                    "the store grew by " + written + " bytes for a " + content.length + "-byte file");
            assertTrue(
                    store.getCacheSizeUsed() <= store.getCacheSize(),
                    "cache " + store.getCacheSizeUsed() + " MB of " + store.getCacheSize() + " MB");

            // A download reads the file 16 chunks per batch, and the wire server reads and copies each batch's
            // chunks when the batch is taken, not the whole file when the query is answered.
            ByteArrayOutputStream back = new ByteArrayOutputStream();
            long copies = CopyOnReadH2Collection.ANSWER_COPIES.get();
            try (GridFSDownloadStream download = bucket.openDownloadStream(id).batchSize(16)) {
                back.write(download.read());
                long firstBatch = CopyOnReadH2Collection.ANSWER_COPIES.get() - copies;
                assertTrue(firstBatch <= 1 + 16, firstBatch + " documents copied for the first batch");
                download.transferTo(back);
            }
            assertTrue(CopyOnReadH2Collection.ANSWER_COPIES.get() - copies >= CHUNKS);
            assertArrayEquals(sha256(content), sha256(back.toByteArray()));
        } finally {
            server.shutdownNow();
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
