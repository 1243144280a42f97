package uk.apprenticeships.st1398.evidence.service;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.logging.Log;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonDocumentWriter;
import org.bson.BsonValue;
import org.bson.codecs.Codec;
import org.bson.codecs.EncoderContext;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.bson.types.ObjectId;
import org.jboss.logging.MDC;
import uk.apprenticeships.st1398.evidence.domain.Apprentice;
import uk.apprenticeships.st1398.evidence.domain.ApprenticeTombstone;
import uk.apprenticeships.st1398.evidence.domain.AuditEvent;
import uk.apprenticeships.st1398.evidence.domain.Evidence;
import uk.apprenticeships.st1398.evidence.domain.OffTheJobEntry;
import uk.apprenticeships.st1398.evidence.domain.ProgressReview;
import uk.apprenticeships.st1398.evidence.repository.AuditEventRepository;
import uk.apprenticeships.st1398.platform.http.RequestIds;
import uk.apprenticeships.st1398.platform.security.Caller;
import uk.apprenticeships.st1398.platform.security.Roles;

/**
 * The one place that writes the audit trail. Services call it once per change, <b>after</b> the change is
 * stored, with the digest of the document as it was read before the change.
 *
 * <p>Order: change first, then the event. MongoDB here gives no multi-document transactions, so the two writes
 * cannot be atomic. If the process dies between them, the change is stored without its event; the gap is
 * detectable, because the next event of that resource has a {@code beforeDigest} that is not the previous
 * event's {@code afterDigest} (and the stored document's digest differs from the last {@code afterDigest}). The
 * other order was rejected: an event written first and then followed by a refused write (a concurrent change
 * answers 409, a crash) would assert a change that never happened, and after an erasure nothing could disprove
 * it. An event therefore only ever describes a change that is durable. The event's insert waits for the journal;
 * the change before it need not ({@code UnjournaledWrites}): the event's acknowledgement makes both durable.
 *
 * <p>Events of one apprentice form a hash chain. Appending reads the chain's last event, takes the next
 * sequence number and inserts; the unique index on (chain, seq) turns a concurrent append into a duplicate-key
 * error, and the loser re-reads and retries. Single-document inserts only: no transactions needed.
 */
@ApplicationScoped
public class AuditTrail {

    private static final int MAX_ATTEMPTS = 50;
    /** The field holding a document's pending domain events, left out of digests. */
    static final String OUTBOX = "outbox";

    private static final JsonWriterSettings CANONICAL =
            JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    private final AuditEventRepository events;
    private final Stamps stamps;

    public AuditTrail(AuditEventRepository events, Stamps stamps) {
        this.events = events;
        this.stamps = stamps;
    }

    /** What an event is about. */
    record Resource(String type, String id, ObjectId apprenticeId) {}

    /**
     * SHA-256 (lower-case hex) of the canonical JSON of the document as MongoDB stores it: encoded with the
     * collection's codec, keys sorted at every level, MongoDB Extended JSON. Null for no document.
     */
    public String digest(Object entity) {
        if (entity == null) {
            return null;
        }
        return storedDigest(encoded(entity));
    }

    /**
     * The same digest of a document read as it is stored, without the entity classes: what {@link #digest} gave for
     * the entity that was written, also for documents in a shape the current classes no longer read.
     */
    public static String storedDigest(BsonDocument stored) {
        BsonDocument digested = stored;
        if (stored.containsKey(OUTBOX)) {
            // Events waiting for the relay come and go without a change to the record (docs/events.md).
            digested = stored.clone();
            digested.remove(OUTBOX);
        }
        return sha256(((BsonDocument) sorted(digested)).toJson(CANONICAL));
    }

    /** A created or changed document (the entity after the change) and the digest read before it. */
    public void changed(String action, Object entity, String beforeDigest) {
        append(action, resourceOf(entity), beforeDigest, digest(entity));
    }

    /** A deleted document (the entity as it was before deletion). */
    public void deleted(String action, Object entity) {
        append(action, resourceOf(entity), digest(entity), null);
    }

    /** Something read or done to the whole record that changes no document (e.g. a subject-access export). */
    public void accessed(String action, ObjectId apprenticeId) {
        append(action, new Resource("apprentice", apprenticeId.toHexString(), apprenticeId), null, null);
    }

    /**
     * A change the service made by itself, with no request or caller (a start-up migration): the actor is
     * {@code actor} (the service's name), with no role, tenant or request id.
     */
    void changedBySystem(String actor, String action, Object entity, String beforeDigest) {
        append(new Actor(actor, null, null, null, null), action, resourceOf(entity), beforeDigest, digest(entity));
    }

    /**
     * A change an LMS made through the xAPI LRS (HTTP Basic: no token, so no {@link Caller}): the event names the
     * LMS credential's key as the actor, with the LMS role, acting for its provider.
     */
    public void changedByLms(String credentialKey, String providerUkprn, String action, Object entity) {
        append(
                new Actor(credentialKey, Roles.LMS_INTEGRATION, null, providerUkprn, requestId()),
                action,
                resourceOf(entity),
                null,
                digest(entity));
    }

    /** A record an LMS's statement made, deleted because the LMS voided the statement. */
    public void deletedByLms(String credentialKey, String providerUkprn, String action, Object entity) {
        append(
                new Actor(credentialKey, Roles.LMS_INTEGRATION, null, providerUkprn, requestId()),
                action,
                resourceOf(entity),
                digest(entity),
                null);
    }

