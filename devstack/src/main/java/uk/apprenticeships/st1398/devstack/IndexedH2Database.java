package uk.apprenticeships.st1398.devstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend's database with the indexes the library leaves out served by {@link LeadingKeyIndex}: a
 * non-unique index becomes one on its first key; a compound unique index keeps the library's unique index (which
 * enforces uniqueness) and gains one on its first key beside it. A count ({@code countDocuments}, every paged list's
 * total) is answered through the same indexes.
 */
final class IndexedH2Database extends H2Database {

    /** Counts answered through the indexes (for the tests: proves the path is taken). */
    static final AtomicLong COUNTS_ANSWERED = new AtomicLong();

    /** Counts answered from an index entry alone (for the tests). */
    static final AtomicLong INDEX_ONLY_COUNTS = new AtomicLong();

    /** Aggregations whose leading {@code $match} was answered through the indexes (for the tests). */
    static final AtomicLong MATCHED_AGGREGATIONS = new AtomicLong();

    /** Names of the indexes added beside the declared ones. */
    private static final String LEADING_KEY = ".leading-key";

    private static final String TWO_KEYS = ".two-keys";

    /**
     * Each collection's leading-key indexes (see {@link LeadingKeyIndex.Family}). Not initialised in its declaration:
     * the library's constructor opens the stored collections and their indexes before this class's fields are set.
     */
    private Map<String, LeadingKeyIndex.Family> families;

    /** The library's store (see {@link #store()}); not initialised in its declaration either. */
    private MVStore store;

    IndexedH2Database(String name, MVStore store, CursorRegistry cursors) {
        super(name, store, cursors);
    }

    /** Whether the collection already has an index of this name (indexes are declared again at every start). */
    private static boolean has(MongoCollection<Object> collection, String indexName) {
        return collection.getIndexes().stream().anyMatch(i -> i.getName().equals(indexName));
    }

    /**
     * The library's store. Read from its field because the library's constructor opens the collections (and so calls
     * {@link #openOrCreateCollection}) before this class's constructor can keep its own reference.
     */
    private MVStore store() {
        if (store == null) {
            try {
                Field field = H2Database.class.getDeclaredField("mvStore");
                field.setAccessible(true);
                store = (MVStore) field.get(this);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("mongo-java-server's H2Database has no mvStore field any more", e);
            }
        }
        return store;
    }

    private synchronized Map<String, LeadingKeyIndex.Family> families() {
        if (families == null) {
            families = new ConcurrentHashMap<>();
        }
        return families;
    }

    private LeadingKeyIndex.Family family(String collectionName) {
        return families().computeIfAbsent(collectionName, c -> new LeadingKeyIndex.Family());
    }

    /**
     * The leading-key indexes for a declared index: one on its first key and, if it has a second key other than
     * {@code _id}, one on its first two (built when a query first needs it). Returns the first; the second is added
     * to the collection beside it.
     */
    private Index<Object> leadingKeyIndexes(String collectionName, String indexName, List<IndexKey> keys) {
        LeadingKeyIndex.Family family = family(collectionName);
        LeadingKeyIndex first = family.index(indexName, List.of(keys.get(0).getKey()), keys.subList(1, keys.size()));
        if (keys.size() > 1 && !keys.get(1).getKey().equals("_id")) {
            MongoCollection<Object> collection = resolveCollection(collectionName, false);
            if (collection != null && !has(collection, indexName + TWO_KEYS)) {
                collection.addIndex(family.index(
                        indexName + TWO_KEYS,
                        List.of(keys.get(0).getKey(), keys.get(1).getKey()),
                        keys.subList(2, keys.size())));
            }
        }
        return first;
    }

    /**
     * The leading-key indexes this class adds beside the declared ones go first (the library drops the declared ones
     * and expects none left); a collection made again after a drop starts with no leading-key indexes.
     */
    @Override
    public void dropCollection(String collectionName, Oplog oplog) {
        MongoCollection<Object> collection = resolveCollection(collectionName, false);
        if (collection != null) {
            for (Index<Object> index : List.copyOf(collection.getIndexes())) {
                if (index.getName().endsWith(LEADING_KEY) || index.getName().endsWith(TWO_KEYS)) {
                    collection.dropIndex(index.getName());
                }
            }
        }
        super.dropCollection(collectionName, oplog);
        families().remove(collectionName);
    }

