package uk.apprenticeships.st1398.assessment.service;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.platform.problem.ProblemType;

/**
 * Who is calling and which assessment organisation they are confined to. The one place that reads roles and
 * tenant claims, so every endpoint scopes assessors the same way.
 */
@ApplicationScoped
public class CallerScope {

    public static final String EPAO_ID_CLAIM = "epao_id";
    private static final Pattern EPAO_ID = Pattern.compile("^EPA\\d{4}$");

    private final SecurityIdentity identity;

    public CallerScope(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The principal name recorded in audit columns (the token's preferred_username, else its subject). */
    public String name() {
        return identity.getPrincipal().getName();
    }

    /**
     * The organisation an assessor acts for; empty for callers who see every organisation (admin,
     * regulator). An assessor token without a well-formed claim is refused rather than left unscoped.
     */
    public Optional<String> epaoId() {
        if (!identity.hasRole("assessor") || identity.hasRole("admin") || identity.hasRole("regulator")) {
            return Optional.empty();
        }
        Object claim = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim(EPAO_ID_CLAIM) : null;
        String epaoId = claim instanceof JsonString json ? json.getString() : claim instanceof String s ? s : null;
        if (epaoId == null || !EPAO_ID.matcher(epaoId).matches()) {
            throw new ApiException(ProblemType.FORBIDDEN, 403,
                    "Your assessor token carries no valid epao_id claim; ask an administrator to set your "
                            + "assessment organisation.", null, null);
        }
        return Optional.of(epaoId);
    }

    /** Whether the caller may see records of this organisation (others should answer 404, as if absent). */
    public boolean mayAccess(String epaoId) {
        return epaoId().map(epaoId::equals).orElse(true);
    }
}
