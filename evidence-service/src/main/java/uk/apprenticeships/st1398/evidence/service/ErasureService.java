package uk.apprenticeships.st1398.evidence.service;

import com.mongodb.client.model.Filters;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bson.types.ObjectId;
import uk.apprenticeships.st1398.evidence.api.ErasureResponse;
import uk.apprenticeships.st1398.evidence.config.RetentionConfig;
import uk.apprenticeships.st1398.evidence.domain.Apprentice;
import uk.apprenticeships.st1398.evidence.domain.ApprenticeTombstone;
import uk.apprenticeships.st1398.evidence.domain.Evidence;
import uk.apprenticeships.st1398.evidence.domain.EvidenceRevision;
import uk.apprenticeships.st1398.evidence.domain.StampDoc;
import uk.apprenticeships.st1398.evidence.domain.StatusChange;
import uk.apprenticeships.st1398.evidence.events.EvidenceEvents;
import uk.apprenticeships.st1398.evidence.mapping.StampMapper;
import uk.apprenticeships.st1398.evidence.repository.ApprenticeRepository;
import uk.apprenticeships.st1398.evidence.repository.AuditEventRepository;
import uk.apprenticeships.st1398.evidence.repository.EvidenceFileStore;
import uk.apprenticeships.st1398.evidence.repository.EvidenceRepository;
import uk.apprenticeships.st1398.evidence.repository.IdempotencyRepository;
import uk.apprenticeships.st1398.evidence.repository.OffTheJobRepository;
import uk.apprenticeships.st1398.evidence.repository.ProgressReviewRepository;
import uk.apprenticeships.st1398.evidence.repository.TombstoneRepository;
import uk.apprenticeships.st1398.platform.problem.ApiException;

/**
 * Erasure on request, where retention allows: the apprentice is completed or withdrawn and the effective date of
 * that change plus {@code evidence.retention.after-completion} is not after today.
 *
 * <p>Without transactions the erasure is a sequence of steps that can each be repeated, so a run that dies
 * half-way is completed by simply asking again:
 * <ol>
 * <li>mark the apprentice {@code erasure} (conditional on its status; from here every endpoint answers 410);</li>
 * <li>delete the idempotency keys of its evidence (found through the evidence ids, so before the evidence);</li>
 * <li>delete its GridFS files (by the apprentice id in their metadata, which also finds orphans);</li>
 * <li>delete its evidence (all revisions live in the one document), off-the-job entries, reviews and xAPI actor
 * links;</li>
 * <li>insert the tombstone (a duplicate from an earlier run is kept), then delete the apprentice document;</li>
 * <li>record {@code apprentice.erased}; a run that died just before it records it on the next attempt.</li>
 * </ol>
 * The audit trail is never touched.
 */
@ApplicationScoped
public class ErasureService {

    public static final String ERASED = "apprentice.erased";

    private final ApprenticeRepository apprentices;
    private final EvidenceRepository evidence;
    private final OffTheJobRepository offTheJob;
    private final ProgressReviewRepository reviews;
    private final IdempotencyRepository keys;
    private final EvidenceFileStore files;
    private final TombstoneRepository tombstones;
    private final AuditEventRepository events;
    private final AuditTrail audit;
    private final RetentionConfig retention;
    private final Stamps stamps;
    private final uk.apprenticeships.st1398.evidence.xapi.XapiActorLinks xapiActorLinks;

    private final EvidenceEvents domainEvents;
    private final CoverageSummaries coverage;

