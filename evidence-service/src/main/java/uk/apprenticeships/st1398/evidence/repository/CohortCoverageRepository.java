package uk.apprenticeships.st1398.evidence.repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * A cohort's coverage figures ({@value #COLLECTION}, one document per provider and standard version, {@code _id} =
 * {@code {ukprn}/{standardVersion}}): per KSB code, how many of the cohort's coverage summaries have it among their
 * covered codes ({@code coveredBy}), kept by the writers of those summaries, so that a cohort read is one document.
 * How they are kept correct without transactions is {@link uk.apprenticeships.st1398.evidence.service.CoverageSummaries}'s
 * business; this class only stores and reads.
 *
 * <p>The document: {@code coveredBy} ({@code {code: n}}), {@code writers} ({@code {token: {at, apprenticeId}}}: the
 * writes registered and not yet settled), {@code seq} (incremented by every change but a figure's), {@code valid}
 * (false until the figures are first counted from the summaries, and again whenever they cannot be trusted).
 * Every read and write goes through the unique {@code _id} index.
 */
@ApplicationScoped
public class CohortCoverageRepository {

    /** The cohorts' figures. */
    public static final String COLLECTION = "cohort_coverage";

    static final String WRITERS = "writers";
    static final String SEQ = "seq";
    static final String VALID = "valid";
    static final String COVERED_BY = "coveredBy";

    /** A registered write: its token, when it registered, whose summary it writes (null: many at once). */
    public record Writer(String token, Instant at, ObjectId apprenticeId) {}

    /** The stored document. */
    public record State(boolean valid, long seq, Map<String, Long> coveredBy, List<Writer> writers) {}

    private final EvidenceRepository evidence;
    private final Clock clock;

    public CohortCoverageRepository(EvidenceRepository evidence, Clock clock) {
        this.evidence = evidence;
        this.clock = clock;
    }

    public Optional<State> find(String providerUkprn, String standardVersion) {
        Document d = figures()
                .find(Filters.eq("_id", id(providerUkprn, standardVersion)))
                .first();
        if (d == null) {
            return Optional.empty();
        }
        Map<String, Long> coveredBy = new HashMap<>();
        Document counts = d.get(COVERED_BY, Document.class);
        if (counts != null) {
            counts.forEach((field, n) -> coveredBy.put(code(field), number(n)));
        }
        List<Writer> writers = new ArrayList<>();
        Document registered = d.get(WRITERS, Document.class);
        if (registered != null) {
            registered.forEach((token, w) -> {
                Document writer = (Document) w;
                Date at = writer.getDate("at");
                writers.add(new Writer(
                        token, at == null ? Instant.EPOCH : at.toInstant(), writer.getObjectId("apprenticeId")));
            });
        }
        return Optional.of(new State(Boolean.TRUE.equals(d.getBoolean(VALID)), number(d.get(SEQ)), coveredBy, writers));
    }

    /**
     * Registers a write of the cohort's summaries (of one apprentice, or of many when {@code apprenticeId} is null),
     * creating the document, not valid, if there is none. The write's token.
     */
    public String register(String providerUkprn, String standardVersion, ObjectId apprenticeId) {
        String token = new ObjectId().toHexString();
        Bson update = Updates.combine(
                Updates.set(
                        WRITERS + "." + token,
                        new Document("at", Date.from(clock.instant())).append("apprenticeId", apprenticeId)),
                Updates.inc(SEQ, 1L),
                Updates.setOnInsert("providerUkprn", providerUkprn),
                Updates.setOnInsert("standardVersion", standardVersion),
                Updates.setOnInsert(VALID, false));
        Bson filter = Filters.eq("_id", id(providerUkprn, standardVersion));
        try {
            figures().updateOne(filter, update, new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // Two first upserts raced (real MongoDB may refuse the second); the document exists now.
            figures().updateOne(filter, update, new UpdateOptions().upsert(true));
        }
        return token;
    }

    /**
     * Applies a registered write's change of covered codes ({@code +1}: a summary now covers the code; {@code -1}: no
     * longer) and removes its registration, in one update, only if it is still registered. False when it is not
     * (a reader found it older than the bound and stopped trusting the figures, or it was never registered).
     */
    public boolean settle(String providerUkprn, String standardVersion, String token, Map<String, Integer> delta) {
        List<Bson> updates = new ArrayList<>();
        updates.add(Updates.unset(WRITERS + "." + token));
        updates.add(Updates.inc(SEQ, 1L));
        delta.forEach((code, n) -> {
            if (n != 0) {
                updates.add(Updates.inc(COVERED_BY + "." + field(code), (long) n));
            }
        });
        return figures()
                        .updateOne(
                                Filters.and(
                                        Filters.eq("_id", id(providerUkprn, standardVersion)),
                                        Filters.exists(WRITERS + "." + token)),
                                Updates.combine(updates))
                        .getMatchedCount()
                == 1;
    }

    /**
     * Marks the figures as not to be trusted (the next reader counts them again from the summaries) and removes these
     * registrations, whose settling can no longer be told apart from its absence.
     */
    public void invalidate(String providerUkprn, String standardVersion, Collection<String> tokens) {
        List<Bson> updates = new ArrayList<>();
        updates.add(Updates.set(VALID, false));
        updates.add(Updates.inc(SEQ, 1L));
        tokens.forEach(t -> updates.add(Updates.unset(WRITERS + "." + t)));
        figures().updateOne(Filters.eq("_id", id(providerUkprn, standardVersion)), Updates.combine(updates));
    }

    /**
     * Stores figures counted from the summaries after {@code seq} was read with no write registered (null: when
     * there was no document), only if nothing registered, settled or invalidated since (a compare-and-set on
     * {@code seq}, or an insert for a document that is still missing). Whether they were stored.
     */
    public boolean rebuild(String providerUkprn, String standardVersion, Long seq, Map<String, Long> coveredBy) {
        Document counts = new Document();
        coveredBy.entrySet().stream()
                .filter(e -> e.getValue() != 0)
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> counts.append(field(e.getKey()), e.getValue()));
        String id = id(providerUkprn, standardVersion);
        if (seq == null) {
            try {
                figures()
                        .insertOne(new Document("_id", id)
                                .append("providerUkprn", providerUkprn)
                                .append("standardVersion", standardVersion)
                                .append(SEQ, 0L)
                                .append(VALID, true)
                                .append(COVERED_BY, counts)
                                .append(WRITERS, new Document())
                                .append("countedAt", Date.from(clock.instant())));
                return true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                return false; // a write registered meanwhile
            }
        }
        return figures()
                        .updateOne(
                                Filters.and(Filters.eq("_id", id), Filters.eq(SEQ, seq)),
                                Updates.combine(
                                        Updates.set(COVERED_BY, counts),
                                        Updates.set(VALID, true),
                                        Updates.inc(SEQ, 1L),
                                        Updates.set("countedAt", Date.from(clock.instant()))))
                        .getMatchedCount()
                == 1;
    }

    /**
     * A KSB code as a field name: KSB codes are letters and digits ({@code K3}); anything else a field name may not
     * hold ({@code .}, a leading {@code $}) is escaped, so that no code can address another field.
     */
    static String field(String code) {
        return code.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    static String code(String field) {
        return field.replace("%24", "$").replace("%2E", ".").replace("%25", "%");
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static String id(String providerUkprn, String standardVersion) {
        return providerUkprn + "/" + standardVersion;
    }

    private MongoCollection<Document> figures() {
        return UnjournaledWrites.derived(evidence.mongoDatabase().getCollection(COLLECTION));
    }
}
