package uk.apprenticeships.st1398.evidence.service;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;
import uk.apprenticeships.st1398.platform.problem.ApiException;

/**
 * Whose records the caller may touch, resolved once per request from the token's roles and tenant claims.
 * Every endpoint on tenant data goes through this class, so the isolation rules live in one place.
 */
public record CallerScope(Tenant tenant, String tenantId, String actor) {

    public static final String ADMIN = "admin";
    public static final String TUTOR = "tutor";
    public static final String LMS_INTEGRATION = "lms-integration";
    public static final String EMPLOYER = "employer";
    public static final String APPRENTICE = "apprentice";
    public static final String ASSESSOR = "assessor";

    /** ASSESSOR is read-only: the apprentices assigned to the caller's assessment organisation ({@code epao_id}). */
    public enum Tenant { ALL, PROVIDER, EMPLOYER, APPRENTICE, ASSESSOR }

    /** The widest role wins, so a token with several roles never sees less than its strongest one allows. */
    public static CallerScope of(SecurityIdentity identity) {
        String actor = actor(identity);
        if (identity.hasRole(ADMIN)) {
            return new CallerScope(Tenant.ALL, null, actor);
        }
        if (identity.hasRole(TUTOR) || identity.hasRole(LMS_INTEGRATION)) {
            return scoped(Tenant.PROVIDER, "provider_ukprn", identity, actor);
        }
        if (identity.hasRole(EMPLOYER)) {
            return scoped(Tenant.EMPLOYER, "employer_id", identity, actor);
        }
        if (identity.hasRole(APPRENTICE)) {
            return scoped(Tenant.APPRENTICE, "uln", identity, actor);
        }
        if (identity.hasRole(ASSESSOR)) {
            return scoped(Tenant.ASSESSOR, "epao_id", identity, actor);
        }
        throw ApiException.forbidden("Your token's roles do not give access to apprentice records.");
    }

    /** Whether the caller may create or change records of this provider. */
    public boolean actsFor(String ukprn) {
        return tenant == Tenant.ALL || tenant == Tenant.PROVIDER && tenantId.equals(ukprn);
    }

    /** The provider the caller is confined to, or null. */
    public String providerUkprn() {
        return tenant == Tenant.PROVIDER ? tenantId : null;
    }

    /** The employer the caller is confined to, or null. */
    public String employerId() {
        return tenant == Tenant.EMPLOYER ? tenantId : null;
    }

    /** The apprentice (ULN) the caller is confined to, or null. */
    public String uln() {
        return tenant == Tenant.APPRENTICE ? tenantId : null;
    }

    /** The assessment organisation (EPAO id) the caller is confined to, or null. */
    public String assessmentOrganisationId() {
        return tenant == Tenant.ASSESSOR ? tenantId : null;
    }

    /** Whether the caller may only read (assessors): every write on a record they can see answers 403. */
    public boolean readOnly() {
        return tenant == Tenant.ASSESSOR;
    }

    private static CallerScope scoped(Tenant tenant, String claim, SecurityIdentity identity, String actor) {
        String value = claim(identity, claim);
        if (value == null || value.isBlank()) {
            // Without its tenant claim a scoped token would match nothing or, worse, everything.
            throw ApiException.forbidden(
                    "Your token has no " + claim + " claim, so it cannot be matched to any records.");
        }
        return new CallerScope(tenant, value, actor);
    }

    /** The token subject: stable across renames, unlike the username. */
    private static String actor(SecurityIdentity identity) {
        String subject = claim(identity, "sub");
        return subject != null ? subject : identity.getPrincipal().getName();
    }

    private static String claim(SecurityIdentity identity, String name) {
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return null;
        }
        Object value = jwt.getClaim(name);
        return value instanceof JsonString json ? json.getString() : value == null ? null : value.toString();
    }
}
