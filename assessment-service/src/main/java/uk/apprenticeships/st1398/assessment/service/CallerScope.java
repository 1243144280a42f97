package uk.apprenticeships.st1398.assessment.service;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;
import uk.apprenticeships.st1398.platform.problem.ApiException;

/**
 * Who is calling and which assessment organisation they are confined to. The one place that reads roles and
 * tenant claims, so every endpoint scopes assessors the same way.
 */
@ApplicationScoped
public class CallerScope {

    public static final String EPAO_ID_CLAIM = "epao_id";
    public static final String PROVIDER_UKPRN_CLAIM = "provider_ukprn";
    public static final String EMPLOYER_ID_CLAIM = "employer_id";
    private static final Pattern EPAO_ID = Pattern.compile("^EPA\\d{4}$");
    private static final Pattern UKPRN = Pattern.compile("^\\d{8}$");

    private final SecurityIdentity identity;

    public CallerScope(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The principal name recorded in audit columns (the token's preferred_username, else its subject). */
    public String name() {
        return identity.getPrincipal().getName();
    }

    /** The token subject, recorded in certificate history (stable, unlike a username). */
    public String subject() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return name();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** Admins and regulators see every tenant's records. */
    public boolean seesEverything() {
        return identity.hasRole("admin") || identity.hasRole("regulator");
    }

    /**
     * The training provider a tutor or LMS client acts for; empty for any other caller. Such a token
     * without a well-formed claim is refused rather than left unscoped.
     */
    public Optional<String> providerUkprn() {
        if (!actsForProvider() || seesEverything()) {
            return Optional.empty();
        }
        String ukprn = claim(PROVIDER_UKPRN_CLAIM);
        if (ukprn == null || !UKPRN.matcher(ukprn).matches()) {
            throw ApiException.forbidden(
                    "Your " + (identity.hasRole("tutor") ? "tutor" : "LMS client") + " token carries no valid "
                            + "provider_ukprn claim; ask an administrator to set your training provider.");
        }
        return Optional.of(ukprn);
    }

    /**
     * The employer an employer user acts for; empty for any caller who is not (only) an employer. An employer token
     * without the claim is refused rather than left unscoped.
     */
    public Optional<String> employerId() {
        if (!identity.hasRole("employer") || seesEverything()) {
            return Optional.empty();
        }
        String employerId = claim(EMPLOYER_ID_CLAIM);
        if (employerId == null || employerId.isBlank()) {
            throw ApiException.forbidden(
                    "Your employer token carries no employer_id claim; ask an administrator to set your "
                            + "employer.");
        }
        return Optional.of(employerId);
    }

    /**
     * Whether the caller may read a record about an apprentice of this provider and employer assessed by this
     * organisation: as {@link #mayRead(String, String)}, and employers for their own apprentices.
     */
    public boolean mayRead(String epaoId, String providerUkprn, String employerId) {
        return mayRead(epaoId, providerUkprn)
                || identity.hasRole("employer") && employerId().map(employerId::equals).orElse(false);
    }

    /**
     * Whether the caller may read a record of this organisation about an apprentice of this provider:
     * admins and regulators always, assessors for their organisation, tutors for their provider.
     */
    public boolean mayRead(String epaoId, String providerUkprn) {
        if (seesEverything()) {
            return true;
        }
        boolean allowed = identity.hasRole("assessor") && epaoId().map(epaoId::equals).orElse(false);
        return allowed || actsForProvider() && providerUkprn().map(providerUkprn::equals).orElse(false);
    }

    /**
     * The organisation an assessor acts for; empty for callers who see every organisation (admin,
     * regulator). An assessor token without a well-formed claim is refused rather than left unscoped.
     */
    public Optional<String> epaoId() {
        if (!identity.hasRole("assessor") || identity.hasRole("admin") || identity.hasRole("regulator")) {
            return Optional.empty();
        }
        String epaoId = claim(EPAO_ID_CLAIM);
        if (epaoId == null || !EPAO_ID.matcher(epaoId).matches()) {
            throw ApiException.forbidden(
                    "Your assessor token carries no valid epao_id claim; ask an administrator to set your "
                            + "assessment organisation.");
        }
        return Optional.of(epaoId);
    }

    /** Tutors and a provider's LMS client (role lms-integration) act for one training provider. */
    private boolean actsForProvider() {
        return identity.hasRole("tutor") || identity.hasRole("lms-integration");
    }

    private String claim(String name) {
        Object claim = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim(name) : null;
        return claim instanceof JsonString json ? json.getString() : claim instanceof String s ? s : null;
    }

    /** Whether the caller acts for this assessment organisation: admins, or assessors of that organisation. */
    public boolean actsForOrganisation(String epaoId) {
        return identity.hasRole("admin") || epaoId().map(epaoId::equals).orElse(false);
    }

    /** Whether the caller acts for this training provider: admins, or its tutors and LMS client. */
    public boolean actsForProvider(String providerUkprn) {
        return identity.hasRole("admin") || providerUkprn().map(providerUkprn::equals).orElse(false);
    }

    /** Whether the caller may see records of this organisation (others should answer 404, as if absent). */
    public boolean mayAccess(String epaoId) {
        return epaoId().map(epaoId::equals).orElse(true);
    }
}