    /** Who an event names: the caller's stamp without its display name, and the tenant they act for. */
    private record Actor(String subject, String role, String onBehalfOf, String tenant, String requestId) {}

    void append(String action, Resource resource, String beforeDigest, String afterDigest) {
        Caller caller = stamps.caller();
        // The caller's stamp without its display name: the trail survives erasure, an apprentice's name must not.
        Actor actor = new Actor(
                caller.subject(),
                caller.primaryRole(),
                caller.onBehalfOf(),
                Tenancy.of(caller).auditTenant(),
                caller.requestId() != null ? caller.requestId() : requestId());
        append(actor, action, resource, beforeDigest, afterDigest);
    }

    private void append(Actor actor, String action, Resource resource, String beforeDigest, String afterDigest) {
        String chain = resource.apprenticeId().toHexString();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            AuditEvent last = events.last(chain).orElse(null);
            AuditEvent e = new AuditEvent();
            e.chain = chain;
            e.seq = last == null ? 1 : last.seq + 1;
            e.previousHash = last == null ? null : last.hash;
            e.occurredAt = stamps.now();
            e.actor = actor.subject();
            e.actorRole = actor.role();
            e.onBehalfOf = actor.onBehalfOf();
            e.actorTenant = actor.tenant();
            e.action = action;
            e.resourceType = resource.type();
            e.resourceId = resource.id();
            e.apprenticeId = resource.apprenticeId();
            e.requestId = actor.requestId();
            e.beforeDigest = beforeDigest;
            e.afterDigest = afterDigest;
            e.hash = hash(e);
            if (events.append(e)) {
                Log.debugf("Audit %s #%d %s %s/%s by %s", chain, e.seq, action, e.resourceType, e.resourceId, e.actor);
                return;
            }
        }
        throw new IllegalStateException("Audit chain " + chain + " stayed contended for " + MAX_ATTEMPTS + " attempts");
    }

    /**
     * The event's hash: SHA-256 over the previous event's hash and every field of this event, one per line in a
     * fixed order; {@code onBehalfOf} is appended only when set, so events written before it was recorded keep
     * their hashes. Anyone holding the events can recompute it.
     */
    public static String hash(AuditEvent e) {
        List<String> fields = new ArrayList<>(List.of(
                Objects.toString(e.previousHash, ""),
                e.chain,
                Long.toString(e.seq),
                e.occurredAt.toString(),
                Objects.toString(e.actor, ""),
                Objects.toString(e.actorRole, ""),
                Objects.toString(e.actorTenant, ""),
                e.action,
                e.resourceType,
                e.resourceId,
                e.apprenticeId.toHexString(),
                Objects.toString(e.requestId, ""),
                Objects.toString(e.beforeDigest, ""),
                Objects.toString(e.afterDigest, "")));
        if (e.onBehalfOf != null) {
            fields.add(e.onBehalfOf);
        }
        return sha256(String.join("\n", fields));
    }

    static Resource resourceOf(Object entity) {
        if (entity instanceof Apprentice a) {
            return new Resource("apprentice", a.id.toHexString(), a.id);
        } else if (entity instanceof ApprenticeTombstone t) {
            return new Resource("apprentice", t.id.toHexString(), t.id);
        } else if (entity instanceof Evidence e) {
            return new Resource("evidence", e.id.toHexString(), e.apprenticeId);
        } else if (entity instanceof OffTheJobEntry o) {
            return new Resource("off-the-job-entry", o.id.toHexString(), o.apprenticeId);
        } else if (entity instanceof ProgressReview r) {
            return new Resource("review", r.id.toHexString(), r.apprenticeId);
        }
        throw new IllegalArgumentException(
                "Not an audited entity: " + entity.getClass().getName());
    }

    private static String requestId() {
        Object id = MDC.get(RequestIds.MDC_KEY);
        if (id != null) {
            return id.toString();
        }
        try (InstanceHandle<CurrentVertxRequest> request = Arc.container().instance(CurrentVertxRequest.class)) {
            return request.isAvailable() && request.get().getCurrent() != null
                    ? RequestIds.of(request.get().getCurrent())
                    : null;
        } catch (RuntimeException e) {
            // No active request context: the event is still written, without a request id.
            return null;
        }
    }

    /** The entity as the collection's codec stores it. */
    @SuppressWarnings("unchecked")
    private BsonDocument encoded(Object entity) {
        Codec<Object> codec =
                (Codec<Object>) events.mongoDatabase().getCodecRegistry().get(entity.getClass());
        BsonDocument doc = new BsonDocument();
        codec.encode(
                new BsonDocumentWriter(doc),
                entity,
                EncoderContext.builder().isEncodingCollectibleDocument(true).build());
        return doc;
    }

    private static BsonValue sorted(BsonValue value) {
        if (value instanceof BsonDocument doc) {
            List<String> keys = new ArrayList<>(doc.keySet());
            Collections.sort(keys);
            BsonDocument out = new BsonDocument();
            for (String key : keys) {
                out.put(key, sorted(doc.get(key)));
            }
            return out;
        } else if (value instanceof BsonArray array) {
            BsonArray out = new BsonArray();
            array.forEach(v -> out.add(sorted(v)));
            return out;
        }
        return value;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
