package uk.apprenticeships.st1398.platform.security;

import java.util.Set;
import java.util.regex.Pattern;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.platform.problem.PlatformError;

/**
 * Who is calling: resolved once per request from the bearer token by {@link CurrentCaller}. Tenant claims that are
 * missing or malformed are {@code null}; the {@code require...} methods refuse such a token (403
 * {@code tenant-claim-missing}) rather than leave it unscoped.
 *
 * @param subject the token subject: stable across renames, the id every stamp records
 * @param displayName the person's name or username, or the client id, for people reading a history
 * @param kind a person signed in, a client acting on its own (client credentials), or nobody
 * @param roles the realm roles ({@link Roles})
 * @param permissions what the roles allow in this service, from its {@link AccessPolicy}
 * @param onBehalfOf the subject a delegated token acts for ({@code act.sub}), or null
 * @param requestId the request's {@code X-Request-Id}
 */
public record Caller(
        String subject,
        String displayName,
        Kind kind,
        Set<String> roles,
        Set<String> permissions,
        String providerUkprn,
        String employerId,
        String epaoId,
        String uln,
        String onBehalfOf,
        String requestId) {

    public enum Kind {
        PERSON,
        CLIENT,
        ANONYMOUS
    }

    static final Pattern UKPRN = Pattern.compile("^\\d{8}$");
    static final Pattern EPAO_ID = Pattern.compile("^EPA\\d{4}$");
    static final Pattern ULN = Pattern.compile("^\\d{10}$");

    public Caller {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        permissions = permissions == null ? Set.of() : Set.copyOf(permissions);
    }

    public static Caller anonymous(String requestId) {
        return new Caller(null, null, Kind.ANONYMOUS, Set.of(), Set.of(), null, null, null, null, null, requestId);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean hasAny(String... any) {
        for (String role : any) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** Whether this service's access policy grants the permission to any of the caller's roles. */
    public boolean may(String permission) {
        return permissions.contains(permission);
    }

    public boolean isAdmin() {
        return has(Roles.ADMIN);
    }

    /** Admins and regulators read every tenant's records. */
    public boolean seesEverything() {
        return hasAny(Roles.ADMIN, Roles.REGULATOR);
    }

    /** The widest role held (the order of {@link Roles#ALL}), recorded in stamps; null for none. */
    public String primaryRole() {
        for (String role : Roles.ALL) {
            if (roles.contains(role)) {
                return role;
            }
        }
        return null;
    }

    /** Tutors and a provider's LMS client act for one training provider. */
    public boolean isProviderStaff() {
        return hasAny(Roles.TUTOR, Roles.LMS_INTEGRATION);
    }

    /** Whether the caller acts for this training provider: admins, or its tutors and LMS client. */
    public boolean actsForProvider(String ukprn) {
        return isAdmin() || isProviderStaff() && requireProviderUkprn().equals(ukprn);
    }

    /** Whether the caller acts for this assessment organisation: admins, or its assessors. */
    public boolean actsForOrganisation(String epao) {
        return isAdmin() || has(Roles.ASSESSOR) && requireEpaoId().equals(epao);
    }

    public String requireProviderUkprn() {
        return require(providerUkprn, Claims.PROVIDER_UKPRN, "training provider");
    }

    public String requireEmployerId() {
        return require(employerId, Claims.EMPLOYER_ID, "employer");
    }

    public String requireEpaoId() {
        return require(epaoId, Claims.EPAO_ID, "assessment organisation");
    }

    public String requireUln() {
        return require(uln, Claims.ULN, "apprenticeship (ULN)");
    }

    private static String require(String value, String claim, String what) {
        if (value == null) {
            // Without its tenant claim a scoped token would match nothing or, worse, everything.
            throw ApiException.of(
                            PlatformError.TENANT_CLAIM_MISSING,
                            "Your token carries no valid " + claim
                                    + " claim, so it cannot be matched to any records; ask an administrator to set your "
                                    + what
                                    + ".")
                    .with("claim", claim);
        }
        return value;
    }
}
