package uk.apprenticeships.st1398.devstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.List;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend's database with the indexes the library leaves out served by {@link LeadingKeyIndex}: a
 * non-unique index becomes one on its first key; a compound unique index keeps the library's unique index (which
 * enforces uniqueness) and gains one on its first key beside it.
 */
final class IndexedH2Database extends H2Database {

    IndexedH2Database(String name, MVStore store, CursorRegistry cursors) {
        super(name, store, cursors);
    }

    /**
     * Every collection also gets one on {@code _id}: the library's primary-key index serves {@code {_id: X}} but not
     * {@code {$and: [{_id: X}, {version: v}]}}, the driver's form of the services' conditional replaces and updates.
     */
    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        MongoCollection<Object> collection = super.openOrCreateCollection(collectionName, options);
        if (options.getIdField() != null && options.getIdField().equals("_id")) {
            collection.addIndex(new LeadingKeyIndex("_id_.leading-key", List.of(new IndexKey("_id", true))));
        }
        return collection;
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(
            String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        return new LeadingKeyIndex(indexName, keys);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(
            String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        Index<Object> unique = super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        if (keys.size() > 1) {
            MongoCollection<Object> collection = resolveCollection(collectionName, false);
            if (collection != null) {
                collection.addIndex(new LeadingKeyIndex(indexName + ".leading-key", keys));
            }
        }
        return unique;
    }
}
