package uk.apprenticeships.st1398.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One request, one trace: the gateway-readiness check goes gateway → assessment-service → evidence-service (the
 * portfolio: apprentice, coverage, off-the-job hours) → standards-service (the off-the-job requirement of this
 * apprentice's start date), and every hop exports its spans (OTLP) to the suite's receiver under the same trace id.
 */
@ExtendWith(Stack.class)
class TraceEndToEndTest {

    private static final Set<String> EVERY_HOP =
            Set.of("gateway", "assessment-service", "evidence-service", "standards-service");

    @BeforeAll
    static void gateway() {
        RestAssured.baseURI = Stack.GATEWAY;
    }

    @Test
    void oneTraceSpansGatewayAndAllThreeServices() throws Exception {
        String creation = "trace-create-" + UUID.randomUUID();
        String readiness = readinessOfAFreshApprentice(creation);
        String requestId = "trace-" + UUID.randomUUID();
        given().auth()
                .oauth2(Stack.token("tutor1"))
                .header("X-Request-Id", requestId)
                .when()
                .get(readiness)
                .then()
                .statusCode(200);

        List<OtlpReceiver.Span> trace = List.of();
        Set<String> services = Set.of();
        for (int i = 0; i < 60 && !services.containsAll(EVERY_HOP); i++) {
            Thread.sleep(500);
            List<OtlpReceiver.Span> spans = OtlpReceiver.get().spans();
            Set<String> traceIds = spans.stream()
                    .filter(s -> requestId.equals(s.attributes().get("request.id")))
                    .map(OtlpReceiver.Span::traceId)
                    .collect(Collectors.toSet());
            assertTrue(traceIds.size() <= 1, "the request id is in one trace only: " + traceIds);
            trace = spans.stream().filter(s -> traceIds.contains(s.traceId())).toList();
            services = trace.stream().map(OtlpReceiver.Span::service).collect(Collectors.toCollection(TreeSet::new));
        }
        assertFalse(
                trace.isEmpty(),
                "no exported span carries request.id " + requestId + "; received "
                        + OtlpReceiver.get().spans().size() + " spans");
        assertTrue(
                services.containsAll(EVERY_HOP),
                "one trace across " + EVERY_HOP + ", got " + services + ": "
                        + trace.stream().map(s -> s.service() + " " + s.name()).toList());
        // The gateway's server span is the root, and it carries the request id too.
        List<OtlpReceiver.Span> roots = trace.stream()
                .filter(s -> s.parentSpanId().isEmpty() || s.parentSpanId().matches("0+"))
                .toList();
        assertEquals(1, roots.size(), "one root span: " + roots);
        assertEquals("gateway", roots.get(0).service());
        assertEquals(requestId, roots.get(0).attributes().get("request.id"));

        // The JSON log lines written while serving a request carry its trace id (MDC): the assessment's creation.
        String createdIn = OtlpReceiver.get().spans().stream()
                .filter(s -> creation.equals(s.attributes().get("request.id")))
                .map(OtlpReceiver.Span::traceId)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no span of the creation request " + creation));
        Pattern logged = Pattern.compile("\"traceId\"\\s*:\\s*\"" + createdIn + "\"");
        boolean found = false;
        for (int i = 0; i < 20 && !found; i++) {
            found = Files.readAllLines(Stack.logOf("assessment")).stream()
                    .anyMatch(line -> line.contains("Registered assessment")
                            && logged.matcher(line).find());
            if (!found) {
                Thread.sleep(250);
            }
        }
        assertTrue(found, "assessment-service logged 'Registered assessment' with traceId " + createdIn);
    }

    /**
     * A new apprentice (with a start date no other test uses, so evidence-service asks standards-service for its
     * off-the-job requirement instead of answering from its cache) and an assessment for it.
     */
    private static String readinessOfAFreshApprentice(String creationRequestId) {
        String uln = String.valueOf(6_000_000_000L + System.nanoTime() % 1_000_000_000L);
        LocalDate start =
                LocalDate.of(2023, 9, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 700));
        Map<String, Object> apprentice = Map.of(
                "uln",
                uln,
                "givenName",
                "Trace",
                "familyName",
                "Hopper",
                "dateOfBirth",
                "2001-04-02",
                "providerUkprn",
                "10000001",
                "employerId",
                "EMP0001",
                "standardVersion",
                "ST1398_1.0",
                "startDate",
                start.toString(),
                "plannedEndDate",
                start.plusYears(2).toString());
        String apprenticeId = given().auth()
                .oauth2(Stack.token("tutor1"))
                .contentType("application/json")
                .body(apprentice)
                .when()
                .post("/api/v1/apprentices")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String admin = Stack.token("admin1");
        int organisation = given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(Map.of("epaoId", "EPA0001", "name", "End-to-end Assessments"))
                .when()
                .post("/api/v1/assessment-organisations")
                .then()
                .extract()
                .statusCode();
        assertTrue(organisation == 201 || organisation == 409, "organisation created or already there");
        String assessment = given().auth()
                .oauth2(admin)
                .header("X-Request-Id", creationRequestId)
                .contentType("application/json")
                .body(Map.of(
                        "uln",
                        uln,
                        "familyName",
                        "Hopper",
                        "standardVersion",
                        "ST1398_1.0",
                        "providerUkprn",
                        "10000001",
                        "employerId",
                        "EMP0001",
                        "epaoId",
                        "EPA0001",
                        "apprenticeId",
                        apprenticeId))
                .when()
                .post("/api/v1/assessments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return "/api/v1/assessments/" + assessment + "/gateway/readiness";
    }
}
