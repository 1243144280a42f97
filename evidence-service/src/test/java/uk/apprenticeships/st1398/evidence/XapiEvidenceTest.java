package uk.apprenticeships.st1398.evidence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.evidence.xapi.StatementValidator;
import uk.apprenticeships.st1398.evidence.xapi.XapiEvidence;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/**
 * Statements become draft evidence and off-the-job entries for the right apprentice (docs/xapi.md, "From statements
 * to evidence"). Apprentices are on ST1398 1.0, whose KSBs in the standards stub are K1-K10, S1-S10, B1-B5.
 */
@QuarkusTest
@QuarkusTestResource(value = StandardsServiceStub.class, restrictToAnnotatedClass = false)
class XapiEvidenceTest {

    static String about(String uln, String id, String verb, String extensions, String result) {
        return "{\"id\":\"" + id + "\",\"actor\":{\"account\":{\"homePage\":\"https://moodle.example.org\",\"name\":\""
                + uln + "\"}},\"verb\":{\"id\":\"" + verb + "\",\"display\":{\"en-GB\":\"completed\"}},"
                + "\"object\":{\"id\":\"http://moodle.example.org/course/42\",\"definition\":{\"name\":{\"en-GB\":"
                + "\"Data pipelines\"},\"extensions\":{" + extensions + "}}}"
                + (result == null ? "" : ",\"result\":" + result) + ",\"timestamp\":\"2026-03-02T10:00:00Z\"}";
    }

    static String ksbs(String... codes) {
        return "\"" + XapiEvidence.KSB_EXTENSION + "\":[\"" + String.join("\",\"", codes) + "\"]";
    }

    static void send(XapiStatementResourceTest.Lms lms, String body, int status) {
        lms.xapi()
                .contentType("application/json")
                .body(body)
                .post("/xapi/statements")
                .then()
                .statusCode(status);
    }

    static io.restassured.response.ValidatableResponse evidence(String ukprn, String apprentice) {
        return given().auth()
                .oauth2(Tokens.tutor(ukprn))
                .get("/api/v1/apprentices/" + apprentice + "/evidence?size=100")
                .then()
                .statusCode(200);
    }

    static io.restassured.response.ValidatableResponse offTheJob(String ukprn, String apprentice) {
        return given().auth()
                .oauth2(Tokens.tutor(ukprn))
                .get("/api/v1/apprentices/" + apprentice + "/off-the-job?size=100")
                .then()
                .statusCode(200);
    }

    @Test
    void aCompletedStatementOnAnAlignedActivityBecomesOneDraftEvidenceItem() {
        String ukprn = TestIds.ukprn();
        String uln = TestIds.uln();
        String apprentice = EvidenceResourceTest.enrol(uln, ukprn, TestIds.employerId(), "ST1398_1.0");
        XapiStatementResourceTest.Lms lms = XapiStatementResourceTest.lms(ukprn);
        String id = UUID.randomUUID().toString();
        String statement = about(
                uln,
                id,
                "http://adlnet.gov/expapi/verbs/completed",
                ksbs("K1", "s2", "Z9"),
                "{\"completion\":true,\"success\":true,\"score\":{\"scaled\":0.8,\"raw\":8,\"min\":0,\"max\":10},"
                        + "\"duration\":\"PT45M\"}");
        send(lms, statement, 200);
        send(lms, statement, 200); // the same statement again: still one item
        evidence(ukprn, apprentice)
                .body("items", hasSize(1))
                .body("items[0].kind", equalTo("xapi-statement"))
                .body("items[0].status", equalTo("draft"))
                .body("items[0].title", equalTo("Data pipelines"))
                // Codes not in the apprentice's standard version (Z9) are left out.
                .body("items[0].ksbCodes", contains("K1", "S2"))
                .body("items[0].xapi.statementId", equalTo(id))
                .body("items[0].xapi.scoreScaled", equalTo(0.8f))
                .body("items[0].xapi.duration", equalTo("PT45M"))
                .body("items[0].xapi.success", equalTo(true));
    }

    @Test
    void statementsThatAreNotEvidenceMakeNothing() {
        String ukprn = TestIds.ukprn();
        String uln = TestIds.uln();
        String apprentice = EvidenceResourceTest.enrol(uln, ukprn, TestIds.employerId(), "ST1398_1.0");
        XapiStatementResourceTest.Lms lms = XapiStatementResourceTest.lms(ukprn);
        // Not aligned; and aligned but only "attempted" without a score.
        send(lms, about(uln, UUID.randomUUID().toString(), "http://adlnet.gov/expapi/verbs/completed", "", null), 200);
        send(
                lms,
                about(uln, UUID.randomUUID().toString(), "http://adlnet.gov/expapi/verbs/attempted", ksbs("K1"), null),
                200);
        evidence(ukprn, apprentice).body("items", hasSize(0));
        offTheJob(ukprn, apprentice).body("items", hasSize(0));
    }

