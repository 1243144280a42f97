package uk.apprenticeships.st1398.evidence.repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndDeleteOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.types.ObjectId;
import uk.apprenticeships.st1398.evidence.domain.Evidence;
import uk.apprenticeships.st1398.evidence.domain.EvidenceStatus;
import uk.apprenticeships.st1398.evidence.domain.WorkflowAction;
import uk.apprenticeships.st1398.evidence.domain.WorkflowStep;

/**
 * The per-apprentice KSB coverage summaries ({@value #COLLECTION}, {@code _id} = the apprentice's id) and the
 * counting of an apprentice's evidence they are made from. Every read and write of one summary goes through the
 * unique {@code _id} index; a cohort's summaries are found by provider and standard version. How they are kept
 * correct is {@link uk.apprenticeships.st1398.evidence.service.CoverageSummaries}'s business; this class only
 * stores, reads and counts.
 *
 * <p>A summary document: {@code providerUkprn}, {@code standardVersion} (the apprentice's, which never change),
 * {@code pending} (incremented by every write that may change it), {@code computed} (the {@code pending} value its
 * counts were computed under; absent until first computed), {@code writers} (the writes in flight, by token: when
 * each announced itself), {@code ksbs} (per KSB code the accepted and in-progress
 * item counts and the latest acceptance), and {@code covered} / {@code evidenced} (the codes with an accepted item /
 * with any item), which is all a cohort read projects.
 */
@ApplicationScoped
public class CoverageSummaryRepository {

    /** The summaries' collection. */
    public static final String COLLECTION = "coverage_summaries";

    /** Summaries per batch of a cohort read. */
    static final int COHORT_BATCH = 500;

    /** Cohorts (provider + standard version) whose apprentices' evidence from before the summaries has been counted. */
    public static final String COHORTS = "coverage_cohorts";

    static final String PENDING = "pending";
    static final String COMPUTED = "computed";
    static final String WRITERS = "writers";
    private static final String PROVIDER = "providerUkprn";
    private static final String VERSION = "standardVersion";
    private static final String COVERED = "covered";
    private static final String EVIDENCED = "evidenced";
    private static final String KSBS = "ksbs";

    /** One KSB code of one apprentice: items mapping it accepted, and not (yet) accepted; the latest acceptance. */
    public record KsbTally(String code, int accepted, int inProgress, Instant latestAcceptedAt) {}

    /**
     * An apprentice's counts, by code (sorted). {@code covered}: codes with an accepted item; {@code evidenced}:
     * codes with any item.
     */
    public record Tally(Map<String, KsbTally> ksbs, Set<String> covered, Set<String> evidenced) {

        public static final Tally EMPTY = new Tally(Map.of(), Set.of(), Set.of());

        static Tally of(Map<String, KsbTally> ksbs) {
            Set<String> covered = new HashSet<>();
            Set<String> evidenced = new HashSet<>();
            ksbs.values().forEach(k -> {
                if (k.accepted() > 0) {
                    covered.add(k.code());
                }
                if (k.accepted() + k.inProgress() > 0) {
                    evidenced.add(k.code());
                }
            });
            return new Tally(Map.copyOf(ksbs), Set.copyOf(covered), Set.copyOf(evidenced));
        }

        /**
         * These counts with one item's contribution changed from {@code before} to {@code after}, as its write did;
         * empty when that cannot be known without counting the evidence again ({@link Counts#remove}).
         */
        public Optional<Tally> replace(Contribution before, Contribution after) {
            Counts counts = Counts.of(this);
            if (!counts.remove(before)) {
                return Optional.empty();
            }
            counts.add(after);
            return Optional.of(counts.tally());
        }
    }

    /**
     * A stored summary: {@code fresh} when its counts were computed after the last write that announced itself
     * ({@code computed == pending}); {@code writers}, the writes announced under a token and not yet stored (by
     * token, when they announced themselves). From a cohort read, {@code tally} has only the covered and evidenced
     * codes.
     */
    public record Stored(
            ObjectId apprenticeId, long pending, boolean fresh, Map<String, Instant> writers, Tally tally) {}

    /**
     * An announcement: {@code pending} after its increment, whether the counts were fresh just before it
     * ({@code computed} one below), and the summary after it.
     */
    public record Announced(long pending, boolean freshBefore, Stored summary) {}

