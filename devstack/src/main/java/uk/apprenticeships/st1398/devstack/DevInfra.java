package uk.apprenticeships.st1398.devstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.h2.mvstore.MVStore;

/**
 * The embedded infrastructure behind {@code ./stack up}: a real PostgreSQL (zonky binaries from the Maven
 * repository) and a persistent MongoDB wire-protocol server (mongo-java-server with its H2 backend). Data
 * lives under {@code --data-dir} and survives restarts. Production points the services at real servers through
 * environment variables.
 *
 * <p><b>Acknowledged means durable</b> ({@code --durability durable}, the default): PostgreSQL runs with {@code
 * fsync}, {@code synchronous_commit} and {@code full_page_writes} on (zonky's defaults turn the first two off), and
 * the wire server commits and syncs its H2 store before it answers a command that changed data
 * ({@link DurableH2Backend}). {@code --durability relaxed} restores the old, fast, lossy settings; it exists only so
 * that {@code bench/kill-restart.sh} can measure what durability costs.
 *
 * <p><b>Crash recovery</b>: PostgreSQL runs as a separate process that outlives this JVM when it is killed with
 * {@code kill -9} (no shutdown hook runs). On start, a PostgreSQL that still runs on this data directory (named by
 * its {@code postmaster.pid}, checked against the process's own command line) is stopped with a fast shutdown
 * before the new one starts; its crash recovery then replays the WAL.
 */
public final class DevInfra {

    static final List<String> DATABASES = List.of("standards", "assessment");

