package uk.apprenticeships.st1398.testing;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * An in-process MongoDB wire-protocol server (mongo-java-server, memory backend) for {@code @QuarkusTest}.
 * The application still talks through the real MongoDB driver. It lacks transactions, text search and TTL,
 * so code under test must not depend on them (production runs on real MongoDB).
 *
 * <p>{@link #stopServer()} and {@link #restartServer()} take the server away and bring it back on the same port with
 * the same data, as an outage of the database would, while the application keeps running.
 */
public class MongoResource implements QuarkusTestResourceLifecycleManager {

    private MemoryBackend backend;
    private MongoBackend keptOpen;
    private volatile MongoServer server;
    private int port;

    @Override
    public Map<String, String> start() {
        backend = new MemoryBackend();
        // The server closes its backend when it shuts down; the data must outlive an outage, so it sees one that
        // ignores close (the real one is closed in stop()).
        keptOpen = (MongoBackend) Proxy.newProxyInstance(
                MongoBackend.class.getClassLoader(), new Class<?>[] {MongoBackend.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        return null;
                    }
                    try {
                        return method.invoke(backend, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        server = new MongoServer(keptOpen);
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        port = address.getPort();
        Outages.register("MongoResource", new Outages.Outage() {
            @Override
            public void stop() {
                stopListening();
            }

            @Override
            public void restart() {
                listenAgain();
            }
        });
        return Map.of("quarkus.mongodb.connection-string", "mongodb://127.0.0.1:" + port);
    }

    private synchronized void stopListening() {
        if (server != null) {
            // Refuses new connections and drops the open ones, as when the database's process dies.
            server.shutdownNow();
            server = null;
        }
    }

    private synchronized void listenAgain() {
        if (server == null) {
            MongoServer again = new MongoServer(keptOpen);
            again.bind("127.0.0.1", port);
            server = again;
        }
    }

    /** Takes the database away (connections refused and dropped) until {@link #restartServer()}. */
    public static void stopServer() {
        Outages.control("MongoResource", "stop");
    }

    /** Brings the database back on the same port with the data it had. */
    public static void restartServer() {
        Outages.control("MongoResource", "restart");
    }

    @Override
    public void stop() {
        Outages.unregister("MongoResource");
        stopListening();
        if (backend != null) {
            backend.close();
        }
    }
}
