package uk.apprenticeships.st1398.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.util.Map;
import java.util.Set;
import uk.apprenticeships.st1398.platform.security.Claims;
import uk.apprenticeships.st1398.platform.security.Roles;

/**
 * Access tokens signed with the key that {@code OidcWiremockTestResource} publishes, so services verify
 * them for real (signature, issuer, expiry). Unlike the resource's own helper, these carry the tenant
 * claims our realm maps into tokens ({@code provider_ukprn}, {@code employer_id}, {@code epao_id},
 * {@code uln}).
 */
public final class Tokens {

    public static final String ISSUER = "https://server.example.com";
    /** The audience the realm maps into the tokens of the clients allowed to call the platform. */
    public static final String AUDIENCE = "st1398-platform";

    private Tokens() {}

    public static String token(String user, Set<String> roles, Map<String, Object> claims) {
        return token(user, roles, claims, AUDIENCE);
    }

    private static String token(String user, Set<String> roles, Map<String, Object> claims, String audience) {
        JwtClaimsBuilder builder = Jwt.preferredUserName(user)
                .subject(user + "-subject")
                .groups(roles)
                .issuer(ISSUER)
                .audience(audience)
                .claim("typ", "Bearer");
        claims.forEach(builder::claim);
        return builder.jws().keyId("1").sign("privateKey.jwk");
    }

    public static String token(String user, String... roles) {
        return token(user, Set.of(roles), Map.of());
    }

    public static String admin() {
        return token("admin1", Roles.ADMIN);
    }

    public static String tutor(String ukprn) {
        return token("tutor-" + ukprn, Set.of(Roles.TUTOR), Map.of(Claims.PROVIDER_UKPRN, ukprn));
    }

    public static String apprentice(String uln, String ukprn, String employerId) {
        return token(
                "apprentice-" + uln,
                Set.of(Roles.APPRENTICE),
                Map.of("uln", uln, "provider_ukprn", ukprn, "employer_id", employerId));
    }

    public static String employer(String employerId) {
        return token("employer-" + employerId, Set.of(Roles.EMPLOYER), Map.of(Claims.EMPLOYER_ID, employerId));
    }

    public static String assessor(String epaoId) {
        return token("assessor-" + epaoId, Set.of(Roles.ASSESSOR), Map.of(Claims.EPAO_ID, epaoId));
    }

    /**
     * A token that is valid in every other way but was issued for another audience ({@code account}, what Keycloak
     * gives a client without the platform's audience mapper): the platform must refuse it.
     */
    public static String wrongAudience() {
        return token("admin1", Set.of(Roles.ADMIN), Map.of(), "account");
    }

    /** A token that is well formed but signed by nobody the service trusts. */
    public static String forged() {
        String real = token("mallory", Roles.ADMIN);
        return real.substring(0, real.lastIndexOf('.') + 1) + "AAAA" + real.substring(real.lastIndexOf('.') + 5);
    }
}