    /** The embedded PostgreSQL's {@code shared_buffers}. */
    static final String SHARED_BUFFERS = "32MB";

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Files.createDirectories(options.dataDir);
        System.out.println("DEVSTACK durability=" + options.durability.name().toLowerCase(Locale.ROOT)
                + " mongo-wire-version=" + options.mongoWireVersion);
        EmbeddedPostgres postgres = options.postgres ? startPostgres(options) : null;
        MongoServer mongo = options.mongo ? startMongo(options) : null;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            if (mongo != null) {
                                mongo.shutdown();
                            }
                            if (postgres != null) {
                                try {
                                    postgres.close();
                                } catch (IOException e) {
                                    System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
                                }
                            }
                            System.out.println("DEVSTACK STOPPED");
                            stopped.countDown();
                        },
                        "devstack-shutdown"));
        System.out.println("DEVSTACK READY" + (postgres != null ? " postgres=localhost:" + options.pgPort : "")
                + (mongo != null ? " mongodb=localhost:" + options.mongoPort : ""));
        stopped.await();
    }

    static EmbeddedPostgres startPostgres(Options options) throws IOException, SQLException {
        Path data = options.dataDir.resolve("postgres");
        Files.createDirectories(data);
        stopOrphanedPostgres(data);
        boolean durable = options.durability == Durability.DURABLE;
        Path binaries = options.dataDir.resolve("postgres-binaries");
        boolean unpacking = unpacksBinaries(binaries);
        // zonky passes -F (fsync off) and synchronous_commit=off; -c options come after -F and win.
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binaries.toFile())
                .setPort(options.pgPort)
                .setServerConfig("fsync", durable ? "on" : "off")
                .setServerConfig("synchronous_commit", durable ? "on" : "off")
                .setServerConfig("full_page_writes", "on")
                // A laptop stack's shared buffers: 32 MB, not PostgreSQL's 128 MB. Every backend, parallel worker,
                // the checkpointer and the background writer map the pages it touches, so each counted up to
                // ~150 MB of RSS during bench/epa-export.sh (infra's RSS sum reached 1.1 GB, PSS 380 MB); the
                // exports' and COPY's large scans read through a small ring buffer and the page cache either way
                // (bench/README.md, "epa-export.sh", and docs/operations.md).
                .setServerConfig("shared_buffers", SHARED_BUFFERS)
                // TCP only. The default Unix socket (and its lock file /tmp/.s.PGSQL.<port>.lock) is shared by every
                // stack on the machine, whatever its network namespace or data directory: a second stack's
                // PostgreSQL then refuses to start ("Is another postmaster using socket file ...?").
                .setServerConfig("unix_socket_directories", "")
                // Crash recovery after kill -9 can take longer than zonky's 10 s default on a busy machine.
                .setPGStartupWait(java.time.Duration.ofSeconds(60))
                .start();
        if (unpacking) {
            releaseUnpackingHeap();
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            for (String database : DATABASES) {
                createIfMissing(connection, database);
            }
        }
        return postgres;
    }

    /**
     * Whether starting PostgreSQL unpacks its binaries first: zonky unpacks them into {@code postgres-binaries/PG-<hash>}
     * on the first start of a data directory and reuses them on later starts.
     */
    static boolean unpacksBinaries(Path binaries) throws IOException {
        if (!Files.isDirectory(binaries)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(binaries)) {
            return entries.noneMatch(entry ->
                    Files.isDirectory(entry) && entry.getFileName().toString().startsWith("PG-"));
        }
    }

    /**
     * Gives back the heap that unpacking PostgreSQL's binaries (an XZ archive, read in this JVM) took. It ends up in
     * the old generation, which the Serial collector {@code ./stack} gives infra shrinks only gradually, over
     * successive full collections: after a first start infra's JVM kept its old generation at ~72 MB and its RSS at
     * ~190 MB at rest, against ~20 MB and ~120 MB after any later start, which put the stack over its 1.2 GiB at
     * rest (bench/README.md, "rss.sh"). So, once, on the start that unpacked them: full collections of a heap that
     * holds ~10 MB of live objects, until its committed size stops falling.
     */
    static void releaseUnpackingHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long committed = memory.getHeapMemoryUsage().getCommitted();
        for (int collection = 1; collection <= 6; collection++) {
            System.gc();
            long now = memory.getHeapMemoryUsage().getCommitted();
            // the first collections may shrink nothing yet: the collector's shrinking starts at none and grows
            if (collection >= 3 && now >= committed) {
                break;
            }
            committed = now;
        }
    }

    private static void createIfMissing(Connection connection, String database) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        try (Statement create = connection.createStatement()) {
            create.execute("create database " + database);
        }
    }

    /**
     * Stops a PostgreSQL left running on {@code data} by a previous DevInfra that was killed (kill -9 runs no
     * shutdown hook, and pg_ctl starts the postmaster in a session of its own, so it outlives the JVM). Only a
     * process that {@code postmaster.pid} names and whose command line is a {@code postgres} with this data
     * directory is touched; anything else (a stale file, a recycled pid) is left alone and PostgreSQL itself
     * decides about the file.
     */
    static void stopOrphanedPostgres(Path data) throws IOException {
        Optional<ProcessHandle> orphan = orphanedPostgres(data);
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle postmaster = orphan.get();
        System.out.println("DEVSTACK stopping the orphaned PostgreSQL (pid " + postmaster.pid() + ") on " + data);
        // SIGINT is PostgreSQL's fast shutdown (what pg_ctl -m fast sends): clients are disconnected, WAL flushed.
        signal(postmaster.pid(), "INT");
        if (!waitForExit(postmaster, 60)) {
            System.err.println("DEVSTACK the orphaned PostgreSQL did not stop in 60 s; sending SIGQUIT");
            signal(postmaster.pid(), "QUIT");
            if (!waitForExit(postmaster, 15)) {
                throw new IOException("the orphaned PostgreSQL (pid " + postmaster.pid() + ") on " + data
                        + " does not stop; stop it by hand");
            }
        }
    }

    static Optional<ProcessHandle> orphanedPostgres(Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 2 || !lines.get(0).trim().matches("\\d+")) {
            return Optional.empty();
        }
        long pid = Long.parseLong(lines.get(0).trim());
        Path named = Path.of(lines.get(1).trim());
        if (!sameFile(named, data)) {
            return Optional.empty();
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (handle.isEmpty()) {
            return Optional.empty();
        }
        String commandLine = commandLine(pid);
        String executable = commandLine.split("\0", 2)[0];
        boolean isPostgres = executable.endsWith("/postgres") || executable.equals("postgres");
        boolean onThisDir = commandLine.contains(data.toString()) || sameFile(cwd(pid), data);
        return isPostgres && onThisDir ? handle : Optional.empty();
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")));
        } catch (IOException e) {
            return "";
        }
    }

    private static Path cwd(long pid) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd"));
        } catch (IOException | UnsupportedOperationException e) {
            return Path.of("/nonexistent");
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static void signal(long pid, String signal) throws IOException {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .inheritIO()
                    .start()
                    .waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while signalling " + pid, e);
        }
    }

    private static boolean waitForExit(ProcessHandle process, int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (process.isAlive() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !process.isAlive();
    }

    /** Opens the wire server's store: durable (commit + sync per write) or the library's default (relaxed). */
    static AbstractMongoBackend mongoBackend(Path file, Durability durability, int wireVersion) {
        // Small leaf pages: a commit writes each changed page whole, so a write re-encodes the few documents that
        // share its page rather than a 16 KB page's worth (bench/README.md, "The wire server's store format").
        MVStore store = new MVStore.Builder()
                .fileName(file.toString())
                .pageSplitSize(4 * 1024)
                .cacheSize(cacheMegabytes(Runtime.getRuntime().maxMemory()))
                .open();
        int converted = BsonMaps.convert(store);
        if (converted > 0) {
            System.out.println("DEVSTACK converted " + converted + " maps of " + file + " to BSON");
        }
        AbstractMongoBackend backend =
                durability == Durability.DURABLE ? new DurableH2Backend(store) : new IndexedH2Backend(store);
        backend.version(WireVersion.of(wireVersion));
        return backend;
    }

    /**
     * H2's cache of read pages, in MB: 32 with the laptop heap (./stack gives infra 256 MB); with a heap above
     * 512 MB (a demo data set of thousands of apprentices, {@code STACK_INFRA_JAVA_OPTS}) an eighth of it, at most
     * 512 MB, so that documents read often are read from memory rather than from the file on every query. A page
     * holds its documents as their stored bytes ({@link StoredDocument}), which H2 counts exactly; the keys and an
     * index's values are decoded and counted by {@link BsonDataType#getMemory}'s estimate.
     */
    static int cacheMegabytes(long maxHeapBytes) {
        long megabytes = maxHeapBytes / (1024 * 1024);
        return megabytes <= 512 ? 32 : (int) Math.min(512, megabytes / 8);
    }

    private static MongoServer startMongo(Options options) {
        AbstractMongoBackend backend =
                mongoBackend(options.dataDir.resolve("mongodb.mv"), options.durability, options.mongoWireVersion);
        ((IndexedH2Backend) backend).slowOperations(new SlowOperationLog(options.slowMillis, System.out::println));
        MongoServer server = new MongoServer(backend);
        try {
            bind(server, options.mongoPort);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof BindException) {
                System.err.println("Port " + options.mongoPort + " is already in use; cannot start MongoDB.");
                System.exit(2);
            }
            throw e;
        }
        return server;
    }

    /**
     * Threads that run the wire server's commands: one per connection, up to this many connections. The library
     * runs each command on its connection's Netty event loop and, given 0, makes two per core; every connection on a
     * loop then waited for whatever another connection's command was doing on it - a long query, or a commit and its
     * {@code fsync} - so under bench/mixed-load.sh reads by {@code _id} waited behind writes of other requests.
     * Connections are handed to the loops in turn; the services' pools at the stack's load use fewer than this.
     */
    static final int MONGO_WORKER_THREADS = 32;

    /** Binds the wire server on the loopback interface with {@link #MONGO_WORKER_THREADS} (0: any free port). */
    static void bind(MongoServer server, int port) {
        server.bind(new java.net.InetSocketAddress("127.0.0.1", port), 1, MONGO_WORKER_THREADS);
    }

    /** What an acknowledged write promises. */
    enum Durability {
        /** Acknowledged writes survive a crash of the process and of the machine (the default). */
        DURABLE,
        /** The old settings (fsync and synchronous_commit off, H2 commits about once a second): for benchmarks. */
        RELAXED;

        static Durability parse(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "durable" -> DURABLE;
                case "relaxed" -> RELAXED;
                default ->
                    throw new IllegalArgumentException("--durability must be durable or relaxed, was '" + value + "'");
            };
        }
    }

    record Options(
            Path dataDir,
            int pgPort,
            int mongoPort,
            boolean postgres,
            boolean mongo,
            Durability durability,
            int mongoWireVersion,
            long slowMillis) {

        Options withPgPort(int port) {
            return new Options(dataDir, port, mongoPort, postgres, mongo, durability, mongoWireVersion, slowMillis);
        }

        static Options parse(String[] args) {
            Path dataDir = Path.of(".stack-data/infra");
            int pgPort = 15432;
            int mongoPort = 17017;
            boolean postgres = true;
            boolean mongo = true;
            Durability durability = Durability.DURABLE;
            int mongoWireVersion = WireVersion.DEFAULT;
            long slowMillis = SlowOperationLog.DEFAULT_SLOW_MILLIS;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--data-dir" -> dataDir = Path.of(args[++i]);
                    case "--pg-port" -> pgPort = Integer.parseInt(args[++i]);
                    case "--mongo-port" -> mongoPort = Integer.parseInt(args[++i]);
                    case "--no-postgres" -> postgres = false;
                    case "--no-mongo" -> mongo = false;
                    case "--durability" -> durability = Durability.parse(args[++i]);
                    case "--mongo-wire-version" -> mongoWireVersion = Integer.parseInt(args[++i]);
                    case "--slow-ms" -> slowMillis = Long.parseLong(args[++i]);
                    default -> {
                        System.err.println("Unknown option " + args[i] + "; expected --data-dir DIR --pg-port N "
                                + "--mongo-port N [--no-postgres] [--no-mongo] [--durability durable|relaxed] "
                                + "[--mongo-wire-version N] [--slow-ms N (negative: off)]");
                        System.exit(64);
                    }
                }
            }
            return new Options(
                    dataDir.toAbsolutePath(),
                    pgPort,
                    mongoPort,
                    postgres,
                    mongo,
                    durability,
                    mongoWireVersion,
                    slowMillis);
        }
    }
}
