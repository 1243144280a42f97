package uk.apprenticeships.st1398.assessment;

import static io.restassured.RestAssured.given;
import static uk.apprenticeships.st1398.assessment.AssessmentApi.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
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
import uk.apprenticeships.st1398.testing.Tokens;

/**
 * The DfE-shaped learner and EPA endpoints. Organisations EPA081x–EPA084x and ULNs 30000008xx are this class's own;
 * every refused write is followed by a check that the learner's record did not change.
 */
@QuarkusTest
@QuarkusTestResource(value = StandardsPlanStub.class, restrictToAnnotatedClass = false)
class EpaResourceTest {

    private static final String EPA = "/api/v1/epa";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Inject
    EpaRecordRepository records;

    /** Registers the learner (family name Lovelace) with a fresh organisation. */
    static void learner(String epaoId, String uln, String ukprn, String employerId) {
        as(Tokens.admin()).body(Map.of("epaoId", epaoId, "name", "Org " + epaoId)).when()
                .post("/api/v1/assessment-organisations");
        as(Tokens.admin()).body(Map.of("uln", uln, "familyName", "Lovelace", "standardVersion", "ST1398_1.0",
                "providerUkprn", ukprn, "employerId", employerId, "epaoId", epaoId,
                "gatewayDate", TODAY.minusDays(60).toString())).when().post("/api/v1/assessments").then()
                .statusCode(201);
    }

    static Map<String, Object> epa(LocalDate date, String outcome, boolean resit, boolean retake) {
        return Map.of("epaDate", date.toString(), "epaOutcome", outcome, "resit", resit, "retake", retake);
    }

    static Map<String, Object> item(String requestId, String uln, String familyName, String reference,
            List<Map<String, Object>> epas) {
        Map<String, Object> details = new HashMap<>();
        details.put("epas", epas);
        if (reference != null) {
            details.put("epaReference", reference);
        }
        return new HashMap<>(Map.of("requestId", requestId, "standard", "ST1398", "uln", uln, "familyName",
                familyName, "epaDetails", details));
    }

    private static ValidatableResponse learnerRecord(String token, String path) {
        return as(token).when().get("/api/v1/learner/" + path).then();
    }

    private static String status(String uln) {
        return learnerRecord(Tokens.admin(), uln + "/Lovelace/ST1398").statusCode(200).extract().path("status");
    }

    @Test
    void learnerRecordIsDfeShapedMatchedCaseInsensitivelyAndScoped() {
        learner("EPA0811", "3000000811", "10008111", "EMP-811");
        learnerRecord(Tokens.admin(), "3000000811/lovelace/ST1398").statusCode(200)
                .body("learner.uln", equalTo("3000000811")).body("learner.familyName", equalTo("Lovelace"))
                .body("standard.standardCode", equalTo(795)).body("standard.standardReference", equalTo("ST1398"))
                .body("learningDetails.version", equalTo("1.0")).body("learningDetails.epaoId", equalTo("EPA0811"))
                .body("learningDetails.providerUkprn", equalTo("10008111")).body("status", equalTo("Registered"))
                .body("epaDetails", nullValue()).body("certificate", nullValue());
        // The LARS code names the same standard.
        learnerRecord(Tokens.admin(), "3000000811/LOVELACE/795").statusCode(200)
                .body("standard.standardReference", equalTo("ST1398"));
        // A wrong family name and an unknown ULN answer alike: the ULN's existence is not revealed.
        String wrongName = learnerRecord(Tokens.admin(), "3000000811/Byron/ST1398")
                .spec(Problems.problem(404, "not-found")).extract().path("detail");
        String unknown = learnerRecord(Tokens.admin(), "3000000819/Lovelace/ST1398")
                .spec(Problems.problem(404, "not-found")).extract().path("detail");
        assertEquals(unknown, wrongName);
        learnerRecord(Tokens.admin(), "3000000811/Lovelace/ST9998").spec(Problems.problem(404, "not-found"));
        learnerRecord(Tokens.admin(), "3000000811/Lovelace/999").spec(Problems.problem(404, "not-found"));
        learnerRecord(Tokens.admin(), "123/Lovelace/ST1398").spec(Problems.problem(400, "validation-failed"));
        learnerRecord(Tokens.admin(), "3000000811/Lovelace/XX12").spec(Problems.problem(400, "validation-failed"));
        // Tenants: own records 200, another tenant's 404 (as if absent).
        String path = "3000000811/Lovelace/ST1398";
        learnerRecord(Tokens.tutor("10008111"), path).statusCode(200);
        learnerRecord(Tokens.tutor("10008112"), path).spec(Problems.problem(404, "not-found"));
        learnerRecord(Tokens.employer("EMP-811"), path).statusCode(200);
        learnerRecord(Tokens.employer("EMP-812"), path).spec(Problems.problem(404, "not-found"));
        learnerRecord(Tokens.assessor("EPA0811"), path).statusCode(200);
        learnerRecord(Tokens.assessor("EPA0812"), path).spec(Problems.problem(404, "not-found"));
        learnerRecord(Tokens.token("reg", "regulator"), path).statusCode(200);
        learnerRecord(Tokens.apprentice("3000000811", "10008111", "EMP-811"), path)
                .spec(Problems.problem(403, "forbidden"));
        given().when().get("/api/v1/learner/" + path).then().spec(Problems.problem(401, "unauthorized"));
    }

