package uk.apprenticeships.st1398.evidence.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.evidence.config.EvidenceConfig;
import uk.apprenticeships.st1398.platform.problem.ApiException;

/** The requirement cache: answers are reused per inputs; 404s and failures are asked again. */
class OffTheJobRequirementsTest {

    static final LocalDate START = LocalDate.of(2025, 9, 1);

    /**
     * Answers from a queue: a JSON body, a status (thrown as WebApplicationException) or a connection failure. A
     * lambda, not a class implementing the client: the OpenAPI scan would take such a class for a resource.
     */
    static class FakeClient {
        final List<Object> answers = new ArrayList<>();
        final List<String> calls = new ArrayList<>();

        AssessmentPlanClient client() {
            return (reference, version, startDate, plannedWeeks, weeklyContractedHours) -> {
                calls.add(reference + "_" + version + " " + startDate + " " + plannedWeeks + " "
                        + weeklyContractedHours);
                Object answer = answers.remove(0);
                if (answer instanceof Integer status) {
                    throw new WebApplicationException(status);
                }
                if (answer instanceof RuntimeException e) {
                    throw e;
                }
                try {
                    return new ObjectMapper().readTree((String) answer);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
        }
    }

    static EvidenceConfig config() {
        return new EvidenceConfig() {
            @Override
            public java.net.URI standardsServiceUrl() {
                return java.net.URI.create("http://localhost");
            }

            @Override
            public Duration ksbCacheTtl() {
                return Duration.ofMinutes(5);
            }

            @Override
            public Duration offTheJobRequirementCacheTtl() {
                return Duration.ofMinutes(5);
            }

            @Override
            public Files files() {
                return null;
            }

            @Override
            public Idempotency idempotency() {
                return null;
            }
        };
    }

    @Test
    void answersAreCachedPerInputs() {
        FakeClient client = new FakeClient();
        client.answers.add("{\"minimumHours\":418}");
        client.answers.add("{\"minimumHours\":624}");
        OffTheJobRequirements requirements = new OffTheJobRequirements(client.client(), config());

        assertEquals(418, requirements.find("ST1398_1.0", START, 104, null).orElseThrow().get("minimumHours").asInt());
        assertEquals(418, requirements.find("ST1398_1.0", START, 104, null).orElseThrow().get("minimumHours").asInt());
        assertEquals(624, requirements.find("ST1398_1.0", START, 52, null).orElseThrow().get("minimumHours").asInt());
        assertEquals(List.of("ST1398_1.0 2025-09-01 104 null", "ST1398_1.0 2025-09-01 52 null"), client.calls);
    }

    @Test
    void notFoundIsEmptyAndFailuresAre503AndNeitherIsCached() {
        FakeClient client = new FakeClient();
        client.answers.add(404);
        client.answers.add(500);
        client.answers.add(new ProcessingException("connection refused"));
        client.answers.add("{\"unexpected\":true}");
        client.answers.add("{\"minimumHours\":418}");
        OffTheJobRequirements requirements = new OffTheJobRequirements(client.client(), config());

        assertTrue(requirements.find("ST1398_2.0", START, 104, null).isEmpty());
        assertEquals(503, assertThrows(ApiException.class,
                () -> requirements.find("ST1398_2.0", START, 104, null)).status());
        assertEquals(503, assertThrows(ApiException.class,
                () -> requirements.find("ST1398_2.0", START, 104, null)).status());
        assertEquals(503, assertThrows(ApiException.class,
                () -> requirements.find("ST1398_2.0", START, 104, null)).status());
        assertTrue(requirements.find("ST1398_2.0", START, 104, null).isPresent());
        assertEquals(5, client.calls.size());
    }
}
