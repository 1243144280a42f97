package uk.apprenticeships.st1398.evidence.repository;

import com.mongodb.MongoGridFSException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.GridFSDownloadStream;
import com.mongodb.client.gridfs.GridFSUploadStream;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
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

    private final GridFSBucket bucket;

    public EvidenceFileStore(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.bucket = GridFSBuckets.create(client.getDatabase(database), "evidence_files");
    }

    public GridFSUploadStream openUpload(String filename, Document metadata) {
        return bucket.openUploadStream(filename, new GridFSUploadOptions().metadata(metadata));
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
