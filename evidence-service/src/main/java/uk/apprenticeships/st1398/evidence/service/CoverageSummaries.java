package uk.apprenticeships.st1398.evidence.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.bson.types.ObjectId;
import uk.apprenticeships.st1398.evidence.config.EvidenceConfig;
import uk.apprenticeships.st1398.evidence.repository.CohortCoverageRepository;
import uk.apprenticeships.st1398.evidence.repository.CohortCoverageRepository.State;
import uk.apprenticeships.st1398.evidence.repository.CohortCoverageRepository.Writer;
import uk.apprenticeships.st1398.evidence.repository.CoverageSummaryRepository;
import uk.apprenticeships.st1398.evidence.repository.CoverageSummaryRepository.Announced;
import uk.apprenticeships.st1398.evidence.repository.CoverageSummaryRepository.Contribution;
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
 *
 * <h2>Writes in flight</h2>
 *
 * A write's step 1 also records it among the summary's {@code writers} (its token, and when), and its step 3's store
 * removes it; so do the stores of recounts for writes that announced themselves longer ago than the bound ({@code
 * evidence.coverage.writer-timeout}, as for the cohort's figures below). A summary is served only if it is fresh and
 * no writer in it is older than the bound. This closes a gap of the protocol above: a write that dies between its
 * evidence write and step 3 after a reader stored the counts meanwhile leaves counts that are fresh and may lack its
 * change; its entry stays, and the first reader after the bound counts again.
 *
 * <h2>Step 3 without a recount</h2>
 *
 * A conditional write of one item that knows what the item counted for before ({@link Contribution#of} the item as
 * loaded; its write succeeds only if it is still so) and after (every API and xAPI write of an item; not an erasure
 * or the stamp migration) skips the recount when it can. Step 1's increment answers the summary after it; if the
 * summary was fresh just before it ({@code computed = p - 1}, where {@code p} is the write's own step-1 value) and
 * no other write is among its writers, step 3 stores those counts with the item's change applied (unchanged if the
 * conditional write was refused), with {@code computed = pending = p}, by the compare-and-set on {@code pending = p}.
 * It succeeds only if nothing announced itself since step 1, so nothing else was stored since either; no other write
 * was in flight at step 1, and any that started since announced itself and made the compare-and-set fail. The
 * stored counts are then those counted before plus this write's change: what a recount would store. When the change
 * cannot be known without counting (the item's acceptance may have been a code's latest while other accepted items
 * map it; {@link Tally#replace}), when another write is in flight, when the compare-and-set fails, or when the write
 * throws (its outcome unknown), step 3 recounts. A create, a workflow step or an edit of an apprentice whose summary
 * is fresh so costs the same however much evidence the apprentice has, where a recount reads all of it
 * (bench/README.md, "Coverage summaries kept by each write's own change").
 *
 * <h2>The cohort's figures</h2>
 *
 * A cohort read needs, per KSB code, how many of the cohort's apprentices cover it. Counting that from every summary
 * of the cohort on every read costs one summary per apprentice (4,481 for the largest demo provider), so it is kept
 * in one document per cohort ({@link CohortCoverageRepository}), defined as: per code, the number of the cohort's
 * stored summaries whose stored {@code covered} codes hold it (fresh or not). Only three things change a summary's
 * stored covered codes: a store (step 3's compare-and-set), the first counting's bulk store, an erasure's delete. Each
 * is <em>registered</em> on the cohort's document before it starts and <em>settled</em> after it, again without
 * transactions:
 *
 * <ol>
 *   <li>register: {@code $set writers.<token> = {at, apprenticeId}}, {@code $inc seq} (upserted, not valid, if
 *       there is no document). For an evidence write this happens before step 1, so the registration covers the
 *       evidence write and the recount; a write that neither takes away nor adds an accepted item, whose change
 *       cannot alter the covered codes, registers only if it recounts, just before (as a reader's recount does).
 *   <li>the summary write, which answers the covered codes it replaced ({@code findOneAndUpdate} /
 *       {@code findOneAndDelete} returning the document before).
 *   <li>settle: one update, filtered on the registration still being there, that {@code $inc}s each code the summary
 *       gained (+1) or lost (-1), removes the registration and increments {@code seq}. The first counting settles
 *       by invalidating the figures instead (its bulk store does not say which summaries it replaced).
 * </ol>
 *
 * <p>A reader serves the stored figures when they are valid and no registration is older than the bound
 * ({@code evidence.coverage.writer-timeout}, default 60 s, far longer than any write). Registrations younger than that
 * are writes in flight: the figures are those before them, as any read during a write. A registration older than the
 * bound is a write whose process died (anywhere between registering and settling: the figures may lack its change,
 * and its summary may be stale); the reader removes it and invalidates the figures in one update, then counts them
 * from the summaries as before this document existed (stale summaries recounted for its answer). It stores that count
 * ({@code rebuild}) only when it read the document, before counting, with no registration at all, found no stale
 * summary, and the document's {@code seq} is unchanged when it stores (a compare-and-set): then no write was in flight
 * when it started and none registered since, so the count is exactly the definition. Otherwise the figures stay
 * invalid and a later read tries again; under a steady stream of writes to one cohort such a read may keep counting
 * from the summaries (correct, at the old cost) until a quiet moment. A write that settles after its registration was
 * removed finds it gone and invalidates the figures itself, since the count may have been made before or after its
 * summary changed. What is not covered: a write that stalls for longer than the bound, then stores its summary, then
 * dies before trying to settle, leaves the figures without its change; the bound is chosen so that no live write
 * takes that long. The figures may be deleted at any time: they are counted again on the next read.
 */
@ApplicationScoped
public class CoverageSummaries {

    /**
     * A cohort's coverage: per KSB code, how many of its apprentices cover it ({@code coveredBy}); and the summaries
     * of the apprentices asked for ({@code kept}, e.g. one page's), by apprentice id.
     */
    public record Cohort(Map<String, Long> coveredBy, Map<ObjectId, Tally> kept) {}

    /** For tests: a point at which a write stops as if its process had died there. */
    public enum Stop {
        /** After the evidence write, before the summary is recounted. */
        AFTER_EVIDENCE_WRITE,
        /** After the summary is stored, before the cohort's figures are told. */
        AFTER_SUMMARY_STORED
    }

    /** Apprentices counted per round trip when a cohort is first counted. */
    static final int COUNTING_BATCH = 200;

    private final CoverageSummaryRepository summaries;
    private final CohortCoverageRepository figures;
    private final Clock clock;
    private final Duration writerTimeout;
    private final Map<String, Object> counting = new ConcurrentHashMap<>();
    private volatile Stop stop;

    public CoverageSummaries(
            CoverageSummaryRepository summaries, CohortCoverageRepository figures, Clock clock, EvidenceConfig config) {
        this.summaries = summaries;
        this.figures = figures;
        this.clock = clock;
        this.writerTimeout = config.coverage().writerTimeout();
    }

    /**
     * Steps 1 to 3 around one conditional write of one evidence item ({@code write}: true if it was stored, false if
     * its condition failed and nothing changed) that changes the item's contribution from {@code before} (as stored
     * when its condition holds) to {@code after}. When the summary was fresh at step 1, step 3 stores it with that
     * change applied (or unchanged, if nothing was written) instead of recounting the apprentice's evidence; see the
     * class comment. If the write throws, its outcome is unknown and step 3 recounts. A write that neither takes away
     * nor adds an accepted item cannot change which codes are covered by applying its change, so it is registered on
     * the cohort's figures only if it has to recount (as a reader's recount is).
     */
    public boolean around(
            ObjectId apprenticeId,
            String providerUkprn,
            String standardVersion,
            Contribution before,
            Contribution after,
            BooleanSupplier write) {
        boolean registered = before.accepted() || after.accepted();
        String token = registered
                ? figures.register(providerUkprn, standardVersion, apprenticeId)
                : new ObjectId().toHexString();
        Announced announced = summaries.announce(apprenticeId, providerUkprn, standardVersion, token);
        // The counts this write's change can be applied to: fresh just before it, with no other write in flight.
        Optional<Tally> counted = announced.freshBefore()
                        && announced.summary().writers().keySet().equals(Set.of(token))
                ? Optional.of(announced.summary().tally())
                : Optional.empty();
        boolean written;
        try {
            written = write.getAsBoolean();
        } catch (RuntimeException | Error e) {
            changed(apprenticeId, providerUkprn, standardVersion, token, registered, Optional.empty());
            throw e;
        }
        Optional<Tally> next = written ? counted.flatMap(t -> t.replace(before, after)) : counted;
        changed(
                apprenticeId,
                providerUkprn,
                standardVersion,
                token,
                registered,
                next.map(tally -> new Known(announced.pending(), tally)));
        return written;
    }

    /** The counts after a write, known without counting: the summary's at step 1 with the write's change applied. */
    private record Known(long pending, Tally tally) {}

    /**
     * Step 1 alone: marks the apprentice's summary stale, for its next reader to recount. Only for a change that
     * cannot change which codes the apprentice covers (the cohort's figures are not told): the stamp migration's.
     */
    public void changing(ObjectId apprenticeId, String providerUkprn, String standardVersion) {
        summaries.announce(apprenticeId, providerUkprn, standardVersion, null);
    }

    /**
     * Step 3 (a recount), whether or not a write came before it. A failure here leaves the summary marked stale for
     * the next reader and is not the write's failure, so it is logged only.
     */
    public void changed(ObjectId apprenticeId, String providerUkprn, String standardVersion) {
        changed(apprenticeId, providerUkprn, standardVersion, null, false, Optional.empty());
    }

    /**
     * Step 3 of the write announced under {@code token} ({@code registered}: on the cohort's figures too; otherwise
     * a recount registers itself).
     */
    private void changed(
            ObjectId apprenticeId,
            String providerUkprn,
            String standardVersion,
            String token,
            boolean registered,
            Optional<Known> known) {
        try {
            stopIf(Stop.AFTER_EVIDENCE_WRITE);
            if (known.isPresent()
                    && stored(apprenticeId, providerUkprn, standardVersion, token, registered, known.get())) {
                return;
            }
            recompute(apprenticeId, providerUkprn, standardVersion, token, registered ? token : null);
        } catch (RuntimeException e) {
            Log.warnf(
                    e,
                    "Coverage summary of apprentice %s left for the next reader to recompute (and the cohort's"
                            + " figures for a reader after %s)",
                    apprenticeId,
                    writerTimeout);
        }
    }

    /**
     * Step 3 without a recount: stores the known counts by the compare-and-set on the write's own {@code pending}
     * (nothing announced since step 1, so nothing stored since either) and settles the registration with the change
     * of covered codes. False, with nothing stored or settled, if another write or a reader announced itself since.
     * An unregistered write's change leaves the covered codes as they were; should they differ, the figures are
     * invalidated.
     */
    private boolean stored(
            ObjectId apprenticeId,
            String providerUkprn,
            String standardVersion,
            String token,
            boolean registered,
            Known known) {
        Optional<Set<String>> before = summaries.store(
                apprenticeId, providerUkprn, standardVersion, known.pending(), known.tally(), List.of(token));
        if (before.isEmpty()) {
            return false;
        }
        stopIf(Stop.AFTER_SUMMARY_STORED);
        Map<String, Integer> delta = delta(before.get(), known.tally().covered());
        if (registered) {
            settle(providerUkprn, standardVersion, token, delta);
        } else if (!delta.isEmpty()) {
            figures.invalidate(providerUkprn, standardVersion, List.of());
        }
        return true;
    }

    /** Before an erasure deletes the apprentice's evidence: step 1, registered on the cohort's figures. Its token. */
    public String erasing(ObjectId apprenticeId, String providerUkprn, String standardVersion) {
        String token = figures.register(providerUkprn, standardVersion, apprenticeId);
        summaries.announce(apprenticeId, providerUkprn, standardVersion, null);
        return token;
    }

    /** The erased apprentice's summary goes with their evidence (called after the evidence is deleted). */
    public void forget(ObjectId apprenticeId, String providerUkprn, String standardVersion, String token) {
        Set<String> before = summaries.delete(apprenticeId);
        settle(providerUkprn, standardVersion, token, delta(before, Set.of()));
    }

    /** The apprentice's counts: the stored summary if it is fresh, otherwise recomputed (and stored) now. */
    public Tally current(ObjectId apprenticeId, String providerUkprn, String standardVersion) {
        return summaries
                .find(apprenticeId)
                .filter(this::trusted)
                .map(Stored::tally)
                .orElseGet(() -> recompute(apprenticeId, providerUkprn, standardVersion, null, null));
    }

    /**
     * The cohort's figures (one document, when they can be trusted; otherwise counted from the cohort's summaries)
     * and the summaries of the apprentices asked for (one query by {@code _id}; stale ones are recomputed). On the
     * cohort's first read, its apprentices' evidence from before summaries existed is counted once.
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
        Map<String, Long> coveredBy = figures(providerUkprn, standardVersion);
        Map<ObjectId, Tally> kept = new HashMap<>();
        for (Stored s : summaries.findMany(keep)) {
            kept.put(
                    s.apprenticeId(),
                    trusted(s) ? s.tally() : recompute(s.apprenticeId(), providerUkprn, standardVersion, null, null));
        }
        return new Cohort(coveredBy, kept);
    }

    /**
     * The cohort's figures: as stored, if they are valid and no registered write is older than the bound; otherwise
     * (none yet, invalidated, or a write that never settled: its registration is removed and the figures invalidated
     * first) counted from the summaries, and stored if that count can be trusted (see the class comment).
     */
    private Map<String, Long> figures(String providerUkprn, String standardVersion) {
        State state = figures.find(providerUkprn, standardVersion).orElse(null);
        if (state != null) {
            Instant bound = clock.instant().minus(writerTimeout);
            List<String> expired = state.writers().stream()
                    .filter(w -> w.at().isBefore(bound))
                    .map(Writer::token)
                    .toList();
            if (!expired.isEmpty()) {
                Log.warnf(
                        "Coverage figures of cohort %s/%s: %d write(s) registered over %s ago never settled; counted"
                                + " again from the summaries",
                        providerUkprn, standardVersion, expired.size(), writerTimeout);
                figures.invalidate(providerUkprn, standardVersion, expired);
                state = figures.find(providerUkprn, standardVersion).orElse(null);
            } else if (state.valid()) {
                Map<String, Long> coveredBy = new HashMap<>();
                // A code's count dips below its value only while two writes of one apprentice settle out of order.
                state.coveredBy().forEach((code, n) -> coveredBy.put(code, Math.max(0L, n)));
                return coveredBy;
            }
        }
        return recount(providerUkprn, standardVersion, state);
    }

    /**
     * Counts the figures from the cohort's summaries, streamed in constant memory, as they are stored (stale ones
     * too): what the registered writes keep up to date. Stored when the state was read, before the count, with no
     * write registered, and nothing registered since (compare-and-set on {@code seq}), and no summary was stale.
     * Stale summaries (a write in flight, or one that died before recounting) are recounted for this answer, and
     * the figures stored by a later read.
     */
    private Map<String, Long> recount(String providerUkprn, String standardVersion, State state) {
        Map<String, Long> coveredBy = new HashMap<>();
        Map<ObjectId, Set<String>> stale = new HashMap<>();
        summaries.forEachOfCohort(providerUkprn, standardVersion, s -> {
            s.tally().covered().forEach(code -> coveredBy.merge(code, 1L, Long::sum));
            if (!trusted(s)) {
                stale.put(s.apprenticeId(), s.tally().covered()); // recomputed after the read: no writes under a cursor
            }
        });
        if (stale.isEmpty()) {
            if ((state == null || state.writers().isEmpty())
                    && figures.rebuild(providerUkprn, standardVersion, state == null ? null : state.seq(), coveredBy)) {
                Log.infof(
                        "Coverage figures of cohort %s/%s counted from its summaries", providerUkprn, standardVersion);
            }
            return coveredBy;
        }
        stale.forEach((id, before) -> {
            Tally now = recompute(id, providerUkprn, standardVersion, null, null);
            before.forEach(code -> coveredBy.merge(code, -1L, Long::sum));
            now.covered().forEach(code -> coveredBy.merge(code, 1L, Long::sum));
        });
        return coveredBy;
    }

    /**
     * Step 3 of the write announced under {@code token} (null: a reader's), registered on the cohort's figures under
     * {@code registration} (null: registered here); the counts it computed (stored unless a later writer overtook
     * it, whose counts are fresher). When stored, the change of covered codes goes to the cohort's figures, and the
     * registration is settled either way.
     */
    private Tally recompute(
            ObjectId apprenticeId, String providerUkprn, String standardVersion, String token, String registration) {
        String registered =
                registration != null ? registration : figures.register(providerUkprn, standardVersion, apprenticeId);
        Announced announced = summaries.announce(apprenticeId, providerUkprn, standardVersion, null);
        Tally tally = summaries.count(apprenticeId);
        // Settles this write, and any write that announced itself longer ago than the bound: done or dead, so this
        // count, made after it, holds whatever it wrote.
        List<String> settled = new ArrayList<>(expired(announced.summary()));
        settled.add(token);
        Optional<Set<String>> before =
                summaries.store(apprenticeId, providerUkprn, standardVersion, announced.pending(), tally, settled);
        if (before.isEmpty()) {
            Log.debugf("Coverage summary of apprentice %s: a later write recomputes it", apprenticeId);
        }
        stopIf(Stop.AFTER_SUMMARY_STORED);
        settle(
                providerUkprn,
                standardVersion,
                registered,
                before.map(b -> delta(b, tally.covered())).orElse(Map.of()));
        return tally;
    }

    /**
     * Settles a registered write. If it is no longer registered (a reader took it for dead after the bound, and may
     * have counted the figures before or after this write's summary), the figures are invalidated, to be counted
     * again.
     */
    private void settle(String providerUkprn, String standardVersion, String token, Map<String, Integer> delta) {
        if (!figures.settle(providerUkprn, standardVersion, token, delta)) {
            Log.warnf(
                    "Coverage figures of cohort %s/%s: a write settled after %s; counted again by the next reader",
                    providerUkprn, standardVersion, writerTimeout);
            figures.invalidate(providerUkprn, standardVersion, List.of());
        }
    }

    /**
     * Whether the summary's counts can be served: fresh, and no write announced itself on it longer ago than the
     * bound without storing (a write that died between its evidence write and step 3 after someone else stored the
     * counts: they may lack its change).
     */
    private boolean trusted(Stored s) {
        return s.fresh() && expired(s).isEmpty();
    }

    private List<String> expired(Stored s) {
        Instant bound = clock.instant().minus(writerTimeout);
        return s.writers().entrySet().stream()
                .filter(w -> w.getValue().isBefore(bound))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** +1 for each code covered now and not before, -1 for each covered before and not now. */
    static Map<String, Integer> delta(Set<String> before, Set<String> now) {
        Map<String, Integer> delta = new HashMap<>();
        now.stream().filter(c -> !before.contains(c)).forEach(c -> delta.put(c, 1));
        before.stream().filter(c -> !now.contains(c)).forEach(c -> delta.put(c, -1));
        return delta;
    }

    /** The test hook: throws, as if the process died here, when a test asked writes to stop at this point. */
    private void stopIf(Stop at) {
        if (stop == at) {
            throw new IllegalStateException("Stopped at " + at + " (a test's simulated crash)");
        }
    }

    /** For tests only: writes stop at this point as if their process died there (null: nowhere). */
    public void stopWritesAt(Stop at) {
        this.stop = at;
    }

    /**
     * Summaries for the cohort's apprentices with evidence but none (evidence from before summaries existed), with
     * steps 1 and 3 done for all of them at once: stale summaries are created ({@code pending = 1}) for those who
     * still have none (one unordered insert; one a writer created meanwhile is left to it); then the cohort's evidence
     * is read once, after those inserts, and the counts stored by compare-and-set on {@code pending = 1} (one bulk
     * write). A write that increments a summary meanwhile makes its compare-and-set fail and recounts it itself.
     */
    private void countOnce(String providerUkprn, String standardVersion) {
        // Registered for the whole counting; settled by invalidating the figures, so they are counted afterwards.
        String token = figures.register(providerUkprn, standardVersion, null);
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
        figures.invalidate(providerUkprn, standardVersion, List.of(token));
        summaries.cohortIsCounted(providerUkprn, standardVersion);
    }
}
