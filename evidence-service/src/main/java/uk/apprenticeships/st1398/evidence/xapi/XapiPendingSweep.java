package uk.apprenticeships.st1398.evidence.xapi;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Statements about an actor that was unknown when they arrived wait ({@code PENDING_ACTOR}); an enrolment or a
 * tutor's link converts them at once. This sweep catches every other way an actor becomes known (an apprentice
 * record gaining a learner reference, a link made on another replica that failed half-way): each run it takes the
 * distinct actor keys of the waiting statements, per provider, and converts those of actors that now resolve.
 * Its cost grows with the number of distinct unknown actors, not of statements. Each run first retries the
 * conversions that failed ({@link #retryFailedConversions()}).
 */
@ApplicationScoped
public class XapiPendingSweep {

    /** A conversion younger than this may still be running in the request that stored the statement. */
    static final java.time.Duration GRACE = java.time.Duration.ofMinutes(2);
    /** Failed conversions retried per run. */
    static final int RETRIES_PER_RUN = 500;

    private final StatementStore store;
    private final XapiActors actors;
    private final XapiEvidence evidence;
    private final java.time.Clock clock;
    private final XapiAttachments attachments;
    private final XapiConfig config;

    public XapiPendingSweep(
            StatementStore store,
            XapiActors actors,
            XapiEvidence evidence,
            java.time.Clock clock,
            XapiAttachments attachments,
            XapiConfig config) {
        this.attachments = attachments;
        this.config = config;
        this.store = store;
        this.actors = actors;
        this.evidence = evidence;
        this.clock = clock;
    }

    @Scheduled(
            identity = "xapi-pending-sweep",
            every = "${evidence.xapi.pending-sweep-interval:PT5M}",
            delayed = "PT1M",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        retryFailedConversions();
        sweep();
        deleteUncommittedAttachments();
    }

    /**
     * Deletes attachment data uploaded for a request that then failed before its statements were stored (a crash,
     * a lost database connection: the request's own clean-up could not run), once older than
     * {@code evidence.xapi.uncommitted-attachment-grace}; the number deleted.
     */
    public int deleteUncommittedAttachments() {
        int deleted = attachments.deleteUncommitted(clock.instant().minus(config.uncommittedAttachmentGrace()));
        if (deleted > 0) {
            Log.infof("xAPI: %d attachment uploads whose statements were never stored were deleted", deleted);
        }
        return deleted;
    }

    /**
     * Converts statements whose conversion did not finish when they were stored (the KSB catalogue unreachable, a
     * crash), older than {@link #GRACE}; the number converted. One that fails again stays for the next run.
     */
    public int retryFailedConversions() {
        int converted = 0;
        java.util.Date before = java.util.Date.from(clock.instant().minus(GRACE));
        for (org.bson.Document document : store.unconverted(before, RETRIES_PER_RUN)) {
            try {
                evidence.convert(
                        document.getString(StatementStore.PROVIDER),
                        XapiStatements.read(document.getString(StatementStore.RAW)));
                converted++;
            } catch (RuntimeException e) {
                Log.warnf("xAPI statement %s: conversion failed again (%s)", document.getString("_id"), e.toString());
            }
        }
        if (converted > 0) {
            Log.infof("xAPI: %d statements whose conversion had failed were converted", converted);
        }
        return converted;
    }

    /** Converts the waiting statements of every actor that resolves now; the number of actors resolved. */
    public int sweep() {
        int resolved = 0;
        for (String provider : store.providersWithPending()) {
            for (String key : store.pendingActorKeys(provider)) {
                var apprentice = actors.resolveKey(provider, key);
                if (apprentice.isPresent()) {
                    evidence.onLinked(apprentice.get(), List.of(key));
                    resolved++;
                }
            }
        }
        if (resolved > 0) {
            Log.infof("xAPI: %d actors became known; their waiting statements were converted", resolved);
        }
        return resolved;
    }
}
