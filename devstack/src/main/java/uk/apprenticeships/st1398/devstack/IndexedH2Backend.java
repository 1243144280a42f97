package uk.apprenticeships.st1398.devstack;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend of the MongoDB wire server whose databases honour the services' non-unique indexes, and which logs
 * its slow commands ({@link SlowOperationLog}).
 */
class IndexedH2Backend extends H2Backend {

    private volatile SlowOperationLog slowOperations =
            new SlowOperationLog(SlowOperationLog.DEFAULT_SLOW_MILLIS, System.out::println);

    IndexedH2Backend(MVStore store) {
        super(store);
    }

    /** Where slow commands are logged, and from which duration on. */
    void slowOperations(SlowOperationLog log) {
        this.slowOperations = log;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IndexedH2Database(databaseName, getMvStore(), getCursorRegistry());
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        SlowOperationLog log = slowOperations;
        SlowOperationLog.Operation operation = log.start();
        long started = System.nanoTime();
        try {
            return execute(channel, databaseName, command, query);
        } finally {
            log.finish(operation, databaseName, command, query, System.nanoTime() - started);
        }
    }

    /** Runs the command (the library's handling; {@link DurableH2Backend} adds the commit). */
    protected Document execute(Channel channel, String databaseName, String command, Document query) {
        return super.handleCommand(channel, databaseName, command, query);
    }
}
