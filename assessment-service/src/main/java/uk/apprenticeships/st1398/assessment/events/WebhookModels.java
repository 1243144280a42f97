package uk.apprenticeships.st1398.assessment.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response records of /api/v1/webhooks. */
public final class WebhookModels {

    private WebhookModels() {}

    @Schema(description = "A new subscription")
    public record WebhookRequest(
            @NotBlank
            @Size(max = 2000)
            @Schema(
                    description = "Where to POST events: an http(s) URL",
                    example = "https://lms.example.com/hooks/st1398")
            String url,

            @NotEmpty
            @Size(max = 50)
            @Schema(description = "The event types to receive (docs/events.md)", example = "[\"evidence.accepted\"]")
            List<@NotNull @Size(max = 60) String> eventTypes,

            @Size(max = 500) @Schema(description = "A note for people reading the subscription list")
            String description) {}

    @Schema(description = "A change to a subscription; members left out stay as they are")
    public record WebhookUpdate(
            @Size(min = 1, max = 2000) @Schema(description = "A new URL")
            String url,

            @Size(min = 1, max = 50) @Schema(description = "The new set of event types")
            List<@NotNull @Size(max = 60) String> eventTypes,

            @Size(max = 500) @Schema(description = "A new description")
            String description,

            @Schema(
                    description = "active re-enables a disabled subscription (deliveries waiting resume in order); "
                            + "disabled pauses it",
                    enumeration = {"active", "disabled"})
            String status) {}

    @Schema(description = "A subscription")
    public record WebhookResponse(
            UUID id,
            String url,
            List<String> eventTypes,
            String description,

            @Schema(description = "active, or disabled (by its owner, or after deliveries kept failing)")
            String status,

            @Schema(description = "Why it was disabled") String disabledReason,

            @Schema(description = "The client that owns it (token subject)")
            String owner,

            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,

            @Schema(description = "The signing secret (whsec_...): only in the answer that creates the subscription")
            String secret) {}

    @Schema(description = "One delivery of one event to a subscription, with its attempts")
    public record DeliveryResponse(
            UUID id,
            UUID eventId,
            String eventType,

            @Schema(description = "pending, sending, delivered, or failed (given up)")
            String status,

            int attempts,

            @Schema(description = "When the next attempt is due (pending)")
            OffsetDateTime nextAttemptAt,

            OffsetDateTime lastAttemptAt,
            Integer lastStatusCode,
            String lastError,
            Integer lastLatencyMs,

            @Schema(description = "A redelivery asked for by hand")
            boolean manual,

            OffsetDateTime createdAt,

            @Schema(description = "Every attempt, oldest first (only when one delivery is read)")
            List<AttemptResponse> attemptLog) {}

    @Schema(description = "One attempt of a delivery")
    public record AttemptResponse(
            int attempt, OffsetDateTime startedAt, Integer statusCode, String error, int latencyMs) {}

    @Schema(description = "The result of a test ping")
    public record PingResponse(
            @Schema(description = "Whether the receiver answered 2xx")
            boolean delivered,

            @Schema(description = "The receiver's HTTP status, if it answered")
            Integer statusCode,

            @Schema(description = "Why it failed") String error,
            long latencyMs,

            @Schema(description = "The webhook-id of the ping")
            String webhookId) {}
}
