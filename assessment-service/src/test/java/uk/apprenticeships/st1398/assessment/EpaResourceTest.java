package uk.apprenticeships.st1398.assessment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.apprenticeships.st1398.assessment.AssessmentApi.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.assessment.repository.EpaRecordRepository;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/**
 * The DfE-shaped learner and EPA endpoints. Each test takes its organisations, ULNs, providers and employers from
 * TestIds: the database is shared. Every refused write is followed by a check that the learner's record did not
 * change.
 */
@QuarkusTest
@QuarkusTestResource(value = StandardsPlanStub.class, restrictToAnnotatedClass = false)
class EpaResourceTest {

    private static final String EPA = "/api/v1/epa";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Inject
    EpaRecordRepository records;

    /** A registered ST1398 learner and the tenants it belongs to. */
    record Learner(String uln, String ukprn, String employerId, String epaoId) {}

    /** Registers a fresh learner (family name Lovelace) with a fresh organisation, provider and employer. */
    static Learner learner() {
        Learner learner =
                new Learner(TestIds.uln(), TestIds.ukprn(), TestIds.employerId(), AssessmentApi.freshOrganisation());
        as(Tokens.admin())
                .body(Map.of(
                        "uln",
                        learner.uln(),
                        "familyName",
                        "Lovelace",
                        "standardVersion",
                        "ST1398_1.0",
                        "providerUkprn",
                        learner.ukprn(),
                        "employerId",
                        learner.employerId(),
                        "epaoId",
                        learner.epaoId(),
                        "gatewayDate",
                        TODAY.minusDays(60).toString()))
                .when()
                .post("/api/v1/assessments")
                .then()
                .statusCode(201);
        return learner;
    }

    static Map<String, Object> epa(LocalDate date, String outcome, boolean resit, boolean retake) {
        return Map.of("epaDate", date.toString(), "epaOutcome", outcome, "resit", resit, "retake", retake);
    }

    static Map<String, Object> item(
            String requestId, String uln, String familyName, String reference, List<Map<String, Object>> epas) {
        Map<String, Object> details = new HashMap<>();
        details.put("epas", epas);
        if (reference != null) {
            details.put("epaReference", reference);
        }
        return new HashMap<>(Map.of(
                "requestId",
                requestId,
                "standard",
                "ST1398",
                "uln",
                uln,
                "familyName",
                familyName,
                "epaDetails",
                details));
    }

    private static ValidatableResponse learnerRecord(String token, String path) {
        return as(token).when().get("/api/v1/learner/" + path).then();
    }

    private static String status(String uln) {
        return learnerRecord(Tokens.admin(), uln + "/Lovelace/ST1398")
                .statusCode(200)
                .extract()
                .path("status");
    }

    @Test
    void learnerRecordIsDfeShapedMatchedCaseInsensitivelyAndScoped() {
        Learner l = learner();
        String uln = l.uln();
        learnerRecord(Tokens.admin(), uln + "/lovelace/ST1398")
                .statusCode(200)
                .body("learner.uln", equalTo(uln))
                .body("learner.familyName", equalTo("Lovelace"))
                .body("standard.standardCode", equalTo(795))
                .body("standard.standardReference", equalTo("ST1398"))
                .body("learningDetails.version", equalTo("1.0"))
                .body("learningDetails.epaoId", equalTo(l.epaoId()))
                .body("learningDetails.providerUkprn", equalTo(l.ukprn()))
                .body("status", equalTo("Registered"))
                .body("epaDetails", nullValue())
                .body("certificate", nullValue());
        // The LARS code names the same standard.
        learnerRecord(Tokens.admin(), uln + "/LOVELACE/795")
                .statusCode(200)
                .body("standard.standardReference", equalTo("ST1398"));
        // A wrong family name and an unknown ULN answer alike: the ULN's existence is not revealed.
        String wrongName = learnerRecord(Tokens.admin(), uln + "/Byron/ST1398")
                .spec(Problems.problem(404, "not-found"))
                .extract()
                .path("detail");
        String unknown = learnerRecord(Tokens.admin(), TestIds.uln() + "/Lovelace/ST1398")
                .spec(Problems.problem(404, "not-found"))
                .extract()
                .path("detail");
        assertEquals(unknown, wrongName);
        learnerRecord(Tokens.admin(), uln + "/Lovelace/ST9998").spec(Problems.problem(404, "not-found"));
        learnerRecord(Tokens.admin(), uln + "/Lovelace/999").spec(Problems.problem(404, "not-found"));
        learnerRecord(Tokens.admin(), "123/Lovelace/ST1398").spec(Problems.problem(400, "validation-failed"));
        learnerRecord(Tokens.admin(), uln + "/Lovelace/XX12").spec(Problems.problem(400, "validation-failed"));
        // Tenants: own records 200, another tenant's 404 (as if absent).
        String path = uln + "/Lovelace/ST1398";
        learnerRecord(Tokens.tutor(l.ukprn()), path).statusCode(200);
        learnerRecord(Tokens.tutor(TestIds.ukprn()), path).spec(Problems.problem(404, "not-found"));
        learnerRecord(Tokens.employer(l.employerId()), path).statusCode(200);
        learnerRecord(Tokens.employer(TestIds.employerId()), path).spec(Problems.problem(404, "not-found"));
        learnerRecord(Tokens.assessor(l.epaoId()), path).statusCode(200);
        learnerRecord(Tokens.assessor(TestIds.epaoId()), path).spec(Problems.problem(404, "not-found"));
        learnerRecord(Tokens.token("reg", "regulator"), path).statusCode(200);
        learnerRecord(Tokens.apprentice(uln, l.ukprn(), l.employerId()), path).spec(Problems.problem(403, "forbidden"));
        given().when().get("/api/v1/learner/" + path).then().spec(Problems.problem(401, "unauthorized"));
    }