    /**
     * What one evidence item counts for: each code of its current content, once per mention, as accepted or in
     * progress; for an accepted item, its latest acceptance (the latest {@code accepted} step of its workflow
     * history). A withdrawn (deleted) item, or none, counts for nothing ({@link #NONE}).
     */
    public record Contribution(List<String> codes, boolean accepted, Instant acceptedAt) {

        public static final Contribution NONE = new Contribution(List.of(), false, null);

        /** The item's contribution as it stands in memory (as stored, it is {@link #of(Document)}). */
        public static Contribution of(Evidence e) {
            if (e == null || e.deletedAt != null || e.content == null || e.content.ksbCodes == null) {
                return NONE;
            }
            boolean accepted = e.status == EvidenceStatus.ACCEPTED;
            Instant at = null;
            for (WorkflowStep step : accepted ? e.history : List.<WorkflowStep>of()) {
                if (step.action == WorkflowAction.ACCEPTED && step.stamp != null && step.stamp.at != null) {
                    at = latest(at, step.stamp.at.truncatedTo(ChronoUnit.MILLIS)); // as a stored date holds it
                }
            }
            return new Contribution(strings(e.content.ksbCodes), accepted, at);
        }

        static Contribution of(Document item) {
            if (item.get(EvidenceRepository.DELETED_AT) != null) {
                return NONE;
            }
            Document content = item.get("content", Document.class);
            List<?> codes = content == null ? null : content.get("ksbCodes", List.class);
            if (codes == null) {
                return NONE;
            }
            boolean accepted = EvidenceStatus.ACCEPTED.value().equals(item.getString("status"));
            Instant at = null;
            List<?> history = accepted ? item.get("history", List.class) : null;
            for (Object o : history == null ? List.of() : history) {
                if (o instanceof Document step
                        && WorkflowAction.ACCEPTED.value().equals(step.getString("action"))
                        && step.get("stamp") instanceof Document stamp
                        && stamp.get("at") instanceof Date date) {
                    at = latest(at, date.toInstant());
                }
            }
            return new Contribution(strings(codes), accepted, at);
        }

        static Instant latest(Instant a, Instant b) {
            return a == null || b.isAfter(a) ? b : a;
        }

        private static List<String> strings(List<?> codes) {
            return codes.stream()
                    .filter(String.class::isInstance)
                    .map(String.class::cast)
                    .toList();
        }
    }

    /**
     * Counts being added up, by code: items accepted and in progress, and the latest acceptance. The one place that
     * adds a contribution, for a count from the evidence and for a change applied to a stored summary alike.
     */
    static final class Counts {

        private final Map<String, int[]> byCode = new HashMap<>();
        private final Map<String, Instant> latest = new HashMap<>();

        static Counts of(Tally tally) {
            Counts counts = new Counts();
            tally.ksbs().values().forEach(k -> {
                counts.byCode.put(k.code(), new int[] {k.accepted(), k.inProgress()});
                if (k.latestAcceptedAt() != null) {
                    counts.latest.put(k.code(), k.latestAcceptedAt());
                }
            });
            return counts;
        }

        void add(Contribution c) {
            for (String code : c.codes()) {
                byCode.computeIfAbsent(code, k -> new int[2])[c.accepted() ? 0 : 1]++;
                if (c.acceptedAt() != null) {
                    latest.merge(code, c.acceptedAt(), Contribution::latest);
                }
            }
        }

        /**
         * Takes the contribution away; false when the result cannot be known without counting again: a count would
         * go below zero, or the item's acceptance may have been a code's latest while other accepted items remain.
         */
        boolean remove(Contribution c) {
            for (String code : c.codes()) {
                int[] n = byCode.get(code);
                int i = c.accepted() ? 0 : 1;
                if (n == null || n[i] == 0) {
                    return false;
                }
                n[i]--;
                if (c.accepted()) {
                    Instant at = latest.get(code);
                    if (n[0] == 0) {
                        latest.remove(code);
                    } else if (at != null
                            && (c.acceptedAt() == null || !c.acceptedAt().isBefore(at))) {
                        return false;
                    }
                }
                if (n[0] + n[1] == 0) {
                    byCode.remove(code);
                }
            }
            return true;
        }

        Tally tally() {
            Map<String, KsbTally> ksbs = new HashMap<>();
            byCode.forEach((code, n) -> ksbs.put(code, new KsbTally(code, n[0], n[1], latest.get(code))));
            return Tally.of(ksbs);
        }
    }

