package uk.apprenticeships.st1398.devstack;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractCursor;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.h2.mvstore.MVMap;

/**
 * The library's H2 collection, handing out copies of its stored documents, never the stored ones: its map holds each
 * document as its BSON bytes ({@link StoredDocument}), and every read decodes a new copy.
 *
 * <p>The library updates a document in place: it changes the very object a query returned to it, and then stores
 * the new one. With H2 that object was a value of the map, and H2 writes values to the file while other threads go on
 * (the commit's serialisation runs on H2's own thread, and compaction rewrites live pages in the background). An
 * update running at the same time as a commit changed a document while it was being written: a
 * {@code ConcurrentModificationException} in the commit, after which H2 closes the store and every request fails
 * (found by a 10,000-apprentice demo load; bench/README.md). Stored bytes cannot change, and the decoded documents
 * (matched, sorted, projected and handed to the library) are the reader's own. Every access to the map is here: the
 * library's {@code H2Collection} methods that read or write its values are all overridden.
 */
final class CopyOnReadH2Collection extends H2Collection {

    /** Documents decoded for answers (for the tests: proves only an answer's documents are handed out). */
    static final AtomicLong ANSWER_COPIES = new AtomicLong();

    private final MVMap<Object, Object> documents;
    private final CursorRegistry cursors;

    @SuppressWarnings({"unchecked", "rawtypes"})
    CopyOnReadH2Collection(
            MongoDatabase database,
            String collectionName,
            CollectionOptions options,
            MVMap<Object, Object> documents,
            MVMap<String, Object> meta,
            CursorRegistry cursors) {
        super(database, collectionName, options, (MVMap) documents, meta, cursors);
        this.documents = documents;
        this.cursors = cursors;
    }

    /** A new copy of a stored document; null for none. */
    private static Document decode(Object stored) {
        return stored == null ? null : ((StoredDocument) stored).decode();
    }

    /** As the library's, storing the document's bytes. */
    @Override
    protected Object addDocumentInternal(Document document) {
        Object key = getIdField() != null ? Utils.getSubdocumentValue(document, getIdField()) : UUID.randomUUID();
        Object previous = documents.put(Missing.ofNullable(key), StoredDocument.of(document));
        if (previous != null) {
            throw new IllegalStateException(
                    "Document with key '" + key + "' already existed in " + this + ": " + decode(previous));
        }
        return key;
    }

    @Override
    protected Document getDocument(Object position) {
        return decode(documents.get(position));
    }

    @Override
    protected void removeDocument(Object position) {
        if (documents.remove(position) == null) {
            throw new NoSuchElementException("No document with key " + position);
        }
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        documents.put(Missing.ofNullable(position), StoredDocument.of(newDocument));
    }

    /**
     * A query, answered without holding the collection: as the library's, which runs every command of a collection one
     * at a time ({@code synchronized}), so a read waited for every insert and update of the collection and each write
     * for every read. Under bench/mixed-load.sh each evidence create's recount of the apprentice's evidence (about 90
     * documents) held the evidence collection while creates, other reads and the event relay queued behind it. A
     * query reads what the store and the indexes hold at that moment: the stored documents cannot change (each read
     * decodes a copy), the leading-key indexes and H2's maps are safe to read beside their writers, and a document
     * written during the query is either read as it was or as it is, as MongoDB's reads (read concern {@code local})
     * do not wait for writes either. Counts and aggregations through the indexes already ran this way. The library's
     * list of a collection's indexes is changed only by index commands; a query that meets such a change (a
     * {@code ConcurrentModificationException}) is run again holding the collection. The library's query matcher keeps
     * the matched array position for an update's positional {@code $} operator, which no service uses; with this, a
     * concurrent query could change it during such an update.
     */
    @Override
    public QueryResult handleQuery(QueryParameters parameters) {
        if (Thread.holdsLock(this)) {
            return query(parameters);
        }
        try {
            return query(parameters);
        } catch (ConcurrentModificationException e) {
            synchronized (this) {
                return query(parameters);
            }
        }
    }

