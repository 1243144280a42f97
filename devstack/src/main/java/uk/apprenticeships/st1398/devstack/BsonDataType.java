package uk.apprenticeships.st1398.devstack;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * How the wire server's H2 maps store their keys and values: as BSON (the library's own encoder and decoder, the
 * format the values arrived in), ordered by MongoDB's comparison order.
 *
 * <p>H2's default {@code ObjectDataType} stores anything it does not know (every document, every {@code ObjectId},
 * every index key) with Java serialisation, and compares such keys by serialising both. Profiled under the demo
 * loader, that was most of the wire server's CPU: each commit re-serialised the changed pages' documents, and each
 * lookup serialised keys to compare them (bench/README.md, "The wire server's store format"). BSON is what the
 * documents came in as, and comparing decoded keys needs no serialisation at all.
 *
 * <p>A stored entry is a tag byte and then: nothing ({@link Missing}); a variable-length count and the values of an
 * index key ({@link KeyValue}); or one value, as the BSON document {@code {v: value}}.
 *
 * <p>{@link #DOCUMENTS}, a collection's values, reads a document as its {@link StoredDocument} bytes (no decoding)
 * and writes those bytes as they are: the same format on disk.
 */
final class BsonDataType extends BasicDataType<Object> {

    /** Keys, and an index's values: read decoded. */
    static final BsonDataType INSTANCE = new BsonDataType(false);

    /** A collection's documents: read and written as {@link StoredDocument}s. */
    static final BsonDataType DOCUMENTS = new BsonDataType(true);

    private static final byte MISSING = 0;
    private static final byte VALUE = 1;
    private static final byte KEY_VALUE = 2;

    /** MongoDB's order of values; arrays compared element by element (a total order, as a map's keys need). */
    private static final Comparator<Object> ORDER = ValueComparator.ascWithoutListHandling();

    private final boolean storedDocuments;

    private BsonDataType(boolean storedDocuments) {
        this.storedDocuments = storedDocuments;
    }

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof StoredDocument x && b instanceof StoredDocument y) {
            return Arrays.compare(x.bytes(), y.bytes());
        }
        if (a instanceof KeyValue x && b instanceof KeyValue y) {
            int n = Math.min(x.size(), y.size());
            for (int i = 0; i < n; i++) {
                int c = compareValues(x.get(i), y.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(x.size(), y.size());
        }
        return compareValues(a, b);
    }

    private static int compareValues(Object a, Object b) {
        boolean aMissing = a instanceof Missing;
        boolean bMissing = b instanceof Missing;
        if (aMissing || bMissing) {
            return aMissing == bMissing ? 0 : aMissing ? -1 : 1;
        }
        return ORDER.compare(a, b);
    }

    /**
     * An estimate for H2's page sizes and cache, from the value's shape (no encoding). H2 splits a leaf page when
     * its entries' estimates pass the store's page split size, and its cache holds pages up to its size by these
     * estimates, so a value's bulk must be counted: binary data ({@link BinData}, a GridFS chunk's 255 KiB) was
     * once counted as 24 bytes, so a leaf gathered a dozen chunks (every insert's commit rewrote the whole leaf,
     * ~9 bytes written to the file per byte stored) and the 32 MB cache held ~100 times its size in chunks, until
     * the third 100 MB upload ran a 256 MB heap out of memory (bench/README.md, evidence-file).
     */
    @Override
    public int getMemory(Object value) {
        return estimate(value, 0);
    }

    private static int estimate(Object value, int depth) {
        if (value instanceof StoredDocument stored) {
            return 40 + stored.bytes().length;
        }
        if (value instanceof String s) {
            return 40 + s.length();
        }
        if (value instanceof byte[] bytes) {
            return 24 + bytes.length;
        }
        if (value instanceof BinData binary) {
            return 40 + binary.getData().length;
        }
        if (depth > 3) {
            return 64;
        }
        if (value instanceof Map<?, ?> map) {
            int memory = 64;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                memory += 32 + estimate(entry.getKey(), depth + 1) + estimate(entry.getValue(), depth + 1);
            }
            return memory;
        }
        if (value instanceof Collection<?> values) {
            int memory = 32;
            for (Object element : values) {
                memory += 8 + estimate(element, depth + 1);
            }
            return memory;
        }
        if (value instanceof KeyValue key) {
            int memory = 32;
            for (Object element : key) {
                memory += 8 + estimate(element, depth + 1);
            }
            return memory;
        }
        return 24;
    }

    @Override
    public void write(WriteBuffer buffer, Object value) {
        if (value instanceof Missing) {
            buffer.put(MISSING);
        } else if (value instanceof StoredDocument stored) {
            buffer.put(VALUE);
            buffer.put(stored.bytes());
        } else if (value instanceof KeyValue key) {
            buffer.put(KEY_VALUE);
            buffer.putVarInt(key.size());
            for (Object element : key) {
                if (element instanceof Missing) {
                    buffer.put(MISSING);
                } else {
                    buffer.put(VALUE);
                    writeBson(buffer, element);
                }
            }
        } else {
            buffer.put(VALUE);
            writeBson(buffer, value);
        }
    }

    /** One encoding buffer per thread, kept (commits encode page after page of documents). */
    private static final ThreadLocal<ByteBuf> ENCODING = ThreadLocal.withInitial(() -> Unpooled.buffer(16 * 1024));

    private static void writeBson(WriteBuffer buffer, Object value) {
        ByteBuf bson = encoded(value);
        buffer.put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
        done(bson);
    }

    /** The value's stored form: the BSON of {@code {v: value}}. */
    static byte[] encode(Object value) {
        ByteBuf bson = encoded(value);
        byte[] bytes = new byte[bson.readableBytes()];
        bson.getBytes(bson.readerIndex(), bytes);
        done(bson);
        return bytes;
    }

    private static ByteBuf encoded(Object value) {
        ByteBuf bson = ENCODING.get();
        bson.clear();
        BsonEncoder.encodeDocument(new Document("v", value), bson);
        return bson;
    }

    private static void done(ByteBuf bson) {
        if (bson.capacity() > 1024 * 1024) { // a rare large document does not stay in memory
            ENCODING.remove();
        }
    }

    @Override
    public Object read(ByteBuffer buffer) {
        byte tag = buffer.get();
        return switch (tag) {
            case MISSING -> Missing.getInstance();
            case VALUE -> storedDocuments ? readStored(buffer) : readBson(buffer);
            case KEY_VALUE -> {
                int size = DataUtils.readVarInt(buffer);
                List<Object> values = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    values.add(buffer.get() == MISSING ? Missing.getInstance() : readBson(buffer));
                }
                yield new KeyValue(values);
            }
            default -> throw new IllegalStateException("Unknown entry tag " + tag + " in the wire server's store");
        };
    }

    private static StoredDocument readStored(ByteBuffer buffer) {
        int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(buffer.position());
        byte[] bson = new byte[length];
        buffer.get(bson);
        return new StoredDocument(bson);
    }

    private static Object readBson(ByteBuffer buffer) {
        int start = buffer.position();
        int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(start);
        ByteBuf bson = Unpooled.wrappedBuffer(buffer.slice(start, length));
        buffer.position(start + length);
        return BsonDecoder.decodeBson(bson).get("v");
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
