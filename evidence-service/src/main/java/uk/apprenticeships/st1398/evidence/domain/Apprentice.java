package uk.apprenticeships.st1398.evidence.domain;

import io.quarkus.mongodb.panache.common.MongoEntity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bson.types.ObjectId;

/**
 * An apprentice on programme with one provider. The status history is embedded so that a status change and
 * its audit entry are written in one single-document update (no multi-document transactions needed).
 */
@MongoEntity(collection = "apprentices")
public class Apprentice {

    public ObjectId id;

    /**
     * Domain events of changes to this document not yet handed to the event hub (JSON of DomainEvent), written in
     * the same single-document write as the change; the relay removes each once the hub has it (docs/events.md).
     * Not part of the audit digest.
     */
    public List<String> outbox;

    public String uln;
    public String givenName;
    public String familyName;
    public LocalDate dateOfBirth;
    public String providerUkprn;
    public String employerId;
    public String standardVersion;
    public LocalDate startDate;
    public LocalDate plannedEndDate;
    /** The assessment organisation assigned to the apprentice ({@code EPA} + 4 digits), or null. */
    public String assessmentOrganisationId;
    /** Contracted weekly working hours in hundredths of an hour; null: full time. */
    public Long contractedWeeklyHundredths;
    /** Weeks of planned leave within the programme, not counted for the weekly off-the-job rule; null: none. */
    public Integer plannedLeaveWeeks;
    /** The provider's own learner reference (its MIS id, the ILR LearnRefNumber), unique per provider; or null. */
    public String learnerReference;
    /** Each integrating client's own id for the apprentice (one per client), unique per provider and client. */
    public List<ExternalId> externalIds;
    /**
     * The keys that make {@link #learnerReference} and {@link #externalIds} unique within the provider, one string
     * each (see {@code ApprenticeRepository.identifierKeys}); absent (never empty) when there are none, so that the
     * sparse unique index on it ignores the apprentice.
     */
    public List<String> identifierKeys;

    public ApprenticeStatus status;
    public List<StatusChange> statusHistory = new ArrayList<>();
    public Instant createdAt;
    /** Set when an erasure has started; the apprentice then answers 410 until the tombstone replaces it. */
    public Erasure erasure;

    /** One client's id for the apprentice: {@code clientId} is the token's authorised party ({@code azp}). */
    public static class ExternalId {
        public String clientId;
        /** The client's id for the apprentice (not {@code id}: the POJO codec would store that as {@code _id}). */
        public String value;

        public ExternalId() {}

        public ExternalId(String clientId, String value) {
            this.clientId = clientId;
            this.value = value;
        }
    }

    /** An erasure in progress: kept on the record so a run that died half-way can be completed. */
    public static class Erasure {
        /** Who started it, and when. */
        public StampDoc started;

        public String reason;
    }
}
