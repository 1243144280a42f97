package uk.apprenticeships.st1398.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import java.util.Map;
import java.util.Optional;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.assessment.service.CallerScope;
import uk.apprenticeships.st1398.platform.problem.ApiException;

/** Tenant resolution without a running application: the rules every assessor-scoped endpoint relies on. */
class CallerScopeTest {

    private static CallerScope caller(String role, Map<String, Object> claims) {
        JwtClaims jwt = new JwtClaims();
        jwt.setClaim("preferred_username", "user1");
        claims.forEach(jwt::setClaim);
        return new CallerScope(QuarkusSecurityIdentity.builder().setPrincipal(new DefaultJWTCallerPrincipal(jwt))
                .addRole(role).build());
    }

    @Test
    void assessorIsConfinedToTheOrganisationInTheToken() {
        CallerScope assessor = caller("assessor", Map.of("epao_id", "EPA0001"));
        assertEquals("user1", assessor.name());
        assertEquals(Optional.of("EPA0001"), assessor.epaoId());
        assertTrue(assessor.mayAccess("EPA0001"));
        assertFalse(assessor.mayAccess("EPA0002"));
    }

    @Test
    void adminAndRegulatorSeeEveryOrganisation() {
        for (String role : new String[] {"admin", "regulator"}) {
            CallerScope caller = caller(role, Map.of());
            assertEquals(Optional.empty(), caller.epaoId());
            assertTrue(caller.mayAccess("EPA0002"));
        }
    }

    @Test
    void assessorWithoutAValidClaimIsRefused() {
        for (Map<String, Object> claims : java.util.List.<Map<String, Object>>of(Map.of(), Map.of("epao_id", "x"))) {
            ApiException e = assertThrows(ApiException.class, () -> caller("assessor", claims).epaoId());
            assertEquals(403, e.status());
        }
    }

    @Test
    void tutorsReadTheirProvidersRecordsAndAssessorsTheirOrganisations() {
        CallerScope tutor = caller("tutor", Map.of("provider_ukprn", "10000001"));
        assertEquals(Optional.of("10000001"), tutor.providerUkprn());
        assertTrue(tutor.mayRead("EPA0001", "10000001"));
        assertFalse(tutor.mayRead("EPA0001", "10000002"));
        CallerScope assessor = caller("assessor", Map.of("epao_id", "EPA0001", "provider_ukprn", "10000001"));
        assertEquals(Optional.empty(), assessor.providerUkprn());
        assertTrue(assessor.mayRead("EPA0001", "10000009"));
        assertFalse(assessor.mayRead("EPA0002", "10000001"));
        assertTrue(caller("regulator", Map.of()).mayRead("EPA0002", "10000002"));
        assertFalse(caller("employer", Map.of("employer_id", "E1")).mayRead("EPA0001", "10000001"));
    }

    @Test
    void tutorWithoutAValidClaimIsRefusedAndHistoryUsesTheSubject() {
        for (Map<String, Object> claims : java.util.List.<Map<String, Object>>of(Map.of(),
                Map.of("provider_ukprn", "123"))) {
            ApiException e = assertThrows(ApiException.class, () -> caller("tutor", claims).providerUkprn());
            assertEquals(403, e.status());
        }
        assertEquals("subject-42", caller("admin", Map.of("sub", "subject-42")).subject());
    }

    @Test
    void employersReadTheirOwnApprenticesAssessmentsOnly() {
        CallerScope employer = caller("employer", Map.of("employer_id", "E1"));
        assertEquals(Optional.of("E1"), employer.employerId());
        assertTrue(employer.mayRead("EPA0001", "10000001", "E1"));
        assertFalse(employer.mayRead("EPA0001", "10000001", "E2"));
        assertEquals(Optional.empty(), caller("tutor", Map.of("provider_ukprn", "10000001", "employer_id", "E1"))
                .employerId());
        assertEquals(403, assertThrows(ApiException.class, () -> caller("employer", Map.of()).employerId()).status());
    }
}
