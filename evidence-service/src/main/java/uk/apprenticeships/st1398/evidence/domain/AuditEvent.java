package uk.apprenticeships.st1398.evidence.domain;

import io.quarkus.mongodb.panache.common.MongoEntity;
import java.time.Instant;
import org.bson.types.ObjectId;

/**
 * The platform's stamp (subject, role, on behalf of, request id, time) without the display name: the trail survives
 * erasure, and an apprentice's own name must not.
 *
 * <p>One entry of the append-only audit trail: who changed (or exported) what, when, and SHA-256 digests of the
 * document before and after. It holds ids and digests only, never personal data, so it survives erasure.
 * Events of one apprentice form a hash chain ({@code chain} = the apprentice id): {@code seq} counts from 1
 * without gaps (a unique index on chain and seq), and {@code hash} covers the previous event's hash and every
 * field of this one, so a changed, removed or reordered event breaks the chain.
 */
@MongoEntity(collection = "audit_events")
public class AuditEvent {

    public ObjectId id;
    public String chain;
    public long seq;
    public Instant occurredAt;
    /** Token subject of the caller ({@code Stamp.subject}). */
    public String actor;
    /** The caller's widest role ({@code Stamp.role}). */
    public String actorRole;
    /** The subject a delegated token acted for ({@code Stamp.onBehalfOf}), or null. */
    public String onBehalfOf;
    /** The provider UKPRN or employer id the caller acts for; null for admins and apprentices (a ULN is personal). */
    public String actorTenant;
    /** Stable verb, e.g. {@code evidence.submitted}. */
    public String action;

    public String resourceType;
    public String resourceId;
    public ObjectId apprenticeId;
    public String requestId;
    /** Lower-case hex SHA-256 of the canonical JSON of the stored document; null when there was none. */
    public String beforeDigest;

    public String afterDigest;
    public String previousHash;
    public String hash;
}
