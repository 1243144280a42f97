package uk.apprenticeships.st1398.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real PostgreSQL (zonky embedded binaries) for {@code @QuarkusTest}: started once per test run, with a
 * fresh database, and returned to Quarkus as the datasource.
 *
 * <p>{@link #stopServer()} and {@link #restartServer()} stop the server and start it again on the same port and data
 * directory, as an outage of the database would, while the application keeps running.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private Path dataDirectory;
    private int port;
    private volatile EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        try {
            dataDirectory = Files.createTempDirectory("st1398-pg");
            postgres = builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
        }
        port = postgres.getPort();
        Outages.register("PostgresResource", new Outages.Outage() {
            @Override
            public void stop() {
                stopServer(false);
            }

            @Override
            public void restart() {
                startAgain();
            }
        });
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    /** Kept data directory (removed in {@link #stop()}), so the same database can be started again. */
    private EmbeddedPostgres.Builder builder() {
        EmbeddedPostgres.Builder builder =
                EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        return port == 0 ? builder : builder.setPort(port);
    }

    private synchronized void stopServer(boolean quietly) {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                if (!quietly) {
                    throw new UncheckedIOException(e);
                }
            } finally {
                postgres = null;
            }
        }
    }

    private synchronized void startAgain() {
        if (postgres == null) {
            try {
                postgres = builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start embedded PostgreSQL again", e);
            }
        }
    }

    /** Stops the database (connections refused and dropped) until {@link #restartServer()}. */
    public static void stopServer() {
        Outages.control("PostgresResource", "stop");
    }

    /** Starts the database again on the same port with the data it had. */
    public static void restartServer() {
        Outages.control("PostgresResource", "restart");
    }

    @Override
    public void stop() {
        Outages.unregister("PostgresResource");
        stopServer(false);
        if (dataDirectory != null) {
            try (Stream<Path> paths = Files.walk(dataDirectory)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
