package uk.apprenticeships.st1398.evidence.service;

import static uk.apprenticeships.st1398.evidence.service.EvidencePermissions.*;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import uk.apprenticeships.st1398.platform.security.AccessPolicy;
import uk.apprenticeships.st1398.platform.security.Roles;

/**
 * Who may do what in evidence-service, in one table. Which records a permitted caller reaches is its tenant
 * ({@link Tenancy}): another tenant's apprentice answers 404 as if absent. Regulators have no access here.
 */
@ApplicationScoped
public class AccessRules implements AccessPolicy {

    private static final Map<String, Set<String>> GRANTS = Map.of(
            Roles.ADMIN,
                    Set.of(
                            SEE_ALL,
                            VIEW_FULL,
                            APPRENTICE_READ,
                            APPRENTICE_WRITE,
                            APPRENTICE_STATUS,
                            EVIDENCE_READ,
                            EVIDENCE_WRITE,
                            EVIDENCE_SUBMIT,
                            EVIDENCE_REVIEW,
                            COVERAGE_READ,
                            COHORT_COVERAGE_READ,
                            OTJ_COHORT,
                            EVIDENCE_COHORT,
                            OTJ_READ,
                            OTJ_SUMMARY,
                            OTJ_WRITE,
                            OTJ_APPROVE,
                            REVIEW_READ,
                            REVIEW_WRITE,
                            AUDIT_READ,
                            SUBJECT_ACCESS_EXPORT,
                            ERASURE_REQUEST,
                            XAPI_READ,
                            XAPI_CREDENTIALS,
                            XAPI_MAPPINGS,
                            PROVIDER_READ_ANY,
                            PROVIDER_WRITE),
            Roles.TUTOR,
                    Set.of(
                            SEE_PROVIDER,
                            VIEW_FULL,
                            APPRENTICE_READ,
                            APPRENTICE_WRITE,
                            APPRENTICE_STATUS,
                            EVIDENCE_READ,
                            EVIDENCE_WRITE,
                            EVIDENCE_SUBMIT,
                            EVIDENCE_REVIEW,
                            COVERAGE_READ,
                            COHORT_COVERAGE_READ,
                            OTJ_COHORT,
                            EVIDENCE_COHORT,
                            OTJ_READ,
                            OTJ_SUMMARY,
                            OTJ_WRITE,
                            OTJ_APPROVE,
                            REVIEW_READ,
                            REVIEW_WRITE,
                            REVIEW_SIGN,
                            AUDIT_READ,
                            SUBJECT_ACCESS_EXPORT,
                            XAPI_READ,
                            XAPI_CREDENTIALS,
                            XAPI_MAPPINGS,
                            PROVIDER_READ_OWN),
            // The provider's LMS client reads and writes like a tutor but takes no decisions and signs nothing.
            Roles.LMS_INTEGRATION,
                    Set.of(
                            SEE_PROVIDER,
                            VIEW_FULL,
                            APPRENTICE_READ,
                            APPRENTICE_WRITE,
                            EVIDENCE_READ,
                            EVIDENCE_WRITE,
                            COVERAGE_READ,
                            COHORT_COVERAGE_READ,
                            OTJ_COHORT,
                            EVIDENCE_COHORT,
                            OTJ_READ,
                            OTJ_SUMMARY,
                            OTJ_WRITE,
                            REVIEW_READ,
                            XAPI_READ,
                            XAPI_WRITE,
                            PROVIDER_READ_OWN),
            // Employers confirm evidence that asks for it, sign reviews, and check gateway readiness (coverage and
            // the off-the-job summary), through a view of the apprentice without personal details.
            Roles.EMPLOYER,
                    Set.of(
                            SEE_EMPLOYER,
                            VIEW_EMPLOYER,
                            APPRENTICE_READ,
                            EVIDENCE_READ,
                            EVIDENCE_CONFIRM,
                            COVERAGE_READ,
                            OTJ_SUMMARY,
                            REVIEW_READ,
                            REVIEW_SIGN),
            Roles.APPRENTICE,
                    Set.of(
                            SEE_SELF,
                            VIEW_FULL,
                            APPRENTICE_READ,
                            EVIDENCE_READ,
                            EVIDENCE_WRITE,
                            EVIDENCE_SUBMIT,
                            COVERAGE_READ,
                            OTJ_READ,
                            OTJ_SUMMARY,
                            OTJ_WRITE,
                            REVIEW_READ,
                            REVIEW_SIGN,
                            SUBJECT_ACCESS_EXPORT,
                            PROVIDER_READ_OWN),
            // Read only, and the narrowest view of the apprentice; any provider's name (for the DfE learner answer).
            Roles.ASSESSOR,
                    Set.of(
                            SEE_ASSIGNED,
                            APPRENTICE_READ,
                            EVIDENCE_READ,
                            COVERAGE_READ,
                            OTJ_READ,
                            OTJ_SUMMARY,
                            REVIEW_READ,
                            PROVIDER_READ_ANY));

    @Override
    public Map<String, Set<String>> grants() {
        return GRANTS;
    }
}
