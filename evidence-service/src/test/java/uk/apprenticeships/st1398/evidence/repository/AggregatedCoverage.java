package uk.apprenticeships.st1398.evidence.repository;

import com.mongodb.client.MongoCollection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import uk.apprenticeships.st1398.evidence.domain.EvidenceStatus;
import uk.apprenticeships.st1398.evidence.domain.WorkflowAction;

/**
 * The test oracle of the coverage summaries: KSB coverage computed, as the service did before summaries, by
 * aggregations over the evidence collection. Only {@code $match}, {@code $unwind} and
 * {@code $group} with {@code $sum}/{@code $max} are used, so the same pipelines run on real MongoDB and on the
 * wire-protocol server of the tests. Each evidence item counts with its current status and current KSB codes
 * (an item's codes are unique, so an item counts at most once per KSB).
 */
@ApplicationScoped
public class AggregatedCoverage {

    /** Evidence items of one apprentice mapping one KSB with one status. */
    public record KsbStatusCount(String code, EvidenceStatus status, int count) {}

    /** Evidence of one apprentice (of a page of a cohort) mapping one KSB with one status. */
    public record ApprenticeKsbStatus(ObjectId apprenticeId, String code, EvidenceStatus status) {}

    /** How many apprentices of a cohort have accepted evidence for one KSB. */
    public record KsbApprentices(String code, long apprentices) {}

    private static final String CODES = "$content.ksbCodes";

    private static final String DELETED = EvidenceRepository.DELETED_AT;

    private final EvidenceRepository evidence;

    public AggregatedCoverage(EvidenceRepository evidence) {
        this.evidence = evidence;
    }

    /** Per (KSB, status): how many of the apprentice's items map it. */
    public List<KsbStatusCount> byKsbAndStatus(ObjectId apprenticeId) {
        List<Bson> pipeline = List.of(
                new Document("$match", new Document("apprenticeId", apprenticeId).append(DELETED, null)),
                only("content.ksbCodes", "status"),
                new Document("$unwind", CODES),
                new Document(
                        "$group",
                        new Document("_id", new Document("code", CODES).append("status", "$status"))
                                .append("count", new Document("$sum", 1))));
        List<KsbStatusCount> result = new ArrayList<>();
        for (Document d : collection().aggregate(pipeline)) {
            Document id = d.get("_id", Document.class);
            result.add(new KsbStatusCount(
                    id.getString("code"),
                    EvidenceStatus.of(id.getString("status")),
                    ((Number) d.get("count")).intValue()));
        }
        return result;
    }

    /**
     * Per KSB: when the most recently accepted of the apprentice's accepted items mapping it was accepted, taken
     * from the items' workflow history (the latest {@code accepted} step of an accepted item is the acceptance of
     * its current revision), so later writes that keep an item accepted cannot move the date.
     */
    public Map<String, Instant> latestAcceptance(
            ObjectId apprenticeId, EvidenceStatus acceptedStatus, WorkflowAction acceptAction) {
        List<Bson> pipeline = List.of(
                new Document(
                        "$match",
                        new Document("apprenticeId", apprenticeId)
                                .append("status", acceptedStatus.value())
                                .append(DELETED, null)),
                only("content.ksbCodes", "history"),
                new Document("$unwind", "$history"),
                new Document("$match", new Document("history.action", acceptAction.value())),
                new Document("$unwind", CODES),
                new Document(
                        "$group",
                        new Document("_id", CODES).append("latest", new Document("$max", "$history.stamp.at"))));
        Map<String, Instant> result = new HashMap<>();
        for (Document d : collection().aggregate(pipeline)) {
            Date latest = d.getDate("latest");
            if (latest != null) {
                result.put(d.getString("_id"), latest.toInstant());
            }
        }
        return result;
    }

    /** The distinct (apprentice, KSB, status) combinations of these apprentices' evidence. */
    public List<ApprenticeKsbStatus> byApprenticeKsbAndStatus(Collection<ObjectId> apprenticeIds) {
        if (apprenticeIds.isEmpty()) {
            return List.of();
        }
        List<Bson> pipeline = List.of(
                new Document(
                        "$match",
                        new Document("apprenticeId", new Document("$in", List.copyOf(apprenticeIds)))
                                .append(DELETED, null)),
                only("apprenticeId", "content.ksbCodes", "status"),
                new Document("$unwind", CODES),
                new Document(
                        "$group",
                        new Document(
                                "_id",
                                new Document("apprenticeId", "$apprenticeId")
                                        .append("code", CODES)
                                        .append("status", "$status"))));
        List<ApprenticeKsbStatus> result = new ArrayList<>();
        for (Document d : collection().aggregate(pipeline)) {
            Document id = d.get("_id", Document.class);
            result.add(new ApprenticeKsbStatus(
                    id.getObjectId("apprenticeId"), id.getString("code"), EvidenceStatus.of(id.getString("status"))));
        }
        return result;
    }

    /**
     * For each KSB among {@code codes}: how many apprentices of the provider's cohort on the standard version have
     * at least one item with {@code status} mapping it. The first group makes (apprentice, KSB) distinct, the
     * second counts apprentices per KSB.
     */
    public List<KsbApprentices> apprenticesPerKsb(
            String providerUkprn, String standardVersion, EvidenceStatus status, Collection<String> codes) {
        List<Bson> pipeline = List.of(
                new Document(
                        "$match",
                        new Document("providerUkprn", providerUkprn)
                                .append("standardVersion", standardVersion)
                                .append("status", status.value())
                                .append(DELETED, null)),
                only("apprenticeId", "content.ksbCodes"),
                new Document("$unwind", CODES),
                new Document("$match", new Document("content.ksbCodes", new Document("$in", List.copyOf(codes)))),
                new Document(
                        "$group",
                        new Document("_id", new Document("apprenticeId", "$apprenticeId").append("code", CODES))),
                new Document(
                        "$group", new Document("_id", "$_id.code").append("apprentices", new Document("$sum", 1))));
        List<KsbApprentices> result = new ArrayList<>();
        for (Document d : collection().aggregate(pipeline)) {
            result.add(new KsbApprentices(d.getString("_id"), ((Number) d.get("apprentices")).longValue()));
        }
        return result;
    }

    /**
     * Keeps only the fields the later stages read, before any {@code $unwind}: an item carries its text, files and
     * whole workflow history, and an unwind copies the item once per KSB it maps. MongoDB works out the fields
     * itself; the dev stack's wire server copies whole items (a cohort's coverage at ~1,000 apprentices exhausted its
     * heap; bench/README.md).
     */
    private static Document only(String... fields) {
        Document projection = new Document("_id", 0);
        for (String field : fields) {
            projection.append(field, 1);
        }
        return new Document("$project", projection);
    }

    private MongoCollection<Document> collection() {
        return evidence.mongoCollection().withDocumentClass(Document.class);
    }
}