    @Test
    void epaRecordsAreCreatedUpdatedAndDeletedAsNewRecordsItemByItem() {
        Learner l = learner();
        String uln = l.uln();
        LocalDate first = TODAY.minusDays(20);
        List<Map<String, Object>> batch = List.of(
                item("ok", uln, "LOVELACE", null, List.of(epa(first, "Fail", false, false))),
                item("wrong-name", uln, "Byron", null, List.of(epa(first, "Fail", false, false))),
                item("future", uln, "Lovelace", null, List.of(epa(TODAY.plusDays(1), "Pass", false, false))));
        String reference = as(Tokens.assessor(l.epaoId()))
                .body(batch)
                .when()
                .post(EPA)
                .then()
                .statusCode(200)
                .body("requestId", equalTo(List.of("ok", "wrong-name", "future")))
                .body("status", equalTo(List.of(201, 404, 400)))
                .body("[0].epaDetails.latestEpaOutcome", equalTo("Fail"))
                .body("[0].validationErrors", hasSize(0))
                .body("[1].epaReference", nullValue())
                .body("[2].validationErrors.field", hasItem("epaDetails.epas[0].epaDate"))
                .extract()
                .path("[0].epaReference");
        learnerRecord(Tokens.tutor(l.ukprn()), uln + "/Lovelace/ST1398")
                .statusCode(200)
                .body("status", equalTo("InAssessment"))
                .body("epaDetails.epaReference", equalTo(reference))
                .body("epaDetails.epas", hasSize(1));
        // A second create for the same learner is refused: update the record instead.
        as(Tokens.admin())
                .body(List.of(item("again", uln, "Lovelace", null, List.of(epa(first, "Pass", false, false)))))
                .when()
                .post(EPA)
                .then()
                .statusCode(200)
                .body("[0].status", equalTo(409))
                .body("[0].code", equalTo("epa-record-exists"));
        assertEquals("InAssessment", status(uln));

        // Update: a resit passed. Same reference, a new record replacing the old one.
        List<Map<String, Object>> resat =
                List.of(epa(first, "Fail", false, false), epa(TODAY.minusDays(2), "Pass", true, false));
        as(Tokens.assessor(l.epaoId()))
                .body(List.of(
                        item("u1", uln, "Lovelace", reference, resat),
                        item("no-ref", uln, "Lovelace", null, resat),
                        item("bad-ref", uln, "Lovelace", "99999999", resat)))
                .when()
                .put(EPA)
                .then()
                .statusCode(200)
                .body("status", equalTo(List.of(200, 400, 404)))
                .body("[0].epaReference", equalTo(reference))
                .body("[0].epaDetails.latestEpaOutcome", equalTo("Pass"))
                .body("[0].epaDetails.epas[1].resit", equalTo(true));
        assertEquals("Passed", status(uln));

        // Another organisation's assessor cannot touch it (404, as if absent); tutors may not write at all.
        as(Tokens.assessor(TestIds.epaoId()))
                .when()
                .delete(EPA + "/" + uln + "/Lovelace/ST1398/" + reference)
                .then()
                .spec(Problems.problem(404, "not-found"));
        as(Tokens.tutor(l.ukprn()))
                .when()
                .delete(EPA + "/" + uln + "/Lovelace/ST1398/" + reference)
                .then()
                .spec(Problems.problem(403, "forbidden"));
        assertEquals("Passed", status(uln));

        as(Tokens.assessor(l.epaoId()))
                .when()
                .delete(EPA + "/" + uln + "/lovelace/795/" + reference)
                .then()
                .statusCode(204);
        learnerRecord(Tokens.admin(), uln + "/Lovelace/ST1398")
                .statusCode(200)
                .body("status", equalTo("Registered"))
                .body("epaDetails", nullValue());
        as(Tokens.assessor(l.epaoId()))
                .when()
                .delete(EPA + "/" + uln + "/Lovelace/ST1398/" + reference)
                .then()
                .spec(Problems.problem(404, "not-found"));
        // Nothing was deleted or changed in place: created, updated and deleted are three records.
        assertEquals(3, records.count("epaReference", reference));
    }

