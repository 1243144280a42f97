package uk.apprenticeships.st1398.evidence.service;

import static uk.apprenticeships.st1398.evidence.service.CallerScope.TUTOR;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.bson.types.ObjectId;
import uk.apprenticeships.st1398.evidence.api.ReviewRequest;
import uk.apprenticeships.st1398.evidence.api.ReviewResponse;
import uk.apprenticeships.st1398.evidence.api.SignOffRequest;
import uk.apprenticeships.st1398.evidence.domain.Apprentice;
import uk.apprenticeships.st1398.evidence.domain.ProgressReview;
import uk.apprenticeships.st1398.evidence.domain.ProgressReview.SignOff;
import uk.apprenticeships.st1398.evidence.mapping.ReviewMapper;
import uk.apprenticeships.st1398.evidence.repository.ApprenticeRepository;
import uk.apprenticeships.st1398.evidence.repository.ProgressReviewRepository;
import uk.apprenticeships.st1398.platform.api.PageRequest;
import uk.apprenticeships.st1398.platform.api.PageResponse;
import uk.apprenticeships.st1398.platform.problem.ApiException;

/**
 * Progress reviews: written by the provider's tutor, then signed off once by each of the apprentice, the provider
 * and the employer. Once anyone has signed, the content is frozen. Each change is one conditional replace on the
 * review's {@code version}.
 */
@ApplicationScoped
public class ProgressReviewService {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final ApprenticeRepository apprentices;
    private final ProgressReviewRepository reviews;
    private final KsbCheck ksbs;
    private final AuditTrail audit;

    public ProgressReviewService(ApprenticeRepository apprentices, ProgressReviewRepository reviews, KsbCheck ksbs,
            AuditTrail audit) {
        this.apprentices = apprentices;
        this.reviews = reviews;
        this.ksbs = ksbs;
        this.audit = audit;
    }

    public PageResponse<ReviewResponse> list(EvidenceCaller caller, String apprenticeId, PageRequest page) {
        Apprentice a = apprentice(caller, apprenticeId);
        return PageResponse.of(reviews.list(a.id, page), ReviewMapper::toResponse, page, reviews.count(a.id));
    }

    public ReviewResponse get(EvidenceCaller caller, String apprenticeId, String reviewId) {
        return ReviewMapper.toResponse(load(apprentice(caller, apprenticeId), reviewId));
    }

    public ReviewResponse create(EvidenceCaller caller, String apprenticeId, ReviewRequest request) {
        Apprentice a = apprentice(caller, apprenticeId);
        ApprenticeAccess.requireOpen(a, "no progress review can be recorded");
        check(a, request);
        Instant now = EvidenceService.now();
        ProgressReview r = new ProgressReview();
        r.apprenticeId = a.id;
        r.providerUkprn = a.providerUkprn;
        r.employerId = a.employerId;
        r.uln = a.uln;
        apply(r, request);
        r.version = 1;
        r.createdAt = now;
        r.createdBy = caller.actor();
        r.updatedAt = now;
        reviews.persist(r);
        audit.changed("review.created", r, null);
        Log.infof("Created progress review %s for apprentice %s", r.id, a.id);
        return ReviewMapper.toResponse(r);
    }

    public ReviewResponse update(EvidenceCaller caller, String apprenticeId, String reviewId, ReviewRequest request) {
        Apprentice a = apprentice(caller, apprenticeId);
        ProgressReview r = load(a, reviewId);
        ApprenticeAccess.requireOpen(a, "their progress reviews cannot change");
        String before = audit.digest(r);
        long read = expect(r, request.version());
        if (r.anySigned()) {
            throw ApiException.conflict("Progress review " + r.id + " has been signed off, so it can no longer be "
                    + "changed. Nothing was changed.");
        }
        check(a, request);
        apply(r, request);
        save(r, read);
        audit.changed("review.updated", r, before);
        return ReviewMapper.toResponse(r);
    }

    /** Each party signs once, and only for themself: the apprentice, a tutor of the provider, the employer. */
    public ReviewResponse signOff(EvidenceCaller caller, String apprenticeId, String reviewId, SignOffRequest request) {
        ProgressReview r = load(apprentice(caller, apprenticeId), reviewId);
        String before = audit.digest(r);
        long read = expect(r, request.version());
        CallerScope.Tenant tenant = caller.scope().tenant();
        boolean allowed = switch (request.party()) {
            case "apprentice" -> tenant == CallerScope.Tenant.APPRENTICE;
            case "provider" -> tenant == CallerScope.Tenant.PROVIDER && caller.has(TUTOR);
            case "employer" -> tenant == CallerScope.Tenant.EMPLOYER;
            default -> false;
        };
        if (!allowed) {
            throw ApiException.forbidden("You cannot sign off for the " + request.party()
                    + ": the apprentice signs as apprentice, a tutor of the provider as provider, the apprentice's "
                    + "employer as employer.");
        }
        SignOff signOff = new SignOff(caller.actor(), EvidenceService.now());
        switch (request.party()) {
            case "apprentice" -> r.apprenticeSignOff = once(r, r.apprenticeSignOff, "apprentice", signOff);
            case "provider" -> r.providerSignOff = once(r, r.providerSignOff, "provider", signOff);
            default -> r.employerSignOff = once(r, r.employerSignOff, "employer", signOff);
        }
        save(r, read);
        audit.changed("review.signed-off", r, before);
        Log.infof("Progress review %s signed off for the %s by %s", r.id, request.party(), caller.actor());
        return ReviewMapper.toResponse(r);
    }

    private static SignOff once(ProgressReview r, SignOff existing, String party, SignOff signOff) {
        if (existing != null) {
            throw ApiException.conflict("The " + party + " already signed off progress review " + r.id + " ("
                    + existing.by + ", " + existing.at + "). Nothing was changed.");
        }
        return signOff;
    }

    private void check(Apprentice a, ReviewRequest request) {
        if (request.date().isAfter(LocalDate.now(LONDON))) {
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

    private Apprentice apprentice(EvidenceCaller caller, String apprenticeId) {
        return ApprenticeAccess.visible(apprentices, caller.scope(), apprenticeId);
    }

    private ProgressReview load(Apprentice a, String reviewId) {
        return reviews.findFor(a.id, new ObjectId(reviewId)).orElseThrow(() -> ApiException.notFound(
                "Apprentice " + a.id + " has no progress review " + reviewId + "."));
    }

    private static long expect(ProgressReview r, Long clientVersion) {
        return Versions.expect("Progress review " + r.id, r.version, clientVersion);
    }

    private void save(ProgressReview r, long read) {
        r.version = read + 1;
        r.updatedAt = EvidenceService.now();
        if (!reviews.replaceIfUnchanged(r, read)) {
            throw ApiException.conflict("Progress review " + r.id + " was changed by someone else at the same time; "
                    + "nothing was saved. Read it again and retry.");
        }
    }
}