    /**
     * Every collection also gets one on {@code _id}: the library's primary-key index serves {@code {_id: X}} but not
     * {@code {$and: [{_id: X}, {version: v}]}}, the driver's form of the services' conditional replaces and updates.
     */
    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        // The library's H2Database does the same with H2's default types and a collection that hands out its stored
        // documents (CopyOnReadH2Collection says why that cannot be).
        String namespace = getFullCollectionNamespace(collectionName);
        MVMap<Object, Object> documents = BsonMaps.openDocuments(store(), "databases." + namespace);
        MVMap<String, Object> meta = store().openMap("meta." + namespace);
        MongoCollection<Object> collection =
                new CopyOnReadH2Collection(this, collectionName, options, documents, meta, cursorRegistry);
        if (options.getIdField() != null && options.getIdField().equals("_id")) {
            if (!has(collection, "_id_" + LEADING_KEY)) {
                collection.addIndex(family(collectionName).index("_id_" + LEADING_KEY, List.of("_id")));
            }
        }
        return collection;
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(
            String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        return leadingKeyIndexes(collectionName, indexName, keys);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(
            String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        BsonMaps.open(store(), getFullCollectionNamespace(collectionName) + "._index_" + indexName);
        Index<Object> unique = super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        if (keys.size() > 1) {
            MongoCollection<Object> collection = resolveCollection(collectionName, false);
            if (collection != null && !has(collection, indexName + LEADING_KEY)) {
                collection.addIndex(leadingKeyIndexes(collectionName, indexName + LEADING_KEY, keys));
            }
        }
        return unique;
    }

    /**
     * The driver's {@code countDocuments} is an aggregation ({@code $match}, optional {@code $skip} and {@code $limit},
     * then {@code $group {_id: 1, n: {$sum: 1}}}), and the library runs every aggregation over the whole collection:
     * every paged list's total was a scan. That one shape is answered as the library's {@code count} (the same
     * matcher, through the indexes); every other aggregation goes to the library unchanged.
     */
    @Override
    public Document handleCommand(
            Channel channel, String command, Document query, DatabaseResolver resolver, Oplog oplog) {
        if ("aggregate".equals(command)) {
            Document counted = countDocuments(query);
            if (counted != null) {
                return counted;
            }
            Document grouped = aggregateFromMatch(query, resolver, oplog);
            if (grouped != null) {
                return grouped;
            }
        }
        return super.handleCommand(channel, command, query, resolver, oplog);
    }

    private Document countDocuments(Document command) {
        if (!(command.get("aggregate") instanceof String name)
                || !(command.get("pipeline") instanceof List<?> pipeline)
                || pipeline.size() < 2
                || !(pipeline.get(0) instanceof Document first)
                || first.size() != 1
                || !(first.get("$match") instanceof Document match)
                || !(pipeline.get(pipeline.size() - 1) instanceof Document last)
                || !(last.get("$group") instanceof Document group)
                || last.size() != 1) {
            return null;
        }
        String field = countField(group);
        if (field == null) {
            return null;
        }
        int skip = 0;
        int limit = 0;
        for (Object stage : pipeline.subList(1, pipeline.size() - 1)) {
            if (!(stage instanceof Document d) || d.size() != 1) {
                return null;
            }
            if (d.get("$skip") instanceof Number n && skip == 0 && limit == 0 && n.longValue() >= 0) {
                skip = Math.toIntExact(n.longValue());
            } else if (d.get("$limit") instanceof Number n && limit == 0 && n.longValue() > 0) {
                limit = Math.toIntExact(n.longValue());
            } else {
                return null;
            }
        }
        MongoCollection<Object> collection = resolveCollection(name, false);
        LeadingKeyIndex.Family family = families().get(name);
        Integer indexed = family == null ? null : family.count(match);
        int count;
        if (collection == null) {
            count = 0;
        } else if (indexed != null) {
            // Equalities on an index's keys only: its entry for the values is the answer (no document read).
            count = Math.max(0, indexed - skip);
            count = limit > 0 ? Math.min(count, limit) : count;
            INDEX_ONLY_COUNTS.incrementAndGet();
        } else {
            count = collection.count(match, skip, limit);
        }
        COUNTS_ANSWERED.incrementAndGet();
        List<Document> batch =
                count == 0 ? List.of() : List.of(new Document("_id", group.get("_id")).append(field, count));
        Document cursor = new Document("id", 0L)
                .append("ns", getFullCollectionNamespace(name))
                .append("firstBatch", batch);
        return new Document("cursor", cursor).append("ok", 1.0);
    }

    /**
     * An aggregation that starts with a {@code $match} and ends with a {@code $group} (every coverage figure of
     * evidence-service is one): the match is run as a query, through the indexes, and only the documents it finds go
     * through the other stages. The library reads the whole collection into memory for every aggregation and then
     * matches: a cohort's coverage at about a thousand apprentices ran the wire server out of its heap (bench/README.md).
     * MongoDB itself runs a leading {@code $match} through its indexes the same way. Anything else (explain, variables,
     * results not grouped, so possibly larger than one batch) goes to the library unchanged.
     */
    private Document aggregateFromMatch(Document command, DatabaseResolver resolver, Oplog oplog) {
        if (!(command.get("aggregate") instanceof String name)
                || command.containsKey("explain")
                || command.containsKey("let")
                || !(command.get("pipeline") instanceof List<?>)) {
            return null;
        }
        List<Document> pipeline = Aggregation.parse(command.get("pipeline"));
        if (pipeline.size() < 2
                || pipeline.get(0).size() != 1
                || !(pipeline.get(0).get("$match") instanceof Document match)
                || pipeline.get(pipeline.size() - 1).size() != 1
                || !pipeline.get(pipeline.size() - 1).containsKey("$group")) {
            return null;
        }
        MongoCollection<Object> collection = resolveCollection(name, false);
        if (collection == null) {
            return null;
        }
        Aggregation rest =
                Aggregation.fromPipeline(pipeline.subList(1, pipeline.size()), resolver, this, collection, oplog);
        List<Document> result = rest.runStages(collection.handleQueryAsStream(match));
        MATCHED_AGGREGATIONS.incrementAndGet();
        Document cursor = new Document("id", 0L)
                .append("ns", getFullCollectionNamespace(name))
                .append("firstBatch", result);
        return new Document("cursor", cursor).append("ok", 1.0);
    }

    /** The count field of {@code {_id: <constant>, <field>: {$sum: 1}}}; null for any other group. */
    private static String countField(Document group) {
        if (group.size() != 2 || !group.containsKey("_id")) {
            return null;
        }
        Object id = group.get("_id");
        if (id != null && !(id instanceof Number)) {
            return null;
        }
        for (String key : group.keySet()) {
            if (!key.equals("_id")) {
                return group.get(key) instanceof Document sum
                                && sum.size() == 1
                                && sum.get("$sum") instanceof Number one
                                && one.intValue() == 1
                                && one.doubleValue() == 1.0
                        ? key
                        : null;
            }
        }
        return null;
    }
}
