package uk.apprenticeships.st1398.devstack;

import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend of the MongoDB wire server with one promise added: a command that changed data is committed to
 * the MVStore file and the file is synced ({@code fsync}) before the reply goes out, so an acknowledged write
 * survives a crash of this process (and of the machine).
 *
 * <p>The library's own H2 backend opens its MVStore with H2's defaults: changes are committed by a background
 * thread about once a second ({@code autoCommitDelay} 1000 ms) and never synced, so the last second of
 * acknowledged writes is lost when the process dies. Here the store is opened by {@link DevInfra} and every
 * command that may change data ends with {@link #persist()}, unless it asked not to wait for the journal
 * ({@link #unjournaled}). The background writer stays on for housekeeping
 * (compaction); the commit per write no longer depends on it.
 *
 * <p>Commands that only read ({@link #onlyReads}) do not persist: they used to, and so waited behind every other
 * command's commit and {@code fsync} for the lock, even with nothing of their own to commit (a JFR profile under the
 * mixed load of bench/mixed-load.sh: the four worker threads spent 33 s of 50 blocked on it, apprentice reads by
 * {@code _id} included). A read may thus see a write whose commit is still under way, as MongoDB's default read
 * concern ({@code local}) sees a write before it is journaled; a later write's commit carries it (an MVStore commit
 * stores every change made before it), so nothing written because of such a read can outlive it in a crash.
 */
final class DurableH2Backend extends IndexedH2Backend {

    private final MVStore store;
    /** Held while committing; package-private for the tests. */
    final Object commitLock = new Object();

    DurableH2Backend(MVStore store) {
        super(store);
        this.store = store;
    }

    /** Commands that never change data, lower case (the library matches command names without regard to case). */
    private static final Set<String> READS = Set.of(
            "find",
            "getmore",
            "count",
            "distinct",
            "listcollections",
            "listindexes",
            "listdatabases",
            "ismaster",
            "hello",
            "ping",
            "buildinfo",
            "dbstats",
            "collstats",
            "serverstatus",
            "getparameter",
            "whatsmyuri",
            "killcursors",
            "endsessions");

    /** Pipeline stages that write. */
    private static final Set<String> WRITING_STAGES = Set.of("$out", "$merge");

    @Override
    protected Document execute(Channel channel, String databaseName, String command, Document query) {
        if (onlyReads(command, query) || unjournaled(query)) {
            return super.execute(channel, databaseName, command, query);
        }
        try {
            return super.execute(channel, databaseName, command, query);
        } finally {
            // Also after a failed command: an ordered insert can fail on its third document after writing two.
            long started = System.nanoTime();
            persist();
            SlowOperationLog.committed(System.nanoTime() - started);
        }
    }

    /**
     * Whether the write asked not to wait for the journal ({@code writeConcern: {j: false}}): as MongoDB, it is
     * answered once applied in memory, and made durable by the next journaled write's commit (which stores every
     * change made before it) or H2's background commit. evidence-service asks this only for data it can count again
     * (coverage summaries and cohort figures; docs/operations.md).
     */
    static boolean unjournaled(Document query) {
        return query.get("writeConcern") instanceof Document concern
                && (Boolean.FALSE.equals(concern.get("j"))
                        || concern.get("j") instanceof Number n && n.intValue() == 0);
    }

    /** Whether the command cannot change data: one of {@link #READS}, or an aggregation without $out or $merge. */
    static boolean onlyReads(String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (READS.contains(name)) {
            return true;
        }
        if (!name.equals("aggregate") || !(query.get("pipeline") instanceof List<?> pipeline)) {
            return false;
        }
        for (Object stage : pipeline) {
            if (!(stage instanceof Document d) || d.keySet().stream().anyMatch(WRITING_STAGES::contains)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Commits what is not committed yet and syncs the file, as one group for every writer waiting: each writer takes
     * a ticket once its change is in the store's memory; whoever holds the lock next commits (an MVStore commit stores
     * every change made before it starts), syncs, and marks every ticket taken before its commit as durable; a writer
     * whose ticket is already durable when it gets the lock returns without a commit of its own.
     *
     * <p>Before, a writer committed whenever the store had unsaved changes, which under load it always had (those of
     * the writers behind it), so commits and syncs ran one per writer in a convoy: under bench/mixed-load.sh the wire
     * server's worker threads spent about 70 % of their time waiting for that lock or in {@code fsync}. It also
     * answered without a sync when H2's background writer had committed (but not synced) the writer's change.
     */
    void persist() {
        long ticket = requested.incrementAndGet();
        synchronized (commitLock) {
            if (durable >= ticket) {
                return; // committed and synced by the writer before, with its own
            }
            long upTo = requested.get();
            store.commit();
            store.sync();
            COMMITS.incrementAndGet();
            durable = upTo;
            afterCommit.run();
        }
    }

    /** The store (for the tests). */
    MVStore store() {
        return store;
    }

    /** Run after each commit, under the lock (for the tests: other writers' changes arriving meanwhile). */
    volatile Runnable afterCommit = () -> {};

    /** Tickets taken: writers whose changes are in memory and want them durable. */
    final java.util.concurrent.atomic.AtomicLong requested = new java.util.concurrent.atomic.AtomicLong();

    /** Every ticket up to this one was committed and synced (written under {@link #commitLock}). */
    private volatile long durable;

    /** Commits with a sync made by {@link #persist} (for the tests). */
    static final java.util.concurrent.atomic.AtomicLong COMMITS = new java.util.concurrent.atomic.AtomicLong();
}
