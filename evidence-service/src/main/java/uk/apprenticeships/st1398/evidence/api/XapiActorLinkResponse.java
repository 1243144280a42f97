package uk.apprenticeships.st1398.evidence.api;

import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A link of an xAPI actor to an apprentice. */
public record XapiActorLinkResponse(
        @Schema(description = "The link's id (for DELETE)") String id,

        @Schema(description = "The xAPI Agent as given", type = SchemaType.OBJECT)
        Map<String, Object> actor,

        @Schema(description = "How statements name the actor: mbox:<SHA-1>, openid:<IRI> or account:<name>")
        String actorKey,

        @Schema(description = "The apprentice") String apprenticeId,
        @Schema(description = "The training provider") String providerUkprn,
        @Schema(description = "When it was linked") Instant linkedAt,
        @Schema(description = "Who linked it") StampResponse linkedBy) {}
