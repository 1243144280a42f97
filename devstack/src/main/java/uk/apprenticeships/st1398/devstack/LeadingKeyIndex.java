package uk.apprenticeships.st1398.devstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Utils;
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
 * An in-memory, non-unique index of the wire server on the first key of an index the services declare, so that a
 * query with an equality on that key (e.g. {@code {apprenticeId: X}}, {@code {chain: X}}) reads only that key's
 * documents instead of the whole collection.
 *
 * <p>mongo-java-server keeps unique indexes only: it ignores every other index ("adding secondary index ... is not
 * yet implemented") and uses a compound unique index only for a query on all of its keys. Every per-apprentice list
 * and the audit chain's "newest event" therefore scanned the whole collection, so each write got slower as data grew
 * (quadratic for a large demo load); so did the event relay's search for documents with events waiting
 * ({@code {outbox: {$exists: true, ...}}}, every second). This index narrows the candidates; the server still matches, sorts and pages
 * them as before, so answers are unchanged. It holds positions only and is rebuilt from the documents when the store
 * is opened.
 */
final class LeadingKeyIndex extends Index<Object> {

    private static final String ID = "_id";

    private final String key;
    private final Map<Object, Set<Object>> positionsByValue = new HashMap<>();
    private final Map<Object, Object> positionById = new HashMap<>();
    /** Positions of the documents that have the key (any value, also null or an empty array). */
    private final Set<Object> present = new LinkedHashSet<>();

    LeadingKeyIndex(String name, List<IndexKey> keys) {
        super(name, List.of(keys.get(0)), false);
        this.key = keys.get(0).getKey();
    }

    /**
     * Handles an equality on the leading key with a plain value (not an operator, array, regex or null), and
     * {@code {$exists: true, ...}} on it (the documents that have the key; the other conditions are matched after).
     */
    @Override
    public synchronized boolean canHandle(Document query) {
        Object value = condition(query);
        if (value == null) {
            return false;
        }
        if (value instanceof Document condition) {
            return existsTrue(condition);
        }
        return value != null
                && !(value instanceof Collection)
                && !(value instanceof Pattern)
                && !value.getClass().getName().contains("Regular");
    }

    private static boolean existsTrue(Document condition) {
        Object exists = condition.get("$exists");
        return Boolean.TRUE.equals(exists) || exists instanceof Number n && n.intValue() != 0;
    }

    /**
     * The query's condition on the key: at the top, or in one of the terms of a top-level {@code $and} (the Java
     * driver writes {@code Filters.and(eq("_id", id), eq("version", v))} as {@code {$and: [...]}}, which the
     * library's own indexes never serve); null when there is none.
     */
    private Object condition(Document query) {
        if (query.containsKey(key)) {
            return query.get(key);
        }
        if (query.get("$and") instanceof Collection<?> terms) {
            for (Object term : terms) {
                if (term instanceof Document t && t.containsKey(key)) {
                    Object value = t.get(key);
                    if (value instanceof Document condition && !existsTrue(condition)) {
                        continue;
                    }
                    return value;
                }
            }
        }
        return null;
    }

    @Override
    public synchronized Iterable<Object> getPositions(Document query) {
        Object value = condition(query);
        if (value instanceof Document) {
            return new ArrayList<>(present);
        }
        Set<Object> positions = positionsByValue.get(normalise(value));
        return positions == null ? List.of() : new ArrayList<>(positions);
    }

    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        positionById.put(document.get(ID), position);
        if (has(document)) {
            present.add(position);
        }
        for (Object value : values(document)) {
            positionsByValue.computeIfAbsent(value, v -> new LinkedHashSet<>()).add(position);
        }
    }

    @Override
    public synchronized Object remove(Document document) {
        Object position = positionById.remove(document.get(ID));
        if (position != null) {
            unlink(document, position);
        }
        return position;
    }

    @Override
    public synchronized void updateInPlace(
            Document oldDocument, Document newDocument, Object position, MongoCollection<Object> collection) {
        unlink(oldDocument, position);
        add(newDocument, position, collection);
    }

    @Override
    public synchronized Object getPosition(Document document) {
        return positionById.get(document.get(ID));
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
    public synchronized long getCount() {
        return positionById.size();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public synchronized void drop() {
        positionsByValue.clear();
        positionById.clear();
        present.clear();
    }

    private void unlink(Document document, Object position) {
        present.remove(position);
        for (Object value : values(document)) {
            Set<Object> positions = positionsByValue.get(value);
            if (positions != null) {
                positions.remove(position);
                if (positions.isEmpty()) {
                    positionsByValue.remove(value);
                }
            }
        }
    }

    private boolean has(Document document) {
        return key.contains(".") ? Utils.getSubdocumentValue(document, key) != null : document.containsKey(key);
    }

    /** The document's values of the key, normalised; an array's elements each (a query value matches any). */
    private List<Object> values(Document document) {
        Object value = Utils.getSubdocumentValue(document, key);
        List<Object> values = new ArrayList<>();
        if (value instanceof Collection<?> many) {
            many.forEach(v -> values.add(normalise(v)));
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
