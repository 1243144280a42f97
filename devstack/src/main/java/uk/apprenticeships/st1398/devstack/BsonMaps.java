package uk.apprenticeships.st1398.devstack;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The wire server's documents and unique indexes in H2 maps stored as BSON ({@link BsonDataType}), and the one-time
 * conversion of a store written before (H2's Java-serialised {@code ObjectDataType}).
 *
 * <p>Which maps: the library names a collection's documents {@code databases.<db>.<collection>} and a unique index
 * {@code <db>.<collection>._index_<name>}. Its {@code meta.*} maps (a collection's size, a number) stay as they were.
 * A store records its format in the map {@value #FORMAT_MAP}; a store without it (and with maps) is converted when
 * opened, in one commit, so a crash during the conversion leaves the store as it was.
 */
final class BsonMaps {

    static final String FORMAT_MAP = "devstack.format";
    static final String FORMAT_KEY = "values";
    static final String FORMAT = "bson-1";

    private static final String DATA_PREFIX = "databases.";
    private static final String INDEX_INFIX = "._index_";
    private static final String CONVERTING_PREFIX = "devstack.converting.";

    private BsonMaps() {}

    static boolean storedAsBson(String mapName) {
        return mapName.startsWith(DATA_PREFIX) || mapName.contains(INDEX_INFIX);
    }

    /** Opens (or returns the open) map of this name with BSON keys and values (a unique index's). */
    static <K, V> MVMap<K, V> open(MVStore store, String mapName) {
        return open(store, mapName, BsonDataType.INSTANCE);
    }

    /** Opens (or returns the open) map of a collection's documents: BSON keys, {@link StoredDocument} values. */
    static MVMap<Object, Object> openDocuments(MVStore store, String mapName) {
        return open(store, mapName, BsonDataType.DOCUMENTS);
    }

    private static <K, V> MVMap<K, V> open(MVStore store, String mapName, BsonDataType values) {
        MVMap.Builder<K, V> builder =
                new MVMap.Builder<K, V>().keyType(cast(BsonDataType.INSTANCE)).valueType(cast(values));
        return store.openMap(mapName, builder);
    }

    /**
     * Converts a store written with H2's default types, if it is one, before the backend opens it. Returns how many
     * maps were converted (0 for a new store or one already in BSON).
     */
    static int convert(MVStore store) {
        MVMap<String, String> format = store.openMap(FORMAT_MAP);
        if (FORMAT.equals(format.get(FORMAT_KEY))) {
            return 0;
        }
        List<String> names =
                store.getMapNames().stream().filter(BsonMaps::storedAsBson).toList();
        int delay = store.getAutoCommitDelay();
        store.setAutoCommitDelay(0); // nothing half-converted may be committed by the background writer
        try {
            for (String name : names) {
                MVMap<Object, Object> old = store.openMap(name);
                boolean documents = name.startsWith(DATA_PREFIX);
                MVMap<Object, Object> copy = documents
                        ? openDocuments(store, CONVERTING_PREFIX + name)
                        : open(store, CONVERTING_PREFIX + name);
                copy.clear();
                for (Map.Entry<Object, Object> entry : old.entrySet()) {
                    Object value = entry.getValue();
                    copy.put(entry.getKey(), documents ? StoredDocument.of((Document) value) : value);
                }
                store.removeMap(old);
                store.renameMap(copy, name);
            }
            format.put(FORMAT_KEY, FORMAT);
            store.commit();
        } finally {
            store.setAutoCommitDelay(delay);
        }
        return names.size();
    }

    @SuppressWarnings("unchecked")
    private static <T> org.h2.mvstore.type.DataType<T> cast(BsonDataType type) {
        return (org.h2.mvstore.type.DataType<T>) (org.h2.mvstore.type.DataType<?>) type;
    }
}
