package uk.apprenticeships.st1398.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Records the commands evidence-service sends to MongoDB while a test asks it to (the Quarkus MongoDB client registers
 * every {@link CommandListener} bean): for tests about what reaches the store and with which write concern.
 */
@ApplicationScoped
public class MongoCommands implements CommandListener {

    /** A command as sent: its name, the collection it names, and its write concern's {@code j} (null: not given). */
    public record Sent(String name, String collection, Boolean journal) {

        boolean writes(String collectionName) {
            return collection.equals(collectionName)
                    && List.of("insert", "update", "delete").contains(name);
        }
    }

    private final List<Sent> sent = new ArrayList<>();
    private boolean recording;

    /** Starts recording, forgetting what was recorded before. */
    public synchronized void start() {
        sent.clear();
        recording = true;
    }

    /** Stops recording; what was recorded, in the order sent. */
    public synchronized List<Sent> stop() {
        recording = false;
        return List.copyOf(sent);
    }

    /**
     * The commands sent while {@code request} ran. For a REST Assured call: it has read the answer when it returns,
     * after which nothing of that request runs.
     */
    public List<Sent> during(Runnable request) {
        start();
        request.run();
        return stop();
    }

    @Override
    public synchronized void commandStarted(CommandStartedEvent event) {
        if (!recording) {
            return;
        }
        BsonDocument command = event.getCommand();
        BsonValue target = command.get(event.getCommandName());
        String collection =
                target != null && target.isString() ? target.asString().getValue() : "";
        Boolean journal = null;
        if (command.get("writeConcern") instanceof BsonDocument concern && concern.containsKey("j")) {
            journal = concern.get("j").asBoolean().getValue();
        }
        sent.add(new Sent(event.getCommandName(), collection, journal));
    }

    /**
     * The request's one write to {@code collection} ({@code change}: insert or update) is unjournaled, and one
     * journaled audit insert follows it: the event's acknowledgement makes the change durable with it (repository
     * {@code UnjournaledWrites}).
     */
    static void assertChangeThenJournaledEvent(List<Sent> sent, String collection, String change) {
        Supplier<String> all = () -> describe(sent);
        List<Integer> writes = IntStream.range(0, sent.size())
                .filter(i -> sent.get(i).writes(collection))
                .boxed()
                .toList();
        assertEquals(1, writes.size(), all);
        int at = writes.get(0);
        assertEquals(change, sent.get(at).name(), all);
        assertEquals(Boolean.FALSE, sent.get(at).journal(), all);

        List<Integer> events = IntStream.range(0, sent.size())
                .filter(i -> sent.get(i).writes("audit_events"))
                .boxed()
                .toList();
        assertEquals(1, events.size(), all);
        Sent event = sent.get(events.get(0));
        assertTrue(events.get(0) > at, () -> "the event is appended after the change:\n" + all.get());
        assertEquals("insert", event.name(), all);
        assertNotEquals(Boolean.FALSE, event.journal(), all);
    }

    static String describe(List<Sent> commands) {
        List<String> lines = new ArrayList<>();
        commands.forEach(c -> lines.add(c.name() + " " + c.collection() + " j=" + c.journal()));
        return String.join("\n", lines);
    }
}
