package uk.apprenticeships.st1398.assessment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.apprenticeships.st1398.assessment.AssessmentApi.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/**
 * Certificates: the batch API, the lifecycle, tenants and roles. Each test takes its organisations, provider and
 * ULNs from TestIds: the database is shared.
 */
@QuarkusTest
class CertificateResourceTest {

    static final String PATH = "/api/v1/certificates";

    /** The provider of this test's certificates. */
    private final String ukprn = TestIds.ukprn();
    /** The organisation this test's assessors certify for, and another one. */
    private String epaoId;

    private String otherEpaoId;

    @BeforeEach
    void organisations() {
        epaoId = certifier();
        otherEpaoId = certifier();
    }

    /** Registers a fresh organisation named "Certifier" and its id. */
    static String certifier() {
        return AssessmentApi.freshOrganisation(id -> "Certifier " + id);
    }

    /** A certificate request without a provider: it comes from the learner's registration. */
    static Map<String, Object> certificate(String requestId, String uln, String grade) {
        return certificate(requestId, uln, grade, null);
    }

    static Map<String, Object> certificate(String requestId, String uln, String grade, String ukprn) {
        Map<String, Object> learningDetails = new HashMap<>();
        learningDetails.put("version", "1.0");
        learningDetails.put("overallGrade", grade);
        learningDetails.put("achievementDate", "2025-06-30");
        if (ukprn != null) {
            learningDetails.put("providerUkprn", ukprn);
        }
        learningDetails.put("ksbCodes", List.of("K1", "K2", "S1", "B1"));
        Map<String, Object> body = new HashMap<>();
        body.put("requestId", requestId);
        body.put("standard", Map.of("standardCode", 795, "standardReference", "ST1398"));
        body.put("learner", Map.of("uln", uln, "familyName", "Smith", "givenNames", "Alex"));
        body.put("learningDetails", learningDetails);
        body.put(
                "postalContact",
                Map.of(
                        "contactName",
                        "Pat Jones",
                        "addressLine1",
                        "1 High Street",
                        "city",
                        "Leeds",
                        "postCode",
                        "LS1 1AA"));
        return body;
    }

    static Map<String, Object> withStandard(Map<String, Object> body, int larsCode) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put("standard", Map.of("standardCode", larsCode, "standardReference", "ST1398"));
        return copy;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> withDetail(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        Map<String, Object> details = new HashMap<>((Map<String, Object>) body.get("learningDetails"));
        details.put(field, value);
        copy.put("learningDetails", details);
        return copy;
    }

    /** Registers the learner (Smith, ST1398 1.0) with this test's organisation and provider; answers the ULN. */
    private String registered(String uln) {
        AssessmentApi.registerLearner(epaoId, uln, ukprn);
        return uln;
    }

    /** Creates a Draft certificate as an assessor of the organisation and returns its reference. */
    static String createDraft(String epaoId, String uln, String ukprn) {
        AssessmentApi.registerLearner(epaoId, uln, ukprn);
        return as(Tokens.assessor(epaoId))
                .body(List.of(certificate("r1", uln, "Merit", ukprn)))
                .when()
                .post(PATH)
                .then()
                .statusCode(200)
                .body("[0].status", equalTo(201))
                .extract()
                .path("[0].certificate.certificateReference");
    }

    /** Creates, submits and approves a certificate; returns its reference. */
    static String approved(String epaoId, String uln, String ukprn) {
        String ref = createDraft(epaoId, uln, ukprn);
        as(Tokens.assessor(epaoId))
                .body(List.of(Map.of("requestId", "s1", "certificateReference", ref)))
                .when()
                .post(PATH + "/submit")
                .then()
                .statusCode(200)
                .body("[0].status", equalTo(200));
        as(Tokens.admin())
                .body(Map.of("status", "Approved"))
                .when()
                .post(PATH + "/" + ref + "/status")
                .then()
                .statusCode(200)
                .body("status", equalTo("Approved"));
        return ref;
    }

