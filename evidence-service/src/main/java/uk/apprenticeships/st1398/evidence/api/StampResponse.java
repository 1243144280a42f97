package uk.apprenticeships.st1398.evidence.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Stamp", description = "Who did something and when: the same meaning everywhere on the platform")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StampResponse(
        @Schema(description = "Token subject (stable across renames)", example = "4f1c0c9e-...")
        String by,

        @Schema(description = "Their name or client id at the time", example = "Tom Tutor")
        String byName,

        @Schema(description = "Their widest role", example = "tutor")
        String role,

        @Schema(description = "The subject a delegated token acted for")
        String onBehalfOf,

        @Schema(description = "The X-Request-Id of the request")
        String requestId,

        Instant at) {}
