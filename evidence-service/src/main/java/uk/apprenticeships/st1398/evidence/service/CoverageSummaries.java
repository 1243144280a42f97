package uk.apprenticeships.st1398.evidence.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.bson.types.ObjectId;
import uk.apprenticeships.st1398.evidence.repository.CoverageSummaryRepository;
import uk.apprenticeships.st1398.evidence.repository.CoverageSummaryRepository.Stored;
import uk.apprenticeships.st1398.evidence.repository.CoverageSummaryRepository.Tally;

/**
 * Per-apprentice KSB coverage summaries, kept on write, so that a coverage read is one document per apprentice and a
 * cohort's coverage reads one small document per apprentice instead of every evidence item of the provider.
 *
 * <h2>The protocol</h2>
 *
 * Every write that can change an apprentice's coverage (evidence created, any workflow step, a new revision, a
 * withdrawal, an erasure) does, without transactions (the dev stack's wire server has none):
 *
 * <ol>
 *   <li>{@link #changing}: before writing the evidence, {@code $inc pending} on the summary (upserted). The summary
 *       is now marked stale ({@code computed != pending}) until step 3 succeeds; if the process dies between here and
 *       step 3, it stays marked and the next reader recomputes it.
 *   <li>the evidence write itself (single-document, as before).
 *   <li>{@link #changed}: after the write, {@code $inc pending} again and remember the value {@code p}; read the
 *       apprentice's live evidence (one query by apprentice: bounded by the apprentice, not the collection, on a
 *       real MongoDB); store the counts with {@code computed = pending = p} by a compare-and-set (replace filtered on
 *       {@code _id} and {@code pending = p}).
 * </ol>
 *
 * <p>Why this is correct. (a) Counts stored with {@code computed = p} were read after the increment to {@code p},
 * and every writer increments only after its evidence write, so they include every write whose step-3 increment is
 * {@code <= p}. (b) A compare-and-set on {@code p} succeeds only if no increment came after {@code p}; a losing one
 * means a later writer incremented, and its own read (later than ours) includes our write: it, or a still later
 * writer, stores. The last writer to increment is never overtaken, so once writes stop the stored counts include
 * every write. (c) A summary whose {@code computed != pending} (a write in flight, or a process that died between
 * steps 1 and 3) is never trusted: a reader recomputes it with the same step 3, so nothing stays stale. (d) A
 * missing summary (evidence from before summaries existed) is recomputed the same way on first read; a cohort's
 * first read counts, once, the apprentices of the cohort who have evidence but no summary ({@link #countOnce}), and
 * records that it did ({@value CoverageSummaryRepository#COHORTS}); after that every apprentice with evidence has a
 * summary, because every evidence write upserts one in step 1 before it writes.
 */
@ApplicationScoped
public class CoverageSummaries {

    /**
     * A cohort's coverage: per KSB code, how many of its apprentices cover it ({@code coveredBy}); and the summaries
     * of the apprentices asked for ({@code kept}, e.g. one page's), by apprentice id.
     */
    public record Cohort(Map<String, Long> coveredBy, Map<ObjectId, Tally> kept) {}

    /** Apprentices counted per round trip when a cohort is first counted. */
    static final int COUNTING_BATCH = 200;

    private final CoverageSummaryRepository summaries;
    private final Map<String, Object> counting = new ConcurrentHashMap<>();

    public CoverageSummaries(CoverageSummaryRepository summaries) {
        this.summaries = summaries;
    }

    /**
     * Steps 1 to 3 around one evidence write of the apprentice ({@code write}), whatever its outcome; its result.
     */
    public <T> T around(ObjectId apprenticeId, String providerUkprn, String standardVersion, Supplier<T> write) {
        changing(apprenticeId, providerUkprn, standardVersion);
        try {
            return write.get();
        } finally {
            changed(apprenticeId, providerUkprn, standardVersion);
        }
    }

    /** Step 1, before a write that may change the apprentice's coverage: marks their summary stale. */
    public void changing(ObjectId apprenticeId, String providerUkprn, String standardVersion) {
        summaries.announce(apprenticeId, providerUkprn, standardVersion);
    }

    /**
     * Step 3, after the write (whether or not it succeeded): recomputes and stores the summary. A failure here
     * leaves the summary marked stale for the next reader and is not the write's failure, so it is logged only.
     */
    public void changed(ObjectId apprenticeId, String providerUkprn, String standardVersion) {
        try {
            recompute(apprenticeId, providerUkprn, standardVersion);
        } catch (RuntimeException e) {
            Log.warnf(e, "Coverage summary of apprentice %s left for the next reader to recompute", apprenticeId);
        }
    }

    /** The erased apprentice's summary goes with their evidence (called after the evidence is deleted). */
    public void forget(ObjectId apprenticeId) {
        summaries.delete(apprenticeId);
    }