    private final EvidenceRepository evidence;
    private final Clock clock;

    public CoverageSummaryRepository(EvidenceRepository evidence, Clock clock) {
        this.evidence = evidence;
        this.clock = clock;
    }

    void createIndexes(@Observes StartupEvent event) {
        // Serves a cohort's summaries on real MongoDB (the wire server of the dev stack scans; bench/README.md).
        summaries()
                .createIndex(
                        Indexes.ascending(PROVIDER, VERSION), new IndexOptions().name("provider_standard_version"));
    }

    /** The apprentice's summary, if one was ever stored. */
    public Optional<Stored> find(ObjectId apprenticeId) {
        return Optional.ofNullable(
                        summaries().find(Filters.eq("_id", apprenticeId)).first())
                .map(CoverageSummaryRepository::stored);
    }

    /**
     * Each summary of the cohort, with only its covered and evidenced codes, read in batches of
     * {@value #COHORT_BATCH}: a cohort of thousands of apprentices held at once took tens of megabytes per request,
     * and concurrent cohort reads ran the service out of its heap (bench/README.md, "Coverage summaries").
     */
    public void forEachOfCohort(String providerUkprn, String standardVersion, Consumer<Stored> each) {
        for (Document d : summaries()
                .find(Filters.and(Filters.eq(PROVIDER, providerUkprn), Filters.eq(VERSION, standardVersion)))
                .projection(Projections.include(PENDING, COMPUTED, WRITERS, COVERED, EVIDENCED))
                .batchSize(COHORT_BATCH)) {
            each.accept(light(d));
        }
    }

    private static Stored light(Document d) {
        return new Stored(
                d.getObjectId("_id"),
                number(d.get(PENDING)),
                fresh(d),
                writers(d),
                new Tally(Map.of(), codes(d, COVERED), codes(d, EVIDENCED)));
    }

