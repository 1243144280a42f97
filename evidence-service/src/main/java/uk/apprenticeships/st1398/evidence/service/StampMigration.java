package uk.apprenticeships.st1398.evidence.service;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.type;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import io.quarkus.logging.Log;
import io.quarkus.mongodb.panache.PanacheMongoRepository;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.bson.BsonDocument;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonType;
import org.bson.BsonValue;
import org.bson.conversions.Bson;
import uk.apprenticeships.st1398.evidence.config.EvidenceConfig;
import uk.apprenticeships.st1398.evidence.repository.ApprenticeRepository;
import uk.apprenticeships.st1398.evidence.repository.EvidenceRepository;
import uk.apprenticeships.st1398.evidence.repository.OffTheJobRepository;
import uk.apprenticeships.st1398.evidence.repository.ProgressReviewRepository;
import uk.apprenticeships.st1398.evidence.repository.TombstoneRepository;

/**
 * Upgrades documents stored before the "who did it" fields became stamps ({@link StampShapes}) in place, at every
 * start, before the service serves requests (start-up observers run before the HTTP server opens).
 *
 * <p>Why no migration-version bookkeeping: the old shape is recognisable in the documents themselves (an old field
 * name exists, or {@code createdBy} is a string), so "what is left to do" is a query, and a run that finds nothing
 * does nothing. A marker saying "done" could only be wrong: documents written in the old shape after it was set (an
 * old instance still running during a rolling upgrade) would never be upgraded, while the query finds them at the
 * next start.
 *
 * <p>Each document is rewritten on its own with one single-document update (no transactions, which the wire-protocol
 * server of the tests and the dev stack lacks): {@code $set} of the top-level fields whose value changed and
 * {@code $unset} of those that went, on condition that the document is still as it was read (the same
 * {@code version} and still in the old shape where it has a version, otherwise the same values in those fields). So
 * a run that dies half-way leaves each document either old or new, never half; a restart upgrades what is left;
 * instances starting together cannot both rewrite one document (the loser re-reads it and finds it done); and a
 * concurrent write to a document (by an old instance) is never overwritten (the update misses and is retried from a
 * fresh read).
 *
 * <p>Every rewrite is recorded in the audit trail like any change ({@code apprentice.stamps-migrated},
 * {@code evidence.stamps-migrated}, {@code off-the-job.stamps-migrated}, {@code review.stamps-migrated}; actor
 * {@value #ACTOR}, no role or tenant), after the write, with the digest of the document as stored before and after:
 * otherwise each migrated document's next event would start from a digest no event left, which is what a change that
 * went unrecorded looks like. The audit events themselves are not touched: their shape did not change.
 *
 * <p>Versions ({@code version}) are kept: the content did not change, so a client's last read stays valid.
 */
@ApplicationScoped
public class StampMigration {

    /** The audit trail's actor for the rewrites: the service itself. */
    static final String ACTOR = "evidence-service";
    /** Reads and conditional writes of one document before giving up on it (each miss means someone else wrote). */
    private static final int ATTEMPTS = 10;

    /** One collection: where the old shape may be, how to upgrade a document, and how its rewrites are audited. */
    private record Target(
            PanacheMongoRepository<?> repository,
            Bson candidates,
            UnaryOperator<BsonDocument> upgrade,
            String action,
            Consumer<BsonDocument> afterUpgrade) {

        Target(
                PanacheMongoRepository<?> repository,
                Bson candidates,
                UnaryOperator<BsonDocument> upgrade,
                String action) {
            this(repository, candidates, upgrade, action, d -> {});
        }

        String name() {
            return repository.mongoCollection().getNamespace().getCollectionName();
        }

        MongoCollection<BsonDocument> collection() {
            return repository.mongoCollection().withDocumentClass(BsonDocument.class);
        }
    }

    /** What one run did to one collection. */
    public record Outcome(int migrated, int failed) {}

    private enum Result {
        MIGRATED,
        UNCHANGED,
        GONE
    }