    @Test
    void voidingTheStatementWithdrawsTheDraftsItMade() {
        String ukprn = TestIds.ukprn();
        String uln = TestIds.uln();
        String apprentice = EvidenceResourceTest.enrol(uln, ukprn, TestIds.employerId(), "ST1398_1.0");
        XapiStatementResourceTest.Lms lms = XapiStatementResourceTest.lms(ukprn);
        String id = UUID.randomUUID().toString();
        send(
                lms,
                about(
                        uln,
                        id,
                        "http://adlnet.gov/expapi/verbs/passed",
                        ksbs("K3") + ",\"" + XapiEvidence.OFF_THE_JOB_EXTENSION + "\":true",
                        "{\"duration\":\"PT2H\"}"),
                200);
        evidence(ukprn, apprentice).body("items", hasSize(1));
        offTheJob(ukprn, apprentice).body("items", hasSize(1));
        send(
                lms,
                "{\"actor\":{\"mbox\":\"mailto:lms@example.org\"},\"verb\":{\"id\":\"" + StatementValidator.VOIDED
                        + "\"},\"object\":{\"objectType\":\"StatementRef\",\"id\":\"" + id + "\"}}",
                200);
        evidence(ukprn, apprentice).body("items", hasSize(0));
        offTheJob(ukprn, apprentice).body("items", hasSize(0));
    }

    @Test
    void aDurationOnAnOffTheJobActivityBecomesAPendingOffTheJobEntry() {
        String ukprn = TestIds.ukprn();
        String uln = TestIds.uln();
        String apprentice = EvidenceResourceTest.enrol(uln, ukprn, TestIds.employerId(), "ST1398_1.0");
        XapiStatementResourceTest.Lms lms = XapiStatementResourceTest.lms(ukprn);
        send(
                lms,
                about(
                        uln,
                        UUID.randomUUID().toString(),
                        "http://adlnet.gov/expapi/verbs/attended",
                        "\"" + XapiEvidence.OFF_THE_JOB_EXTENSION + "\":true",
                        "{\"duration\":\"PT1H30M\"}"),
                200);
        offTheJob(ukprn, apprentice)
                .body("items", hasSize(1))
                .body("items[0].status", equalTo("pending"))
                .body("items[0].date", equalTo("2026-03-02"))
                .body("items[0].activity", equalTo("Data pipelines"));
        // Not aligned to KSBs and not a completion: no evidence item.
        evidence(ukprn, apprentice).body("items", hasSize(0));
    }

    @Test
    void statementsAboutAnUnknownActorBecomeEvidenceOnceTheApprenticeIsEnrolled() {
        String ukprn = TestIds.ukprn();
        String uln = TestIds.uln();
        XapiStatementResourceTest.Lms lms = XapiStatementResourceTest.lms(ukprn);
        String id = UUID.randomUUID().toString();
        send(lms, about(uln, id, "http://adlnet.gov/expapi/verbs/completed", ksbs("B1"), null), 200);
        String apprentice = EvidenceResourceTest.enrol(uln, ukprn, TestIds.employerId(), "ST1398_1.0");
        evidence(ukprn, apprentice).body("items.xapi.statementId", contains(id));
    }

    @Test
    void evidenceAppearsForTheRightApprenticeAndNowhereElse() {
        String ukprn = TestIds.ukprn();
        String uln = TestIds.uln();
        String apprentice = EvidenceResourceTest.enrol(uln, ukprn, TestIds.employerId(), "ST1398_1.0");
        String neighbour = EvidenceResourceTest.enrol(TestIds.uln(), ukprn, TestIds.employerId(), "ST1398_1.0");
        XapiStatementResourceTest.Lms lms = XapiStatementResourceTest.lms(ukprn);
        send(
                lms,
                about(uln, UUID.randomUUID().toString(), "http://adlnet.gov/expapi/verbs/completed", ksbs("K1"), null),
                200);
        evidence(ukprn, apprentice).body("items", hasSize(1));
        evidence(ukprn, neighbour).body("items", hasSize(0));
    }

