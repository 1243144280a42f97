package uk.apprenticeships.st1398.assessment.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import uk.apprenticeships.st1398.assessment.api.ApprovalResponse;
import uk.apprenticeships.st1398.assessment.client.StandardCatalogue;
import uk.apprenticeships.st1398.assessment.config.AssessmentError;
import uk.apprenticeships.st1398.assessment.domain.AssessmentOrganisation;
import uk.apprenticeships.st1398.assessment.domain.StampColumns;
import uk.apprenticeships.st1398.assessment.domain.StandardVersionApproval;
import uk.apprenticeships.st1398.assessment.events.AssessmentEvents;
import uk.apprenticeships.st1398.assessment.repository.AssessmentOrganisationRepository;
import uk.apprenticeships.st1398.assessment.repository.StandardVersionApprovalRepository;
import uk.apprenticeships.st1398.platform.api.PageRequest;
import uk.apprenticeships.st1398.platform.api.PageResponse;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.platform.security.CurrentCaller;
import uk.apprenticeships.st1398.platform.security.Stamp;

/**
 * Which standard versions each assessment organisation is approved to assess. EPA outcomes and certificates are
 * recorded only for approved versions ({@link #require}), through either API.
 */
@ApplicationScoped
public class ApprovalService {

    private final AssessmentEvents events;
    private final StandardVersionApprovalRepository approvals;
    private final AssessmentOrganisationRepository organisations;
    private final StandardCatalogue catalogue;
    private final CurrentCaller caller;
    private final Clock clock;

    public ApprovalService(
            StandardVersionApprovalRepository approvals,
            AssessmentOrganisationRepository organisations,
            StandardCatalogue catalogue,
            CurrentCaller caller,
            Clock clock,
            AssessmentEvents events) {
        this.events = events;
        this.approvals = approvals;
        this.organisations = organisations;
        this.catalogue = catalogue;
        this.caller = caller;
        this.clock = clock;
    }

    @Transactional
    public ApprovalResponse approve(String epaoId, String standardVersion) {
        AssessmentOrganisation organisation = organisation(epaoId);
        if (catalogue.version(standardVersion).isEmpty()) {
            throw ApiException.of(
                            AssessmentError.STANDARD_VERSION_UNKNOWN,
                            "The standards catalogue has no version " + standardVersion + "; nothing was saved.")
                    .with("standardVersion", standardVersion);
        }
        if (approvals.approval(epaoId, standardVersion).isPresent()) {
            throw ApiException.of(
                    AssessmentError.APPROVAL_EXISTS,
                    epaoId + " is already approved for " + standardVersion + "; nothing was saved.");
        }
        int split = standardVersion.indexOf('_');
        StandardVersionApproval a = new StandardVersionApproval();
        a.organisation = organisation;
        a.standardVersion = standardVersion;
        a.standardReference = standardVersion.substring(0, split);
        a.version = standardVersion.substring(split + 1);
        a.approved = StampColumns.of(Stamp.of(caller.get(), clock));
        approvals.persistAndFlush(a);
        events.organisation(epaoId, "approved", standardVersion);
        Log.infof("Approved %s for %s", epaoId, standardVersion);
        return toResponse(a);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<ApprovalResponse> list(String epaoId, PageRequest page) {
        organisation(epaoId);
        return PageResponse.of(
                approvals.page(epaoId, page), ApprovalService::toResponse, page, approvals.countFor(epaoId));
    }

    @Transactional
    public void withdraw(String epaoId, String standardVersion) {
        organisation(epaoId);
        StandardVersionApproval a = approvals
                .approval(epaoId, standardVersion)
                .orElseThrow(() -> ApiException.of(
                        AssessmentError.APPROVAL_NOT_FOUND, epaoId + " is not approved for " + standardVersion + "."));
        approvals.delete(a);
        events.organisation(epaoId, "approval-withdrawn", standardVersion);
        Log.infof("Withdrew the approval of %s for %s", epaoId, standardVersion);
    }

    /** Whether the organisation is approved for this version (ST1398_1.0). */
    public boolean approved(String epaoId, String standardVersion) {
        return approvals.approval(epaoId, standardVersion).isPresent();
    }

    /** Whether the organisation is approved for any version of the standard. */
    public boolean approvedForStandard(String epaoId, String standardReference) {
        return !approvals.forStandard(epaoId, standardReference).isEmpty();
    }

    /** Refuses (403 not-approved-for-version) unless the organisation is approved for the version. */
    public void require(String epaoId, String standardVersion) {
        if (!approved(epaoId, standardVersion)) {
            throw ApiException.of(
                            AssessmentError.NOT_APPROVED_FOR_VERSION,
                            "Assessment organisation " + epaoId + " is not approved to assess " + standardVersion
                                    + "; nothing was saved.")
                    .with("standardVersion", standardVersion);
        }
    }

    private AssessmentOrganisation organisation(String epaoId) {
        return organisations
                .findByEpaoId(epaoId)
                .orElseThrow(() -> ApiException.of(
                        AssessmentError.ORGANISATION_NOT_FOUND, "No assessment organisation " + epaoId + "."));
    }

    private static ApprovalResponse toResponse(StandardVersionApproval a) {
        return new ApprovalResponse(
                a.organisation.epaoId,
                a.standardVersion,
                a.standardReference,
                a.version,
                a.approved.at,
                a.approved.subject);
    }
}