    /** The library's {@code handleQuery}: the query and order from a legacy or a plain selector, and the answer. */
    private QueryResult query(QueryParameters parameters) {
        Document selector = parameters.getQuerySelector();
        Document query;
        Document orderBy;
        if (selector.containsKey("query")) {
            query = (Document) selector.get("query");
            orderBy = (Document) selector.get("orderby");
        } else if (selector.containsKey("$query")) {
            query = (Document) selector.get("$query");
            orderBy = (Document) selector.get("$orderby");
        } else {
            query = selector;
            orderBy = null;
        }
        return queryDocuments(
                query,
                orderBy,
                parameters.getNumberToSkip(),
                parameters.getLimit(),
                parameters.getBatchSize(),
                parameters.getProjection());
    }

    /** Every document with its position, in key order, read in {@link BatchedScan}'s batches. */
    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        return StreamSupport.stream(
                        Spliterators.spliteratorUnknownSize(new BatchedScan(documents), Spliterator.ORDERED), false)
                .map(entry -> new DocumentWithPosition<>(decode(entry.getValue()), entry.getKey()));
    }

    @Override
    protected QueryResult matchDocuments(
            Document query, Document orderBy, int skip, int limit, int batchSize, Document fieldSelector) {
        if (isNaturalDescending(orderBy)) {
            SlowOperationLog.collectionScan(documents.sizeAsLong());
            return super.matchDocuments(query, orderBy, skip, limit, batchSize, fieldSelector); // via the stream above
        }
        return answer(query, orderBy, skip, limit, batchSize, fieldSelector);
    }

    /**
     * A query the indexes serve: matched and sorted over the documents at the positions they found, but answered
     * lazily: what is kept is the matching positions in answer order, and each batch (the first one and each
     * {@code getMore}) reads, copies and projects only its own documents ({@link PositionCursor}). The library
     * collects a whole answer into its cursor; a GridFS download ({@code {files_id: X}}, sorted by {@code n}, 16 per
     * batch) thus held every chunk of the file - 100 MB for a 100 MB file - in the wire server's heap until the last
     * batch was taken, so two large downloads at once could exhaust it (bench/README.md, evidence-file). MongoDB's
     * cursors read lazily too: a document deleted before its batch is taken is not returned, one changed so that it
     * no longer matches is left out, and one changed otherwise is returned as it is now.
     */
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
            SlowOperationLog.indexScan(0);
            return super.matchDocuments(query, positions, orderBy, skip, limit, batchSize, fieldSelector);
        }
        List<Object> page;
        FirstReads reads = new FirstReads();
        int direction = positions instanceof LeadingKeyIndex.OrderedPositions o ? o.direction(orderBy) : 0;
        if (direction != 0) {
            page = inOrder((LeadingKeyIndex.OrderedPositions) positions, direction < 0, query, skip, limit, reads);
        } else {
            if (positions instanceof LeadingKeyIndex.Candidates candidates && orderBy != null) {
                candidates.sortedBy(orderBy); // the next such query gets them in order
            }
            List<Object> matched = new ArrayList<>();
            // Only the order's values of each matching document are kept, not the document (a GridFS chunk's data).
            SortKeys keys = deriveComparator(orderBy) == null ? null : new SortKeys(orderBy);
            long read = 0;
            long enough = pageEnd(keys != null, skip, limit);
            for (Object position : positions) {
                if (matched.size() >= enough) {
                    break;
                }
                Document document = reads.read(position);
                read++;
                if (document != null && documentMatchesQuery(document, query)) {
                    matched.add(position);
                    reads.keep(position, document);
                    if (keys != null) {
                        keys.add(document);
                    }
                }
            }
            List<Object> answer = matched;
            if (keys != null) {
                answer = new ArrayList<>(matched.size());
                for (int i : keys.order()) {
                    answer.add(matched.get(i));
                }
            }
            int from = Math.min(Math.max(skip, 0), answer.size());
            int to = limit > 0 ? Math.min(answer.size(), from + limit) : answer.size();
            page = new ArrayList<>(answer.subList(from, to));
            SlowOperationLog.indexScan(read);
        }
        PositionCursor cursor = new PositionCursor(cursors.generateCursorId(), page, query, fieldSelector, reads);
        List<Document> first = cursor.takeDocuments(batchSize);
        if (cursor.isEmpty()) {
            return new QueryResult(first);
        }
        cursors.add(cursor);
        return new QueryResult(first, cursor);
    }

    /**
     * How many matches a query needs before it can stop reading: with no order to sort by and a limit, its page is
     * the first {@code skip + limit} matches in the order the documents are read (as MongoDB, which stops a scan once
     * the limit is reached); otherwise every match. The event relay's read of waiting outboxes ({@code limit 100}, no
     * sort) read the whole backlog to return its first 100 (bench/README.md, "The event relay drains its outbox").
     */
    private static long pageEnd(boolean sorted, int skip, int limit) {
        return !sorted && limit > 0 ? (long) Math.max(skip, 0) + limit : Long.MAX_VALUE;
    }

    /** Documents read to match a query whose positions came in its order (for the tests). */
    static final AtomicLong READ_IN_ORDER = new AtomicLong();

    /** Answers taken from positions in the query's order (for the tests: proves the path is taken). */
    static final AtomicLong ORDERED_ANSWERS = new AtomicLong();

    /**
     * A page of a query whose positions an index handed over already in the query's order, or in the opposite one
     * ({@link LeadingKeyIndex.OrderedPositions}; the audit trail's newest event of a chain is the last of the chain's
     * positions): documents are read and matched in that order, and reading stops once
     * the page is full, so a cohort's page 0 of 20 reads about 20 documents instead of the cohort's thousands; a
     * query that is nothing but the index's equalities reads none here, whatever the page (the slice of positions).
     */
    private List<Object> inOrder(
            LeadingKeyIndex.OrderedPositions positions,
            boolean backwards,
            Document query,
            int skip,
            int limit,
            FirstReads reads) {
        ORDERED_ANSWERS.incrementAndGet();
        List<Object> ordered = backwards ? backwards(positions) : positions;
        int toSkip = Math.max(skip, 0);
        if (positions.allMatch()) {
            // Nothing to match: the page is the positions' slice (its documents are read when its batch is taken).
            int from = Math.min(toSkip, ordered.size());
            int to = limit > 0 ? (int) Math.min(ordered.size(), (long) from + limit) : ordered.size();
            SlowOperationLog.indexScan(0);
            return new ArrayList<>(ordered.subList(from, to));
        }
        List<Object> page = new ArrayList<>(limit > 0 ? limit : 16);
        long read = 0;
        for (Object position : ordered) {
            if (limit > 0 && page.size() >= limit) {
                break;
            }
            Document document = reads.read(position);
            READ_IN_ORDER.incrementAndGet();
            read++;
            if (document != null && documentMatchesQuery(document, query)) {
                if (toSkip > 0) {
                    toSkip--;
                } else {
                    page.add(position);
                    reads.keep(position, document);
                }
            }
        }
        SlowOperationLog.indexScan(read);
        return page;
    }

    private static List<Object> backwards(List<Object> positions) {
        return new java.util.AbstractList<>() {
            @Override
            public Object get(int index) {
                return positions.get(positions.size() - 1 - index);
            }

            @Override
            public int size() {
                return positions.size();
            }
        };
    }

    /** Documents decoded kept, by their stored length, per query: a few GridFS chunks, or many small documents. */
    static final int FIRST_READS_BUDGET = 1024 * 1024;

    /** Documents served from the query's own reads for its first batch (for the tests). */
    static final AtomicLong FIRST_READS_SERVED = new AtomicLong();

    /**
     * The documents a query decoded to match them, kept (up to {@link #FIRST_READS_BUDGET} of stored bytes) for its
     * first batch, which is taken as the query is answered: a document is then decoded once, not once to match and
     * again to answer. Later batches read the store again, as MongoDB's cursors do.
     */
    private final class FirstReads {

        private final Map<Object, Document> kept = new HashMap<>();
        private long bytes;
        private int lastLength;

        Document read(Object position) {
            Object stored = documents.get(position);
            lastLength = stored == null ? 0 : ((StoredDocument) stored).bytes().length;
            return decode(stored);
        }

        /** Keeps the document last {@link #read} (while within the budget). */
        void keep(Object position, Document document) {
            if (bytes + lastLength <= FIRST_READS_BUDGET) {
                bytes += lastLength;
                kept.put(position, document);
            }
        }

        /** The kept document at the position, handed out once; null if none. */
        Document take(Object position) {
            return kept.remove(position);
        }

        void clear() {
            kept.clear();
        }
    }

    /**
     * The rest of an answer as positions, read batch by batch: each document is read from the map, decoded,
     * matched again and projected when its batch is taken (the first batch's from the query's own reads).
     */
    private final class PositionCursor extends AbstractCursor {

        private final List<Object> positions;
        private final Document query;
        private final Document fieldSelector;
        private FirstReads firstReads;
        private int next;

        PositionCursor(long id, List<Object> positions, Document query, Document fieldSelector, FirstReads firstReads) {
            super(id);
            this.positions = positions;
            this.query = query;
            this.fieldSelector = fieldSelector;
            this.firstReads = firstReads;
        }

        @Override
        public synchronized boolean isEmpty() {
            return next >= positions.size();
        }

        /** Up to {@code count} documents (all that are left for 0 or less). */
        @Override
        public synchronized List<Document> takeDocuments(int count) {
            int wanted = count > 0 ? count : Integer.MAX_VALUE;
            List<Document> batch = new ArrayList<>();
            while (batch.size() < wanted && next < positions.size()) {
                int end = (int) Math.min(positions.size(), (long) next + wanted - batch.size());
                List<Document> copies = new ArrayList<>(end - next);
                for (; next < end; next++) {
                    Object position = positions.get(next);
                    Document copy = firstReads == null ? null : firstReads.take(position);
                    if (copy != null) {
                        FIRST_READS_SERVED.incrementAndGet();
                    } else {
                        copy = decode(documents.get(position));
                    }
                    if (copy != null) {
                        copies.add(copy);
                    }
                }
                ANSWER_COPIES.addAndGet(copies.size());
                SlowOperationLog.returned(copies.size());
                batch.addAll(matchDocumentsFromStream(query, copies.stream(), 0, 0, 0, null, fieldSelector)
                        .collectDocuments());
            }
            if (firstReads != null) { // later batches read the store as it is then
                firstReads.clear();
                firstReads = null;
            }
            return batch;
        }
    }

    /**
     * The library's answer (match, sort, skip, limit, project; {@code matchDocumentsFromStream}) over every document of
     * the collection, each decoded once, read until the page is known ({@link #pageEnd}). The library then matches
     * the page's documents again and projects them.
     */
    private QueryResult answer(
            Document query, Document orderBy, int skip, int limit, int batchSize, Document fieldSelector) {
        boolean sorted = deriveComparator(orderBy) != null;
        List<Document> matched = new ArrayList<>();
        long read = 0;
        long enough = pageEnd(sorted, skip, limit);
        for (BatchedScan scan = new BatchedScan(documents); scan.hasNext(); ) {
            if (matched.size() >= enough) {
                break;
            }
            read++;
            Document document = decode(scan.next().getValue());
            if (documentMatchesQuery(document, query)) {
                matched.add(document);
            }
        }
        SlowOperationLog.collectionScan(read);
        if (sorted) {
            SortKeys keys = new SortKeys(orderBy);
            matched.forEach(keys::add);
            List<Document> ordered = new ArrayList<>(matched.size());
            for (int i : keys.order()) {
                ordered.add(matched.get(i));
            }
            matched = ordered;
        }
        int from = Math.min(Math.max(skip, 0), matched.size());
        int to = limit > 0 ? Math.min(matched.size(), from + limit) : matched.size();
        ANSWER_COPIES.addAndGet(to - from);
        SlowOperationLog.returned(to - from);
        return matchDocumentsFromStream(
                query, matched.subList(from, to).stream(), 0, 0, batchSize, null, fieldSelector);
    }
}
