package uk.apprenticeships.st1398.evidence.repository;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A file larger than the driver's largest accepted reply (48 MB) read back through {@link EvidenceFileStore}:
 * the download must fetch chunks in bounded batches. Found by bench/evidence-file.sh (100 MB through the stack).
 */
@QuarkusTest
class EvidenceFileStoreTest {

    private static final int SIZE = 60 * 1024 * 1024;

    @Inject
    EvidenceFileStore store;

    @Inject
    MongoClient client;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String databaseName;

    @Test
    void aFileLargerThanOneReplyIsReadBackWhole() throws Exception {
        MessageDigest written = MessageDigest.getInstance("SHA-256");
        byte[] block = new byte[1024 * 1024];
        new Random(42).nextBytes(block);
        ObjectId id;
        try (var upload = store.openUpload("large.bin", new Document("test", "large"))) {
            for (int i = 0; i < SIZE / block.length; i++) {
                block[0] = (byte) i; // not the same block over and over
                upload.write(block);
                written.update(block);
            }
            id = upload.getObjectId();
        }
        MessageDigest read = MessageDigest.getInstance("SHA-256");
        long total = 0;
        try (InputStream in = store.openDownload(id)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; total += n) {
                read.update(buffer, 0, n);
            }
        } finally {
            store.delete(id);
        }
        assertEquals(SIZE, total);
        assertArrayEquals(written.digest(), read.digest());
    }

    /**
     * Uploads are written in batches of chunks ({@link BatchedGridFsUpload}), not by the driver's GridFS upload: the
     * documents must be GridFS's own, so that any GridFS reader (the driver's, mongofiles, a real MongoDB's tools)
     * finds the file. Sizes around the chunk and batch boundaries.
     */
    @Test
    void uploadsAreGridFsFilesThatTheDriversBucketReads() throws Exception {
        int chunk = EvidenceFileStore.CHUNK_SIZE;
        int batch = EvidenceFileStore.CHUNKS_PER_INSERT * chunk;
        GridFSBucket driver = GridFSBuckets.create(database(), "evidence_files");
        for (int size : new int[] {1, chunk - 1, chunk, chunk + 1, batch, batch + 7, 2 * batch + chunk}) {
            byte[] content = new byte[size];
            new Random(size).nextBytes(content);
            ObjectId id;
            try (BatchedGridFsUpload upload = store.openUpload("f" + size + ".bin", new Document("size", size))) {
                upload.write(content, 0, Math.min(size, 1000));
                upload.write(content, Math.min(size, 1000), size - Math.min(size, 1000));
                id = upload.getObjectId();
            }
            try {
                GridFSFile file = driver.find(Filters.eq("_id", id)).first();
                assertNotNull(file, "size " + size);
                assertEquals(size, file.getLength());
                assertEquals(chunk, file.getChunkSize());
                assertEquals("f" + size + ".bin", file.getFilename());
                assertEquals(new Document("size", size), file.getMetadata());
                assertNotNull(file.getUploadDate());
                List<Document> chunks = database()
                        .getCollection("evidence_files.chunks")
                        .find(Filters.eq("files_id", id))
                        .sort(Sorts.ascending("n"))
                        .into(new ArrayList<>());
                assertEquals((size + chunk - 1) / chunk, chunks.size(), "chunks of " + size);
                for (int n = 0; n < chunks.size(); n++) {
                    assertEquals(n, chunks.get(n).getInteger("n"));
                    int expected = n < chunks.size() - 1 ? chunk : size - n * chunk;
                    assertEquals(
                            expected, chunks.get(n).get("data", Binary.class).length());
                }
                ByteArrayOutputStream back = new ByteArrayOutputStream();
                driver.downloadToStream(id, back);
                assertArrayEquals(content, back.toByteArray(), "size " + size);
            } finally {
                store.delete(id);
            }
        }
    }

    @Test
    void anAbortedUploadLeavesNoChunksAndNoFile() {
        BatchedGridFsUpload upload = store.openUpload("aborted.bin", new Document());
        byte[] block = new byte[EvidenceFileStore.CHUNKS_PER_INSERT * EvidenceFileStore.CHUNK_SIZE + 10];
        upload.write(block, 0, block.length); // one batch inserted, one chunk pending
        ObjectId id = upload.getObjectId();
        assertEquals(
                EvidenceFileStore.CHUNKS_PER_INSERT,
                database().getCollection("evidence_files.chunks").countDocuments(Filters.eq("files_id", id)));
        upload.abort();
        upload.close(); // after an abort: nothing more is written
        assertEquals(0, database().getCollection("evidence_files.chunks").countDocuments(Filters.eq("files_id", id)));
        assertEquals(0, database().getCollection("evidence_files.files").countDocuments(Filters.eq("_id", id)));
    }

    private MongoDatabase database() {
        return client.getDatabase(databaseName);
    }
}
