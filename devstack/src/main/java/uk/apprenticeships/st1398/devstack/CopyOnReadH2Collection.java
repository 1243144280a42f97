package uk.apprenticeships.st1398.devstack;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;

/**
 * The library's H2 collection, handing out copies of its stored documents, never the stored ones.
 *
 * <p>The library updates a document in place: it changes the very object a query returned to it, and then stores
 * the new one. With H2 that object is a value of the map, and H2 writes values to the file while other threads go on
 * (the commit's serialisation runs on H2's own thread, and compaction rewrites live pages in the background). An
 * update running at the same time as a commit changed a document while it was being written: a
 * {@code ConcurrentModificationException} in the commit, after which H2 closes the store and every request fails
 * (found by a 10,000-apprentice demo load; bench/README.md). A shallow copy suffices: the library computes the new
 * document on a deep copy, and changes only the top level of the one it was given.
 */
final class CopyOnReadH2Collection extends H2Collection {

    private final MVMap<Object, Document> documents;

    CopyOnReadH2Collection(
            MongoDatabase database,
            String collectionName,
            CollectionOptions options,
            MVMap<Object, Document> documents,
            MVMap<String, Object> meta,
            CursorRegistry cursors) {
        super(database, collectionName, options, documents, meta, cursors);
        this.documents = documents;
    }

    @Override
    protected Document getDocument(Object position) {
        Document stored = super.getDocument(position);
        return stored == null ? null : stored.clone();
    }

    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        return super.streamAllDocumentsWithPosition()
                .map(entry -> new DocumentWithPosition<>(entry.getDocument().clone(), entry.getPosition()));
    }

    @Override
    protected QueryResult matchDocuments(
            Document query, Document orderBy, int skip, int limit, int batchSize, Document fieldSelector) {
        if (isNaturalDescending(orderBy)) {
            return super.matchDocuments(query, orderBy, skip, limit, batchSize, fieldSelector); // via the stream above
        }
        // Only the documents that match are copied (a scan reads every document; the library matches them again).
        return matchDocumentsFromStream(
                documents.values().stream()
                        .filter(document -> documentMatchesQuery(document, query))
                        .map(Document::clone),
                query,
                orderBy,
                skip,
                limit,
                batchSize,
                fieldSelector);
    }
}
