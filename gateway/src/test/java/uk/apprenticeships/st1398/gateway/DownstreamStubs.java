package uk.apprenticeships.st1398.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Fake downstream services: "standards" and "assessment" are a WireMock server (one endpoint hangs), and
 * "evidence" points at a port nobody listens on.
 */
public class DownstreamStubs implements QuarkusTestResourceLifecycleManager {

    static WireMockServer server;

    /** What both stubbed services publish at /q/openapi (SmallRye's 3.1 shape, trimmed). */
    static final String SERVICE_OPENAPI = """
            {"openapi":"3.1.0","info":{"title":"stub","version":"1"},
             "paths":{
               "/api/v1/standards/{reference}":{"get":{"operationId":"Standards_get","tags":["Standards"],
                 "security":[{"bearer":[]}],"responses":{"200":{"description":"ok","content":{"application/json":
                 {"schema":{"$ref":"#/components/schemas/Standard"}}}}}}},
               "/api/v1/certificates/.well-known/jwks.json":{"get":{"operationId":"Keys_get","tags":["Certificates"],
                 "security":[{"bearer":[]}],"responses":{"200":{"description":"ok"}}}}},
             "components":{"securitySchemes":{"bearer":{"type":"http","scheme":"bearer"}},
               "schemas":{"Standard":{"type":"object","properties":{"reference":{"type":"string",
                 "examples":["ST1398"]}}}}}}
            """;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        server.stubFor(get(urlPathEqualTo("/api/v1/standards/ST0304"))
                .willReturn(aResponse().withStatus(304).withHeader("ETag", "\"abc\"")));
        server.stubFor(any(urlPathMatching("/api/v1/(standards|standard-versions).*"))
                .atPriority(10)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("X-Request-Id", "downstream-id")
                        .withHeader("X-Downstream", "standards")
                        .withBody("{\"items\":[{\"reference\":\"ST1398\"}]}")));
        server.stubFor(any(urlPathMatching(
                        "(/assessor-service/api/v1/.*)|(/api/v1/(assessment-organisations|certificates|learner|epa)(/.*)?)"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":true}")));
        server.stubFor(get(urlPathEqualTo("/api/v1/assessments/slow"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(4000).withBody("{}")));
        server.stubFor(get(urlPathEqualTo("/api/v1/assessments/broken"))
                .willReturn(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.EMPTY_RESPONSE)));
        // DfE paths whose service is too slow or answers improperly (GatewayProxyTest: DfE's 500).
        server.stubFor(get(urlPathEqualTo("/assessor-service/api/v1/learner/1234567890/Slow/1"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(4000).withBody("{}")));
        server.stubFor(get(urlPathEqualTo("/assessor-service/api/v1/learner/1234567890/Broken/1"))
                .willReturn(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.EMPTY_RESPONSE)));
        server.stubFor(get(urlPathEqualTo("/q/health/ready"))
                .willReturn(aResponse().withStatus(200).withBody("{\"status\":\"UP\"}")));
        server.stubFor(get(urlPathEqualTo("/q/openapi"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(SERVICE_OPENAPI)));
        String stub = "http://localhost:" + server.port();
        return Map.of(
                "gateway.routes.standards.url",
                stub,
                "gateway.routes.assessment.url",
                stub,
                "gateway.routes.evidence.url",
                "http://127.0.0.1:" + closedPort(),
                "gateway.request-timeout",
                "PT1S");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
