package uk.apprenticeships.st1398.evidence.domain;

import io.quarkus.mongodb.panache.common.MongoEntity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bson.types.ObjectId;

/**
 * A progress review of an apprentice, signed off by the three parties. The sign-offs live in the review document,
 * so each signature is one conditional replace on {@code version}: two parties signing at once cannot lose either.
 */
@MongoEntity(collection = "reviews")
public class ProgressReview {

    public ObjectId id;
    public ObjectId apprenticeId;
    public String providerUkprn;
    public String employerId;
    public String uln;
    public LocalDate date;
    public String summary;
    public String nextSteps;
    public List<String> ksbCodes = new ArrayList<>();
    /** Incremented on every write; the condition of every update. */
    public long version;
    public SignOff apprenticeSignOff;
    public SignOff providerSignOff;
    public SignOff employerSignOff;
    public Instant createdAt;
    public String createdBy;
    public Instant updatedAt;

    /** One party's signature: who (token subject) and when. */
    public static class SignOff {
        public String by;
        public Instant at;

        public SignOff() {
        }

        public SignOff(String by, Instant at) {
            this.by = by;
            this.at = at;
        }
    }

    public boolean anySigned() {
        return apprenticeSignOff != null || providerSignOff != null || employerSignOff != null;
    }

    public boolean complete() {
        return apprenticeSignOff != null && providerSignOff != null && employerSignOff != null;
    }
}
