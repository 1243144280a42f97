package uk.apprenticeships.st1398.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessPolicyAndStampTest {

    private final AccessPolicy policy = () -> Map.of(
            Roles.ADMIN, Set.of("evidence:read", "evidence:review", "apprentice:erase"),
            Roles.TUTOR, Set.of("evidence:read", "evidence:review"),
            Roles.APPRENTICE, Set.of("evidence:read", "evidence:submit"));

    @Test
    void permissionsAreTheUnionOfTheRolesGrants() {
        assertEquals(
                Set.of("evidence:read", "evidence:review", "evidence:submit"),
                policy.permissionsOf(Set.of(Roles.TUTOR, Roles.APPRENTICE)));
        assertEquals(Set.of("evidence:read", "evidence:submit"), policy.permissionsOf(Set.of(Roles.APPRENTICE)));
        assertEquals(Set.of(), policy.permissionsOf(Set.of(Roles.EMPLOYER, "offline_access")));
        assertEquals(Set.of(), policy.permissionsOf(Set.of()));
    }

    @Test
    void aStampRecordsWhoWhenAndForWhom() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:15:30Z"), ZoneOffset.UTC);
        Caller caller = new Caller(
                "sub-7",
                "Grace Hopper",
                Caller.Kind.PERSON,
                Set.of(Roles.APPRENTICE, Roles.TUTOR),
                Set.of(),
                "10000001",
                null,
                null,
                null,
                "sub-9",
                "req-7");
        Stamp stamp = Stamp.of(caller, clock);
        assertEquals(
                new Stamp(
                        "sub-7", "Grace Hopper", Roles.TUTOR, "sub-9", "req-7", Instant.parse("2026-03-01T10:15:30Z")),
                stamp);
        Stamp system = Stamp.system("retention", clock);
        assertEquals("system:retention", system.subject());
        assertEquals(clock.instant(), system.at());
    }
}
