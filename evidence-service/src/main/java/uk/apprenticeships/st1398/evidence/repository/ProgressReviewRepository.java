package uk.apprenticeships.st1398.evidence.repository;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.quarkus.mongodb.panache.PanacheMongoRepository;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import uk.apprenticeships.st1398.evidence.domain.ProgressReview;
import uk.apprenticeships.st1398.platform.api.PageRequest;

@ApplicationScoped
public class ProgressReviewRepository implements PanacheMongoRepository<ProgressReview> {

    /** Review date, made total by the id so pages never overlap. */
    private static final Document ORDER = new Document("date", 1).append("_id", 1);

    void createIndexes(@Observes StartupEvent event) {
        mongoCollection()
                .createIndex(
                        Indexes.ascending("apprenticeId", "date", "_id"),
                        new IndexOptions().name("apprentice_by_date"));
    }

    public List<ProgressReview> list(ObjectId apprenticeId, PageRequest page) {
        return mongoCollection()
                .find(Filters.eq("apprenticeId", apprenticeId))
                .sort(ORDER)
                .skip(page.offset())
                .limit(page.size())
                .into(new ArrayList<>());
    }

    public long count(ObjectId apprenticeId) {
        return mongoCollection().countDocuments(Filters.eq("apprenticeId", apprenticeId));
    }

    public Optional<ProgressReview> findFor(ObjectId apprenticeId, ObjectId id) {
        return Optional.ofNullable(mongoCollection()
                .find(Filters.and(Filters.eq("_id", id), Filters.eq("apprenticeId", apprenticeId)))
                .first());
    }

    /** Replaces the review only if nobody wrote it since it was read; false when that condition failed. */
    public boolean replaceIfUnchanged(ProgressReview review, long expectedVersion) {
        return mongoCollection()
                        .replaceOne(
                                Filters.and(Filters.eq("_id", review.id), Filters.eq("version", expectedVersion)),
                                review)
                        .getMatchedCount()
                == 1;
    }
}
