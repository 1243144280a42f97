package uk.apprenticeships.st1398.evidence.service;

import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.platform.problem.PlatformError;
import uk.apprenticeships.st1398.platform.security.Caller;

/**
 * Whose apprentices a caller reaches, from the {@code apprentices:*} permissions of its roles (the widest wins)
 * and the matching tenant claim (403 {@code tenant-claim-missing} without it).
 */
public record Tenancy(Kind kind, String id) {

    public enum Kind {
        ALL,
        PROVIDER,
        EMPLOYER,
        APPRENTICE,
        ASSESSOR
    }

    public static Tenancy of(Caller caller) {
        if (caller.may(EvidencePermissions.SEE_ALL)) {
            return new Tenancy(Kind.ALL, null);
        }
        if (caller.may(EvidencePermissions.SEE_PROVIDER)) {
            return new Tenancy(Kind.PROVIDER, caller.requireProviderUkprn());
        }
        if (caller.may(EvidencePermissions.SEE_EMPLOYER)) {
            return new Tenancy(Kind.EMPLOYER, caller.requireEmployerId());
        }
        if (caller.may(EvidencePermissions.SEE_SELF)) {
            return new Tenancy(Kind.APPRENTICE, caller.requireUln());
        }
        if (caller.may(EvidencePermissions.SEE_ASSIGNED)) {
            return new Tenancy(Kind.ASSESSOR, caller.requireEpaoId());
        }
        throw ApiException.of(
                PlatformError.ROLE_NOT_ALLOWED, "Your token's roles do not give access to apprentice records.");
    }

    /** Whether the caller may create or change records of this provider: admins, or the provider's own staff. */
    public boolean actsFor(String ukprn) {
        return kind == Kind.ALL || kind == Kind.PROVIDER && id.equals(ukprn);
    }

    public String providerUkprn() {
        return kind == Kind.PROVIDER ? id : null;
    }

    public String employerId() {
        return kind == Kind.EMPLOYER ? id : null;
    }

    public String uln() {
        return kind == Kind.APPRENTICE ? id : null;
    }

    public String assessmentOrganisationId() {
        return kind == Kind.ASSESSOR ? id : null;
    }

    /**
     * The tenant recorded in audit events: a provider or employer; null for admins, apprentices (a ULN is personal)
     * and assessors.
     */
    public String auditTenant() {
        return kind == Kind.PROVIDER || kind == Kind.EMPLOYER ? id : null;
    }
}