    private final List<Target> targets;
    private final AuditTrail audit;
    private final Duration scanTimeout;

    public StampMigration(
            ApprenticeRepository apprentices,
            TombstoneRepository tombstones,
            EvidenceRepository evidence,
            OffTheJobRepository offTheJob,
            ProgressReviewRepository reviews,
            AuditTrail audit,
            EvidenceConfig config,
            CoverageSummaries coverage) {
        this.audit = audit;
        this.scanTimeout = config.mongodb().startUpScanTimeout();
        Bson createdByString = type("createdBy", BsonType.STRING);
        this.targets = List.of(
                new Target(
                        apprentices,
                        anyExists("statusHistory.by", "statusHistory.at", "erasure.by", "erasure.startedAt"),
                        StampShapes::apprentice,
                        "apprentice.stamps-migrated"),
                new Target(
                        tombstones,
                        anyExists("erasedBy", "erasedAt"),
                        StampShapes::tombstone,
                        "apprentice.stamps-migrated"),
                new Target(
                        evidence,
                        or(
                                createdByString,
                                anyExists(
                                        "history.by",
                                        "history.at",
                                        "employerConfirmation.by",
                                        "employerConfirmation.at",
                                        "content.file.uploadedBy",
                                        "content.file.uploadedAt",
                                        "revisions.supersededBy",
                                        "revisions.supersededAt",
                                        "revisions.employerConfirmation.by",
                                        "revisions.employerConfirmation.at",
                                        "revisions.content.file.uploadedBy",
                                        "revisions.content.file.uploadedAt")),
                        StampShapes::evidence,
                        "evidence.stamps-migrated",
                        // An acceptance's time moves into history[].stamp.at, where coverage reads it: the
                        // apprentice's coverage summary is marked stale, for the next reader to recompute.
                        d -> {
                            if (d.get("apprenticeId") instanceof BsonObjectId apprentice
                                    && d.get("providerUkprn") instanceof BsonString provider
                                    && d.get("standardVersion") instanceof BsonString version) {
                                coverage.changing(apprentice.getValue(), provider.getValue(), version.getValue());
                            }
                        }),
                new Target(
                        offTheJob,
                        or(createdByString, anyExists("decidedBy", "decidedAt")),
                        StampShapes::offTheJobEntry,
                        "off-the-job.stamps-migrated"),
                new Target(
                        reviews,
                        or(
                                createdByString,
                                anyExists("apprenticeSignOff.by", "providerSignOff.by", "employerSignOff.by")),
                        StampShapes::review,
                        "review.stamps-migrated"));
    }

