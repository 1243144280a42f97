package uk.apprenticeships.st1398.evidence.repository;

import com.mongodb.MongoGridFSException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.GridFSDownloadStream;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Evidence files in GridFS (bucket {@code evidence_files}), written and read as streams, never whole. */
@ApplicationScoped
public class EvidenceFileStore {

    /**
     * Chunks fetched per round trip on download (GridFS chunks are 255 KiB, so about 4 MiB). Without it the first
     * reply may carry the whole file: MongoDB caps a batch at 16 MiB, but not every wire-compatible server does
     * (the dev stack's answered a 100 MB file in one 100 MB message, which the driver refuses), and a bounded
     * batch also bounds the memory a download holds.
     */
    static final int CHUNKS_PER_BATCH = 16;

    /**
     * Chunks written per insert on upload (about 1 MiB): a quarter of the round trips and journalled writes of
     * {@value #CHUNKS_PER_BATCH} on the dev stack, with a quarter of the memory (the chunks, the driver's encoded
     * message and the socket's buffers for it): 16 per insert grew the service's resident memory by ~43 MB on the
     * first upload after a start, more than the 32 MB a transfer may cost (bench/README.md, evidence-file).
     */
    static final int CHUNKS_PER_INSERT = 4;

    /** The GridFS chunk size, the driver's default (255 KiB: a chunk and its document stay under 256 KiB). */
    static final int CHUNK_SIZE = 255 * 1024;

    private static final String BUCKET = "evidence_files";

    private final GridFSBucket bucket;
    private final MongoCollection<Document> files;
    private final MongoCollection<Document> chunks;
    private final Clock clock;
    private final AtomicBoolean indexed = new AtomicBoolean();

    public EvidenceFileStore(
            MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database, Clock clock) {
        MongoDatabase db = client.getDatabase(database);
        this.bucket = GridFSBuckets.create(db, BUCKET);
        this.files = db.getCollection(BUCKET + ".files");
        this.chunks = db.getCollection(BUCKET + ".chunks");
        this.clock = clock;
    }

    /**
     * A new file, written in batches of {@value #CHUNKS_PER_INSERT} chunks ({@link BatchedGridFsUpload}); the bucket's
     * indexes (the ones the driver's own upload creates) are made sure of first, once per process.
     */
    public BatchedGridFsUpload openUpload(String filename, Document metadata) {
        if (!indexed.get()) {
            files.createIndex(Indexes.ascending("filename", "uploadDate"));
            chunks.createIndex(Indexes.ascending("files_id", "n"), new IndexOptions().unique(true));
            indexed.set(true);
        }
        return new BatchedGridFsUpload(files, chunks, clock, filename, metadata, CHUNK_SIZE, CHUNKS_PER_INSERT);
    }

    public GridFSDownloadStream openDownload(ObjectId fileId) {
        return bucket.openDownloadStream(fileId).batchSize(CHUNKS_PER_BATCH);
    }

    /** Deletes a file that nothing references any more; a file already gone is not an error. */
    public void delete(ObjectId fileId) {
        try {
            bucket.delete(fileId);
        } catch (MongoGridFSException e) {
            Log.debugf("GridFS file %s was already gone", fileId);
        }
    }

    /** Every stored file uploaded for this apprentice's evidence, referenced or not (metadata.apprenticeId). */
    public List<ObjectId> fileIdsOf(ObjectId apprenticeId) {
        return bucket.find(Filters.eq("metadata.apprenticeId", apprenticeId))
                .map(GridFSFile::getObjectId)
                .into(new ArrayList<>());
    }
}
