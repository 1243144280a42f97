package de.bwaldvogel.mongo.backend;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Reads one document of a wire-server collection by its position (for the H2 backend: a get on the store's map).
 * In the library's package because {@code AbstractMongoCollection.getDocument} is protected; the dev stack's
 * leading-key indexes use it to fill a two-key index one document at a time, each read from the store's current
 * version. Iterating the whole collection instead reads one old version for as long as it takes, and on a large store
 * (a million documents: more than a minute) H2 may meanwhile reuse that version's chunks ("Chunk ... not found").
 */
public final class PositionedDocuments {

    private PositionedDocuments() {}

    /** The document at the position, or null if there is none. */
    public static Document get(MongoCollection<Object> collection, Object position) {
        return ((AbstractMongoCollection<Object>) collection).getDocument(position);
    }
}