    /**
     * After the other start-up observers (default priority), so that the audit trail's unique (chain, seq) index
     * exists before events are appended: instances starting together may append to one chain.
     */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) StartupEvent event) {
        run();
    }

    /**
     * Upgrades every document still in the old shape; per collection, how many were rewritten and how many could not
     * be (logged; they keep their old shape). A second run finds nothing to do.
     */
    public Map<String, Outcome> run() {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        for (Target target : targets) {
            Outcome outcome = migrate(target);
            outcomes.put(target.name(), outcome);
            if (outcome.migrated() > 0) {
                Log.infof("Upgraded %d documents of %s to the stamp shape", outcome.migrated(), target.name());
            }
            if (outcome.failed() > 0) {
                Log.errorf(
                        "%d documents of %s could not be upgraded to the stamp shape and cannot be read until "
                                + "they are corrected (see the errors above); the next start tries them again",
                        outcome.failed(), target.name());
            }
        }
        return outcomes;
    }

    private Outcome migrate(Target target) {
        MongoCollection<BsonDocument> collection = target.collection();
        // Ids first: the documents are then rewritten one by one, not under an open cursor over the same query.
        // The search reads the whole collection (no index holds the old fields): a client-side operation timeout
        // of its own (which replaces the socket's read timeout for this one operation), as a large store's scan
        // outlasts the read timeout sized for requests.
        List<BsonValue> ids = collection
                .withTimeout(scanTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .find(target.candidates())
                .projection(Projections.include("_id"))
                .map(d -> d.get("_id"))
                .into(new ArrayList<>());
        int migrated = 0;
        int failed = 0;
        for (BsonValue id : ids) {
            try {
                if (migrate(target, collection, id) == Result.MIGRATED) {
                    migrated++;
                }
            } catch (MongoException e) {
                // The database is unwell: do not start half-upgraded; the next start continues where this one stopped.
                throw e;
            } catch (RuntimeException e) {
                failed++;
                Log.errorf(e, "Could not upgrade %s document %s to the stamp shape", target.name(), id);
            }
        }
        return new Outcome(migrated, failed);
    }

    private Result migrate(Target target, MongoCollection<BsonDocument> collection, BsonValue id) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            BsonDocument stored = collection.find(eq("_id", id)).first();
            if (stored == null) {
                return Result.GONE;
            }
            BsonDocument upgraded = target.upgrade().apply(stored);
            if (upgraded.equals(stored)) {
                return Result.UNCHANGED;
            }
            if (collection
                            .updateOne(unchanged(target, id, stored, upgraded), changes(stored, upgraded))
                            .getMatchedCount()
                    == 1) {
                recordInAuditTrail(target, id, stored);
                target.afterUpgrade().accept(stored);
                return Result.MIGRATED;
            }
            Log.debugf("%s document %s changed while being upgraded; reading it again", target.name(), id);
        }
        throw new IllegalStateException("It kept changing while being upgraded (" + ATTEMPTS + " attempts)");
    }

    /**
     * The document, if it is still as it was read. A versioned one (evidence, off-the-job entries, reviews: every
     * write increments {@code version}, in the old code too) if it has the version read and is still in the old
     * shape (the upgrade keeps the version, so that alone would not stop a second instance from rewriting it again);
     * the version keeps the condition small (an evidence item with many revisions can be megabytes). Any other if
     * every top-level field the upgrade changes still holds the value that was read.
     */
    private static Bson unchanged(Target target, BsonValue id, BsonDocument stored, BsonDocument upgraded) {
        List<Bson> conditions = new ArrayList<>();
        conditions.add(eq("_id", id));
        if (stored.isNumber("version")) {
            conditions.add(eq("version", stored.get("version")));
            conditions.add(target.candidates());
            return and(conditions);
        }
        for (String field : changedFields(stored, upgraded)) {
            conditions.add(stored.containsKey(field) ? eq(field, stored.get(field)) : exists(field, false));
        }
        return and(conditions);
    }

    /** {@code $set} of each top-level field whose value changed, {@code $unset} of each that went. */
    private static Bson changes(BsonDocument stored, BsonDocument upgraded) {
        List<Bson> updates = new ArrayList<>();
        for (String field : changedFields(stored, upgraded)) {
            updates.add(upgraded.containsKey(field) ? Updates.set(field, upgraded.get(field)) : Updates.unset(field));
        }
        return Updates.combine(updates);
    }

    private static Set<String> changedFields(BsonDocument stored, BsonDocument upgraded) {
        Set<String> fields = new LinkedHashSet<>(stored.keySet());
        fields.addAll(upgraded.keySet());
        fields.removeIf(f -> Objects.equals(stored.get(f), upgraded.get(f)));
        return fields;
    }

    /** Reading the document back through its entity class also proves that the service can now read it. */
    private void recordInAuditTrail(Target target, BsonValue id, BsonDocument stored) {
        Object entity = target.repository().findById(id.asObjectId().getValue());
        if (entity != null) {
            audit.changedBySystem(ACTOR, target.action(), entity, AuditTrail.storedDigest(stored));
        }
    }

    private static Bson anyExists(String... paths) {
        List<Bson> any = new ArrayList<>();
        for (String path : paths) {
            any.add(exists(path));
        }
        return or(any);
    }
}
