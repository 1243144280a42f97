package uk.apprenticeships.st1398.evidence.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "StatusChange", description = "One change of an apprentice's status")
public record StatusChangeResponse(
        @Schema(example = "active") String status,
        Instant at,
        @Schema(description = "Subject of the token that made the change") String by) {
}
