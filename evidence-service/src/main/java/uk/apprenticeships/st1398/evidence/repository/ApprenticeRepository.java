package uk.apprenticeships.st1398.evidence.repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.quarkus.mongodb.panache.PanacheMongoRepository;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import uk.apprenticeships.st1398.evidence.domain.Apprentice;
import uk.apprenticeships.st1398.evidence.domain.ApprenticeStatus;
import uk.apprenticeships.st1398.evidence.domain.ApprenticeTombstone;
import uk.apprenticeships.st1398.evidence.domain.StatusChange;
import uk.apprenticeships.st1398.platform.api.PageRequest;

@ApplicationScoped
public class ApprenticeRepository implements PanacheMongoRepository<Apprentice> {

    /**
     * Equality filters; null means "any". Provider, employer, ULN and assessment organisation carry the caller's
     * tenant scope.
     */
    public record Filter(
            String providerUkprn,
            String employerId,
            String uln,
            ApprenticeStatus status,
            String standardVersion,
            String assessmentOrganisationId,
            String learnerReference,
            Apprentice.ExternalId externalId) {

        public Filter(
                String providerUkprn,
                String employerId,
                String uln,
                ApprenticeStatus status,
                String standardVersion,
                String assessmentOrganisationId) {
            this(providerUkprn, employerId, uln, status, standardVersion, assessmentOrganisationId, null, null);
        }

        /** This filter, narrowed to one learner reference and one client's external id (null: any). */
        public Filter identifiedBy(String learnerReference, Apprentice.ExternalId externalId) {
            return new Filter(
                    providerUkprn,
                    employerId,
                    uln,
                    status,
                    standardVersion,
                    assessmentOrganisationId,
                    learnerReference,
                    externalId);
        }

        public Filter(
                String providerUkprn, String employerId, String uln, ApprenticeStatus status, String standardVersion) {
            this(providerUkprn, employerId, uln, status, standardVersion, null);
        }
    }

    /** The id makes the order total, so pages never overlap or skip records with equal names. */
    public static final String TOMBSTONES = "apprentice_tombstones";

    private static final Document ORDER =
            new Document("familyName", 1).append("givenName", 1).append("_id", 1);

    void createIndexes(@Observes StartupEvent event) {
        // The unique index is what keeps (provider, ULN) unique under concurrent creates, so startup fails
        // rather than run without it.
        mongoCollection()
                .createIndex(
                        Indexes.ascending("providerUkprn", "uln"),
                        new IndexOptions().name("provider_uln_unique").unique(true));
        // Learner references and external ids are unique per provider (and client). Their keys embed the provider
        // (identifierKeys), so one sparse unique index on that array does it: apprentices without identifiers leave
        // the field out and are not indexed. A unique compound index (providerUkprn, learnerReference) would need a
        // partialFilterExpression on real MongoDB (a sparse compound index still indexes every apprentice, since
        // providerUkprn is always there), which the embedded wire server does not implement; this form means the
        // same on both.
        mongoCollection()
                .createIndex(
                        Indexes.ascending("identifierKeys"),
                        new IndexOptions()
                                .name("provider_identifiers_unique")
                                .unique(true)
                                .sparse(true));
        // Searches by learner reference within a provider (real MongoDB; the test server ignores non-unique ones).
        mongoCollection()
                .createIndex(
                        Indexes.ascending("providerUkprn", "learnerReference"),
                        new IndexOptions().name("provider_learner_reference"));
        // A cohort (provider + standard version) by name: its count and pages on the coverage read. On real MongoDB
        // the count is read from the index and a page walks it in order; on the dev stack's wire server its two-key
        // in-memory index (providerUkprn, standardVersion) answers the count without reading a document and hands
        // a page query the cohort's documents only (which it still sorts: bench/README.md, "Cohort figures").
        mongoCollection()
                .createIndex(
                        Indexes.ascending("providerUkprn", "standardVersion", "familyName", "givenName", "_id"),
                        new IndexOptions().name("cohort_by_name"));
        // One per tenant kind, serving the scoped, sorted lists (real MongoDB; the test server ignores them).
        for (String tenant : List.of("providerUkprn", "employerId", "uln", "assessmentOrganisationId")) {
            mongoCollection()
                    .createIndex(
                            Indexes.ascending(tenant, "familyName", "givenName", "_id"),
                            new IndexOptions().name(tenant + "_by_name"));
        }
    }

