package uk.apprenticeships.st1398.platform.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * How a service's outbox relay hands its events to the hub (assessment-service, {@code POST /internal/v1/events}):
 * one JSON array per call, signed like a webhook (Standard Webhooks, {@link WebhookSignatures}) with the platform's
 * shared ingest secret. The hub stores each event once by its id, so a batch sent again after a crash or a timeout
 * changes nothing: the relay removes events from its outbox only after a 2xx.
 */
public final class EventIngestClient {

    public static final String PATH = "/internal/v1/events";

    private final URI endpoint;
    private final String secret;
    private final Duration timeout;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http;

    public EventIngestClient(String hubUrl, String secret, Duration timeout, ObjectMapper json, Clock clock) {
        this.endpoint = URI.create(hubUrl.replaceAll("/+$", "") + PATH);
        this.secret = secret;
        this.timeout = timeout;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Sends the events; throws when the hub did not answer 2xx (the caller keeps them and tries again later). */
    public void send(List<DomainEvent> events) throws IOException, InterruptedException {
        String body = json.writeValueAsString(events);
        String id = "ingest_" + UUID.randomUUID();
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(WebhookSignatures.ID, id)
                .header(WebhookSignatures.TIMESTAMP, Long.toString(timestamp))
                .header(WebhookSignatures.SIGNATURE, WebhookSignatures.sign(secret, id, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("The event hub answered " + response.statusCode() + " to " + events.size()
                    + " events: " + response.body());
        }
    }
}