    /**
     * Announces a write that may change the apprentice's counts: increments {@code pending}, creating the summary
     * (without counts, so not fresh) if there is none; with a {@code token} (null: none), also records the write
     * among the summary's writers until a store settles it ({@link #store}).
     */
    public Announced announce(ObjectId apprenticeId, String providerUkprn, String standardVersion, String token) {
        FindOneAndUpdateOptions upsert =
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER);
        List<org.bson.conversions.Bson> updates = new ArrayList<>(List.of(
                Updates.inc(PENDING, 1L),
                Updates.setOnInsert(PROVIDER, providerUkprn),
                Updates.setOnInsert(VERSION, standardVersion)));
        if (token != null) {
            updates.add(Updates.set(WRITERS + "." + token, Date.from(clock.instant())));
        }
        var update = Updates.combine(updates);
        Document after;
        try {
            after = summaries().findOneAndUpdate(Filters.eq("_id", apprenticeId), update, upsert);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // Two first upserts raced (real MongoDB may refuse the second); the document exists now.
            after = summaries().findOneAndUpdate(Filters.eq("_id", apprenticeId), update, upsert);
        }
        long pending = number(after.get(PENDING));
        Object computed = after.get(COMPUTED);
        return new Announced(pending, computed != null && number(computed) == pending - 1, stored(after));
    }

    /**
     * Stores counts computed after {@code pending} was read, only if no write has announced itself since (the
     * compare-and-set), removes the {@code settled} writers, and answers the covered codes the summary had before
     * (none if it had none). Empty when a write has announced itself since: its own step 3, later, stores fresher
     * counts. Other writers are left as they are (an update, not a replacement).
     */
    public Optional<Set<String>> store(
            ObjectId apprenticeId,
            String providerUkprn,
            String standardVersion,
            long pending,
            Tally tally,
            Collection<String> settled) {
        List<org.bson.conversions.Bson> updates = new ArrayList<>();
        summary(apprenticeId, providerUkprn, standardVersion, pending, tally).forEach((field, value) -> {
            if (!field.equals("_id")) {
                updates.add(Updates.set(field, value));
            }
        });
        settled.stream().filter(Objects::nonNull).forEach(t -> updates.add(Updates.unset(WRITERS + "." + t)));
        Document before = summaries()
                .findOneAndUpdate(
                        Filters.and(Filters.eq("_id", apprenticeId), Filters.eq(PENDING, pending)),
                        Updates.combine(updates),
                        new FindOneAndUpdateOptions()
                                .projection(Projections.include(COVERED))
                                .returnDocument(ReturnDocument.BEFORE));
        return Optional.ofNullable(before).map(d -> codes(d, COVERED));
    }

    /**
     * The summaries of these apprentices that exist, with only their covered and evidenced codes (one query by
     * {@code _id}).
     */
    public List<Stored> findMany(Collection<ObjectId> apprenticeIds) {
        List<Stored> found = new ArrayList<>();
        if (apprenticeIds.isEmpty()) {
            return found;
        }
        for (Document d : summaries()
                .find(Filters.in("_id", List.copyOf(apprenticeIds)))
                .projection(Projections.include(PENDING, COMPUTED, WRITERS, COVERED, EVIDENCED))) {
            found.add(light(d));
        }
        return found;
    }

    /**
     * Creates stale summaries ({@code pending = 1}, never computed) for those of these apprentices who have none, in
     * one unordered insert: as step 1 of a write does, but for many. An apprentice who has a summary by now keeps it
     * (the duplicate is refused and ignored). The apprentices whose summary was created here.
     */
    public Set<ObjectId> createStale(String providerUkprn, String standardVersion, List<ObjectId> apprenticeIds) {
        if (apprenticeIds.isEmpty()) {
            return Set.of();
        }
        List<Document> documents = new ArrayList<>();
        for (ObjectId id : apprenticeIds) {
            documents.add(new Document("_id", id)
                    .append(PROVIDER, providerUkprn)
                    .append(VERSION, standardVersion)
                    .append(PENDING, 1L));
        }
        Set<ObjectId> created = new HashSet<>(apprenticeIds);
        try {
            summaries().insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                created.remove(apprenticeIds.get(error.getIndex()));
            }
        }
        return created;
    }

    /**
     * {@link #store} for many summaries in one unordered bulk write, each a compare-and-set on its {@code pending}
     * value. How many were stored.
     */
    public int storeAll(String providerUkprn, String standardVersion, long pending, Map<ObjectId, Tally> tallies) {
        if (tallies.isEmpty()) {
            return 0;
        }
        List<ReplaceOneModel<Document>> replaces = new ArrayList<>();
        tallies.forEach((id, tally) -> replaces.add(new ReplaceOneModel<>(
                Filters.and(Filters.eq("_id", id), Filters.eq(PENDING, pending)),
                summary(id, providerUkprn, standardVersion, pending, tally))));
        return summaries()
                .bulkWrite(replaces, new BulkWriteOptions().ordered(false))
                .getMatchedCount();
    }

    private Document summary(
            ObjectId apprenticeId, String providerUkprn, String standardVersion, long pending, Tally tally) {
        List<Document> ksbs = new ArrayList<>();
        for (KsbTally k : new TreeMap<>(tally.ksbs()).values()) {
            ksbs.add(new Document("code", k.code())
                    .append("accepted", k.accepted())
                    .append("inProgress", k.inProgress())
                    .append("latestAcceptedAt", k.latestAcceptedAt() == null ? null : Date.from(k.latestAcceptedAt())));
        }
        return new Document("_id", apprenticeId)
                .append(PROVIDER, providerUkprn)
                .append(VERSION, standardVersion)
                .append(PENDING, pending)
                .append(COMPUTED, pending)
                .append(KSBS, ksbs)
                .append(COVERED, sorted(tally.covered()))
                .append(EVIDENCED, sorted(tally.evidenced()))
                .append("computedAt", Date.from(clock.instant()));
    }

    /** Deletes the apprentice's summary; the covered codes it had (none if there was none). */
    public Set<String> delete(ObjectId apprenticeId) {
        Document before = summaries()
                .findOneAndDelete(
                        Filters.eq("_id", apprenticeId),
                        new FindOneAndDeleteOptions().projection(Projections.include(COVERED)));
        return before == null ? Set.of() : codes(before, COVERED);
    }

    /** The apprentice's counts from their live evidence: one query by apprentice, bounded by the apprentice. */
    public Tally count(ObjectId apprenticeId) {
        return countAll(Filters.and(
                        Filters.eq("apprenticeId", apprenticeId), Filters.eq(EvidenceRepository.DELETED_AT, null)))
                .getOrDefault(apprenticeId, Tally.EMPTY);
    }

    /** The counts of these apprentices' live evidence (one query through the apprenticeId index). */
    public Map<ObjectId, Tally> countApprentices(List<ObjectId> apprenticeIds) {
        return countAll(Filters.and(
                Filters.in("apprenticeId", apprenticeIds), Filters.eq(EvidenceRepository.DELETED_AT, null)));
    }

    /** The apprentices of the cohort with live evidence (ids only). */
    public Set<ObjectId> withEvidence(String providerUkprn, String standardVersion) {
        Set<ObjectId> ids = new HashSet<>();
        for (Document d : items().find(Filters.and(
                        Filters.eq(PROVIDER, providerUkprn),
                        Filters.eq(VERSION, standardVersion),
                        Filters.eq(EvidenceRepository.DELETED_AT, null)))
                .projection(Projections.include("apprenticeId"))) {
            ids.add(d.getObjectId("apprenticeId"));
        }
        return ids;
    }

    public boolean cohortCounted(String providerUkprn, String standardVersion) {
        return cohorts()
                        .find(Filters.eq("_id", cohortId(providerUkprn, standardVersion)))
                        .first()
                != null;
    }

    public void cohortIsCounted(String providerUkprn, String standardVersion) {
        try {
            cohorts()
                    .insertOne(new Document("_id", cohortId(providerUkprn, standardVersion))
                            .append(PROVIDER, providerUkprn)
                            .append(VERSION, standardVersion)
                            .append("countedAt", Date.from(clock.instant())));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // Another reader counted it at the same time.
        }
    }

    /**
     * The counting, exactly as the aggregations it replaces did it: each live item counts once per code in its
     * current {@code content.ksbCodes} with its current status ({@link Contribution}).
     */
    private Map<ObjectId, Tally> countAll(org.bson.conversions.Bson filter) {
        Map<ObjectId, Counts> counts = new HashMap<>();
        for (Document item : items().find(filter)
                .projection(Projections.include(
                        "apprenticeId", "status", "content.ksbCodes", "history", EvidenceRepository.DELETED_AT))) {
            counts.computeIfAbsent(item.getObjectId("apprenticeId"), k -> new Counts())
                    .add(Contribution.of(item));
        }
        Map<ObjectId, Tally> tallies = new HashMap<>();
        counts.forEach((apprenticeId, c) -> tallies.put(apprenticeId, c.tally()));
        return tallies;
    }

    private static Stored stored(Document d) {
        Map<String, KsbTally> ksbs = new HashMap<>();
        List<?> list = d.get(KSBS, List.class);
        for (Object o : list == null ? List.of() : list) {
            Document k = (Document) o;
            Date at = k.getDate("latestAcceptedAt");
            ksbs.put(
                    k.getString("code"),
                    new KsbTally(
                            k.getString("code"),
                            (int) number(k.get("accepted")),
                            (int) number(k.get("inProgress")),
                            at == null ? null : at.toInstant()));
        }
        return new Stored(d.getObjectId("_id"), number(d.get(PENDING)), fresh(d), writers(d), Tally.of(ksbs));
    }

    private static Map<String, Instant> writers(Document d) {
        Map<String, Instant> writers = new HashMap<>();
        if (d.get(WRITERS) instanceof Document w) {
            w.forEach((token, at) -> writers.put(token, ((Date) at).toInstant()));
        }
        return writers;
    }

    private static boolean fresh(Document d) {
        Object computed = d.get(COMPUTED);
        return computed != null && number(computed) == number(d.get(PENDING));
    }

    private static Set<String> codes(Document d, String field) {
        List<?> list = d.get(field, List.class);
        Set<String> codes = new HashSet<>();
        for (Object o : list == null ? List.of() : list) {
            codes.add((String) o);
        }
        return codes;
    }

    private static List<String> sorted(Set<String> codes) {
        return codes.stream().sorted().toList();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static String cohortId(String providerUkprn, String standardVersion) {
        return providerUkprn + "/" + standardVersion;
    }

    private MongoCollection<Document> items() {
        return evidence.mongoCollection().withDocumentClass(Document.class);
    }

    private MongoCollection<Document> summaries() {
        return UnjournaledWrites.derived(evidence.mongoDatabase().getCollection(COLLECTION));
    }

    private MongoCollection<Document> cohorts() {
        return evidence.mongoDatabase().getCollection(COHORTS);
    }
}
