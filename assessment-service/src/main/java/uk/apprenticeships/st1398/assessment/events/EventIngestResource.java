package uk.apprenticeships.st1398.assessment.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import uk.apprenticeships.st1398.platform.events.DomainEvent;
import uk.apprenticeships.st1398.platform.events.EventIngestClient;
import uk.apprenticeships.st1398.platform.events.WebhookSignatures;
import uk.apprenticeships.st1398.platform.problem.ApiException;

/**
 * Where evidence-service's and standards-service's outbox relays hand over their events. Not part of the public
 * API: the gateway does not route /internal, and the operation is left out of the OpenAPI document. A batch must be
 * signed with the shared ingest secret (Standard Webhooks, {@code events.ingest-secret}); each event id is stored
 * once, so a batch sent again changes nothing.
 */
@Path(EventIngestClient.PATH)
public class EventIngestResource {

    private static final Set<String> SOURCES = Set.of("evidence-service", "standards-service");
    private static final TypeReference<List<DomainEvent>> BATCH = new TypeReference<>() {};

    private final EventRecorder recorder;
    private final EventsConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    public EventIngestResource(EventRecorder recorder, EventsConfig config, ObjectMapper json, Clock clock) {
        this.recorder = recorder;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response ingest(
            @HeaderParam(WebhookSignatures.ID) String id,
            @HeaderParam(WebhookSignatures.TIMESTAMP) String timestamp,
            @HeaderParam(WebhookSignatures.SIGNATURE) String signature,
            String body) {
        String secret = config.ingestSecret().orElse(null);
        if (secret == null || !WebhookSignatures.verify(secret, id, timestamp, signature, body, clock.instant())) {
            throw ApiException.of(
                    EventError.INGEST_SIGNATURE_INVALID,
                    "The batch is not signed with the platform's ingest secret, or its timestamp is more than five"
                            + " minutes off.");
        }
        List<DomainEvent> events;
        try {
            events = json.readValue(body, BATCH);
        } catch (JsonProcessingException | RuntimeException e) {
            throw ApiException.invalid("body", "must be a JSON array of events");
        }
        for (DomainEvent event : events) {
            try {
                java.util.UUID.fromString(event.id());
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("id", "must be a UUID");
            }
            if (!SOURCES.contains(event.source())) {
                throw ApiException.invalid("source", "must be evidence-service or standards-service");
            }
        }
        int stored = recorder.ingest(events);
        Log.debugf("Ingested %d of %d events", stored, events.size());
        return Response.noContent().build();
    }
}
