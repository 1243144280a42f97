package uk.apprenticeships.st1398.devstack;

import java.util.AbstractMap;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * A collection's entries in key order, read in batches, each batch from the store's current version, starting after
 * the last key read.
 *
 * <p>An iterator over an H2 map reads the one version it started on for as long as it runs, and H2 keeps the chunks
 * of only the last few versions once their retention time has passed. The library's build of the audit trail's
 * unique index at start-up (a scan of every event, about a minute at 10,000 apprentices) ended in "Chunk ... not
 * found" once the background writer's compaction had committed a few times meanwhile, and the wire server did not
 * start (bench/README.md). A batch is read in a moment. A document is read at most once; one inserted behind the
 * scan is not read, as in MongoDB.
 */
final class BatchedScan implements Iterator<Map.Entry<Object, Object>> {

    /** Entries per batch, at most (fewer once a batch holds {@link #BATCH_BYTES} of stored documents). */
    static final int BATCH = 1000;

    static final int BATCH_BYTES = 1024 * 1024;

    /** Batches read (for the tests). */
    static final AtomicLong BATCHES = new AtomicLong();

    private final MVMap<Object, Object> documents;
    private final ArrayDeque<Map.Entry<Object, Object>> batch = new ArrayDeque<>();
    private Object last;
    private boolean started;
    private boolean done;

    BatchedScan(MVMap<Object, Object> documents) {
        this.documents = documents;
    }

    @Override
    public boolean hasNext() {
        if (batch.isEmpty() && !done) {
            fill();
        }
        return !batch.isEmpty();
    }

    @Override
    public Map.Entry<Object, Object> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return batch.poll();
    }

    private void fill() {
        Object from = started ? documents.higherKey(last) : documents.firstKey();
        started = true;
        if (from == null) {
            done = true;
            return;
        }
        BATCHES.incrementAndGet();
        Cursor<Object, Object> cursor = documents.cursor(from);
        long bytes = 0;
        while (batch.size() < BATCH && bytes < BATCH_BYTES && cursor.hasNext()) {
            Object key = cursor.next();
            Object value = cursor.getValue();
            bytes += value instanceof StoredDocument stored ? stored.bytes().length : 0;
            batch.add(new AbstractMap.SimpleImmutableEntry<>(key, value));
            last = key;
        }
        if (!cursor.hasNext()) {
            done = true;
        }
    }
}