    /** Inserts a new apprentice; false when the provider already has one with this ULN. */
    public boolean insert(Apprentice apprentice) {
        try {
            persist(apprentice);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** The key that makes a learner reference unique within its provider. */
    public static String learnerReferenceKey(String providerUkprn, String learnerReference) {
        return "lrn|" + providerUkprn + "|" + learnerReference;
    }

    /**
     * The key that makes a client's external id unique within the provider and client; the client id's length
     * keeps two different (client, id) pairs from ever making the same key.
     */
    public static String externalIdKey(String providerUkprn, Apprentice.ExternalId externalId) {
        return "ext|" + providerUkprn + "|" + externalId.clientId.length() + ":" + externalId.clientId + "|"
                + externalId.value;
    }

    /** The apprentice's identifier keys, or null when it has none (the field is then left out). */
    public static List<String> identifierKeys(Apprentice a) {
        List<String> keys = new java.util.ArrayList<>();
        if (a.learnerReference != null) {
            keys.add(learnerReferenceKey(a.providerUkprn, a.learnerReference));
        }
        if (a.externalIds != null) {
            a.externalIds.forEach(e -> keys.add(externalIdKey(a.providerUkprn, e)));
        }
        return keys.isEmpty() ? null : keys;
    }

    /** Whether another apprentice of the provider already holds this key (after a duplicate-key refusal). */
    public boolean keyTaken(String key, ObjectId except) {
        Document query = new Document("identifierKeys", key);
        if (except != null) {
            query.append("_id", new Document("$ne", except));
        }
        return count(query) > 0;
    }

    /** Whether the provider already has another apprentice with this ULN. */
    public boolean ulnTaken(String providerUkprn, String uln) {
        return count(new Document("providerUkprn", providerUkprn).append("uln", uln)) > 0;
    }

    /**
     * Replaces the learner reference and external ids (and their keys) in one single-document update. False when
     * another apprentice of the provider holds one of them (the unique index refused it; nothing changed, and the
     * {@code events} pushed into the outbox by the same update are not stored either).
     */
    public boolean setIdentifiers(Apprentice a, List<String> events) {
        List<String> keys = identifierKeys(a);
        try {
            mongoCollection()
                    .updateOne(
                            Filters.eq("_id", a.id),
                            Updates.combine(
                                    a.learnerReference == null
                                            ? Updates.unset("learnerReference")
                                            : Updates.set("learnerReference", a.learnerReference),
                                    a.externalIds == null || a.externalIds.isEmpty()
                                            ? Updates.unset("externalIds")
                                            : Updates.set("externalIds", a.externalIds),
                                    keys == null
                                            ? Updates.unset("identifierKeys")
                                            : Updates.set("identifierKeys", keys),
                                    Updates.pushEach("outbox", events)));
            a.identifierKeys = keys;
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Sets the status and appends its history entry in one single-document update, only if the status is still
     * the one the change was checked against. False when someone changed it meanwhile.
     */
    public boolean changeStatus(
            ObjectId id, ApprenticeStatus expectedStatus, StatusChange change, List<String> events) {
        return mongoCollection()
                        .updateOne(
                                Filters.and(Filters.eq("_id", id), Filters.eq("status", expectedStatus.value())),
                                Updates.combine(
                                        Updates.set("status", change.status.value()),
                                        Updates.push("statusHistory", change),
                                        Updates.pushEach("outbox", events)))
                        .getModifiedCount()
                == 1;
    }

    /**
     * Marks the apprentice as being erased, only if its status is still the one the retention rule was checked
     * against and no erasure has started. False otherwise.
     */
    public boolean markErasing(ObjectId id, ApprenticeStatus expectedStatus, Apprentice.Erasure erasure) {
        return mongoCollection()
                        .updateOne(
                                Filters.and(
                                        Filters.eq("_id", id),
                                        Filters.eq("status", expectedStatus.value()),
                                        Filters.eq("erasure", null)),
                                Updates.set("erasure", erasure))
                        .getModifiedCount()
                == 1;
    }

    /**
     * Adds events (JSON strings) to the apprentice's outbox unless already there: an erasure moves the events still
     * waiting in the records it is about to delete here first, so deleting them loses none. Repeatable.
     */
    public void keepEvents(ObjectId id, List<String> events) {
        if (!events.isEmpty()) {
            mongoCollection().updateOne(Filters.eq("_id", id), Updates.addEachToSet("outbox", events));
        }
    }

    /** Replaces the programme arrangements (null clears a field) in one single-document update. */
    public void setProgramme(
            ObjectId id,
            String assessmentOrganisationId,
            Long contractedWeeklyHundredths,
            Integer plannedLeaveWeeks,
            List<String> events) {
        mongoCollection()
                .updateOne(
                        Filters.eq("_id", id),
                        Updates.combine(
                                Updates.set("assessmentOrganisationId", assessmentOrganisationId),
                                Updates.set("contractedWeeklyHundredths", contractedWeeklyHundredths),
                                Updates.set("plannedLeaveWeeks", plannedLeaveWeeks),
                                Updates.pushEach("outbox", events)));
    }

    public List<Apprentice> list(Filter filter, PageRequest page) {
        return find(query(filter), ORDER).page(page.page(), page.size()).list();
    }

    public long count(Filter filter) {
        return count(query(filter));
    }

    /**
     * A page of the provider's apprentices with one of these statuses (empty: any), leaving out any being erased
     * (they answer 410 one by one); by family name, given name, then id, as every apprentice list.
     */
    public List<Apprentice> ofProvider(String providerUkprn, Collection<ApprenticeStatus> statuses, PageRequest page) {
        return find(ofProvider(providerUkprn, statuses), ORDER)
                .page(page.page(), page.size())
                .list();
    }

    public long countOfProvider(String providerUkprn, Collection<ApprenticeStatus> statuses) {
        return count(ofProvider(providerUkprn, statuses));
    }

    /** The ids of all the provider's apprentices {@link #ofProvider} admits: one query, the ids only. */
    public List<ObjectId> idsOfProvider(String providerUkprn, Collection<ApprenticeStatus> statuses) {
        List<ObjectId> ids = new ArrayList<>();
        for (Document d : mongoCollection()
                .withDocumentClass(Document.class)
                .find(ofProvider(providerUkprn, statuses))
                .projection(new Document("_id", 1))) {
            ids.add(d.getObjectId("_id"));
        }
        return ids;
    }

    /** These apprentices by id, in one query. */
    public Map<ObjectId, Apprentice> byIds(Collection<ObjectId> ids) {
        Map<ObjectId, Apprentice> found = new HashMap<>();
        if (!ids.isEmpty()) {
            find(new Document("_id", new Document("$in", List.copyOf(ids))))
                    .list()
                    .forEach(a -> found.put(a.id, a));
        }
        return found;
    }

    private static Document ofProvider(String providerUkprn, Collection<ApprenticeStatus> statuses) {
        Document query = new Document("providerUkprn", providerUkprn).append("erasure", null);
        if (!statuses.isEmpty()) {
            query.append(
                    "status",
                    new Document(
                            "$in",
                            statuses.stream().map(ApprenticeStatus::value).toList()));
        }
        return query;
    }

    /** The apprentice with this id if the filter (the caller's scope) admits it. */
    public Optional<Apprentice> findVisible(ObjectId id, Filter filter) {
        return find(query(filter).append("_id", id)).firstResultOptional();
    }

    /**
     * The tombstone of an erased apprentice if the filter (the caller's scope) admits it. A tombstone keeps only
     * the provider, so employer- and apprentice-scoped callers never match one.
     */
    public Optional<ApprenticeTombstone> findTombstone(ObjectId id, Filter filter) {
        if (filter.employerId() != null || filter.uln() != null || filter.assessmentOrganisationId() != null) {
            return Optional.empty();
        }
        Document query = new Document("_id", id);
        putIfSet(query, "providerUkprn", filter.providerUkprn());
        return Optional.ofNullable(mongoDatabase()
                .getCollection(TOMBSTONES, ApprenticeTombstone.class)
                .find(query)
                .first());
    }

    private static Document query(Filter filter) {
        Document query = new Document();
        putIfSet(query, "providerUkprn", filter.providerUkprn());
        putIfSet(query, "employerId", filter.employerId());
        putIfSet(query, "uln", filter.uln());
        putIfSet(
                query,
                "status",
                filter.status() == null ? null : filter.status().value());
        putIfSet(query, "standardVersion", filter.standardVersion());
        putIfSet(query, "assessmentOrganisationId", filter.assessmentOrganisationId());
        putIfSet(query, "learnerReference", filter.learnerReference());
        if (filter.externalId() != null) {
            query.append(
                    "externalIds",
                    new Document(
                            "$elemMatch",
                            new Document("clientId", filter.externalId().clientId)
                                    .append("value", filter.externalId().value)));
        }
        return query;
    }

    private static void putIfSet(Document query, String field, String value) {
        if (value != null) {
            query.append(field, value);
        }
    }
}