    public ErasureService(
            ApprenticeRepository apprentices,
            EvidenceRepository evidence,
            OffTheJobRepository offTheJob,
            ProgressReviewRepository reviews,
            IdempotencyRepository keys,
            EvidenceFileStore files,
            TombstoneRepository tombstones,
            AuditEventRepository events,
            AuditTrail audit,
            RetentionConfig retention,
            Stamps stamps,
            uk.apprenticeships.st1398.evidence.xapi.XapiActorLinks xapiActorLinks,
            EvidenceEvents domainEvents,
            CoverageSummaries coverage) {
        this.coverage = coverage;
        this.xapiActorLinks = xapiActorLinks;
        this.domainEvents = domainEvents;
        this.stamps = stamps;
        this.apprentices = apprentices;
        this.evidence = evidence;
        this.offTheJob = offTheJob;
        this.reviews = reviews;
        this.keys = keys;
        this.files = files;
        this.tombstones = tombstones;
        this.events = events;
        this.audit = audit;
        this.retention = retention;
    }

    public ErasureResponse erase(String id, String reason) {
        Apprentice a = ApprenticeAccess.visibleOrErased(apprentices, stamps.caller(), id);
        if (a == null) {
            completeAudit(tombstones.findById(new ObjectId(id)));
            throw ApprenticeAccess.erased(id);
        }
        if (a.erasure == null) {
            checkRetention(a);
            String before = audit.digest(a);
            Apprentice.Erasure marker = new Apprentice.Erasure();
            marker.started = stamps.stamp();
            marker.reason = reason.strip();
            if (!apprentices.markErasing(a.id, a.status, marker)) {
                throw ApiException.of(
                        EvidenceError.CONCURRENT_CHANGE,
                        "Apprentice " + id + " changed at the "
                                + "same time; nothing was erased. Read it again and retry.");
            }
            a.erasure = marker;
            audit.changed("apprentice.erasure-started", a, before);
        } else {
            Log.infof("Completing the interrupted erasure of apprentice %s", a.id);
        }
        return complete(a);
    }

    /** Retention decides: 409 naming the blocking status or {@code retainUntil}; nothing is changed. */
    void checkRetention(Apprentice a) {
        if (!a.status.closed()) {
            throw ApiException.of(
                            EvidenceError.APPRENTICE_NOT_CLOSED,
                            "Apprentice " + a.id + " is " + a.status
                                    + "; only completed or withdrawn apprentices can be erased, once their retention period has "
                                    + "passed. Nothing was erased.")
                    .with("apprenticeStatus", a.status.value());
        }
        LocalDate ended = endDate(a);
        LocalDate retainUntil = ended.plus(retention.afterCompletion());
        if (retainUntil.isAfter(stamps.today())) {
            throw ApiException.of(
                            EvidenceError.RETENTION_PERIOD_NOT_OVER,
                            "Apprentice " + a.id + " was " + a.status
                                    + " on " + ended + " and must be retained until " + retainUntil + " ("
                                    + retention.afterCompletion() + "). Nothing was erased.")
                    .with("apprenticeStatus", a.status.value())
                    .with("retainUntil", retainUntil.toString());
        }
    }

    /** The effective date of the change to the current (final) status. */
    private static LocalDate endDate(Apprentice a) {
        for (int i = a.statusHistory.size() - 1; i >= 0; i--) {
            StatusChange c = a.statusHistory.get(i);
            if (a.status == c.status) {
                return c.effectiveDate != null ? c.effectiveDate : LocalDate.ofInstant(c.stamp.at, Stamps.LONDON);
            }
        }
        throw new IllegalStateException("Apprentice " + a.id + " has no history entry for its status");
    }

