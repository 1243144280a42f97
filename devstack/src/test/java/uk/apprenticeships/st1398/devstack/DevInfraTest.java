package uk.apprenticeships.st1398.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.connection.ServerDescription;
import de.bwaldvogel.mongo.MongoServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevInfraTest {

    @TempDir
    Path dir;

    /**
     * Fails as soon as the MongoDB driver on the classpath (the services' driver, version from the Quarkus BOM)
     * needs a newer server than the stack's wire server reports: raise {@link WireVersion#DEFAULT} (if
     * mongo-java-server implements that version's commands) or do not upgrade the driver.
     */
    @Test
    void theStoresPageCacheGrowsWithALargeHeapOnly() {
        long mb = 1024 * 1024;
        assertEquals(32, DevInfra.cacheMegabytes(256 * mb), "the laptop heap ./stack gives infra");
        assertEquals(32, DevInfra.cacheMegabytes(512 * mb));
        assertEquals(384, DevInfra.cacheMegabytes(3072 * mb), "an eighth of a large demo heap");
        assertEquals(512, DevInfra.cacheMegabytes(16384 * mb), "at most 512 MB");
    }

    @Test
    void reportedWireVersionIsAboveWhatTheDriverRequires() throws Exception {
        int driverMinimum = driverConstant("MIN_DRIVER_WIRE_VERSION");
        int driverMaximum = driverConstant("MAX_DRIVER_WIRE_VERSION");
        assertTrue(
                WireVersion.DEFAULT > driverMinimum,
                "the MongoDB driver on the classpath requires wire version " + driverMinimum
                        + " but the dev stack reports " + WireVersion.DEFAULT
                        + " (WireVersion.DEFAULT): the stack must stay above the driver's minimum");
        assertTrue(WireVersion.DEFAULT <= driverMaximum, "the driver knows wire versions up to " + driverMaximum);
    }

    private static int driverConstant(String name) throws ReflectiveOperationException {
        Field field = ServerDescription.class.getField(name);
        return field.getInt(null);
    }

    @Test
    void wireServerReportsItsVersionAcceptsJournaledWritesAndHasThemInTheFileWhenItAnswers() throws Exception {
        Path file = dir.resolve("mongodb.mv");
        MongoServer server =
                new MongoServer(DevInfra.mongoBackend(file, DevInfra.Durability.DURABLE, WireVersion.DEFAULT));
        try {
            server.bind("127.0.0.1", 0);
            InetSocketAddress address = server.getLocalAddress();
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
                Document hello = client.getDatabase("admin").runCommand(new Document("isMaster", 1));
                assertEquals(WireVersion.DEFAULT, hello.getInteger("maxWireVersion"));

                MongoCollection<Document> items = client.getDatabase("evidence")
                        .getCollection("items")
                        .withWriteConcern(WriteConcern.W1.withJournal(true));
                for (int i = 0; i < 20; i++) {
                    items.insertOne(new Document("_id", "item-" + i).append("n", i));
                }
                // What a crash right now would leave: a copy of the file as it is when the last write was answered.
                Path copy = dir.resolve("copy.mv");
                Files.copy(file, copy);
                MongoServer afterCrash =
                        new MongoServer(DevInfra.mongoBackend(copy, DevInfra.Durability.DURABLE, WireVersion.DEFAULT));
                try {
                    afterCrash.bind("127.0.0.1", 0);
                    try (MongoClient again = MongoClients.create("mongodb://127.0.0.1:"
                            + afterCrash.getLocalAddress().getPort())) {
                        MongoCollection<Document> found =
                                again.getDatabase("evidence").getCollection("items");
                        assertEquals(20, found.countDocuments());
                        assertNotNull(found.find(new Document("_id", "item-19")).first());
                    }
                } finally {
                    afterCrash.shutdownNow();
                }
            }
        } finally {
            server.shutdownNow();
        }
    }

    /** The binaries are unpacked on a data directory's first start only (and the heap that took is given back). */
    @Test
    void postgresBinariesAreUnpackedOnTheFirstStartOnly() throws Exception {
        Path binaries = dir.resolve("postgres-binaries");
        assertTrue(DevInfra.unpacksBinaries(binaries), "a new data directory");
        DevInfra.Options options =
                DevInfra.Options.parse(new String[] {"--data-dir", dir.toString(), "--pg-port", "0", "--no-mongo"});
        try (EmbeddedPostgres postgres = DevInfra.startPostgres(options.withPgPort(freePort()))) {
            assertNotNull(postgres);
        }
        assertFalse(DevInfra.unpacksBinaries(binaries), "unpacked into " + binaries + " and reused from now on");
        Files.createDirectories(dir.resolve("empty"));
        assertTrue(DevInfra.unpacksBinaries(dir.resolve("empty")), "a directory without a PG-<hash> in it");
    }

    @Test
    void postgresIsDurable() throws Exception {
        DevInfra.Options options =
                DevInfra.Options.parse(new String[] {"--data-dir", dir.toString(), "--pg-port", "0", "--no-mongo"});
        try (EmbeddedPostgres postgres = DevInfra.startPostgres(options.withPgPort(freePort()))) {
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                assertEquals("on", show(statement, "fsync"));
                assertEquals("on", show(statement, "synchronous_commit"));
                assertEquals("on", show(statement, "full_page_writes"));
            }
        }
    }

    /**
     * The embedded PostgreSQL's shared buffers are sized for a laptop stack (32 MB, not the 128 MB that initdb writes
     * into postgresql.conf, which a data directory from an earlier build also still says).
     */
    @Test
    void postgresSharedBuffersAreSmall() throws Exception {
        DevInfra.Options options =
                DevInfra.Options.parse(new String[] {"--data-dir", dir.toString(), "--pg-port", "0", "--no-mongo"});
        try (EmbeddedPostgres postgres = DevInfra.startPostgres(options.withPgPort(freePort()))) {
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                assertEquals("32MB", show(statement, "shared_buffers"));
                // initdb writes 128MB into postgresql.conf; the server's -c option wins over it.
                try (ResultSet rs =
                        statement.executeQuery("select source from pg_settings where name = 'shared_buffers'")) {
                    rs.next();
                    assertEquals("command line", rs.getString(1));
                }
            }
        }
    }

    private static String show(Statement statement, String setting) throws Exception {
        try (ResultSet rs = statement.executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static int freePort() throws Exception {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
