package uk.apprenticeships.st1398.evidence.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.bson.types.ObjectId;
import uk.apprenticeships.st1398.evidence.api.ReviewRequest;
import uk.apprenticeships.st1398.evidence.api.ReviewResponse;
import uk.apprenticeships.st1398.evidence.api.SignOffRequest;
import uk.apprenticeships.st1398.evidence.domain.Apprentice;
import uk.apprenticeships.st1398.evidence.domain.ProgressReview;
import uk.apprenticeships.st1398.evidence.domain.SignOffParty;
import uk.apprenticeships.st1398.evidence.domain.StampDoc;
import uk.apprenticeships.st1398.evidence.events.EvidenceEvents;
import uk.apprenticeships.st1398.evidence.mapping.ReviewMapper;
import uk.apprenticeships.st1398.evidence.repository.ApprenticeRepository;
import uk.apprenticeships.st1398.evidence.repository.ProgressReviewRepository;
import uk.apprenticeships.st1398.platform.api.PageRequest;
import uk.apprenticeships.st1398.platform.api.PageResponse;
import uk.apprenticeships.st1398.platform.events.EventTypes;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.platform.security.Caller;

/**
 * Progress reviews: written by the provider's tutor, then signed off once by each of the apprentice, the provider
 * and the employer. Once anyone has signed, the content is frozen. Each change is one conditional replace on the
 * review's {@code version}.
 */
@ApplicationScoped
public class ProgressReviewService {

    private final ApprenticeRepository apprentices;
    private final ProgressReviewRepository reviews;
    private final KsbCheck ksbs;
    private final AuditTrail audit;
    private final Stamps stamps;

    private final EvidenceEvents events;

    public ProgressReviewService(
            ApprenticeRepository apprentices,
            ProgressReviewRepository reviews,
            KsbCheck ksbs,
            AuditTrail audit,
            Stamps stamps,
            EvidenceEvents events) {
        this.events = events;
        this.stamps = stamps;
        this.apprentices = apprentices;
        this.reviews = reviews;
        this.ksbs = ksbs;
        this.audit = audit;
    }

    public PageResponse<ReviewResponse> list(String apprenticeId, PageRequest page) {
        Apprentice a = apprentice(stamps.caller(), apprenticeId);
        return PageResponse.of(reviews.list(a.id, page), ReviewMapper::toResponse, page, reviews.count(a.id));
    }

    public ReviewResponse get(String apprenticeId, String reviewId) {
        return ReviewMapper.toResponse(load(apprentice(stamps.caller(), apprenticeId), reviewId));
    }

    public ReviewResponse create(String apprenticeId, ReviewRequest request) {
        Apprentice a = apprentice(stamps.caller(), apprenticeId);
        ApprenticeAccess.requireOpen(a, "no progress review can be recorded");
        check(a, request);
        Instant now = stamps.now();
        ProgressReview r = new ProgressReview();
        r.apprenticeId = a.id;
        r.providerUkprn = a.providerUkprn;
        r.employerId = a.employerId;
        r.uln = a.uln;
        apply(r, request);
        r.version = 1;
        r.createdAt = now;
        r.createdBy = stamps.stamp(now);
        r.updatedAt = now;
        r.id = new ObjectId(); // the event names the id the insert stores
        events.review(r, EventTypes.REVIEW_CREATED, "created", a);
        reviews.persist(r);
        audit.changed("review.created", r, null);
        Log.infof("Created progress review %s for apprentice %s", r.id, a.id);
        return ReviewMapper.toResponse(r);
    }

    public ReviewResponse update(String apprenticeId, String reviewId, ReviewRequest request) {
        Apprentice a = apprentice(stamps.caller(), apprenticeId);
        ProgressReview r = load(a, reviewId);
        ApprenticeAccess.requireOpen(a, "their progress reviews cannot change");
        String before = audit.digest(r);
        long read = expect(r, request.version());
        if (r.anySigned()) {
            throw ApiException.of(
                    EvidenceError.REVIEW_SIGNED_OFF_FROZEN,
                    "Progress review " + r.id + " has been "
                            + "signed off, so it can no longer be changed. Nothing was changed.");
        }
        check(a, request);
        apply(r, request);
        r.version = read + 1; // as save() stores it, so the event names the version written
        events.review(r, EventTypes.REVIEW_CHANGED, "updated", a);
        save(r, read);
        audit.changed("review.updated", r, before);
        return ReviewMapper.toResponse(r);
    }

