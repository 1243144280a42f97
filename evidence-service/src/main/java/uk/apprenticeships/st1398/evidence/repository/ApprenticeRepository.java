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
import java.util.List;
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
            String assessmentOrganisationId) {

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
        return query;
    }

    private static void putIfSet(Document query, String field, String value) {
        if (value != null) {
            query.append(field, value);
        }
    }
}
