package uk.apprenticeships.st1398.evidence.domain;

import org.bson.types.ObjectId;

/** A file held in GridFS for an evidence revision. */
public class StoredFile {

    public ObjectId fileId;
    public String filename;
    public String contentType;
    public long size;
    /** Lower-case hex SHA-256 of the bytes, computed while they were streamed in. */
    public String sha256;
    /** Who uploaded it, and when. */
    public StampDoc uploaded;
}
