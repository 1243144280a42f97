package uk.apprenticeships.st1398.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.bson.Document;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scan of a collection reads each batch from the store's current version, so it goes on while the store moves on
 * underneath it (commits, compaction, old chunks dropped), where an iterator over the map fails: what stopped the
 * wire server's start at 10,000 apprentices.
 */
class BatchedScanTest {

    @TempDir
    Path dir;

    @Test
    void aScanReadsEveryDocumentOnceWhileTheStoreMovesOnWhereAnIteratorOverTheMapFails() {
        MVStore store = new MVStore.Builder()
                .fileName(dir.resolve("scan.mv").toString())
                .pageSplitSize(4 * 1024)
                .cacheSize(0)
                .autoCommitDisabled()
                .open();
        store.setRetentionTime(0);
        store.setVersionsToKeep(0);
        MVMap<Object, Object> items = BsonMaps.openDocuments(store, "databases.evidence.items");
        int n = 5000;
        for (int i = 0; i < n; i++) {
            items.put(key(i), document(i, 0));
            if (i % 100 == 99) {
                store.commit();
            }
        }
        store.commit();

        Iterator<Map.Entry<Object, Object>> plain = items.entrySet().iterator();
        BatchedScan scan = new BatchedScan(items);
        long batches = BatchedScan.BATCHES.get();
        List<Object> read = new ArrayList<>();
        read.add(scan.next().getKey());
        plain.next();

        for (int round = 1; round <= 3; round++) { // every document rewritten, and the old chunks compacted away
            for (int i = 0; i < n; i++) {
                items.put(key(i), document(i, round));
            }
            store.commit();
            store.compactFile(1000);
        }

        assertThrows(
                MVStoreException.class,
                () -> plain.forEachRemaining(entry -> {}),
                "an iterator reads the version it started on, whose chunks are gone");
        scan.forEachRemaining(entry -> {
            read.add(entry.getKey());
            int i = Integer.parseInt(((String) entry.getKey()).substring(1));
            Document document = ((StoredDocument) entry.getValue()).decode();
            assertEquals(i, document.get("n"));
            assertTrue(i < BatchedScan.BATCH || (int) document.get("round") == 3, "later batches: the current version");
        });
        List<Object> expected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            expected.add(key(i));
        }
        assertEquals(expected, read, "every document once, in key order");
        assertEquals(5, BatchedScan.BATCHES.get() - batches, "batches of " + BatchedScan.BATCH);
        store.close();
    }

    private static String key(int i) {
        return String.format("k%05d", i);
    }

    private static StoredDocument document(int i, int round) {
        return StoredDocument.of(new Document("_id", key(i)).append("n", i).append("round", round));
    }
}
