package uk.apprenticeships.st1398.evidence.repository;

import com.mongodb.MongoGridFSException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.GridFSDownloadStream;
import com.mongodb.client.gridfs.GridFSUploadStream;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.gridfs.model.GridFSFile;
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

    private final GridFSBucket bucket;

    public EvidenceFileStore(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.bucket = GridFSBuckets.create(client.getDatabase(database), "evidence_files");
    }

    public GridFSUploadStream openUpload(String filename, Document metadata) {
        return bucket.openUploadStream(filename, new GridFSUploadOptions().metadata(metadata));
    }

    public GridFSDownloadStream openDownload(ObjectId fileId) {
        return bucket.openDownloadStream(fileId);
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
        return bucket.find(Filters.eq("metadata.apprenticeId", apprenticeId)).map(GridFSFile::getObjectId)
                .into(new ArrayList<>());
    }
}