    @Test
    void epaRecordsAreCreatedUpdatedAndDeletedAsNewRecordsItemByItem() {
        learner("EPA0821", "3000000821", "10008211", "EMP-821");
        LocalDate first = TODAY.minusDays(20);
        List<Map<String, Object>> batch = List.of(
                item("ok", "3000000821", "LOVELACE", null, List.of(epa(first, "Fail", false, false))),
                item("wrong-name", "3000000821", "Byron", null, List.of(epa(first, "Fail", false, false))),
                item("future", "3000000821", "Lovelace", null, List.of(epa(TODAY.plusDays(1), "Pass", false,
                        false))));
        String reference = as(Tokens.assessor("EPA0821")).body(batch).when().post(EPA).then().statusCode(200)
                .body("requestId", equalTo(List.of("ok", "wrong-name", "future")))
                .body("status", equalTo(List.of(201, 404, 400)))
                .body("[0].epaDetails.latestEpaOutcome", equalTo("Fail"))
                .body("[0].validationErrors", hasSize(0))
                .body("[1].epaReference", nullValue())
                .body("[2].validationErrors.field", hasItem("epaDetails.epas[0].epaDate"))
                .extract().path("[0].epaReference");
        learnerRecord(Tokens.tutor("10008211"), "3000000821/Lovelace/ST1398").statusCode(200)
                .body("status", equalTo("InAssessment")).body("epaDetails.epaReference", equalTo(reference))
                .body("epaDetails.epas", hasSize(1));
        // A second create for the same learner is refused: update the record instead.
        as(Tokens.admin()).body(List.of(item("again", "3000000821", "Lovelace", null,
                List.of(epa(first, "Pass", false, false))))).when().post(EPA).then().statusCode(200)
                .body("[0].status", equalTo(409)).body("[0].code", equalTo("epa-record-exists"));
        assertEquals("InAssessment", status("3000000821"));

        // Update: a resit passed. Same reference, a new record replacing the old one.
        List<Map<String, Object>> resat = List.of(epa(first, "Fail", false, false),
                epa(TODAY.minusDays(2), "Pass", true, false));
        as(Tokens.assessor("EPA0821")).body(List.of(item("u1", "3000000821", "Lovelace", reference, resat),
                item("no-ref", "3000000821", "Lovelace", null, resat),
                item("bad-ref", "3000000821", "Lovelace", "99999999", resat))).when().put(EPA).then()
                .statusCode(200).body("status", equalTo(List.of(200, 400, 404)))
                .body("[0].epaReference", equalTo(reference)).body("[0].epaDetails.latestEpaOutcome", equalTo("Pass"))
                .body("[0].epaDetails.epas[1].resit", equalTo(true));
        assertEquals("Passed", status("3000000821"));

        // Another organisation's assessor cannot touch it (404, as if absent); tutors may not write at all.
        as(Tokens.assessor("EPA0822")).when().delete(EPA + "/3000000821/Lovelace/ST1398/" + reference).then()
                .spec(Problems.problem(404, "not-found"));
        as(Tokens.tutor("10008211")).when().delete(EPA + "/3000000821/Lovelace/ST1398/" + reference).then()
                .spec(Problems.problem(403, "forbidden"));
        assertEquals("Passed", status("3000000821"));

        as(Tokens.assessor("EPA0821")).when().delete(EPA + "/3000000821/lovelace/795/" + reference).then()
                .statusCode(204);
        learnerRecord(Tokens.admin(), "3000000821/Lovelace/ST1398").statusCode(200)
                .body("status", equalTo("Registered")).body("epaDetails", nullValue());
        as(Tokens.assessor("EPA0821")).when().delete(EPA + "/3000000821/Lovelace/ST1398/" + reference).then()
                .spec(Problems.problem(404, "not-found"));
        // Nothing was deleted or changed in place: created, updated and deleted are three records.
        assertEquals(3, records.count("epaReference", reference));
    }

