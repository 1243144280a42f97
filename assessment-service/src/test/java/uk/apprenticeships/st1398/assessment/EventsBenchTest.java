package uk.apprenticeships.st1398.assessment;

import static uk.apprenticeships.st1398.assessment.AssessmentApi.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/** bench/events.sh, events on: write latency with the outbox, and deliveries per second to a loopback receiver. */
@QuarkusTest
@QuarkusTestResource(value = StandardsPlanStub.class, restrictToAnnotatedClass = false)
@EnabledIfSystemProperty(named = "bench", matches = "true")
class EventsBenchTest {

    @Test
    void measure() throws Exception {
        int writes = EventsBench.size("bench.writes", 100);
        String epaoId = AssessmentApi.freshOrganisation();
        String ukprn = TestIds.ukprn();
        EventsBench.writes(epaoId, ukprn, 20); // warm-up, not reported
        List<Long> micros = EventsBench.writes(epaoId, ukprn, writes);
        EventsBench.recordWrites("events", micros);

        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String benchProvider = TestIds.ukprn();
            as(Tokens.token(
                            "bench-" + TestIds.suffix(),
                            java.util.Set.of("lms-integration"),
                            Map.of("provider_ukprn", benchProvider)))
                    .body(Map.of("url", receiver.url(), "eventTypes", List.of("assessment.registered")))
                    .when()
                    .post("/api/v1/webhooks")
                    .then()
                    .statusCode(201);
            int events = EventsBench.size("bench.events", 200);
            long start = System.nanoTime();
            EventsBench.writes(epaoId, benchProvider, events);
            long deadline = System.nanoTime() + 300_000_000_000L;
            while (receiver.accepted().size() < events && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            EventsBench.record("events", "delivered", receiver.accepted().size());
            EventsBench.record(
                    "events", "delivered_per_s_end_to_end", receiver.accepted().size() / seconds);
        }
    }
}
