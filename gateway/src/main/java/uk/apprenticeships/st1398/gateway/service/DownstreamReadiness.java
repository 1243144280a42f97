package uk.apprenticeships.st1398.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import uk.apprenticeships.st1398.gateway.config.GatewayConfig;

/**
 * Readiness of each downstream service, probed on its own {@code /q/health/ready}. The gateway is ready
 * only when every downstream is; the check's data names which one is not.
 */
@Readiness
@ApplicationScoped
public class DownstreamReadiness implements HealthCheck {

    private final GatewayConfig config;
    private final HttpClient http;

    public DownstreamReadiness(GatewayConfig config) {
        this.config = config;
        this.http =
                HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build();
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("downstream services");
        Map<String, String> states = new TreeMap<>();
        config.routes().forEach((name, route) -> states.put(name, probe(route.url())));
        states.forEach(builder::withData);
        return builder.status(states.values().stream().allMatch("UP"::equals)).build();
    }

    private String probe(URI base) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/q/health/ready"))
                .timeout(config.readinessTimeout())
                .GET()
                .build();
        try {
            int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 ? "UP" : "DOWN (HTTP " + status + ")";
        } catch (IOException e) {
            return "DOWN (unreachable)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "DOWN (interrupted)";
        }
    }
}