    /**
     * Each party signs once, and only for themself. The party a caller signs for is its tenant: the apprentice
     * themself, the provider (its staff with {@code review:sign}: tutors), the employer. Admins and LMS clients are
     * no party.
     */
    public ReviewResponse signOff(String apprenticeId, String reviewId, SignOffRequest request) {
        Caller caller = stamps.caller();
        Apprentice a = apprentice(caller, apprenticeId);
        ProgressReview r = load(a, reviewId);
        String before = audit.digest(r);
        long read = expect(r, request.version());
        Tenancy.Kind tenant = Tenancy.of(caller).kind();
        SignOffParty party = SignOffParty.of(request.party());
        boolean allowed = caller.may(EvidencePermissions.REVIEW_SIGN)
                && switch (party) {
                    case APPRENTICE -> tenant == Tenancy.Kind.APPRENTICE;
                    case PROVIDER -> tenant == Tenancy.Kind.PROVIDER;
                    case EMPLOYER -> tenant == Tenancy.Kind.EMPLOYER;
                };
        if (!allowed) {
            throw ApiException.of(
                            EvidenceError.SIGN_OFF_PARTY_FORBIDDEN,
                            "You cannot sign off for the " + party
                                    + ": the apprentice signs as apprentice, a tutor of the provider as provider, the apprentice's "
                                    + "employer as employer.")
                    .with("party", party.value());
        }
        StampDoc signOff = stamps.stamp();
        switch (party) {
            case APPRENTICE -> r.apprenticeSignOff = once(r, r.apprenticeSignOff, party, signOff);
            case PROVIDER -> r.providerSignOff = once(r, r.providerSignOff, party, signOff);
            case EMPLOYER -> r.employerSignOff = once(r, r.employerSignOff, party, signOff);
        }
        events.reviewSigned(r, party.value(), a);
        save(r, read);
        audit.changed("review.signed-off", r, before);
        Log.infof("Progress review %s signed off for the %s by %s", r.id, request.party(), caller.subject());
        return ReviewMapper.toResponse(r);
    }

    private static StampDoc once(ProgressReview r, StampDoc existing, SignOffParty party, StampDoc signOff) {
        if (existing != null) {
            throw ApiException.of(
                    EvidenceError.REVIEW_ALREADY_SIGNED,
                    "The " + party + " already signed off "
                            + "progress review " + r.id + " (" + existing.subject + ", " + existing.at
                            + "). Nothing was "
                            + "changed.");
        }
        return signOff;
    }

    private void check(Apprentice a, ReviewRequest request) {
        if (request.date().isAfter(stamps.today())) {
            throw ApiException.invalid("date", "must not be in the future");
        }
        if (request.date().isBefore(a.startDate)) {
            throw ApiException.invalid("date", "must not be before the apprentice's start date " + a.startDate);
        }
        ksbs.require(a.standardVersion, request.ksbCodes());
    }

    private static void apply(ProgressReview r, ReviewRequest request) {
        r.date = request.date();
        r.summary = request.summary().strip();
        r.nextSteps = request.nextSteps().strip();
        r.ksbCodes = KsbCheck.normalised(request.ksbCodes());
    }

    private Apprentice apprentice(Caller caller, String apprenticeId) {
        return ApprenticeAccess.visible(apprentices, caller, apprenticeId);
    }

    private ProgressReview load(Apprentice a, String reviewId) {
        return reviews.findFor(a.id, new ObjectId(reviewId))
                .orElseThrow(() -> ApiException.of(
                        EvidenceError.REVIEW_NOT_FOUND,
                        "Apprentice " + a.id + " has no progress review " + reviewId + "."));
    }

    private static long expect(ProgressReview r, Long clientVersion) {
        return Versions.expect("Progress review " + r.id, r.version, clientVersion);
    }

    private void save(ProgressReview r, long read) {
        r.version = read + 1;
        r.updatedAt = stamps.now();
        if (!reviews.replaceIfUnchanged(r, read)) {
            throw ApiException.of(
                    EvidenceError.CONCURRENT_CHANGE,
                    "Progress review " + r.id + " was changed by "
                            + "someone else at the same time; nothing was saved. Read it again and retry.");
        }
    }
}