    @Test
    void lifecycleFromDraftToDeliveredKeepsHistory() {
        String uln = registered(TestIds.uln());
        String ref = as(Tokens.assessor(epaoId))
                .body(List.of(certificate("row-1", uln, " merit ")))
                .when()
                .post(PATH)
                .then()
                .statusCode(200)
                .body("[0].requestId", equalTo("row-1"))
                .body("[0].status", equalTo(201))
                .body("[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("code")))
                .body("[0].validationErrors", hasSize(0))
                .body("[0].certificate.certificateReference", matchesPattern("\\d{8}"))
                .body("[0].certificate.status", equalTo("Draft"))
                .body("[0].certificate.epaoId", equalTo(epaoId))
                .body("[0].certificate.learningDetails.overallGrade", equalTo("Merit"))
                .body("[0].certificate.learner.uln", equalTo(uln))
                .extract()
                .path("[0].certificate.certificateReference");

        Map<String, Object> amended = certificate("a1", uln, "Distinction");
        amended.put("certificateReference", ref);
        as(Tokens.assessor(epaoId))
                .body(List.of(amended))
                .when()
                .put(PATH)
                .then()
                .statusCode(200)
                .body("[0].status", equalTo(200))
                .body("[0].certificate.learningDetails.overallGrade", equalTo("Distinction"));
        as(Tokens.assessor(epaoId))
                .body(Map.of("status", "Ready"))
                .when()
                .post(PATH + "/" + ref + "/status")
                .then()
                .statusCode(200)
                .body("status", equalTo("Ready"));
        as(Tokens.assessor(epaoId))
                .body(List.of(Map.of("requestId", "s1", "certificateReference", ref)))
                .when()
                .post(PATH + "/submit")
                .then()
                .statusCode(200)
                .body("[0].certificate.status", equalTo("Submitted"));
        // Assessors cannot approve their own certificates.
        as(Tokens.assessor(epaoId))
                .body(Map.of("status", "Approved"))
                .when()
                .post(PATH + "/" + ref + "/status")
                .then()
                .spec(Problems.problem(403, "forbidden"));
        for (String status : List.of("Approved", "Printed", "Delivered")) {
            as(Tokens.admin())
                    .body(Map.of("status", status, "note", "step " + status))
                    .when()
                    .post(PATH + "/" + ref + "/status")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo(status));
        }
        as(Tokens.admin())
                .body(Map.of("status", "Draft"))
                .when()
                .post(PATH + "/" + ref + "/status")
                .then()
                .spec(Problems.problem(409, "conflict"));

        given().auth()
                .oauth2(Tokens.assessor(epaoId))
                .when()
                .get(PATH + "/" + ref)
                .then()
                .statusCode(200)
                .body("status", equalTo("Delivered"))
                .body("approvedAt", notNullValue())
                .body(
                        "history.action",
                        contains(
                                "Created",
                                "Amended",
                                "StatusChanged",
                                "StatusChanged",
                                "StatusChanged",
                                "StatusChanged",
                                "StatusChanged"))
                .body(
                        "history.status",
                        contains("Draft", "Draft", "Ready", "Submitted", "Approved", "Printed", "Delivered"))
                .body("history[0].changedBy", equalTo("assessor-" + epaoId + "-subject"))
                .body("history[4].changedBy", equalTo("admin1-subject"))
                .body("history[4].note", equalTo("step Approved"));
    }

