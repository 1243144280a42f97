package uk.apprenticeships.st1398.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.assessment.service.AccessRules;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.platform.security.Caller;
import uk.apprenticeships.st1398.platform.security.Roles;
import uk.apprenticeships.st1398.testing.TestIds;

/** The tenant rules and the policy without a running application (the access matrix tests them over HTTP). */
class AccessRulesTest {

    private static final AccessRules POLICY = new AccessRules();

    private static Caller caller(String role, String ukprn, String employerId, String epaoId) {
        return new Caller(
                role + "-subject",
                role,
                Caller.Kind.PERSON,
                Set.of(role),
                POLICY.permissionsOf(Set.of(role)),
                ukprn,
                employerId,
                epaoId,
                null,
                null,
                "r1");
    }

    @Test
    void assessorIsConfinedToTheOrganisationInTheToken() {
        String own = TestIds.epaoId();
        String other = TestIds.epaoId();
        Caller assessor = caller(Roles.ASSESSOR, null, null, own);
        assertEquals(Optional.of(own), AccessRules.ownOrganisation(assessor));
        assertTrue(AccessRules.maySeeOrganisation(assessor, own));
        assertFalse(AccessRules.maySeeOrganisation(assessor, other));
        assertTrue(AccessRules.mayRead(assessor, own, TestIds.ukprn()));
        assertFalse(AccessRules.mayRead(assessor, other, TestIds.ukprn()));
    }

    @Test
    void adminAndRegulatorSeeEveryOrganisation() {
        for (String role : Set.of(Roles.ADMIN, Roles.REGULATOR)) {
            Caller caller = caller(role, null, null, null);
            String epaoId = TestIds.epaoId();
            assertEquals(Optional.empty(), AccessRules.ownOrganisation(caller));
            assertTrue(AccessRules.maySeeOrganisation(caller, epaoId));
            assertTrue(AccessRules.mayRead(caller, epaoId, TestIds.ukprn(), TestIds.employerId()));
        }
    }

    @Test
    void aScopedRoleWithoutItsClaimIsRefused() {
        assertEquals(
                403,
                assertThrows(
                                ApiException.class,
                                () -> AccessRules.ownOrganisation(caller(Roles.ASSESSOR, null, null, null)))
                        .status());
        assertEquals(
                403,
                assertThrows(ApiException.class, () -> AccessRules.ownProvider(caller(Roles.TUTOR, null, null, null)))
                        .status());
        assertEquals(
                403,
                assertThrows(
                                ApiException.class,
                                () -> AccessRules.ownEmployer(caller(Roles.EMPLOYER, null, null, null)))
                        .status());
    }

    @Test
    void providersReadTheirApprenticesRecordsAndEmployersTheirOwn() {
        String epaoId = TestIds.epaoId();
        String ukprn = TestIds.ukprn();
        String employerId = TestIds.employerId();
        Caller tutor = caller(Roles.TUTOR, ukprn, null, null);
        assertTrue(AccessRules.mayRead(tutor, epaoId, ukprn));
        assertFalse(AccessRules.mayRead(tutor, epaoId, TestIds.ukprn()));
        Caller lms = caller(Roles.LMS_INTEGRATION, ukprn, null, null);
        assertTrue(AccessRules.mayRead(lms, TestIds.epaoId(), ukprn, TestIds.employerId()));
        Caller employer = caller(Roles.EMPLOYER, null, employerId, null);
        assertTrue(AccessRules.mayRead(employer, epaoId, ukprn, employerId));
        assertFalse(AccessRules.mayRead(employer, epaoId, ukprn, TestIds.employerId()));
        assertFalse(AccessRules.mayRead(employer, epaoId, ukprn), "employers read only where they are named");
        assertEquals(Optional.empty(), AccessRules.ownEmployer(caller(Roles.TUTOR, ukprn, employerId, null)));
    }

    @Test
    void employersMayCheckReadinessButNotGrade() {
        Caller employer = caller(Roles.EMPLOYER, null, TestIds.employerId(), null);
        assertTrue(employer.may(AccessRules.GATEWAY_READINESS));
        assertTrue(employer.may(AccessRules.GATEWAY_CONFIRM));
        assertFalse(employer.may(AccessRules.GATEWAY_DECLARE));
        assertFalse(employer.may(AccessRules.ATTEMPT_GRADE));
        assertFalse(
                caller(Roles.ADMIN, null, null, null).may(AccessRules.ATTEMPT_GRADE),
                "only the assigned assessor grades");
        assertTrue(caller(Roles.APPRENTICE, TestIds.ukprn(), TestIds.employerId(), null)
                .permissions()
                .isEmpty());
    }

    /** Role names are written only in platform-common's Roles: main code asks for permissions instead. */
    @Test
    void noRoleNameIsWrittenInMainCode() throws IOException {
        Set<String> quoted = Roles.ALL.stream().map(r -> "\"" + r + "\"").collect(Collectors.toSet());
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                for (String role : quoted) {
                    assertFalse(
                            source.contains("@RolesAllowed") || source.contains("hasRole(" + role),
                            file + " checks roles directly");
                    assertFalse(
                            source.contains("(" + role + ")") || source.contains("{" + role),
                            file + " names the role " + role);
                }
            }
        }
    }

    /** Every permission the policy grants guards something in the resources or services. */
    @Test
    void everyPermissionIsUsed() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("AccessRules.java"))
                    .toList()) {
                all.append(Files.readString(file));
            }
        }
        for (var field : AccessRules.class.getFields()) {
            if (field.getType() == String.class) {
                assertTrue(all.indexOf("AccessRules." + field.getName()) >= 0, field.getName() + " is never asked for");
            }
        }
    }
}