    @Test
    void resitRetakeAndWithdrawalRulesAndBadBatchesChangeNothing() {
        Learner l = learner();
        String uln = l.uln();
        LocalDate d = TODAY.minusDays(10);
        Map<List<Map<String, Object>>, Integer> refused = new java.util.LinkedHashMap<>();
        refused.put(List.of(epa(d, "Pass", true, false)), 422);
        refused.put(List.of(epa(d, "Fail", false, false), epa(d, "Pass", false, false)), 422);
        refused.put(List.of(epa(d, "Withdrawn", false, false), epa(d, "Pass", false, true)), 422);
        refused.put(List.of(epa(d, "Pass", false, false), epa(d, "Fail", true, false)), 422);
        refused.put(List.of(epa(d, "Fail", false, false), epa(d.minusDays(1), "Pass", true, false)), 422);
        refused.put(List.of(epa(LocalDate.of(2016, 12, 31), "Pass", false, false)), 400);
        refused.put(List.of(epa(d, "Fail", true, true)), 400);
        refused.put(List.of(epa(d, "Merit", false, false)), 400);
        refused.put(List.of(), 400);
        int i = 0;
        for (Map.Entry<List<Map<String, Object>>, Integer> e : refused.entrySet()) {
            as(Tokens.admin())
                    .body(List.of(item("r" + i++, uln, "Lovelace", null, e.getKey())))
                    .when()
                    .post(EPA)
                    .then()
                    .statusCode(200)
                    .body("[0].status", equalTo(e.getValue()))
                    .body("[0].validationErrors.size()", org.hamcrest.Matchers.greaterThan(0));
        }
        assertEquals("Registered", status(uln));

        // Whole-batch refusals: more than 25 items, a missing or repeated requestId, no array.
        List<Map<String, Object>> many = new ArrayList<>();
        for (int n = 0; n < 26; n++) {
            many.add(item("m" + n, uln, "Lovelace", null, List.of(epa(d, "Fail", false, false))));
        }
        as(Tokens.admin()).body(many).when().post(EPA).then().spec(Problems.invalid("request"));
        as(Tokens.admin())
                .body(List.of(
                        item("x", uln, "Lovelace", null, List.of(epa(d, "Fail", false, false))),
                        item("x", uln, "Lovelace", null, List.of())))
                .when()
                .post(EPA)
                .then()
                .spec(Problems.invalid("[1].requestId"));
        as(Tokens.admin())
                .body(Map.of("requestId", "x"))
                .when()
                .post(EPA)
                .then()
                .spec(Problems.problem(400, "malformed-request-body"));
        assertEquals("Registered", status(uln));

        // A withdrawn learner gets no later outcome, and a Fail may be followed by a withdrawal.
        String reference = as(Tokens.admin())
                .body(List.of(item(
                        "w",
                        uln,
                        "Lovelace",
                        null,
                        List.of(epa(d, "Fail", false, false), epa(d, "Withdrawn", false, false)))))
                .when()
                .post(EPA)
                .then()
                .statusCode(200)
                .body("[0].status", equalTo(201))
                .extract()
                .path("[0].epaReference");
        assertEquals("Withdrawn", status(uln));
        as(Tokens.admin())
                .body(List.of(item(
                        "w2",
                        uln,
                        "Lovelace",
                        reference,
                        List.of(
                                epa(d, "Fail", false, false),
                                epa(d, "Withdrawn", false, false),
                                epa(TODAY, "Pass", false, true)))))
                .when()
                .put(EPA)
                .then()
                .statusCode(200)
                .body("[0].status", equalTo(422))
                .body("[0].code", equalTo("epa-history"));
        assertEquals("Withdrawn", status(uln));
    }

    @Test
    void anEpaRecordIsNotDeletedWhileTheLearnerHasALiveCertificate() {
        Learner l = learner();
        String uln = l.uln();
        String reference = as(Tokens.assessor(l.epaoId()))
                .body(List.of(item("c", uln, "Lovelace", null, List.of(epa(TODAY.minusDays(5), "Pass", false, false)))))
                .when()
                .post(EPA)
                .then()
                .statusCode(200)
                .extract()
                .path("[0].epaReference");
        Map<String, Object> certificate = CertificateResourceTest.certificate("cert", uln, "Merit", l.ukprn());
        certificate.put("learner", Map.of("uln", uln, "familyName", "Lovelace", "givenNames", "Ada"));
        as(Tokens.assessor(l.epaoId()))
                .body(List.of(certificate))
                .when()
                .post("/api/v1/certificates")
                .then()
                .statusCode(200)
                .body("[0].status", equalTo(201));
        as(Tokens.assessor(l.epaoId()))
                .when()
                .delete(EPA + "/" + uln + "/Lovelace/ST1398/" + reference)
                .then()
                .spec(Problems.problem(409, "conflict"))
                .body("code", equalTo("certificate-exists"));
        learnerRecord(Tokens.admin(), uln + "/Lovelace/ST1398")
                .statusCode(200)
                .body("status", equalTo("Passed"))
                .body("certificate.certificateStatus", equalTo("Draft"))
                .body("learner.givenNames", equalTo("Ada"));
    }
}
