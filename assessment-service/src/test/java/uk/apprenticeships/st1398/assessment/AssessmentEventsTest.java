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
    static List<JsonNode> events(String uln, int count) throws Exception {
        return eventsWhere(e -> uln.equals(e.path("scope").path("uln").asText(null)), count);
    }

    /** The admin's feed of events matching {@code which}, waiting until {@code count} are there. */
    static List<JsonNode> eventsWhere(java.util.function.Predicate<JsonNode> which, int count) throws Exception {
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
                    if (which.test(e)) {
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

    static List<String> types(List<JsonNode> events) {
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

    @Test
    void assigningAnAssessorAndBookingsRecordTheirEventsAndARefusedBookingNone() throws Exception {
        String epaoId = AssessmentApi.freshOrganisation();
        String uln = TestIds.uln();
        String assessment = as(Tokens.admin())
                .body(Map.of(
                        "uln",
                        uln,
                        "familyName",
                        "Hopper",
                        "standardVersion",
                        "ST1398_1.0",
                        "providerUkprn",
                        TestIds.ukprn(),
                        "employerId",
                        TestIds.employerId(),
                        "epaoId",
                        epaoId,
                        "gatewayDate",
                        TODAY.minusDays(30).toString()))
                .when()
                .post("/api/v1/assessments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String assessorId = AssessmentApi.assessor(epaoId, AssessmentApi.freshUser("events"), List.of(), List.of());
        as(Tokens.admin())
                .body(Map.of("assessorId", assessorId))
                .when()
                .put("/api/v1/assessments/" + assessment + "/assessor")
                .then()
                .statusCode(200);
        String booking = as(Tokens.admin())
                .body(Map.of(
                        "methodCode", "M1",
                        "kind", "first",
                        "date", TODAY.plusDays(7).toString(),
                        "location", "Room 4, Leeds",
                        "note", "Bring the portfolio"))
                .when()
                .post("/api/v1/assessments/" + assessment + "/bookings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // Refused: a second open booking of the same method (409); the unknown assessor (422).
        as(Tokens.admin())
                .body(Map.of(
                        "methodCode",
                        "M1",
                        "kind",
                        "first",
                        "date",
                        TODAY.plusDays(8).toString()))
                .when()
                .post("/api/v1/assessments/" + assessment + "/bookings")
                .then()
                .statusCode(409);
        as(Tokens.admin())
                .body(Map.of("assessorId", java.util.UUID.randomUUID().toString()))
                .when()
                .put("/api/v1/assessments/" + assessment + "/assessor")
                .then()
                .statusCode(422);
        as(Tokens.admin())
                .body(Map.of("reason", "The apprentice is ill"))
                .when()
                .post("/api/v1/assessments/" + assessment + "/bookings/" + booking + "/cancellation")
                .then()
                .statusCode(200);
        List<JsonNode> events = events(uln, 4);
        assertEquals(
                List.of(
                        "assessment.registered",
                        "assessment.assessor-assigned",
                        "assessment.booking-changed",
                        "assessment.booking-changed"),
                types(events));
        assertEquals(assessorId, events.get(1).get("data").get("assessorId").asText());
        JsonNode booked = events.get(2).get("data");
        assertEquals("booked", booked.get("action").asText());
        assertEquals(booking, booked.get("bookingId").asText());
        assertEquals("M1", booked.get("methodCode").asText());
        assertEquals(TODAY.plusDays(7).toString(), booked.get("date").asText());
        assertEquals("cancelled", events.get(3).get("data").get("action").asText());
        assertEquals("cancelled", events.get(3).get("data").get("status").asText());
        String text = events.toString();
        assertFalse(text.contains("Leeds") || text.contains("portfolio") || text.contains("ill"), "no free text");
        Thread.sleep(1500);
        assertEquals(4, events(uln, 4).size(), "the refused changes recorded nothing");
    }

    @Test
    void organisationsApprovalsAndAssessorsRecordTheirEventsForTheOrganisation() throws Exception {
        String epaoId = AssessmentApi.freshOrganisation(); // created, then approved for ST1398_1.0
        as(Tokens.admin())
                .body(Map.of("epaoId", epaoId, "name", "Renamed " + epaoId))
                .when()
                .put("/api/v1/assessment-organisations/" + epaoId)
                .then()
                .statusCode(200);
        as(Tokens.admin()) // already approved: refused, no event
                .body(Map.of("standardVersion", "ST1398_1.0"))
                .when()
                .post("/api/v1/assessment-organisations/" + epaoId + "/standard-versions")
                .then()
                .statusCode(409);
        as(Tokens.admin())
                .when()
                .delete("/api/v1/assessment-organisations/" + epaoId + "/standard-versions/ST1398_1.0")
                .then()
                .statusCode(204);
        String assessorId = AssessmentApi.assessor(epaoId, AssessmentApi.freshUser("events"), List.of(), List.of());
        String ukprn = TestIds.ukprn();
        as(Tokens.admin())
                .body(Map.of("providerUkprn", ukprn, "reason", "Former employer"))
                .when()
                .post("/api/v1/assessment-organisations/" + epaoId + "/assessors/" + assessorId + "/conflicts")
                .then()
                .statusCode(org.hamcrest.Matchers.lessThan(300));
        as(Tokens.admin())
                .when()
                .delete("/api/v1/assessment-organisations/" + epaoId + "/assessors/" + assessorId
                        + "/conflicts/providers/" + ukprn)
                .then()
                .statusCode(204);
        List<JsonNode> events = eventsWhere(
                e -> epaoId.equals(e.path("data").path("epaoId").asText(null))
                        && !e.path("type").asText().startsWith("assessment."),
                7);
        assertEquals(
                List.of(
                        "assessment-organisation.changed",
                        "assessment-organisation.changed",
                        "assessment-organisation.changed",
                        "assessment-organisation.changed",
                        "assessor.changed",
                        "assessor.changed",
                        "assessor.changed"),
                types(events));
        assertEquals(
                List.of(
                        "created",
                        "approved",
                        "updated",
                        "approval-withdrawn",
                        "registered",
                        "conflict-declared",
                        "conflict-removed"),
                events.stream().map(e -> e.get("data").get("action").asText()).toList());
        assertEquals(
                "ST1398_1.0", events.get(1).get("data").get("standardVersion").asText());
        assertEquals(epaoId, events.get(4).get("scope").get("epaoId").asText());
        assertFalse(events.toString().contains(ukprn) || events.toString().contains("Former"), "no conflict details");
    }
}
