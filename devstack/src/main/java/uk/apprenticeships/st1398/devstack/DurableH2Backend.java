package uk.apprenticeships.st1398.devstack;

import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend of the MongoDB wire server with one promise added: a command that changed data is committed to
 * the MVStore file and the file is synced ({@code fsync}) before the reply goes out, so an acknowledged write
 * survives a crash of this process (and of the machine).
 *
 * <p>The library's own H2 backend opens its MVStore with H2's defaults: changes are committed by a background
 * thread about once a second ({@code autoCommitDelay} 1000 ms) and never synced, so the last second of
 * acknowledged writes is lost when the process dies. Here the store is opened by {@link DevInfra} and every
 * command - reads included, which costs nothing when there is nothing to commit - ends with {@link #persist()}.
 * The background writer stays on for housekeeping (compaction); the commit per write no longer depends on it.
 */
final class DurableH2Backend extends IndexedH2Backend {

    private final MVStore store;
    private final Object commitLock = new Object();

    DurableH2Backend(MVStore store) {
        super(store);
        this.store = store;
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            // Also after a failed command: an ordered insert can fail on its third document after writing two.
            persist();
        }
    }

    /**
     * Commits what is not committed yet and syncs the file. Concurrent writers queue here; one commit can carry
     * several writers' changes (a writer whose changes were committed by another finds nothing left to commit,
     * and the other's sync happened before it got the lock).
     */
    void persist() {
        synchronized (commitLock) {
            if (store.hasUnsavedChanges()) {
                store.commit();
                store.sync();
            }
        }
    }
}
