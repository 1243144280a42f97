package uk.apprenticeships.st1398.testing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * An in-process MongoDB wire-protocol server (mongo-java-server, memory backend) for {@code @QuarkusTest}.
 * The application still talks through the real MongoDB driver. It lacks transactions, text search and TTL,
 * so code under test must not depend on them (production runs on real MongoDB).
 */
public class MongoResource implements QuarkusTestResourceLifecycleManager {

    private MongoServer server;

    @Override
    public Map<String, String> start() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        return Map.of("quarkus.mongodb.connection-string", "mongodb://127.0.0.1:" + address.getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.shutdownNow();
        }
    }
}
