package uk.apprenticeships.st1398.devstack;

import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The library's sort ({@code DocumentComparator}: each key of the order in turn, by MongoDB's comparison of values,
 * ascending or descending; stable) with each document's values for the order taken once, when it is added, instead
 * of on every comparison. Under the mixed load at 10,000 apprentices half of the wire server's CPU went into sorting,
 * most of it into reading the same fields again ({@code Utils.getSubdocumentValue}) for each of the ~n log n
 * comparisons of a cohort's 4,481 apprentices (bench/README.md, "mixed-load.sh"). Only the values are kept, not the
 * documents.
 */
final class SortKeys {

    private final String[] fields;
    private final ValueComparator[] comparators;
    private final List<Object[]> values = new ArrayList<>();

    SortKeys(Document orderBy) {
        this.fields = orderBy.keySet().toArray(new String[0]);
        this.comparators = new ValueComparator[fields.length];
        for (int i = 0; i < fields.length; i++) {
            comparators[i] =
                    ((Number) orderBy.get(fields[i])).intValue() > 0 ? ValueComparator.asc() : ValueComparator.desc();
        }
    }

    /** Takes the document's values for the order (as {@code DocumentComparator} reads them). */
    void add(Document document) {
        Object[] row = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            row[i] = Utils.getSubdocumentValueCollectionAware(document, fields[i]);
        }
        values.add(row);
    }

    /** The indexes of the added documents in the order's sequence; equal ones keep the order they were added in. */
    int[] order() {
        Integer[] indexes = new Integer[values.size()];
        for (int i = 0; i < indexes.length; i++) {
            indexes[i] = i;
        }
        Arrays.sort(indexes, (a, b) -> compare(values.get(a), values.get(b))); // a stable merge sort
        return Arrays.stream(indexes).mapToInt(Integer::intValue).toArray();
    }

    private int compare(Object[] a, Object[] b) {
        for (int i = 0; i < fields.length; i++) {
            int c = comparators[i].compare(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
