package uk.apprenticeships.st1398.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.platform.problem.PlatformError;

class CallerTest {

    static Caller caller(Set<String> roles, String ukprn, String employer, String epao, String uln) {
        return new Caller(
                "sub-1", "Ada", Caller.Kind.PERSON, roles, Set.of("x:read"), ukprn, employer, epao, uln, null, "req-1");
    }

    @Test
    void thePrimaryRoleIsTheWidestHeld() {
        assertEquals(
                Roles.ADMIN,
                caller(Set.of(Roles.APPRENTICE, Roles.ADMIN, Roles.TUTOR), null, null, null, null)
                        .primaryRole());
        assertEquals(
                Roles.TUTOR,
                caller(Set.of(Roles.EMPLOYER, Roles.TUTOR), null, null, null, null)
                        .primaryRole());
        assertEquals(
                Roles.LMS_INTEGRATION,
                caller(Set.of(Roles.LMS_INTEGRATION, Roles.ASSESSOR), null, null, null, null)
                        .primaryRole());
        assertEquals(
                Roles.ASSESSOR,
                caller(Set.of(Roles.ASSESSOR, Roles.APPRENTICE, "offline_access"), null, null, null, null)
                        .primaryRole());
        assertNull(caller(Set.of("offline_access"), null, null, null, null).primaryRole());
        assertNull(Caller.anonymous("r").primaryRole());
    }

    @Test
    void rolesAndPermissionsAreAsked() {
        Caller admin = caller(Set.of(Roles.ADMIN), null, null, null, null);
        assertTrue(admin.isAdmin());
        assertTrue(admin.seesEverything());
        assertTrue(admin.may("x:read"));
        assertFalse(admin.may("x:write"));
        assertTrue(caller(Set.of(Roles.REGULATOR), null, null, null, null).seesEverything());
        assertFalse(caller(Set.of(Roles.TUTOR), "10000001", null, null, null).seesEverything());
        assertTrue(caller(Set.of(Roles.TUTOR), null, null, null, null).hasAny(Roles.EMPLOYER, Roles.TUTOR));
        assertFalse(caller(Set.of(Roles.TUTOR), null, null, null, null).hasAny(Roles.EMPLOYER));
    }

    @Test
    void requireRefusesATokenWithoutItsTenantClaim() {
        Caller bare =
                caller(Set.of(Roles.TUTOR, Roles.EMPLOYER, Roles.ASSESSOR, Roles.APPRENTICE), null, null, null, null);
        assertRefused(Claims.PROVIDER_UKPRN, c -> c.requireProviderUkprn(), bare);
        assertRefused(Claims.EMPLOYER_ID, c -> c.requireEmployerId(), bare);
        assertRefused(Claims.EPAO_ID, c -> c.requireEpaoId(), bare);
        assertRefused(Claims.ULN, c -> c.requireUln(), bare);
        Caller full = caller(Set.of(Roles.APPRENTICE), "10000001", "EMP-1", "EPA0001", "1234567890");
        assertEquals("10000001", full.requireProviderUkprn());
        assertEquals("EMP-1", full.requireEmployerId());
        assertEquals("EPA0001", full.requireEpaoId());
        assertEquals("1234567890", full.requireUln());
    }

    private static void assertRefused(String claim, Consumer<Caller> require, Caller caller) {
        ApiException e = assertThrows(ApiException.class, () -> require.accept(caller));
        assertEquals(PlatformError.TENANT_CLAIM_MISSING, e.code());
        assertEquals(403, e.status());
        assertEquals(claim, e.extensions().get("claim"));
        assertTrue(e.getMessage().contains(claim), e.getMessage());
    }

    @Test
    void actsForItsOwnProviderOnly() {
        assertTrue(caller(Set.of(Roles.TUTOR), "10000001", null, null, null).actsForProvider("10000001"));
        assertFalse(caller(Set.of(Roles.TUTOR), "10000001", null, null, null).actsForProvider("10000002"));
        assertTrue(caller(Set.of(Roles.LMS_INTEGRATION), "10000001", null, null, null)
                .actsForProvider("10000001"));
        assertTrue(caller(Set.of(Roles.ADMIN), null, null, null, null).actsForProvider("10000002"));
        // An employer or apprentice carries a provider claim too, but does not act for the provider.
        assertFalse(caller(Set.of(Roles.APPRENTICE), "10000001", "EMP-1", null, "1234567890")
                .actsForProvider("10000001"));
        assertFalse(caller(Set.of(Roles.REGULATOR), null, null, null, null).actsForProvider("10000001"));
        ApiException e = assertThrows(
                ApiException.class,
                () -> caller(Set.of(Roles.TUTOR), null, null, null, null).actsForProvider("10000001"));
        assertEquals(PlatformError.TENANT_CLAIM_MISSING, e.code());
    }

    @Test
    void actsForItsOwnOrganisationOnly() {
        assertTrue(caller(Set.of(Roles.ASSESSOR), null, null, "EPA0001", null).actsForOrganisation("EPA0001"));
        assertFalse(caller(Set.of(Roles.ASSESSOR), null, null, "EPA0001", null).actsForOrganisation("EPA0002"));
        assertTrue(caller(Set.of(Roles.ADMIN), null, null, null, null).actsForOrganisation("EPA0002"));
        assertFalse(
                caller(Set.of(Roles.TUTOR), "10000001", null, "EPA0001", null).actsForOrganisation("EPA0001"));
        assertThrows(
                ApiException.class,
                () -> caller(Set.of(Roles.ASSESSOR), null, null, null, null).actsForOrganisation("EPA0001"));
    }

    @Test
    void anonymousHasNothing() {
        Caller nobody = Caller.anonymous("r9");
        assertEquals(Caller.Kind.ANONYMOUS, nobody.kind());
        assertTrue(nobody.roles().isEmpty());
        assertFalse(nobody.may("anything"));
        assertEquals("r9", nobody.requestId());
    }
}