    @Test
    void theProvidersActivityMappingAlignsActivitiesWithoutTheExtension() {
        String ukprn = TestIds.ukprn();
        String uln = TestIds.uln();
        String apprentice = EvidenceResourceTest.enrol(uln, ukprn, TestIds.employerId(), "ST1398_1.0");
        XapiStatementResourceTest.Lms lms = XapiStatementResourceTest.lms(ukprn);
        given().auth()
                .oauth2(Tokens.tutor(ukprn))
                .contentType("application/json")
                .body(java.util.Map.of(
                        "activityId",
                        "http://moodle.example.org/course/42",
                        "ksbCodes",
                        java.util.List.of("s4"),
                        "offTheJob",
                        true))
                .put("/api/v1/xapi-activity-mappings")
                .then()
                .statusCode(200)
                .body("ksbCodes", contains("s4"));
        given().auth()
                .oauth2(Tokens.tutor(ukprn))
                .contentType("application/json")
                .body(java.util.Map.of("activityId", "not an iri", "ksbCodes", java.util.List.of("K1")))
                .put("/api/v1/xapi-activity-mappings")
                .then()
                .spec(uk.apprenticeships.st1398.testing.Problems.invalid("activityId"));
        send(
                lms,
                about(
                        uln,
                        UUID.randomUUID().toString(),
                        "http://adlnet.gov/expapi/verbs/completed",
                        "",
                        "{\"duration\":\"PT1H\"}"),
                200);
        evidence(ukprn, apprentice).body("items", hasSize(1)).body("items[0].ksbCodes", contains("S4"));
        offTheJob(ukprn, apprentice).body("items", hasSize(1));
        given().auth()
                .oauth2(Tokens.tutor(ukprn))
                .queryParam("activityId", "http://moodle.example.org/course/none")
                .delete("/api/v1/xapi-activity-mappings")
                .then()
                .spec(uk.apprenticeships.st1398.testing.Problems.problem(
                        404, "not-found", "xapi-activity-mapping-not-found"));
    }

    static void map(String ukprn, String activityId, java.util.List<String> codes, boolean offTheJob) {
        given().auth()
                .oauth2(Tokens.tutor(ukprn))
                .contentType("application/json")
                .body(java.util.Map.of("activityId", activityId, "ksbCodes", codes, "offTheJob", offTheJob))
                .put("/api/v1/xapi-activity-mappings")
                .then()
                .statusCode(200);
    }

    @Test
    void aMappingTurnsStatementsStoredBeforeItIntoDraftEvidenceOnceHoweverOftenItChanges() {
        String ukprn = TestIds.ukprn();
        String uln = TestIds.uln();
        String apprentice = EvidenceResourceTest.enrol(uln, ukprn, TestIds.employerId(), "ST1398_1.0");
        XapiStatementResourceTest.Lms lms = XapiStatementResourceTest.lms(ukprn);
        String early = UUID.randomUUID().toString();
        String voided = UUID.randomUUID().toString();
        send(lms, about(uln, early, "http://adlnet.gov/expapi/verbs/completed", "", "{\"duration\":\"PT2H\"}"), 200);
        send(lms, about(uln, voided, "http://adlnet.gov/expapi/verbs/passed", "", null), 200);
        send(
                lms,
                "{\"actor\":{\"mbox\":\"mailto:tutor@example.org\"},\"verb\":{\"id\":"
                        + "\"http://adlnet.gov/expapi/verbs/voided\"},\"object\":{\"objectType\":\"StatementRef\","
                        + "\"id\":\"" + voided + "\"}}",
                200);
        // Not aligned when they arrived: nothing.
        evidence(ukprn, apprentice).body("items", hasSize(0));

        map(ukprn, "http://moodle.example.org/course/42", java.util.List.of("K1"), true);
        evidence(ukprn, apprentice)
                .body("items", hasSize(1))
                .body("items[0].xapi.statementId", equalTo(early))
                .body("items[0].status", equalTo("draft"))
                .body("items[0].ksbCodes", contains("K1"));
        offTheJob(ukprn, apprentice).body("items", hasSize(1));

        // Changing the mapping again makes no second item, and the voided statement never makes one.
        map(ukprn, "http://moodle.example.org/course/42", java.util.List.of("K1", "S4"), true);
        map(ukprn, "http://moodle.example.org/course/42", java.util.List.of("K1"), true);
        evidence(ukprn, apprentice).body("items", hasSize(1));
        offTheJob(ukprn, apprentice).body("items", hasSize(1));
        // Another provider's mapping of the same IRI touches none of this provider's statements.
        String other = TestIds.ukprn();
        map(other, "http://moodle.example.org/course/42", java.util.List.of("K1"), false);
        evidence(ukprn, apprentice).body("items", hasSize(1));
    }
}
