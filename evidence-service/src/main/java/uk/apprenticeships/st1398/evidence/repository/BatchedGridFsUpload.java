package uk.apprenticeships.st1398.evidence.repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;

/**
 * One GridFS file written as a stream, in the format every GridFS reader knows (the GridFS specification: chunks
 * {@code {_id, files_id, n, data}} of {@link #chunkSize} bytes, the last one shorter, then the files document
 * {@code {_id, length, chunkSize, uploadDate, filename, metadata}} once the file is complete), but with several
 * chunks per insert command. The driver's own {@code GridFSUploadStream} inserts each 255 KiB chunk by itself: a
 * 100 MB file took 400 round trips, each waiting for its write to be journalled (the dev stack's wire server
 * commits and syncs its store per command), during which the request body was not read. Here a batch of
 * {@value EvidenceFileStore#CHUNKS_PER_INSERT} chunks (about 1 MiB) goes in one {@code insertMany}; memory held is
 * that batch, whatever the file's size.
 *
 * <p>Not thread-safe; {@link #close()} completes the file, {@link #abort()} deletes what was written.
 */
public final class BatchedGridFsUpload extends OutputStream {

    private final MongoCollection<Document> files;
    private final MongoCollection<Document> chunks;
    private final Clock clock;
    private final ObjectId id = new ObjectId();
    private final String filename;
    private final Document metadata;
    private final int chunkSize;
    private final int chunksPerBatch;
    private final List<Document> batch;

    /**
     * The chunks' buffers, one per chunk of a batch, used again for the next batch once it is inserted (a 100 MB
     * file would otherwise allocate 100 MB of chunk arrays, which the small heaps of the stack pay for in GC).
     */
    private final byte[][] buffers;

    private byte[] current;
    private int filled;
    private int next; // the number n of the next chunk
    private long length;
    private boolean closed;

    BatchedGridFsUpload(
            MongoCollection<Document> files,
            MongoCollection<Document> chunks,
            Clock clock,
            String filename,
            Document metadata,
            int chunkSize,
            int chunksPerBatch) {
        this.files = files;
        this.chunks = chunks;
        this.clock = clock;
        this.filename = filename;
        this.metadata = metadata;
        this.chunkSize = chunkSize;
        this.chunksPerBatch = chunksPerBatch;
        this.batch = new ArrayList<>(chunksPerBatch);
        this.buffers = new byte[chunksPerBatch][];
    }

    /** The file's id, known from the start (its chunks carry it). */
    public ObjectId getObjectId() {
        return id;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int count) {
        if (closed) {
            throw new IllegalStateException("The upload of " + id + " is closed");
        }
        while (count > 0) {
            if (current == null) {
                int slot = batch.size();
                if (buffers[slot] == null) {
                    buffers[slot] = new byte[chunkSize];
                }
                current = buffers[slot];
                filled = 0;
            }
            int n = Math.min(count, chunkSize - filled);
            System.arraycopy(bytes, offset, current, filled, n);
            filled += n;
            offset += n;
            count -= n;
            length += n;
            if (filled == chunkSize) {
                endChunk();
            }
        }
    }

    /** Writes the last chunks and then the files document: only now can readers find the file. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (filled > 0) {
            endChunk();
        }
        insertBatch();
        Arrays.fill(buffers, null);
        files.insertOne(new Document("_id", id)
                .append("length", length)
                .append("chunkSize", chunkSize)
                .append("uploadDate", Date.from(clock.instant()))
                .append("filename", filename)
                .append("metadata", metadata));
        closed = true;
    }

    /** Deletes the chunks written so far; the file never existed. */
    public void abort() {
        closed = true;
        batch.clear();
        current = null;
        Arrays.fill(buffers, null);
        chunks.deleteMany(Filters.eq("files_id", id));
    }

    private void endChunk() {
        byte[] data = current;
        if (filled < chunkSize) {
            data = Arrays.copyOf(current, filled);
        }
        batch.add(new Document("_id", new ObjectId())
                .append("files_id", id)
                .append("n", next++)
                .append("data", new Binary(data)));
        current = null;
        filled = 0;
        if (batch.size() == chunksPerBatch) {
            insertBatch();
        }
    }

    private void insertBatch() {
        if (!batch.isEmpty()) {
            chunks.insertMany(batch);
            batch.clear(); // the buffers are free again: the driver encoded the batch before insertMany returned
        }
    }
}
