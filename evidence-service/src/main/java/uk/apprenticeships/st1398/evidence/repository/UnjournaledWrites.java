package uk.apprenticeships.st1398.evidence.repository;

import com.mongodb.client.MongoCollection;

/**
 * Writes made with the collection's write concern but without waiting for the journal ({@code j: false}), for the
 * two kinds of write that need no wait of their own. Both rest on one property: a journaled write is acknowledged
 * only once every write before it is durable too (MongoDB's journal and a replica set's oplog are applied in order,
 * and so is the dev stack's commit, which stores every change made before it). On the dev stack's store each
 * journaled write waits for a commit and an {@code fsync} (bench/README.md, "mixed-load.sh").
 *
 * <ul>
 *   <li>{@link #derived}: data evidence-service can count again from the evidence (coverage summaries and a cohort's
 *       coverage figures). What must not be lost while the evidence change survives - a summary's announcement and
 *       the registration on the figures, both made before the evidence change - is durable once a later journaled
 *       write is acknowledged. A crash can lose only such writes made after a process's last journaled write: that
 *       leaves a summary stale (its {@code pending} ahead of {@code computed}) or a registration on the figures
 *       unsettled, and both are counted again by their next reader ({@code CoverageSummaries}).
 *   <li>{@link #beforeTheirAuditEvent}: a change whose audit event the same request appends right after it
 *       ({@code AuditTrail}, whose inserts are journaled) and answers only once that event is acknowledged. The
 *       event's acknowledgement makes the change durable with it, so the request still answers only once its change
 *       is durable, and the audit trail's rule holds: an event is never durable without the change it describes. A
 *       crash before the event is acknowledged can lose the change, but then the caller had no answer (or an error),
 *       as when a crash comes before a journaled change is acknowledged. Every caller must append the event after
 *       the write, and answer an error if the append fails.
 *   <li>{@link #relayed}: the event relay's removal of events the hub acknowledged, and its purge of deleted records
 *       whose events all reached the hub. Either lost in a crash is done again: the events are sent again, and the
 *       hub stores each event id once (docs/events.md); the next round purges again. Journaled, each waited for a
 *       commit of its own, two per document relayed, which held the relay to fewer events a second than a write load
 *       makes (bench/README.md, "The event relay drains its outbox").
 * </ul>
 */
public final class UnjournaledWrites {

    private UnjournaledWrites() {}

    /** For data that its readers count again when it is lost or stale. */
    static <T> MongoCollection<T> derived(MongoCollection<T> collection) {
        return unjournaled(collection);
    }

    /** For a change followed, in the same request, by its journaled audit event. */
    static <T> MongoCollection<T> beforeTheirAuditEvent(MongoCollection<T> collection) {
        return unjournaled(collection);
    }

    /** For the event relay's removal of what the hub acknowledged, and its purge of relayed deletions. */
    public static <T> MongoCollection<T> relayed(MongoCollection<T> collection) {
        return unjournaled(collection);
    }

    private static <T> MongoCollection<T> unjournaled(MongoCollection<T> collection) {
        return collection.withWriteConcern(collection.getWriteConcern().withJournal(false));
    }
}
