package uk.apprenticeships.st1398.evidence;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
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

    /** The recorded list, for messages. */
    static String describe(List<Sent> commands) {
        List<String> lines = new ArrayList<>();
        commands.forEach(c -> lines.add(c.name() + " " + c.collection() + " j=" + c.journal()));
        return String.join("\n", lines);
    }
}
