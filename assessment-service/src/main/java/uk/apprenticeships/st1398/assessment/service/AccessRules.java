package uk.apprenticeships.st1398.assessment.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import uk.apprenticeships.st1398.platform.security.AccessPolicy;
import uk.apprenticeships.st1398.platform.security.Caller;
import uk.apprenticeships.st1398.platform.security.Roles;

/**
 * Who may do what in assessment-service, in one place. {@link #grants()} gives each role its permissions: resources
 * declare the permission an operation needs ({@code @PermissionsAllowed}), services ask {@link Caller#may}. The
 * static methods are the tenant rules: which records a permitted caller sees. Admins and regulators see every
 * tenant's; assessors their assessment organisation's ({@code epao_id}); tutors and the provider's LMS client their
 * training provider's ({@code provider_ukprn}); employers their own apprentices' ({@code employer_id}) where they read
 * at all. A record of another tenant answers 404, as if absent.
 */
@ApplicationScoped
public class AccessRules implements AccessPolicy {

    /** The directory of assessment organisations. */
    public static final String ORGANISATION_READ = "organisation:read";
    /** Register and change assessment organisations. */
    public static final String ORGANISATION_MANAGE = "organisation:manage";
    /** Act for any assessment organisation (name it in a certificate, declare any assessor's conflicts). */
    public static final String ORGANISATION_ACT_FOR_ANY = "organisation:act-for-any";

    public static final String ASSESSOR_READ = "assessor:read";
    public static final String ASSESSOR_REGISTER = "assessor:register";
    /** Declare a conflict of interest (assessors their own; with {@link #ORGANISATION_ACT_FOR_ANY}, anyone's). */
    public static final String CONFLICT_DECLARE = "conflict:declare";

    public static final String CONFLICT_REMOVE = "conflict:remove";
    /** Assessments, their attempts, results, bookings, gateway records and the DfE learner view. */
    public static final String ASSESSMENT_READ = "assessment:read";

    public static final String ASSESSMENT_REGISTER = "assessment:register";
    public static final String ASSESSMENT_ASSIGN = "assessment:assign";
    public static final String BOOKING_MANAGE = "booking:manage";
    /** Record and correct graded attempts: the assigned assessor only (the service checks the assignment). */
    public static final String ATTEMPT_GRADE = "attempt:grade";
    /** The gateway readiness check (the portfolio is read from evidence-service with the caller's token). */
    public static final String GATEWAY_READINESS = "gateway:readiness";

    public static final String GATEWAY_WAIVE = "gateway:waive";
    /** Record any declaration: the provider's tutors and LMS client, admins. */
    public static final String GATEWAY_DECLARE = "gateway:declare";
    /** Record the employer's own confirmation (employer-confirmation) of its apprentice. */
    public static final String GATEWAY_CONFIRM = "gateway:confirm";

    public static final String GATEWAY_SUBMIT = "gateway:submit";
    public static final String GATEWAY_DECIDE = "gateway:decide";
    public static final String CERTIFICATE_READ = "certificate:read";
    /** Create, amend, submit certificates and set the statuses an assessor may set. */
    public static final String CERTIFICATE_WRITE = "certificate:write";
    /** Set the approving body's statuses (Approved, Printed, Delivered, Cancelled...). */
    public static final String CERTIFICATE_APPROVE = "certificate:approve";
    /** The Ofqual returns (EPA outcomes and registrations). */
    public static final String REPORT_READ = "report:read";

    public static final String COHORT_STATISTICS = "report:cohort-statistics";
    /** The DfE-shaped EPA record batches and deletion. */
    public static final String EPA_WRITE = "epa:write";
    /** Webhook subscriptions of one's own (docs/events.md); admins manage everyone's. */
    public static final String WEBHOOK_MANAGE = "webhook:manage";
    /** The change feed (GET /api/v1/events), filtered to the caller's tenant. */
    public static final String EVENT_READ = "event:read";

    private static final Set<String> EVENTS = Set.of(WEBHOOK_MANAGE, EVENT_READ);

    private static final Set<String> PROVIDER = union(
            EVENTS,
            Set.of(
                    ORGANISATION_READ,
                    ASSESSMENT_READ,
                    GATEWAY_READINESS,
                    GATEWAY_DECLARE,
                    GATEWAY_SUBMIT,
                    CERTIFICATE_READ,
                    COHORT_STATISTICS));

