package uk.apprenticeships.st1398.assessment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static uk.apprenticeships.st1398.assessment.AssessmentApi.as;
import static uk.apprenticeships.st1398.assessment.EpaResourceTest.epa;
import static uk.apprenticeships.st1398.assessment.EpaResourceTest.item;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/**
 * assessment-service's changes record their events in the transaction of the change, and a refused change (a batch
 * item refused, a refused status move) records none: certificates and EPA records, as the feed shows them.
 * Registration, ordering and delivery: EventsHubTest.
 */
@QuarkusTest
@QuarkusTestResource(value = StandardsPlanStub.class, restrictToAnnotatedClass = false)
class AssessmentEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    /** The admin's feed of events about this ULN, waiting until {@code count} are there (the sequencer runs each second). */
    private static List<JsonNode> events(String uln, int count) throws Exception {
        long until = System.nanoTime() + 20_000_000_000L;
        while (true) {
            List<JsonNode> found = new ArrayList<>();
            String after = null;
            boolean more = true;
            while (more) {
                var request = given().auth().oauth2(Tokens.admin()).queryParam("limit", 500);
                if (after != null) {
                    request.queryParam("after", after);
                }
                JsonNode page = JSON.readTree(request.when()
                        .get("/api/v1/events")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
                for (JsonNode e : page.get("events")) {
                    if (uln.equals(e.path("scope").path("uln").asText(null))) {
                        found.add(e);
                    }
                }
                after = page.get("next").asText();
                more = page.get("hasMore").asBoolean();
            }
            if (found.size() >= count || System.nanoTime() > until) {
                return found;
            }
            Thread.sleep(200);
        }
    }

    private static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.get("type").asText()).toList();
    }

    @Test
    void certificateChangesRecordTheirStatusAndARefusedMoveRecordsNothing() throws Exception {
        String epaoId = AssessmentApi.freshOrganisation();
        String uln = TestIds.uln();
        String ukprn = TestIds.ukprn();
        String reference = CertificateResourceTest.approved(epaoId, uln, ukprn);
        List<JsonNode> events = events(uln, 4);
        assertEquals(
                List.of(
                        "assessment.registered",
                        "certificate.status-changed",
                        "certificate.status-changed",
                        "certificate.status-changed"),
                types(events));
        List<String> statuses = events.subList(1, 4).stream()
                .map(e -> e.get("data").get("status").asText())
                .toList();
        assertEquals(List.of("Draft", "Submitted", "Approved"), statuses);
        JsonNode last = events.get(3);
        assertEquals(reference, last.get("subject").get("id").asText());
        assertEquals(epaoId, last.get("scope").get("epaoId").asText());
        assertEquals(ukprn, last.get("scope").get("providerUkprn").asText());
        for (JsonNode e : events) {
            String text = e.toString();
            for (String personal : new String[] {"Smith", "Alex", "Pat Jones", "High Street", "Leeds", "LS1"}) {
                assertFalse(text.contains(personal), personal + " in " + text);
            }
        }
        // Approved cannot go back to Draft: refused, and no event
        as(Tokens.admin())
                .body(Map.of("status", "Draft"))
                .when()
                .post(CertificateResourceTest.PATH + "/" + reference + "/status")
                .then()
                .statusCode(409);
        Thread.sleep(1500);
        assertEquals(4, events(uln, 4).size());
    }

    @Test
    void anEpaRecordRecordsItsEventAndARefusedItemNone() throws Exception {
        EpaResourceTest.Learner l = EpaResourceTest.learner();
        String uln = l.uln();
        LocalDate first = TODAY.minusDays(20);
        as(Tokens.assessor(l.epaoId()))
                .body(List.of(
                        item("ok", uln, "Lovelace", null, List.of(epa(first, "Fail", false, false))),
                        item("future", uln, "Lovelace", null, List.of(epa(TODAY.plusDays(1), "Pass", false, false)))))
                .when()
                .post("/api/v1/epa")
                .then()
                .statusCode(200)
                .body("status", equalTo(List.of(201, 400)));
        List<JsonNode> events = events(uln, 2);
        assertEquals(List.of("assessment.registered", "epa-record.changed"), types(events));
        JsonNode record = events.get(1).get("data");
        assertEquals("Created", record.get("action").asText());
        assertEquals("Fail", record.get("epas").get(0).get("outcome").asText());
        assertFalse(events.get(1).toString().contains("Lovelace"));
        Thread.sleep(1500);
        assertEquals(2, events(uln, 2).size(), "the refused item recorded nothing");
    }
}
