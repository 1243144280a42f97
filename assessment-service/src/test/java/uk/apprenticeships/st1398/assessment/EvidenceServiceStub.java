package uk.apprenticeships.st1398.assessment;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * evidence-service as WireMock, empty at start: each test stubs its own apprentices through WireMock's admin API at
 * {@code quarkus.rest-client.evidence.url} (see {@link GatewayResourceTest}), so tests cannot see each other's.
 */
public class EvidenceServiceStub implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        return Map.of("quarkus.rest-client.evidence.url", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