    @Test
    void resitRetakeAndWithdrawalRulesAndBadBatchesChangeNothing() {
        learner("EPA0831", "3000000831", "10008311", "EMP-831");
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
            as(Tokens.admin()).body(List.of(item("r" + i++, "3000000831", "Lovelace", null, e.getKey()))).when()
                    .post(EPA).then().statusCode(200).body("[0].status", equalTo(e.getValue()))
                    .body("[0].validationErrors.size()", org.hamcrest.Matchers.greaterThan(0));
        }
        assertEquals("Registered", status("3000000831"));

        // Whole-batch refusals: more than 25 items, a missing or repeated requestId, no array.
        List<Map<String, Object>> many = new ArrayList<>();
        for (int n = 0; n < 26; n++) {
            many.add(item("m" + n, "3000000831", "Lovelace", null, List.of(epa(d, "Fail", false, false))));
        }
        as(Tokens.admin()).body(many).when().post(EPA).then().spec(Problems.invalid("request"));
        as(Tokens.admin()).body(List.of(item("x", "3000000831", "Lovelace", null, List.of(epa(d, "Fail", false,
                false))), item("x", "3000000831", "Lovelace", null, List.of()))).when().post(EPA).then()
                .spec(Problems.invalid("[1].requestId"));
        as(Tokens.admin()).body(Map.of("requestId", "x")).when().post(EPA).then()
                .spec(Problems.problem(400, "malformed-request-body"));
        assertEquals("Registered", status("3000000831"));

        // A withdrawn learner gets no later outcome, and a Fail may be followed by a withdrawal.
        String reference = as(Tokens.admin()).body(List.of(item("w", "3000000831", "Lovelace", null,
                List.of(epa(d, "Fail", false, false), epa(d, "Withdrawn", false, false))))).when().post(EPA)
                .then().statusCode(200).body("[0].status", equalTo(201)).extract().path("[0].epaReference");
        assertEquals("Withdrawn", status("3000000831"));
        as(Tokens.admin()).body(List.of(item("w2", "3000000831", "Lovelace", reference,
                List.of(epa(d, "Fail", false, false), epa(d, "Withdrawn", false, false),
                        epa(TODAY, "Pass", false, true))))).when().put(EPA).then().statusCode(200)
                .body("[0].status", equalTo(422)).body("[0].code", equalTo("epa-history"));
        assertEquals("Withdrawn", status("3000000831"));
    }

    @Test
    void anEpaRecordIsNotDeletedWhileTheLearnerHasALiveCertificate() {
        learner("EPA0841", "3000000841", "10008411", "EMP-841");
        String reference = as(Tokens.assessor("EPA0841")).body(List.of(item("c", "3000000841", "Lovelace", null,
                List.of(epa(TODAY.minusDays(5), "Pass", false, false))))).when().post(EPA).then().statusCode(200)
                .extract().path("[0].epaReference");
        Map<String, Object> certificate = CertificateResourceTest.certificate("cert", "3000000841", "Merit");
        certificate.put("learner", Map.of("uln", "3000000841", "familyName", "Lovelace", "givenNames", "Ada"));
        as(Tokens.assessor("EPA0841")).body(List.of(certificate)).when().post("/api/v1/certificates").then()
                .statusCode(200).body("[0].status", equalTo(201));
        as(Tokens.assessor("EPA0841")).when().delete(EPA + "/3000000841/Lovelace/ST1398/" + reference).then()
                .spec(Problems.problem(409, "conflict")).body("code", equalTo("certificate-exists"));
        learnerRecord(Tokens.admin(), "3000000841/Lovelace/ST1398").statusCode(200)
                .body("status", equalTo("Passed")).body("certificate.certificateStatus", equalTo("Draft"))
                .body("learner.givenNames", equalTo("Ada"));
    }
}
