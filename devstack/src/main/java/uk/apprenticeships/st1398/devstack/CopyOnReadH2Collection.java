package uk.apprenticeships.st1398.devstack;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
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

    /** Documents copied to answer queries (for the tests: proves only an answer's documents are copied). */
    static final AtomicLong ANSWER_COPIES = new AtomicLong();

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
        return answer(documents.values(), query, orderBy, skip, limit, batchSize, fieldSelector);
    }

    /** A query the indexes serve: the same, over the documents at the positions they found. */
    @Override
    protected QueryResult matchDocuments(
            Document query,
            Iterable<Object> positions,
            Document orderBy,
            int skip,
            int limit,
            int batchSize,
            Document fieldSelector) {
        if (orderBy != null && orderBy.containsKey("$natural")) {
            return super.matchDocuments(query, positions, orderBy, skip, limit, batchSize, fieldSelector);
        }
        List<Document> stored = new ArrayList<>();
        for (Object position : positions) {
            Document document = documents.get(position);
            if (document != null) {
                stored.add(document);
            }
        }
        return answer(stored, query, orderBy, skip, limit, batchSize, fieldSelector);
    }

    /**
     * The library's answer (match, sort, skip, limit, project; {@code matchDocumentsFromStream}), with only the
     * documents of the answer copied: matching and sorting read the stored documents, which nothing changes (the
     * library changes the copies it is given). The audit trail's "newest event of a chain" ({@code {chain: X}},
     * newest first, one) copied every event of the chain, and copying was a sixth of the wire server's time under a
     * demo load (bench/README.md). The library then matches the few copies again and projects them.
     */
    private QueryResult answer(
            Iterable<Document> stored,
            Document query,
            Document orderBy,
            int skip,
            int limit,
            int batchSize,
            Document fieldSelector) {
        List<Document> matched = new ArrayList<>();
        for (Document document : stored) {
            if (documentMatchesQuery(document, query)) {
                matched.add(document);
            }
        }
        Comparator<Document> order = deriveComparator(orderBy);
        if (order != null) {
            matched.sort(order);
        }
        int from = Math.min(Math.max(skip, 0), matched.size());
        int to = limit > 0 ? Math.min(matched.size(), from + limit) : matched.size();
        ANSWER_COPIES.addAndGet(to - from);
        return matchDocumentsFromStream(
                query, matched.subList(from, to).stream().map(Document::clone), 0, 0, batchSize, null, fieldSelector);
    }
}
