package uk.apprenticeships.st1398.evidence.service;

import org.bson.types.ObjectId;
import uk.apprenticeships.st1398.evidence.domain.Apprentice;
import uk.apprenticeships.st1398.evidence.repository.ApprenticeRepository;
import uk.apprenticeships.st1398.platform.problem.ApiException;

/** The one tenant check every apprentice-scoped operation starts with. */
final class ApprenticeAccess {

    private ApprenticeAccess() {
    }

    /**
     * The apprentice if the caller's tenant may see them; otherwise 404, exactly as if there were none, so ids
     * cannot be probed.
     */
    static Apprentice visible(ApprenticeRepository apprentices, CallerScope scope, String id) {
        return apprentices.findVisible(new ObjectId(id), filter(scope, null, null))
                .orElseThrow(() -> ApiException.notFound("No apprentice with id " + id + "."));
    }

    /** The caller's tenant as a repository filter, with optional status and standard-version filters. */
    static ApprenticeRepository.Filter filter(CallerScope scope, String status, String standardVersion) {
        return new ApprenticeRepository.Filter(scope.providerUkprn(), scope.employerId(), scope.uln(), status,
                standardVersion, scope.assessmentOrganisationId());
    }
}