    @Test
    void invalidItemsAreAnsweredItemByItemWithoutStoppingValidOnes() {
        String uln = registered(TestIds.uln());
        List<Map<String, Object>> batch = List.of(
                certificate("ok", uln, "Pass"),
                certificate("fail", TestIds.uln(), "Fail"),
                withDetail(
                        certificate("future", TestIds.uln(), "Pass"),
                        "achievementDate",
                        LocalDate.now().plusDays(2).toString()),
                withDetail(certificate("old", TestIds.uln(), "Pass"), "achievementDate", "2016-12-31"),
                certificate("uln", "123", "Pass"),
                certificate("unknown", TestIds.uln(), "Excellent"),
                certificate("duplicate", uln, "Pass"),
                withStandard(certificate("lars", TestIds.uln(), "Pass"), 668));
        as(Tokens.assessor(epaoId))
                .body(batch)
                .when()
                .post(PATH)
                .then()
                .statusCode(200)
                .body("requestId", contains("ok", "fail", "future", "old", "uln", "unknown", "duplicate", "lars"))
                .body("status", contains(201, 400, 400, 400, 400, 400, 409, 400))
                .body("[7].validationErrors[0].field", equalTo("standard.standardCode"))
                .body("[7].validationErrors[0].message", equalTo("must be 795, the LARS code of ST1398"))
                .body("[0].certificate.status", equalTo("Draft"))
                .body("[1].certificate", nullValue())
                .body("[1].validationErrors[0].field", equalTo("learningDetails.overallGrade"))
                .body(
                        "[1].validationErrors[0].message",
                        equalTo("Fail is an assessment outcome, never a certificate grade"))
                .body("[2].validationErrors[0].message", equalTo("must not be in the future"))
                .body("[3].validationErrors[0].field", equalTo("learningDetails.achievementDate"))
                .body("[4].validationErrors.field", hasItem("learner.uln"))
                .body("[5].validationErrors[0].field", equalTo("learningDetails.overallGrade"));
        given().auth()
                .oauth2(Tokens.admin())
                .queryParam("uln", uln)
                .when()
                .get(PATH)
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1));
    }

    @Test
    void aBatchOfTwentySixIsRefusedWholeAndCreatesNothing() {
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            batch.add(certificate("r" + i, registered(TestIds.uln()), "Pass"));
        }
        int before = total();
        as(Tokens.assessor(epaoId)).body(batch).when().post(PATH).then().spec(Problems.invalid("request"));
        as(Tokens.assessor(epaoId))
                .body(List.of(certificate("same", TestIds.uln(), "Pass"), certificate("same", TestIds.uln(), "Pass")))
                .when()
                .post(PATH)
                .then()
                .spec(Problems.invalid("[1].requestId"));
        as(Tokens.assessor(epaoId)).body(List.of()).when().post(PATH).then().spec(Problems.invalid("request"));
        as(Tokens.assessor(epaoId))
                .body(Map.of("requestId", "x"))
                .when()
                .post(PATH)
                .then()
                .spec(Problems.problem(400, "malformed-request-body"));
        assertEquals(before, total());
        // 25 is the limit, not beyond it.
        as(Tokens.assessor(epaoId))
                .body(batch.subList(0, 25))
                .when()
                .post(PATH)
                .then()
                .statusCode(200)
                .body("status", hasSize(25))
                .body("status", org.hamcrest.Matchers.everyItem(equalTo(201)));
        assertEquals(before + 25, total());
    }

    @Test
    void onlyDraftAndSubmittedCanBeAmended() {
        String uln = TestIds.uln();
        String ref = approved(epaoId, uln, ukprn);
        Map<String, Object> amended = certificate("a1", uln, "Pass");
        as(Tokens.assessor(epaoId))
                .body(amended)
                .when()
                .put(PATH + "/" + ref)
                .then()
                .spec(Problems.problem(409, "conflict"));
        amended.put("certificateReference", ref);
        as(Tokens.assessor(epaoId))
                .body(List.of(amended))
                .when()
                .put(PATH)
                .then()
                .statusCode(200)
                .body("[0].status", equalTo(409))
                .body("[0].code", equalTo("certificate-not-amendable"))
                .body("[0].certificate", nullValue());
        as(Tokens.assessor(epaoId))
                .body(List.of(Map.of("requestId", "s", "certificateReference", ref)))
                .when()
                .post(PATH + "/submit")
                .then()
                .statusCode(200)
                .body("[0].status", equalTo(409))
                .body("[0].code", equalTo("certificate-not-submittable"));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get(PATH + "/" + ref)
                .then()
                .body("learningDetails.overallGrade", equalTo("Merit"));

        String draft = createDraft(epaoId, TestIds.uln(), ukprn);
        Map<String, Object> single = certificate(null, uln + "", "Distinction");
        // Amending may move the certificate to another learner, but only one registered with the organisation.
        String brown = TestIds.uln();
        AssessmentApi.registerLearner(epaoId, brown, "Brown", "ST1398_1.0", ukprn, TestIds.employerId());
        single.put("learner", Map.of("uln", brown, "familyName", "Brown"));
        as(Tokens.assessor(epaoId))
                .body(single)
                .when()
                .put(PATH + "/" + draft)
                .then()
                .statusCode(200)
                .body("learner.familyName", equalTo("Brown"))
                .body("learningDetails.overallGrade", equalTo("Distinction"));
    }

    @Test
    void tenantsSeeOnlyTheirOwnCertificates() {
        String ref = createDraft(epaoId, TestIds.uln(), ukprn);
        given().auth()
                .oauth2(Tokens.assessor(otherEpaoId))
                .when()
                .get(PATH + "/" + ref)
                .then()
                .spec(Problems.problem(404, "not-found"));
        as(Tokens.assessor(otherEpaoId))
                .body(Map.of("status", "Ready"))
                .when()
                .post(PATH + "/" + ref + "/status")
                .then()
                .spec(Problems.problem(404, "not-found"));
        as(Tokens.assessor(otherEpaoId))
                .body(List.of(Map.of("requestId", "s", "certificateReference", ref)))
                .when()
                .post(PATH + "/submit")
                .then()
                .statusCode(200)
                .body("[0].status", equalTo(404))
                .body("[0].code", equalTo("certificate-not-found"));
        String otherTutor = Tokens.tutor(TestIds.ukprn());
        given().auth().oauth2(otherTutor).when().get(PATH + "/" + ref).then().spec(Problems.problem(404, "not-found"));
        given().auth()
                .oauth2(Tokens.tutor(ukprn))
                .when()
                .get(PATH + "/" + ref)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.token("reg1", "regulator"))
                .when()
                .get(PATH + "/" + ref)
                .then()
                .statusCode(200);

        given().auth()
                .oauth2(Tokens.assessor(otherEpaoId))
                .queryParam("size", 100)
                .when()
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items.epaoId", org.hamcrest.Matchers.everyItem(equalTo(otherEpaoId)));
        given().auth()
                .oauth2(otherTutor)
                .when()
                .get(PATH)
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0));
        given().auth()
                .oauth2(Tokens.tutor(ukprn))
                .queryParam("status", "Draft")
                .when()
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items.status", org.hamcrest.Matchers.everyItem(equalTo("Draft")));

        // An assessor cannot create for another organisation, nor for an unregistered one.
        Map<String, Object> foreign = certificate("f", TestIds.uln(), "Pass");
        foreign.put("epaoId", otherEpaoId);
        as(Tokens.assessor(epaoId))
                .body(List.of(foreign))
                .when()
                .post(PATH)
                .then()
                .statusCode(200)
                .body("[0].status", equalTo(400))
                .body("[0].code", equalTo("validation-failed"))
                .body("[0].validationErrors[0].field", equalTo("epaoId"));
        as(Tokens.assessor(TestIds.epaoId()))
                .body(List.of(certificate("g", TestIds.uln(), "Pass")))
                .when()
                .post(PATH)
                .then()
                .statusCode(200)
                .body("[0].status", equalTo(400));
    }

    @Test
    void rolesAndTokens() {
        given().when().get(PATH).then().spec(Problems.problem(401, "unauthorized"));
        given().contentType("application/json")
                .body("[]")
                .when()
                .post(PATH)
                .then()
                .spec(Problems.problem(401, "unauthorized"));
        String employerId = TestIds.employerId();
        for (String token : List.of(
                Tokens.employer(employerId),
                Tokens.apprentice(TestIds.uln(), ukprn, employerId),
                Tokens.token("lms1", "lms-integration"))) {
            given().auth().oauth2(token).when().get(PATH).then().spec(Problems.problem(403, "forbidden"));
        }
        for (String token : List.of(Tokens.tutor(ukprn), Tokens.token("reg1", "regulator"))) {
            as(token)
                    .body(List.of(certificate("x", TestIds.uln(), "Pass")))
                    .when()
                    .post(PATH)
                    .then()
                    .spec(Problems.problem(403, "forbidden"));
        }
        String adminUln = TestIds.uln();
        AssessmentApi.registerLearner(otherEpaoId, adminUln, ukprn);
        Map<String, Object> noOrg = certificate("x", adminUln, "Pass");
        as(Tokens.admin())
                .body(List.of(noOrg))
                .when()
                .post(PATH)
                .then()
                .statusCode(200)
                .body("[0].status", equalTo(400))
                .body("[0].validationErrors[0].field", equalTo("epaoId"));
        noOrg.put("epaoId", otherEpaoId);
        as(Tokens.admin())
                .body(List.of(noOrg))
                .when()
                .post(PATH)
                .then()
                .statusCode(200)
                .body("[0].status", equalTo(201))
                .body("[0].certificate.epaoId", equalTo(otherEpaoId));
    }

    @Test
    void gradesAndBadQueries() {
        given().auth()
                .oauth2(Tokens.tutor(ukprn))
                .when()
                .get(PATH + "/grades")
                .then()
                .statusCode(200)
                .body(
                        "grades.grade",
                        contains(
                                "Pass",
                                "Merit",
                                "Distinction",
                                "Pass with excellence",
                                "Credit",
                                "No grade awarded",
                                "Outstanding"))
                .body("grades.grade", org.hamcrest.Matchers.not(hasItem("Fail")));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get(PATH + "/123")
                .then()
                .spec(Problems.invalid("certificateReference"));
        given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get(PATH + "/99999999")
                .then()
                .spec(Problems.problem(404, "not-found"));
        for (String query : List.of("status=Lost", "uln=12", "standardReference=X1", "size=0", "page=-1")) {
            String field = query.substring(0, query.indexOf('='));
            given().auth()
                    .oauth2(Tokens.admin())
                    .when()
                    .get(PATH + "?" + query)
                    .then()
                    .spec(Problems.invalid(field));
        }
    }

    @Test
    void concurrentCreatesForOneLearnerGiveOneCertificate() throws Exception {
        String uln = registered(TestIds.uln());
        int callers = 4;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(callers);
        try {
            List<java.util.concurrent.Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                String token = Tokens.assessor(epaoId);
                statuses.add(pool.submit(() -> {
                    start.await();
                    return as(token)
                            .body(List.of(certificate("race", uln, "Pass")))
                            .when()
                            .post(PATH)
                            .then()
                            .statusCode(200)
                            .extract()
                            .<Integer>path("[0].status");
                }));
            }
            start.countDown();
            List<Integer> seen = new ArrayList<>();
            for (java.util.concurrent.Future<Integer> status : statuses) {
                seen.add(status.get());
            }
            assertEquals(1, seen.stream().filter(s -> s == 201).count(), "statuses " + seen);
            assertEquals(callers - 1, seen.stream().filter(s -> s == 409).count(), "statuses " + seen);
        } finally {
            pool.shutdownNow();
        }
        given().auth()
                .oauth2(Tokens.admin())
                .queryParam("uln", uln)
                .when()
                .get(PATH)
                .then()
                .body("totalItems", equalTo(1));
    }

    private static int total() {
        return given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get(PATH)
                .then()
                .statusCode(200)
                .extract()
                .path("totalItems");
    }
}
