package uk.apprenticeships.st1398.devstack;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.Unpooled;
import java.util.Arrays;

/**
 * A document as a collection's H2 map holds it: its stored bytes (the BSON of {@code {v: document}}, the format of
 * {@link BsonDataType}), decoded into a new {@link Document} each time it is read.
 *
 * <p>The map held decoded documents before. H2's cache counts a page by {@link BsonDataType#getMemory}'s estimate,
 * but a decoded document (a {@code LinkedHashMap} of new strings, boxed numbers and {@code ObjectId}s, sub-documents
 * the same) takes several times its estimate: under bench/mixed-load.sh at 10,000 apprentices the live heap held 1.6
 * million decoded maps and 8.1 million {@code ObjectId}s, and the collector took 43 % of the wire server's CPU with
 * young pauses of 112-144 ms, the evidence creates' p99 (bench/README.md). Bytes are one object per document, counted
 * exactly, and nothing for the collector to trace; a read's decoded copy dies young. They never change either: the
 * library updates the document it was handed in place, and H2 writes stored values to the file while other threads go
 * on ({@link CopyOnReadH2Collection}), and a decoded copy is all a reader ever gets.
 */
final class StoredDocument {

    private final byte[] bson;

    StoredDocument(byte[] bson) {
        this.bson = bson;
    }

    /** The document's stored form (encoded now, once). */
    static StoredDocument of(Document document) {
        return new StoredDocument(BsonDataType.encode(document));
    }

    /** A new copy of the stored document. */
    Document decode() {
        return (Document) BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson)).get("v");
    }

    /** The stored bytes (not to be changed). */
    byte[] bytes() {
        return bson;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredDocument that && Arrays.equals(bson, that.bson);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bson);
    }

    @Override
    public String toString() {
        return decode().toString();
    }
}
