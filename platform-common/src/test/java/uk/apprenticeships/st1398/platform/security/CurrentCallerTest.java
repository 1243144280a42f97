package uk.apprenticeships.st1398.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.json.Json;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class CurrentCallerTest {

    private static final AccessPolicy POLICY =
            () -> Map.of(Roles.TUTOR, Set.of("evidence:review"), Roles.LMS_INTEGRATION, Set.of("evidence:submit"));

    /** The claims as smallrye-jwt gives them: strings and objects as JSON values. */
    record FakeJwt(Map<String, Object> claims) implements JsonWebToken {

        @Override
        public String getName() {
            return (String) claims.getOrDefault("upn", "principal-name");
        }

        @Override
        public Set<String> getClaimNames() {
            return claims.keySet();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return (T) claims.get(claimName);
        }
    }

    private static Caller resolve(Map<String, Object> claims, String... roles) {
        Map<String, Object> json = new HashMap<>();
        claims.forEach((k, v) -> json.put(k, v instanceof String s && !k.equals("sub") ? Json.createValue(s) : v));
        QuarkusSecurityIdentity identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new FakeJwt(json))
                .addRoles(Set.of(roles))
                .build();
        return CurrentCaller.resolve(identity, POLICY, "req-1");
    }

    @Test
    void aPersonWithTenantClaims() {
        Caller c = resolve(
                Map.of(
                        "sub",
                        "u-1",
                        "preferred_username",
                        "tutor1",
                        "name",
                        "Tess Tutor",
                        Claims.PROVIDER_UKPRN,
                        "10000001"),
                Roles.TUTOR);
        assertEquals(Caller.Kind.PERSON, c.kind());
        assertEquals("u-1", c.subject());
        assertEquals("Tess Tutor", c.displayName());
        assertEquals(Set.of(Roles.TUTOR), c.roles());
        assertEquals(Set.of("evidence:review"), c.permissions());
        assertEquals("10000001", c.providerUkprn());
        assertEquals("req-1", c.requestId());
        assertNull(c.onBehalfOf());
    }

    @Test
    void aPersonWithoutANameIsShownByUsername() {
        assertEquals(
                "tutor1",
                resolve(Map.of("sub", "u-1", "preferred_username", "tutor1"), Roles.TUTOR)
                        .displayName());
    }

    @Test
    void aClientCredentialsTokenIsAClient() {
        Caller lms = resolve(
                Map.of(
                        "sub",
                        "s-1",
                        "preferred_username",
                        "service-account-lms-10000001",
                        "client_id",
                        "lms-10000001",
                        Claims.PROVIDER_UKPRN,
                        "10000001"),
                Roles.LMS_INTEGRATION);
        assertEquals(Caller.Kind.CLIENT, lms.kind());
        assertEquals("lms-10000001", lms.displayName());
        assertEquals(Set.of("evidence:submit"), lms.permissions());
        // Without client_id, Keycloak's service-account username still tells.
        Caller service = resolve(Map.of("sub", "s-2", "preferred_username", "service-account-assessment-service"));
        assertEquals(Caller.Kind.CLIENT, service.kind());
        assertEquals("assessment-service", service.displayName());
        assertEquals(Set.of(), service.permissions());
    }

    @Test
    void malformedTenantClaimsAreLeftOut() {
        Caller c = resolve(
                Map.of(
                        "sub",
                        "u-2",
                        Claims.PROVIDER_UKPRN,
                        "1000000",
                        Claims.EPAO_ID,
                        "EPA12",
                        Claims.ULN,
                        "12345678901",
                        Claims.EMPLOYER_ID,
                        "  "),
                Roles.TUTOR);
        assertNull(c.providerUkprn());
        assertNull(c.epaoId());
        assertNull(c.uln());
        assertNull(c.employerId());
        Caller ok = resolve(
                Map.of("sub", "u-3", Claims.EPAO_ID, "EPA0042", Claims.ULN, "1234567890", Claims.EMPLOYER_ID, "EMP-9"),
                Roles.ASSESSOR);
        assertEquals("EPA0042", ok.epaoId());
        assertEquals("1234567890", ok.uln());
        assertEquals("EMP-9", ok.employerId());
    }

    @Test
    void aNumericClaimIsReadAsItsDigits() {
        Caller c = resolve(Map.of("sub", "u-4", Claims.PROVIDER_UKPRN, Json.createValue(10000001L)), Roles.TUTOR);
        assertEquals("10000001", c.providerUkprn());
    }

    @Test
    void aDelegatedTokenNamesWhomItActsFor() {
        Caller c = resolve(
                Map.of(
                        "sub",
                        "s-1",
                        "client_id",
                        "lms-1",
                        Claims.ACT,
                        Json.createObjectBuilder().add("sub", "tutor-sub-9").build()),
                Roles.LMS_INTEGRATION);
        assertEquals("tutor-sub-9", c.onBehalfOf());
    }

    @Test
    void noIdentityIsAnonymous() {
        assertEquals(
                Caller.Kind.ANONYMOUS, CurrentCaller.resolve(null, POLICY, "r").kind());
        assertEquals(
                Caller.Kind.ANONYMOUS,
                CurrentCaller.resolve(
                                QuarkusSecurityIdentity.builder()
                                        .setAnonymous(true)
                                        .build(),
                                POLICY,
                                "r")
                        .kind());
    }
}
