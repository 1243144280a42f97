package uk.apprenticeships.st1398.evidence.xapi;

import com.mongodb.MongoGridFSException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.GridFSDownloadStream;
import com.mongodb.client.gridfs.GridFSUploadStream;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Statement attachments' raw data in GridFS (bucket {@code xapi_attachments}), streamed in and out, never held whole.
 * A file is uploaded as its part arrives, hashed on the way; it counts only once the statements referring to it
 * are stored ({@code metadata.committed}); a request refused half-way deletes what it uploaded. One file per
 * provider and SHA-2 (attachments are identified by their hash, Communication 1.5.2): a second upload of the same
 * bytes is dropped when committed.
 */
@ApplicationScoped
public class XapiAttachments {

    static final String PROVIDER = "metadata.provider";
    static final String SHA2 = "metadata.sha2";
    static final String COMMITTED = "metadata.committed";

    /** GridFS chunks fetched per round trip on download, as for evidence files (EvidenceFileStore). */
    private static final int CHUNKS_PER_BATCH = 16;

    private final GridFSBucket bucket;
    private final MongoCollection<Document> files;

    public XapiAttachments(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.bucket = GridFSBuckets.create(client.getDatabase(database), "xapi_attachments");
        this.files = client.getDatabase(database).getCollection("xapi_attachments.files");
    }

    /** Declared for real MongoDB (the embedded wire server keeps unique indexes only): docs/xapi.md, "Storage". */
    void createIndexes(@Observes StartupEvent event) {
        files.createIndex(Indexes.ascending(PROVIDER, SHA2, COMMITTED), new IndexOptions().name("provider_sha2"));
    }

    /** An uploaded part: its GridFS id, the hash computed over its bytes (lower-case hex) and its length. */
    public record Upload(ObjectId fileId, String sha2, long length, String contentType) {}

    /**
     * Streams one part into GridFS, hashing it with the SHA-2 function whose length the declared hash has.
     *
     * @return the upload; its {@code sha2} is what the bytes hash to, for the caller to compare
     */
    public Upload upload(String provider, String declaredSha2, String contentType, InputStream body)
            throws IOException {
        MessageDigest digest = digestFor(declaredSha2);
        GridFSUploadStream upload = bucket.openUploadStream(
                declaredSha2.toLowerCase(Locale.ROOT),
                new GridFSUploadOptions()
                        .metadata(new Document("provider", provider)
                                .append("sha2", declaredSha2.toLowerCase(Locale.ROOT))
                                .append("contentType", contentType)
                                .append("committed", false)));
        long length;
        try (DigestOutputStream out = new DigestOutputStream(upload, digest)) {
            length = body.transferTo(out);
        } catch (IOException | RuntimeException e) {
            upload.abort();
            throw e;
        }
        return new Upload(upload.getObjectId(), HexFormat.of().formatHex(digest.digest()), length, contentType);
    }

    /** The hash functions an attachment's sha2 may name, by its length in hex digits (SHA-224 to SHA-512). */
    static MessageDigest digestFor(String sha2) {
        String algorithm = switch (sha2.length()) {
            case 56 -> "SHA-224";
            case 64 -> "SHA-256";
            case 96 -> "SHA-384";
            case 128 -> "SHA-512";
            default -> null;
        };
        if (algorithm == null || !sha2.matches("^[0-9a-fA-F]+$")) {
            return null;
        }
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The statements that refer to the upload are stored: keep it, unless the provider holds these bytes already. */
    public void commit(String provider, Upload upload) {
        if (find(provider, upload.sha2()).isPresent()) {
            delete(upload.fileId());
            return;
        }
        files.updateOne(Filters.eq("_id", upload.fileId()), Updates.set(COMMITTED, true));
    }

    /** The provider's committed file with this hash (any provider's when provider is null: an admin reading). */
    public Optional<GridFSFile> find(String provider, String sha2) {
        Bson filter = Filters.and(Filters.eq(SHA2, sha2.toLowerCase(Locale.ROOT)), Filters.eq(COMMITTED, true));
        if (provider != null) {
            filter = Filters.and(Filters.eq(PROVIDER, provider), filter);
        }
        return Optional.ofNullable(bucket.find(filter).first());
    }

    public void copy(ObjectId fileId, OutputStream out) throws IOException {
        try (GridFSDownloadStream in = bucket.openDownloadStream(fileId).batchSize(CHUNKS_PER_BATCH)) {
            in.transferTo(out);
        }
    }

    /** Files uploaded before this instant that no stored statement came to own (uncommitted): deleted, 1000 a run. */
    public int deleteUncommitted(java.time.Instant uploadedBefore) {
        java.util.List<ObjectId> ids = new java.util.ArrayList<>();
        bucket.find(Filters.and(
                        Filters.eq(COMMITTED, false), Filters.lt("uploadDate", java.util.Date.from(uploadedBefore))))
                .limit(1000)
                .forEach(f -> ids.add(f.getObjectId()));
        ids.forEach(this::delete);
        return ids.size();
    }

    public void delete(ObjectId fileId) {
        try {
            bucket.delete(fileId);
        } catch (MongoGridFSException e) {
            Log.debugf("xAPI attachment %s was already gone", fileId);
        }
    }
}