    private ErasureResponse complete(Apprentice a) {
        List<ObjectId> evidenceIds = new ArrayList<>();
        Set<ObjectId> fileIds = new LinkedHashSet<>(files.fileIdsOf(a.id));
        for (Evidence e : evidence.mongoCollection().find(Filters.eq("apprenticeId", a.id))) {
            evidenceIds.add(e.id);
            if (e.content != null && e.content.file != null) {
                fileIds.add(e.content.file.fileId);
            }
            for (EvidenceRevision r : e.revisions) {
                if (r.content != null && r.content.file != null) {
                    fileIds.add(r.content.file.fileId);
                }
            }
        }
        // Events still waiting in the records about to be deleted (a change just before the erasure, not yet
        // relayed) move to the apprentice document first, and from it into the tombstone: none is lost.
        List<String> waiting = new ArrayList<>();
        for (var collection : List.of(
                evidence.mongoCollection().withDocumentClass(org.bson.Document.class),
                offTheJob.mongoCollection().withDocumentClass(org.bson.Document.class),
                reviews.mongoCollection().withDocumentClass(org.bson.Document.class))) {
            for (org.bson.Document d : collection
                    .find(Filters.and(Filters.eq("apprenticeId", a.id), Filters.exists("outbox")))
                    .projection(new org.bson.Document("outbox", 1))) {
                waiting.addAll(d.getList("outbox", String.class));
            }
        }
        apprentices.keepEvents(a.id, waiting);
        long keysDeleted = evidenceIds.isEmpty()
                ? 0
                : keys.mongoCollection()
                        .deleteMany(Filters.in("evidenceId", evidenceIds))
                        .getDeletedCount();
        fileIds.forEach(files::delete);
        // Marked stale first: a run that dies before forget() leaves a summary the next reader recomputes (to nothing).
        String coverageWrite = coverage.erasing(a.id, a.providerUkprn, a.standardVersion);
        long evidenceDeleted = evidence.mongoCollection()
                .deleteMany(Filters.eq("apprenticeId", a.id))
                .getDeletedCount();
        coverage.forget(a.id, a.providerUkprn, a.standardVersion, coverageWrite);
        long entriesDeleted = offTheJob
                .mongoCollection()
                .deleteMany(Filters.eq("apprenticeId", a.id))
                .getDeletedCount();
        long reviewsDeleted = reviews.mongoCollection()
                .deleteMany(Filters.eq("apprenticeId", a.id))
                .getDeletedCount();
        // The LMS identities tutors linked to the apprentice (an email address is personal data).
        xapiActorLinks.delete("apprenticeId", a.id);

        ApprenticeTombstone t = new ApprenticeTombstone();
        t.id = a.id;
        t.providerUkprn = a.providerUkprn;
        // Who started it; when it completed. A copy: the apprentice's own stamp must stay as stored, or the digest
        // of the apprentice before its deletion would not be the one its erasure-started event recorded.
        if (a.erasure.started != null) {
            t.erased = StampDoc.of(a.erasure.started.toStamp());
            t.erased.at = stamps.now();
        }
        t.reason = a.erasure.reason;
        // The apprentice's own waiting events (with those moved to it above) go first, without their ULN (the
        // tombstone keeps none), apprentice.erased last.
        Apprentice current = apprentices.findById(a.id);
        if (current != null && current.outbox != null && !current.outbox.isEmpty()) {
            t.outbox = new ArrayList<>(domainEvents.withoutUln(current.outbox));
        }
        domainEvents.erased(t, a);
        t = tombstones.insertIfAbsent(t);
        String before = audit.digest(a);
        apprentices.deleteById(a.id);
        audit.changed(ERASED, t, before);
        Log.infof(
                "Erased apprentice %s: %d evidence, %d files, %d off-the-job entries, %d reviews, %d keys",
                a.id, evidenceDeleted, fileIds.size(), entriesDeleted, reviewsDeleted, keysDeleted);
        return new ErasureResponse(
                t.id.toHexString(),
                t.providerUkprn,
                StampMapper.at(t.erased),
                StampMapper.subject(t.erased),
                StampMapper.toResponse(t.erased),
                t.reason,
                new ErasureResponse.Deleted(
                        evidenceDeleted, fileIds.size(), entriesDeleted, reviewsDeleted, keysDeleted));
    }

    /** A run that died between deleting the apprentice and recording it: the record is completed now. */
    private void completeAudit(ApprenticeTombstone t) {
        if (t != null && !events.exists(t.id, ERASED)) {
            audit.changed(ERASED, t, null);
        }
    }
}
