package uk.apprenticeships.st1398.devstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The embedded infrastructure behind {@code ./stack up}: a real PostgreSQL (zonky binaries from the Maven
 * repository) and a persistent MongoDB wire-protocol server (mongo-java-server with its H2 backend). Data
 * lives under {@code --data-dir} and survives restarts. Development only: production points the services
 * at real servers through environment variables.
 */
public final class DevInfra {

    static final List<String> DATABASES = List.of("standards", "assessment");

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Files.createDirectories(options.dataDir);
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

    private static EmbeddedPostgres startPostgres(Options options) throws IOException, SQLException {
        Path data = options.dataDir.resolve("postgres");
        Files.createDirectories(data);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(
                        options.dataDir.resolve("postgres-binaries").toFile())
                .setPort(options.pgPort)
                .start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            for (String database : DATABASES) {
                createIfMissing(connection, database);
            }
        }
        return postgres;
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

    private static MongoServer startMongo(Options options) {
        MongoServer server = new MongoServer(
                new H2Backend(options.dataDir.resolve("mongodb.mv").toString()));
        try {
            server.bind("127.0.0.1", options.mongoPort);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof BindException) {
                System.err.println("Port " + options.mongoPort + " is already in use; cannot start MongoDB.");
                System.exit(2);
            }
            throw e;
        }
        return server;
    }

    record Options(Path dataDir, int pgPort, int mongoPort, boolean postgres, boolean mongo) {

        static Options parse(String[] args) {
            Path dataDir = Path.of(".stack-data/infra");
            int pgPort = 15432;
            int mongoPort = 17017;
            boolean postgres = true;
            boolean mongo = true;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--data-dir" -> dataDir = Path.of(args[++i]);
                    case "--pg-port" -> pgPort = Integer.parseInt(args[++i]);
                    case "--mongo-port" -> mongoPort = Integer.parseInt(args[++i]);
                    case "--no-postgres" -> postgres = false;
                    case "--no-mongo" -> mongo = false;
                    default -> {
                        System.err.println("Unknown option " + args[i] + "; expected --data-dir DIR --pg-port N "
                                + "--mongo-port N [--no-postgres] [--no-mongo]");
                        System.exit(64);
                    }
                }
            }
            return new Options(dataDir.toAbsolutePath(), pgPort, mongoPort, postgres, mongo);
        }
    }
}
