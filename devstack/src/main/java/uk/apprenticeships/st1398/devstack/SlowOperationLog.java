package uk.apprenticeships.st1398.devstack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.bwaldvogel.mongo.bson.Document;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The wire server's slow-operation log, after mongod's ({@code slowms}, 100 ms by default): a command that took at
 * least the threshold is written as one JSON line, with
 *
 * <ul>
 *   <li>{@code ns}, {@code command};
 *   <li>{@code planSummary}: {@code COLLSCAN} when the whole collection was read to answer it, {@code IXSCAN} when an
 *       index handed over the positions to read, both when it did both (an update of several documents), absent when
 *       it read no documents this way (an insert, a count answered by an index);
 *   <li>{@code docsExamined}: documents read from the store to match and sort; {@code nreturned}: documents read
 *       for its answer's batches (the first one, or a {@code getMore}'s), as far as the indexed path counts them;
 *   <li>{@code durationMillis}: from the command's arrival at the backend to its answer, waits for the collection (the
 *       library runs one command per collection at a time) and a journaled write's commit included; {@code
 *       commitMillis}: the part spent committing and syncing (or waiting for another writer's commit that carried
 *       it);
 *   <li>the shape of its filter and sort, and the stage names of a pipeline: field names and operators, <b>every value
 *       replaced by {@code "?"}</b> (the documents hold apprentices' personal data; mongod logs the values).
 * </ul>
 *
 * <p>A slow command with few documents examined was waiting (for its collection, the commit, a core or a garbage
 * collection); one with many is the one others waited for. {@code ./stack} sets the threshold from {@code
 * STACK_MONGO_SLOW_MS} ({@code --slow-ms}; a negative value turns the log off).
 */
final class SlowOperationLog {

    /** mongod's default threshold. */
    static final long DEFAULT_SLOW_MILLIS = 100;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final ThreadLocal<Operation> CURRENT = new ThreadLocal<>();

    private final long thresholdNanos;
    private final Consumer<String> sink;

    /**
     * @param slowMillis the threshold in milliseconds (0: every command; negative: none)
     * @param sink where each line goes
     */
    SlowOperationLog(long slowMillis, Consumer<String> sink) {
        this.thresholdNanos = slowMillis < 0 ? -1 : slowMillis * 1_000_000;
        this.sink = sink;
    }

    /** What one command did, gathered on its thread while it runs. */
    static final class Operation {
        long examined;
        long returned;
        boolean collectionScan;
        boolean indexScan;
        long commitNanos;
    }

    /** The operation running on this thread, if any command is being logged on it. */
    private static Operation current() {
        return CURRENT.get();
    }

    /** The command on this thread read the whole collection, {@code documents} of them. */
    static void collectionScan(long documents) {
        Operation operation = current();
        if (operation != null) {
            operation.collectionScan = true;
            operation.examined += documents;
        }
    }

    /** The command on this thread read {@code documents} at positions an index handed over. */
    static void indexScan(long documents) {
        Operation operation = current();
        if (operation != null) {
            operation.indexScan = true;
            operation.examined += documents;
        }
    }

    /** The command on this thread answered with {@code documents} (its first batch, or a {@code getMore}'s). */
    static void returned(long documents) {
        Operation operation = current();
        if (operation != null) {
            operation.returned += documents;
        }
    }

    /** The command on this thread spent {@code nanos} committing its write (or waiting for the commit that did). */
    static void committed(long nanos) {
        Operation operation = current();
        if (operation != null) {
            operation.commitNanos += nanos;
        }
    }

    /** A command about to run on this thread; {@link #finish} must follow on the same thread. */
    Operation start() {
        if (thresholdNanos < 0) {
            return null;
        }
        Operation operation = new Operation();
        CURRENT.set(operation);
        return operation;
    }

    /** The command {@link #start} began ended after {@code nanos}; logs it when it was slow. */
    void finish(Operation operation, String database, String command, Document query, long nanos) {
        if (operation == null) {
            return;
        }
        CURRENT.remove();
        if (nanos < thresholdNanos) {
            return;
        }
        Map<String, Object> attr = new LinkedHashMap<>();
        String name = command.toLowerCase(Locale.ROOT);
        Object collection = name.equals("getmore") ? query.get("collection") : query.get(command);
        attr.put("ns", collection instanceof String c ? database + "." + c : database);
        attr.put("command", command);
        if (operation.collectionScan || operation.indexScan) {
            attr.put(
                    "planSummary",
                    operation.collectionScan && operation.indexScan
                            ? "COLLSCAN, IXSCAN"
                            : operation.collectionScan ? "COLLSCAN" : "IXSCAN");
        }
        attr.put("docsExamined", operation.examined);
        attr.put("nreturned", operation.returned);
        attr.put("durationMillis", nanos / 1_000_000);
        if (operation.commitNanos > 0) {
            attr.put("commitMillis", operation.commitNanos / 1_000_000);
        }
        describe(name, query, attr);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("t", Instant.now().toString());
        line.put("msg", "Slow query");
        line.put("attr", attr);
        try {
            sink.accept(JSON.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            sink.accept("{\"msg\":\"Slow query\",\"error\":\"" + e.getClass().getSimpleName() + "\"}");
        }
    }

    /** The shapes of what the command matched and sorted by (its values left out). */
    private static void describe(String command, Document query, Map<String, Object> attr) {
        switch (command) {
            case "find" -> {
                put(attr, "filter", query.get("filter"));
                sort(attr, query.get("sort"));
            }
            case "count", "distinct" -> put(attr, "filter", query.get("query"));
            case "findandmodify" -> {
                put(attr, "filter", query.get("query"));
                sort(attr, query.get("sort"));
            }
            case "update" -> first(attr, query.get("updates"), "q", "updates");
            case "delete" -> first(attr, query.get("deletes"), "q", "deletes");
            case "insert" -> {
                if (query.get("documents") instanceof List<?> documents) {
                    attr.put("ninserted", documents.size());
                }
            }
            case "aggregate" -> {
                if (query.get("pipeline") instanceof List<?> pipeline) {
                    List<Object> stages = new ArrayList<>();
                    for (Object stage : pipeline) {
                        stages.add(stage instanceof Document d ? shape(d) : "?");
                    }
                    attr.put("pipeline", stages);
                }
            }
            default -> {
                // getMore, and commands without a filter: namespace, plan and times say it all
            }
        }
    }

    private static void first(Map<String, Object> attr, Object statements, String filterKey, String countKey) {
        if (statements instanceof List<?> list && !list.isEmpty()) {
            attr.put(countKey, list.size());
            if (list.get(0) instanceof Document statement) {
                put(attr, "filter", statement.get(filterKey));
            }
        }
    }

    private static void put(Map<String, Object> attr, String key, Object value) {
        if (value instanceof Document document) {
            attr.put(key, shape(document));
        }
    }

    /** A sort as it was given: field names and directions, no data. */
    private static void sort(Map<String, Object> attr, Object value) {
        if (value instanceof Document document) {
            attr.put("sort", new LinkedHashMap<>(document));
        }
    }

    /**
     * A document's shape: its keys (field names and operators) with every scalar value replaced by {@code "?"};
     * documents are followed, as are documents in arrays ({@code $or}'s branches), other arrays become {@code "?"}.
     */
    static Map<String, Object> shape(Document document) {
        Map<String, Object> shape = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : document.entrySet()) {
            shape.put(entry.getKey(), shapeOf(entry.getValue()));
        }
        return shape;
    }

    private static Object shapeOf(Object value) {
        if (value instanceof Document document) {
            return shape(document);
        }
        if (value instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(Document.class::isInstance)) {
            List<Object> shapes = new ArrayList<>(list.size());
            for (Object element : list) {
                shapes.add(shape((Document) element));
            }
            return shapes;
        }
        return "?";
    }
}