    private static final Map<String, Set<String>> GRANTS = Map.of(
            Roles.ADMIN,
                    union(
                            EVENTS,
                            Set.of(
                                    ORGANISATION_READ,
                                    ORGANISATION_MANAGE,
                                    ORGANISATION_ACT_FOR_ANY,
                                    ASSESSOR_READ,
                                    ASSESSOR_REGISTER,
                                    CONFLICT_DECLARE,
                                    CONFLICT_REMOVE,
                                    ASSESSMENT_READ,
                                    ASSESSMENT_REGISTER,
                                    ASSESSMENT_ASSIGN,
                                    BOOKING_MANAGE,
                                    GATEWAY_READINESS,
                                    GATEWAY_WAIVE,
                                    GATEWAY_DECLARE,
                                    GATEWAY_SUBMIT,
                                    GATEWAY_DECIDE,
                                    CERTIFICATE_READ,
                                    CERTIFICATE_WRITE,
                                    CERTIFICATE_APPROVE,
                                    REPORT_READ,
                                    COHORT_STATISTICS,
                                    EPA_WRITE)),
            Roles.REGULATOR,
                    union(
                            EVENTS,
                            Set.of(
                                    ORGANISATION_READ,
                                    ASSESSOR_READ,
                                    ASSESSMENT_READ,
                                    GATEWAY_READINESS,
                                    CERTIFICATE_READ,
                                    REPORT_READ,
                                    COHORT_STATISTICS)),
            Roles.ASSESSOR,
                    union(
                            EVENTS,
                            Set.of(
                                    ORGANISATION_READ,
                                    ASSESSOR_READ,
                                    CONFLICT_DECLARE,
                                    ASSESSMENT_READ,
                                    ASSESSMENT_REGISTER,
                                    ASSESSMENT_ASSIGN,
                                    BOOKING_MANAGE,
                                    ATTEMPT_GRADE,
                                    GATEWAY_READINESS,
                                    GATEWAY_WAIVE,
                                    GATEWAY_DECIDE,
                                    CERTIFICATE_READ,
                                    CERTIFICATE_WRITE,
                                    REPORT_READ,
                                    COHORT_STATISTICS,
                                    EPA_WRITE)),
            Roles.TUTOR, PROVIDER,
            Roles.LMS_INTEGRATION, PROVIDER,
            Roles.EMPLOYER,
                    union(
                            EVENTS,
                            Set.of(
                                    ORGANISATION_READ,
                                    ASSESSMENT_READ,
                                    GATEWAY_READINESS,
                                    GATEWAY_CONFIRM,
                                    COHORT_STATISTICS)));

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    @Override
    public Map<String, Set<String>> grants() {
        return GRANTS;
    }

    /**
     * The assessment organisation an assessor is confined to; empty for callers who are not assessors or who see
     * everything. An assessor token without a well-formed {@code epao_id} is refused (403).
     */
    public static Optional<String> ownOrganisation(Caller caller) {
        if (!caller.has(Roles.ASSESSOR) || caller.seesEverything()) {
            return Optional.empty();
        }
        return Optional.of(caller.requireEpaoId());
    }

    /** The training provider a tutor or LMS client is confined to; empty for anyone else. */
    public static Optional<String> ownProvider(Caller caller) {
        if (!caller.isProviderStaff() || caller.seesEverything()) {
            return Optional.empty();
        }
        return Optional.of(caller.requireProviderUkprn());
    }

    /** The employer an employer user is confined to; empty for anyone else. */
    public static Optional<String> ownEmployer(Caller caller) {
        if (!caller.has(Roles.EMPLOYER) || caller.seesEverything()) {
            return Optional.empty();
        }
        return Optional.of(caller.requireEmployerId());
    }

    /**
     * Whether the caller may read a record of this organisation about an apprentice of this provider: admins and
     * regulators always, assessors for their organisation, tutors and the LMS client for their provider.
     */
    public static boolean mayRead(Caller caller, String epaoId, String providerUkprn) {
        if (caller.seesEverything()) {
            return true;
        }
        return ownOrganisation(caller).map(epaoId::equals).orElse(false)
                || ownProvider(caller).map(providerUkprn::equals).orElse(false);
    }

    /** As {@link #mayRead(Caller, String, String)}, and employers for their own apprentices. */
    public static boolean mayRead(Caller caller, String epaoId, String providerUkprn, String employerId) {
        return mayRead(caller, epaoId, providerUkprn)
                || ownEmployer(caller).map(employerId::equals).orElse(false);
    }

    /** Whether the caller may see this organisation's assessors and reports: anyone but another organisation's. */
    public static boolean maySeeOrganisation(Caller caller, String epaoId) {
        return ownOrganisation(caller).map(epaoId::equals).orElse(true);
    }
}
