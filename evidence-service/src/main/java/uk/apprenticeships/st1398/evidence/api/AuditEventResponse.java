package uk.apprenticeships.st1398.evidence.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "AuditEvent",
        description = "One entry of an apprentice's append-only audit trail: ids and digests "
                + "only, no personal data, so it survives erasure. Events form a hash chain per apprentice.")
public record AuditEventResponse(
        String id,

        @Schema(description = "Position in the apprentice's chain, from 1, without gaps")
        long seq,

        Instant occurredAt,
        @Schema(description = "Token subject of the caller") String actor,

        @Schema(description = "The caller's widest role", example = "tutor")
        String actorRole,

        @Schema(description = "The subject a delegated token acted for, or null")
        String onBehalfOf,

        @Schema(
                description =
                        "The provider UKPRN or employer id the caller acted for; null for admins and " + "apprentices")
        String actorTenant,

        @Schema(description = "Stable verb", example = "evidence.submitted")
        String action,

        @Schema(description = "apprentice, evidence, off-the-job-entry or review")
        String resourceType,

        String resourceId,
        String apprenticeId,

        @Schema(description = "The X-Request-Id of the request that caused it")
        String requestId,

        @Schema(
                description = "SHA-256 (hex) of the canonical JSON of the stored document before the change; null "
                        + "for a create or an access")
        String beforeDigest,

        @Schema(description = "SHA-256 (hex) of the document after the change; null for a delete or an access")
        String afterDigest,

        @Schema(description = "hash of the previous event of this apprentice; null for the first")
        String previousHash,

        @Schema(
                description = "SHA-256 (hex) over previousHash and every field of this event, one per line in the "
                        + "order: previousHash, chain (apprentice id), seq, occurredAt, actor, actorRole, actorTenant, "
                        + "action, resourceType, resourceId, apprenticeId, requestId, beforeDigest, afterDigest (null as "
                        + "empty), then onBehalfOf when set")
        String hash) {}
