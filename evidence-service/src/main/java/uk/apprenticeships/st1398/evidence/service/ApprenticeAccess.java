package uk.apprenticeships.st1398.evidence.service;

import java.util.Map;
import org.bson.types.ObjectId;
import uk.apprenticeships.st1398.evidence.domain.Apprentice;
import uk.apprenticeships.st1398.evidence.repository.ApprenticeRepository;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.platform.problem.ProblemType;

/** The one tenant check every apprentice-scoped operation starts with. */
final class ApprenticeAccess {

    private ApprenticeAccess() {
    }

    /**
     * The apprentice if the caller's tenant may see them; otherwise 404, exactly as if there were none, so ids
     * cannot be probed. An erased apprentice (or one being erased) answers 410 to callers who could see it.
     */
    static Apprentice visible(ApprenticeRepository apprentices, CallerScope scope, String id) {
        Apprentice a = visibleOrErased(apprentices, scope, id);
        if (a == null || a.erasure != null) {
            throw erased(id);
        }
        return a;
    }

    /** Like {@link #visible} but null for an erased apprentice the caller could see, instead of 410. */
    static Apprentice visibleOrErased(ApprenticeRepository apprentices, CallerScope scope, String id) {
        ObjectId oid = new ObjectId(id);
        ApprenticeRepository.Filter filter = new ApprenticeRepository.Filter(scope.providerUkprn(),
                scope.employerId(), scope.uln(), null, null);
        Apprentice a = apprentices.findVisible(oid, filter).orElse(null);
        if (a == null && apprentices.findTombstone(oid, filter).isEmpty()) {
            throw ApiException.notFound("No apprentice with id " + id + ".");
        }
        return a;
    }

    static ApiException erased(String id) {
        return new ApiException(ProblemType.ERASED, 410, "Apprentice " + id + " has been erased on request; only "
                + "its audit trail remains.", null, Map.of("apprenticeId", id));
    }
}
