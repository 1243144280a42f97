package uk.apprenticeships.st1398.assessment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import uk.apprenticeships.st1398.testing.TestIds;

/** bench/events.sh, the reference: the same writes with events.enabled=false (no outbox row). */
@QuarkusTest
@TestProfile(EventsBenchReferenceTest.EventsOff.class)
@QuarkusTestResource(value = StandardsPlanStub.class, restrictToAnnotatedClass = false)
@EnabledIfSystemProperty(named = "bench", matches = "true")
class EventsBenchReferenceTest {

    public static class EventsOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("events.enabled", "false");
        }
    }

    @Test
    void measure() throws Exception {
        int writes = EventsBench.size("bench.writes", 100);
        String epaoId = AssessmentApi.freshOrganisation();
        String ukprn = TestIds.ukprn();
        EventsBench.writes(epaoId, ukprn, 20); // warm-up, not reported
        List<Long> micros = EventsBench.writes(epaoId, ukprn, writes);
        EventsBench.recordWrites("reference", micros);
    }
}