    /** The apprentice's counts: the stored summary if it is fresh, otherwise recomputed (and stored) now. */
    public Tally current(ObjectId apprenticeId, String providerUkprn, String standardVersion) {
        return summaries
                .find(apprenticeId)
                .filter(Stored::fresh)
                .map(Stored::tally)
                .orElseGet(() -> recompute(apprenticeId, providerUkprn, standardVersion));
    }

    /**
     * Every summary of the cohort: one query over the cohort's summaries (small documents, codes only); stale ones
     * are recomputed. On the cohort's first read, its apprentices' evidence from before summaries existed is
     * counted once.
     */
    public Cohort cohort(String providerUkprn, String standardVersion, Set<ObjectId> keep) {
        if (!summaries.cohortCounted(providerUkprn, standardVersion)) {
            // One counting per cohort per instance at a time: concurrent first reads wait for it rather than all
            // counting the same evidence (instances counting at once stay correct, each by compare-and-set).
            synchronized (counting.computeIfAbsent(providerUkprn + "/" + standardVersion, k -> new Object())) {
                if (!summaries.cohortCounted(providerUkprn, standardVersion)) {
                    countOnce(providerUkprn, standardVersion);
                }
            }
        }
        // Counted as the summaries stream past, in constant memory; only the apprentices asked for are kept.
        Map<String, Long> coveredBy = new HashMap<>();
        Map<ObjectId, Tally> kept = new HashMap<>();
        List<ObjectId> stale = new ArrayList<>();
        summaries.forEachOfCohort(providerUkprn, standardVersion, s -> {
            if (s.fresh()) {
                count(s.apprenticeId(), s.tally(), keep, coveredBy, kept);
            } else {
                stale.add(s.apprenticeId()); // recomputed after the read: no writes under an open cursor
            }
        });
        for (ObjectId id : stale) {
            count(id, recompute(id, providerUkprn, standardVersion), keep, coveredBy, kept);
        }
        return new Cohort(coveredBy, kept);
    }

    private static void count(
            ObjectId apprenticeId,
            Tally tally,
            Set<ObjectId> keep,
            Map<String, Long> coveredBy,
            Map<ObjectId, Tally> kept) {
        tally.covered().forEach(code -> coveredBy.merge(code, 1L, Long::sum));
        if (keep.contains(apprenticeId)) {
            kept.put(apprenticeId, tally);
        }
    }

    /** Step 3; the counts it computed (stored unless a later writer overtook it, whose counts are fresher). */
    private Tally recompute(ObjectId apprenticeId, String providerUkprn, String standardVersion) {
        long pending = summaries.announce(apprenticeId, providerUkprn, standardVersion);
        Tally tally = summaries.count(apprenticeId);
        if (!summaries.store(apprenticeId, providerUkprn, standardVersion, pending, tally)) {
            Log.debugf("Coverage summary of apprentice %s: a later write recomputes it", apprenticeId);
        }
        return tally;
    }

    /**
     * Summaries for the cohort's apprentices with evidence but none (evidence from before summaries existed), with
     * steps 1 and 3 done for all of them at once: stale summaries are created ({@code pending = 1}) for those who
     * still have none (one unordered insert; one a writer created meanwhile is left to it); then the cohort's evidence
     * is read once, after those inserts, and the counts stored by compare-and-set on {@code pending = 1} (one bulk
     * write). A write that increments a summary meanwhile makes its compare-and-set fail and recounts it itself.
     */
    private void countOnce(String providerUkprn, String standardVersion) {
        Set<ObjectId> missing = new HashSet<>(summaries.withEvidence(providerUkprn, standardVersion));
        summaries.forEachOfCohort(providerUkprn, standardVersion, s -> missing.remove(s.apprenticeId()));
        int stored = 0;
        List<ObjectId> all = List.copyOf(missing);
        // In batches, so memory and each query's time stay bounded: a cohort's whole evidence read at once
        // (thousands of apprentices, with their items' histories) made the first read answer 503 after 15 s on the
        // dev stack. Each batch is read through the apprenticeId index.
        for (int from = 0; from < all.size(); from += COUNTING_BATCH) {
            List<ObjectId> batch = all.subList(from, Math.min(all.size(), from + COUNTING_BATCH));
            Set<ObjectId> created = summaries.createStale(providerUkprn, standardVersion, batch);
            if (created.isEmpty()) {
                continue;
            }
            Map<ObjectId, Tally> counted = summaries.countApprentices(List.copyOf(created));
            Map<ObjectId, Tally> mine = new HashMap<>();
            created.forEach(id -> mine.put(id, counted.getOrDefault(id, Tally.EMPTY)));
            stored += summaries.storeAll(providerUkprn, standardVersion, 1L, mine);
        }
        if (!all.isEmpty()) {
            Log.infof(
                    "Coverage summaries of cohort %s/%s: %d counted from existing evidence (%d left to writes)",
                    providerUkprn, standardVersion, stored, all.size() - stored);
        }
        summaries.cohortIsCounted(providerUkprn, standardVersion);
    }
}
