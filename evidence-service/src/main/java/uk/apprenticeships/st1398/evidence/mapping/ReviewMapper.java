package uk.apprenticeships.st1398.evidence.mapping;

import java.util.List;
import uk.apprenticeships.st1398.evidence.api.ReviewResponse;
import uk.apprenticeships.st1398.evidence.api.ReviewResponse.SignOffResponse;
import uk.apprenticeships.st1398.evidence.domain.ProgressReview;
import uk.apprenticeships.st1398.evidence.domain.StampDoc;

/** Entity to API record mapping for progress reviews. */
public final class ReviewMapper {

    private ReviewMapper() {}

    public static ReviewResponse toResponse(ProgressReview r) {
        return new ReviewResponse(
                r.id.toHexString(),
                r.apprenticeId.toHexString(),
                r.date,
                r.summary,
                r.nextSteps,
                List.copyOf(r.ksbCodes),
                r.version,
                signOff(r.apprenticeSignOff),
                signOff(r.providerSignOff),
                signOff(r.employerSignOff),
                r.complete(),
                r.createdAt,
                StampMapper.subject(r.createdBy),
                StampMapper.toResponse(r.createdBy),
                r.updatedAt);
    }

    private static SignOffResponse signOff(StampDoc s) {
        return s == null ? null : new SignOffResponse(s.subject, s.displayName, s.role, s.at);
    }
}
