package uk.apprenticeships.st1398.devstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.PositionedDocuments;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An in-memory, non-unique index of the wire server on the first key, or the first two keys, of an index the
 * services declare, so that a query with an equality on those keys (e.g. {@code {apprenticeId: X}},
 * {@code {chain: X}}, {@code {provider: P, verbs: V}}) reads only those documents instead of the whole collection.
 *
 * <p>mongo-java-server keeps unique indexes only: it ignores every other index ("adding secondary index ... is not
 * yet implemented") and uses a compound unique index only for a query on all of its keys. Every per-apprentice list
 * and the audit chain's "newest event" therefore scanned the whole collection, so each write got slower as data grew
 * (quadratic for a large demo load); so did the event relay's search for documents with events waiting
 * ({@code {outbox: {$exists: true, ...}}}, every second). This index narrows the candidates; the server still matches, sorts and pages
 * them as before, so answers are unchanged. It holds positions only.
 *
 * <p>The indexes of one collection form a {@link Family}: an index on the same keys as one already there is an alias
 * that holds nothing (seven of the xAPI statement indexes start with {@code provider}; one index on it is enough), and
 * of the indexes that can serve a query the one on more keys serves it, and of those on as many keys the one with the
 * fewest documents for the query's values (the library asks its indexes in order and takes the first that says yes).
 * One lock guards the whole family, as members consult each other. A one-key index is kept up to date from the start (and rebuilt when the store is
 * opened); a two-key index is built from the documents when a query first needs it, so one whose second key is never
 * queried by equality (a sort key like {@code stored}) costs nothing.
 */
final class LeadingKeyIndex extends Index<Object> {

    private static final String ID = "_id";

    /** The wire server's leading-key indexes of one collection. */
    static final class Family {
        /** A count the family's indexes answer without reading a document (see exactCount), else null. */
        Integer count(Document query) {
            for (LeadingKeyIndex m : members) {
                Integer n = m.exactCount(query);
                if (n != null) {
                    return n;
                }
            }
            return null;
        }

        private final List<LeadingKeyIndex> members = new java.util.concurrent.CopyOnWriteArrayList<>();

        /** The index of this name; else one on these keys, or an alias if the family already has one on them. */
        LeadingKeyIndex index(String name, List<String> keys) {
            return index(name, keys, List.of());
        }

        /**
         * The same, for a two-key index that also keeps each pair's documents in the order of the declared index's
         * further keys ({@code order}; empty: none).
         */
        LeadingKeyIndex index(String name, List<String> keys, List<IndexKey> order) {
            for (LeadingKeyIndex m : members) {
                if (m.getName().equals(name)) {
                    return m; // asked again (a service that starts again declares its indexes again)
                }
            }
            boolean alias = members.stream().anyMatch(m -> !m.alias && m.keys.equals(keys));
            LeadingKeyIndex index = new LeadingKeyIndex(name, keys, this, alias, order);
            members.add(index);
            return index;
        }

        /** The one-key index on the key, if the family has one that holds documents. */
        private LeadingKeyIndex onlyOn(String key) {
            for (LeadingKeyIndex m : members) {
                if (!m.alias && m.keys.size() == 1 && m.keys.get(0).equals(key)) {
                    return m;
                }
            }
            return null;
        }
    }

    /** Two-key indexes built because a query needed them (for the tests: proves the path is taken). */
    static final java.util.concurrent.atomic.AtomicLong TWO_KEY_BUILDS = new java.util.concurrent.atomic.AtomicLong();

    /** Positions handed to the library for queries (for the tests: proves which index served). */
    static final java.util.concurrent.atomic.AtomicLong POSITIONS_HANDED_OVER =
            new java.util.concurrent.atomic.AtomicLong();

    private final List<String> keys;
    private final String key;
    private final Family family;
    private final boolean alias;
    private boolean built;
    private MongoCollection<Object> collection;
    /**
     * Each value's positions: the position itself while it is the only one, a {@link Positions} set from the second
     * on. Most values of most indexes have one document (every {@code _id}, most ids referred to); a set for each,
     * with its table and entries, was most of the wire server's live heap at 10,000 apprentices (1.5 million sets,
     * about 600 MB; bench/README.md). Read through {@link #positionsOf}.
     */
    private final Map<Object, Object> positionsByValue = new HashMap<>();

    /** Two or more positions of one value, in the order they were added. */
    private static final class Positions extends LinkedHashSet<Object> {
        Positions(Object first, Object second) {
            super(4);
            add(first);
            add(second);
        }
    }

    /**
     * Two-key indexes declared with further keys (e.g. {@code cohort_by_name}: provider, standard version, then family
     * name, given name, {@code _id}): each pair's documents in the order of those keys, so that a query sorted that way
     * reads only the documents up to its page ({@link OrderedPositions}). Empty otherwise.
     */
    private final List<IndexKey> order;

    private final Map<Object, java.util.TreeSet<Ordered>> orderedByValue = new HashMap<>();
    /** Documents linked with an array or a sub-document in a key of the order: the order is not used while any is. */
    private int unorderable;
    /**
     * Whether {@link #orderedByValue} is kept: a two-key index keeps it from its build on; a one-key index (e.g. on
     * {@code chain} of the audit trail's {@code (chain, seq)}) from the first query that asks for its order
     * ({@link #wantOrder}), so that an order nobody sorts by costs nothing.
     */
    private boolean orderKept;
    /** Entries of {@link #orderedByValue}. */
    private long orderEntries;

    /**
     * Entries kept in order by all indexes, and at most how many (about 100 bytes each: a tenth of the heap). An
     * index whose order would go past it stops keeping its order (its queries are sorted as before), so a million xAPI
     * statements sorted by {@code stored} do not fill a laptop's heap.
     */
    static final java.util.concurrent.atomic.AtomicLong ORDER_ENTRIES = new java.util.concurrent.atomic.AtomicLong();

    static long orderBudget = Runtime.getRuntime().maxMemory() / 1000;

    private final Map<Object, Object> positionById = new HashMap<>();
    /** One-key indexes: positions of the documents that have the key (any value, also null or an empty array). */
    private final Set<Object> present = new LinkedHashSet<>();

    /** A one-key index on its own (a family of one). */
    LeadingKeyIndex(String name, List<IndexKey> keys) {
        this(name, List.of(keys.get(0).getKey()), new Family(), false, List.of());
        family.members.add(this);
    }

    private LeadingKeyIndex(String name, List<String> keys, Family family, boolean alias, List<IndexKey> order) {
        // Sparse in the library's sense: removing a document it does not hold (an alias, an unbuilt index) is no error.
        super(name, keys.stream().map(k -> new IndexKey(k, true)).toList(), alias || keys.size() > 1);
        this.keys = List.copyOf(keys);
        this.key = keys.get(0);
        this.family = family;
        this.alias = alias;
        this.built = !alias && keys.size() == 1;
        this.order = alias ? List.of() : List.copyOf(order);
        this.orderKept = keys.size() == 2 && !this.order.isEmpty();
    }

    /** Which index serves a query the others can serve too: {@code _id} first, then more keys, then the first made. */
    private int rank() {
        return keys.equals(List.of(ID)) ? 100 : keys.size();
    }

    /**
     * Handles a query this index serves (see {@link #serves}) unless another of the family serves it better (more
     * keys; as many keys but fewer documents for the query's values; as many documents and made earlier); a two-key
     * index is built here when a query first needs it.
     */
    @Override
    public boolean canHandle(Document query) {
        synchronized (family) {
            if (alias || !serves(query)) {
                return false;
            }
            if (!built && !build()) {
                return false;
            }
            boolean earlier = true;
            int candidates = candidates(query);
            for (LeadingKeyIndex other : family.members) {
                if (other == this) {
                    earlier = false;
                } else if (!other.alias && other.serves(query) && (other.built || other.build())) {
                    if (other.rank() > rank()) {
                        return false;
                    }
                    if (other.rank() == rank()) {
                        int theirs = other.candidates(query);
                        if (theirs < candidates || theirs == candidates && earlier) {
                            return false;
                        }
                    }
                }
            }
            return true;
        }
    }

    /**
     * Fills a two-key index from the documents, with the positions the family's one-key index on its first key holds;
     * false (the query is left to the others) if there is no such index.
     */
    private boolean build() {
        LeadingKeyIndex first = family.onlyOn(key);
        if (first == null) {
            return false;
        }
        if (first.collection != null) {
            // One document at a time from the store's current version (see PositionedDocuments), by the positions
            // the first key's index holds: every document of the collection.
            for (Object position : new ArrayList<>(first.positionById.values())) {
                Document document = PositionedDocuments.get(first.collection, position);
                if (document != null) {
                    link(document, position);
                }
            }
        }
        built = true;
        TWO_KEY_BUILDS.incrementAndGet();
        return true;
    }

    /**
     * How many documents match a query that is nothing but equalities on this index's keys (so every document the
     * index holds for the values matches), or null for any other query or an index that holds nothing yet.
     */
    Integer exactCount(Document query) {
        synchronized (family) {
            if (alias || !built || !onlyEqualities(query)) {
                return null;
            }
            return candidates(query);
        }
    }

    /** Whether the query is nothing but equalities on this index's keys, which every document it holds matches. */
    private boolean onlyEqualities(Document query) {
        if (!query.keySet().equals(Set.copyOf(keys)) || !serves(query)) {
            return false;
        }
        for (String k : keys) {
            if (query.get(k) instanceof Document) {
                return false; // $exists: the documents that have the key, not all of them match the rest
            }
        }
        return true;
    }

    /** How many documents this (built) index would hand over for the query. */
    private int candidates(Document query) {
        Object value = condition(query, key);
        if (keys.size() == 1 && value instanceof Document condition) {
            Collection<?> values = in(condition);
            if (values == null) {
                return present.size();
            }
            int n = 0;
            for (Object v : values) {
                n += positionsOf(normalise(v)).size();
            }
            return n;
        }
        return positionsOf(indexed(query, value)).size();
    }

    private Object indexed(Document query, Object value) {
        return keys.size() == 1
                ? normalise(value)
                : List.of(normalise(value), normalise(condition(query, keys.get(1))));
    }

    /**
     * Serves an equality with a plain value (not an operator, array, regex or null) on each of its keys, and (one-key
     * indexes) {@code {$exists: true, ...}} on its key (the documents that have it) or {@code {$in: [plain values]}}
     * (those with any of them); the other conditions are matched after. Depends on the keys only, so the family can ask any member.
     */
    private boolean serves(Document query) {
        if (keys.size() == 1) {
            Object value = condition(query, key);
            if (value == null) {
                return false;
            }
            if (value instanceof Document condition) {
                return existsTrue(condition) || in(condition) != null;
            }
            return plain(value);
        }
        for (String k : keys) {
            Object value = condition(query, k);
            if (value == null || value instanceof Document || !plain(value)) {
                return false;
            }
        }
        return true;
    }

    /** The values of {@code {$in: [...]}} and nothing else, if all are plain; else null. */
    private static Collection<?> in(Document condition) {
        if (condition.size() == 1 && condition.get("$in") instanceof Collection<?> values) {
            for (Object v : values) {
                if (v == null || v instanceof Document || !plain(v)) {
                    return null;
                }
            }
            return values;
        }
        return null;
    }

    private static boolean plain(Object value) {
        return !(value instanceof Collection)
                && !(value instanceof Pattern)
                && !value.getClass().getName().contains("Regular");
    }

    private static boolean existsTrue(Document condition) {
        Object exists = condition.get("$exists");
        return Boolean.TRUE.equals(exists) || exists instanceof Number n && n.intValue() != 0;
    }

    /**
     * The query's condition on a key: at the top, or in one of the terms of a top-level {@code $and} (the Java
     * driver writes {@code Filters.and(eq("_id", id), eq("version", v))} as {@code {$and: [...]}}, which the
     * library's own indexes never serve); null when there is none.
     */
    private static Object condition(Document query, String key) {
        if (query.containsKey(key)) {
            return query.get(key);
        }
        if (query.get("$and") instanceof Collection<?> terms) {
            for (Object term : terms) {
                if (term instanceof Document t && t.containsKey(key)) {
                    Object value = t.get(key);
                    if (value instanceof Document condition && !existsTrue(condition) && in(condition) == null) {
                        continue;
                    }
                    return value;
                }
            }
        }
        return null;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        synchronized (family) {
            Object value = condition(query, key);
            if (keys.size() == 1 && value instanceof Document condition) {
                Collection<?> values = in(condition);
                if (values == null) {
                    return new ArrayList<>(present);
                }
                Set<Object> union = new LinkedHashSet<>();
                for (Object v : values) {
                    union.addAll(positionsOf(normalise(v)));
                }
                POSITIONS_HANDED_OVER.addAndGet(union.size());
                return new ArrayList<>(union);
            }
            Object indexed = indexed(query, value);
            Set<Object> positions = positionsOf(indexed);
            if (positions.isEmpty()) {
                return List.of();
            }
            POSITIONS_HANDED_OVER.addAndGet(positions.size());
            if (orderKept && unorderable == 0) {
                OrderedPositions ordered = new OrderedPositions(order, positions.size(), onlyEqualities(query));
                for (Ordered entry : orderedByValue.get(indexed)) {
                    ordered.add(entry.position());
                }
                return ordered;
            }
            return order.isEmpty() ? new ArrayList<>(positions) : new Candidates(this, positions);
        }
    }

    /** Positions of an index that could keep them in a query's order but does not yet ({@link #wantOrder}). */
    static final class Candidates extends ArrayList<Object> {

        private final LeadingKeyIndex index;

        Candidates(LeadingKeyIndex index, Collection<Object> positions) {
            super(positions);
            this.index = index;
        }

        /** Tells the index that a query was sorted this way: it keeps its order from now on if that is its order. */
        void sortedBy(Document orderBy) {
            index.wantOrder(orderBy);
        }
    }

    /**
     * Starts keeping the order of this (one-key) index's further keys, from the stored documents, if a query asked for
     * it (either way round); later queries get {@link OrderedPositions}.
     */
    void wantOrder(Document orderBy) {
        synchronized (family) {
            if (orderKept
                    || alias
                    || order.isEmpty()
                    || direction(order, orderBy) == 0
                    || ORDER_ENTRIES.get() + positionById.size() > orderBudget) {
                return;
            }
            orderKept = true;
            if (collection == null) {
                return;
            }
            for (Map.Entry<Object, Object> entry : new ArrayList<>(positionById.entrySet())) {
                if (!orderKept) {
                    return; // over the budget
                }
                Document document = PositionedDocuments.get(collection, entry.getValue());
                if (document != null) {
                    keepOrder(document, entry.getValue());
                }
            }
            ORDERS_KEPT.incrementAndGet();
        }
    }

    /** One-key indexes that started keeping their order (for the tests). */
    static final java.util.concurrent.atomic.AtomicLong ORDERS_KEPT = new java.util.concurrent.atomic.AtomicLong();

    /**
     * 1 if {@code orderBy} is the order's first keys in its directions, -1 if in the opposite ones (read backwards),
     * 0 otherwise.
     */
    static int direction(List<IndexKey> order, Document orderBy) {
        if (orderBy == null || orderBy.isEmpty() || orderBy.size() > order.size()) {
            return 0;
        }
        int direction = 0;
        int i = 0;
        for (Map.Entry<String, Object> entry : orderBy.entrySet()) {
            IndexKey key = order.get(i++);
            if (!key.getKey().equals(entry.getKey()) || !(entry.getValue() instanceof Number n) || n.intValue() == 0) {
                return 0;
            }
            int d = (n.intValue() > 0) == key.isAscending() ? 1 : -1;
            if (direction != 0 && d != direction) {
                return 0;
            }
            direction = d;
        }
        return direction;
    }

    /**
     * Positions in the order of the index's further keys: a query sorted by those keys (or by their first ones), all
     * ascending or all as declared, needs no sort, and one with a limit can stop reading documents once its page is
     * full ({@link CopyOnReadH2Collection}). The order is MongoDB's (the library's comparison of values, as
     * {@link SortKeys}); documents equal on the keys come in the order of their positions, which MongoDB leaves open.
     */
    static final class OrderedPositions extends ArrayList<Object> {

        private final List<IndexKey> order;
        private final boolean allMatch;

        OrderedPositions(List<IndexKey> order, int size, boolean allMatch) {
            super(size);
            this.order = order;
            this.allMatch = allMatch;
        }

        /**
         * Whether every one of these documents matches the query (it is nothing but the equalities the index holds
         * them for), so that a page can skip positions without reading their documents.
         */
        boolean allMatch() {
            return allMatch;
        }

        /**
         * 1 if these positions are in the sequence {@code orderBy} asks for, -1 if in the opposite one (a query for
         * the newest first on an index kept oldest first), 0 otherwise.
         */
        int direction(Document orderBy) {
            return LeadingKeyIndex.direction(order, orderBy);
        }
    }

    /** A document's values of the order's keys, and its position (which breaks ties). */
    private record Ordered(Object[] values, Object position) {}

    private int compareOrdered(Ordered a, Ordered b) {
        for (int i = 0; i < order.size(); i++) {
            ValueComparator comparator = order.get(i).isAscending() ? ValueComparator.asc() : ValueComparator.desc();
            int c = comparator.compare(a.values()[i], b.values()[i]);
            if (c != 0) {
                return c;
            }
        }
        return ValueComparator.asc().compare(a.position(), b.position());
    }

    /** The document's entry in the order, or null if a key of the order holds an array or a sub-document. */
    private Ordered ordered(Document document, Object position) {
        Object[] values = new Object[order.size()];
        for (int i = 0; i < values.length; i++) {
            Object v = Utils.getSubdocumentValueCollectionAware(
                    document, order.get(i).getKey());
            if (v instanceof Collection || v instanceof Document) {
                return null;
            }
            values[i] = v;
        }
        return new Ordered(values, position);
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        synchronized (family) {
            this.collection = collection;
            if (built) {
                link(document, position);
            }
        }
    }

    /** The positions held for a value (none: empty). */
    private Set<Object> positionsOf(Object value) {
        Object held = positionsByValue.get(value);
        if (held == null) {
            return Set.of();
        }
        return held instanceof Positions positions ? positions : Set.of(held);
    }

    /** Entries of the id map whose id is another object than its position (for the tests). */
    int idsHeldApart() {
        synchronized (family) {
            return (int) positionById.entrySet().stream()
                    .filter(e -> e.getKey() != e.getValue())
                    .count();
        }
    }

    /** Values that hold two or more positions (for the tests: one position is held without a set). */
    int valuesWithSets() {
        synchronized (family) {
            return (int) positionsByValue.values().stream()
                    .filter(Positions.class::isInstance)
                    .count();
        }
    }

    private void addPosition(Object value, Object position) {
        positionsByValue.merge(value, position, (held, added) -> {
            if (held instanceof Positions positions) {
                positions.add(added);
                return positions;
            }
            return held.equals(added) ? held : new Positions(held, added);
        });
    }

    private void removePosition(Object value, Object position) {
        positionsByValue.computeIfPresent(value, (v, held) -> {
            if (held instanceof Positions positions) {
                positions.remove(position);
                return positions.size() == 1 ? positions.iterator().next() : positions;
            }
            return held.equals(position) ? null : held;
        });
    }

    private void link(Document document, Object position) {
        Object id = document.get(ID);
        // A collection's position is its _id: one object for both (an ObjectId and its bytes per document and index).
        positionById.put(position.equals(id) ? position : id, position);
        if (keys.size() == 1 && has(document)) {
            present.add(position); // only a one-key index serves $exists
        }
        for (Object value : values(document)) {
            addPosition(value, position);
        }
        if (orderKept) {
            keepOrder(document, position);
        }
    }

    private void keepOrder(Document document, Object position) {
        if (!orderKept) {
            return; // dropped for the budget while being built
        }
        Ordered entry = ordered(document, position);
        if (entry == null) {
            unorderable++;
        } else {
            for (Object value : values(document)) {
                if (orderedByValue
                        .computeIfAbsent(value, v -> new java.util.TreeSet<>(this::compareOrdered))
                        .add(entry)) {
                    orderEntries++;
                    if (ORDER_ENTRIES.incrementAndGet() > orderBudget) {
                        dropOrder();
                        return;
                    }
                }
            }
        }
    }

    /** Stops keeping the order (over the budget); a later query sorted that way may start it again. */
    private void dropOrder() {
        ORDER_ENTRIES.addAndGet(-orderEntries);
        orderEntries = 0;
        orderedByValue.clear();
        unorderable = 0;
        orderKept = false;
        ORDERS_DROPPED.incrementAndGet();
    }

    /** Orders dropped for the budget (for the tests). */
    static final java.util.concurrent.atomic.AtomicLong ORDERS_DROPPED = new java.util.concurrent.atomic.AtomicLong();

    @Override
    public Object remove(Document document) {
        synchronized (family) {
            Object position = positionById.remove(document.get(ID));
            if (position != null) {
                unlink(document, position);
            }
            return position;
        }
    }

    @Override
    public void updateInPlace(
            Document oldDocument, Document newDocument, Object position, MongoCollection<Object> collection) {
        synchronized (family) {
            this.collection = collection;
            if (built) {
                unlink(oldDocument, position);
                link(newDocument, position);
            }
        }
    }

    @Override
    public Object getPosition(Document document) {
        synchronized (family) {
            return positionById.get(document.get(ID));
        }
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // Not unique: nothing to refuse.
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // Not unique: nothing to refuse.
    }

    @Override
    public long getCount() {
        synchronized (family) {
            return positionById.size();
        }
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public void drop() {
        synchronized (family) {
            positionsByValue.clear();
            if (orderKept) {
                dropOrder();
            }
            positionById.clear();
            present.clear();
            family.members.remove(this);
        }
    }

    private void unlink(Document document, Object position) {
        present.remove(position);
        for (Object value : values(document)) {
            removePosition(value, position);
        }
        if (orderKept) {
            Ordered entry = ordered(document, position);
            if (entry == null) {
                unorderable--;
            } else {
                for (Object value : values(document)) {
                    java.util.TreeSet<Ordered> ordered = orderedByValue.get(value);
                    if (ordered != null && ordered.remove(entry)) {
                        orderEntries--;
                        ORDER_ENTRIES.decrementAndGet();
                        if (ordered.isEmpty()) {
                            orderedByValue.remove(value);
                        }
                    }
                }
            }
        }
    }

    private boolean has(Document document) {
        return key.contains(".") ? Utils.getSubdocumentValue(document, key) != null : document.containsKey(key);
    }

    /**
     * The document's entries: its values of the key, normalised (an array's elements each: a query value matches
     * any); for a two-key index every pair of a first-key value and a second-key value.
     */
    private List<Object> values(Document document) {
        List<Object> first = valuesOf(document, key);
        if (keys.size() == 1) {
            return first;
        }
        List<Object> second = valuesOf(document, keys.get(1));
        List<Object> pairs = new ArrayList<>(first.size() * second.size());
        for (Object a : first) {
            for (Object b : second) {
                pairs.add(List.of(a, b));
            }
        }
        return pairs;
    }

    private static List<Object> valuesOf(Document document, String key) {
        Object value = Utils.getSubdocumentValue(document, key);
        List<Object> values = new ArrayList<>();
        if (value instanceof Collection<?> many) {
            many.forEach(v -> {
                if (v != null) {
                    values.add(normalise(v));
                }
            });
        } else if (value != null) {
            values.add(normalise(value));
        }
        return values;
    }

    /** Numbers compare by value across types in MongoDB (1 == 1L == 1.0). */
    private static Object normalise(Object value) {
        return value instanceof Number n ? Utils.normalizeNumber(n) : value;
    }
}
