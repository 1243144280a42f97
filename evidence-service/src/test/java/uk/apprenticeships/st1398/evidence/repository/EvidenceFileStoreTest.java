package uk.apprenticeships.st1398.evidence.repository;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Random;
import org.bson.Document;
import org.bson.types.ObjectId;
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
}
