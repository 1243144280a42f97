package uk.apprenticeships.st1398.evidence.repository;

import com.mongodb.client.MongoCollection;

/**
 * Writes of data evidence-service can count again from the evidence (coverage summaries and a cohort's coverage
 * figures): with the collection's write concern but without waiting for the journal ({@code j: false}). A journaled
 * write is acknowledged only once every write before it is durable too (MongoDB's journal and the dev stack's commit
 * both keep order), so what must not be lost while the evidence change survives - a summary's announcement and the
 * registration on the figures, both made before the evidence write - is durable once the evidence write is
 * acknowledged. A crash can lose only such writes made after a process's last journaled write: that leaves a summary
 * stale (its {@code pending} ahead of {@code computed}) or a registration on the figures unsettled, and both are
 * counted again by their next reader ({@code CoverageSummaries}). On the dev stack's store each journaled write waits
 * for a commit and an {@code fsync}: an evidence create made five of them, now two (bench/README.md, "mixed-load.sh").
 */
final class DerivedWrites {

    private DerivedWrites() {}

    static <T> MongoCollection<T> unjournaled(MongoCollection<T> collection) {
        return collection.withWriteConcern(collection.getWriteConcern().withJournal(false));
    }
}
