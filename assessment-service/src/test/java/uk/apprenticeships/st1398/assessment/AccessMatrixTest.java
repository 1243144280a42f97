package uk.apprenticeships.st1398.assessment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/**
 * Every assessment-service operation × every kind of caller, against the rule: assessors and their organisation see
 * their own assessments; providers (tutors, the provider's LMS client) see outcomes of their apprentices; employers
 * of theirs; admins and the regulator reporting client everything they report; foreign records answer 404.
 * <p>
 * Complete by construction: the operations come from the service's own OpenAPI document, and the test fails if one
 * is missing from the matrix (or the matrix names one that does not exist). Each row is one operation; its columns
 * are the expected statuses for {@link Caller} in declaration order. Writes use bodies that succeed for an allowed
 * caller, so 200/201/204 means "allowed and done". Each test creates its own fixture with fresh ids from TestIds: an
 * organisation (own) and another one, a provider and an employer (own) and others nobody uses, learners' ULNs.
 */
@QuarkusTest
@QuarkusTestResource(value = StandardsPlanStub.class, restrictToAnnotatedClass = false)
class AccessMatrixTest {

    enum Caller {
        ADMIN,
        REGULATOR,
        ASSESSOR_OWN,
        ASSESSOR_OTHER,
        TUTOR_OWN,
        TUTOR_OTHER,
        LMS,
        EMPLOYER_OWN,
        EMPLOYER_OTHER,
        APPRENTICE,
        NONE
    }

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    /** Request to make: path (with query) and JSON body, or null for none. */
    record Call(String path, Object body) {}

    record Row(String method, String template, Function<Caller, Call> call, String expected) {}

    private final String provider = TestIds.ukprn();
    private final String otherProvider = TestIds.ukprn();
    private final String employer = TestIds.employerId();
    private final String otherEmployer = TestIds.employerId();
    private final String assessorUser = AssessmentApi.freshUser("matrix");
    private final String otherAssessorUser = AssessmentApi.freshUser("matrix-other");
    /** The learner of the fixture's assessment, the learner of its draft certificate and the EPA learner. */
    private final String uln = TestIds.uln();

    private final String draftUln = TestIds.uln();
    private final String epaUln = TestIds.uln();
    private String own;
    private String other;
    private String assessmentId;
    private String attemptId;
    private String bookingId;
    private String assessorId;
    private String awarded;
    private String draft;

    String token(Caller caller) {
        return switch (caller) {
            case ADMIN -> Tokens.admin();
            case REGULATOR -> Tokens.token("service-account-regulator-reporting", "regulator");
            case ASSESSOR_OWN -> Tokens.token(assessorUser, Set.of("assessor"), Map.of("epao_id", own));
            case ASSESSOR_OTHER -> Tokens.token(otherAssessorUser, Set.of("assessor"), Map.of("epao_id", other));
            case TUTOR_OWN -> Tokens.tutor(provider);
            case TUTOR_OTHER -> Tokens.tutor(otherProvider);
            case LMS ->
                Tokens.token(
                        "service-account-lms-integration",
                        Set.of("lms-integration"),
                        Map.of("provider_ukprn", provider));
            case EMPLOYER_OWN -> Tokens.employer(employer);
            case EMPLOYER_OTHER -> Tokens.employer(otherEmployer);
            case APPRENTICE -> Tokens.apprentice(uln, provider, employer);
            case NONE -> null;
        };
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(Tokens.admin()).contentType("application/json");
    }

    /** The test's fixture, created through the API. */
    private void fixture() {
        own = AssessmentApi.freshOrganisation(epaoId -> "Matrix " + epaoId);
        other = AssessmentApi.freshOrganisation(epaoId -> "Matrix " + epaoId);
        assessorId = admin().body(Map.of("userId", assessorUser + "-subject", "name", "Matrix assessor"))
                .post("/api/v1/assessment-organisations/" + own + "/assessors")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assessmentId = register(uln);
        admin().body(Map.of("assessorId", assessorId))
                .put("/api/v1/assessments/" + assessmentId + "/assessor")
                .then()
                .statusCode(200);
        attemptId = given().auth()
                .oauth2(token(Caller.ASSESSOR_OWN))
                .contentType("application/json")
                .body(Map.of(
                        "methodCode",
                        "M1",
                        "kind",
                        "first",
                        "date",
                        TODAY.minusDays(2).toString(),
                        "grade",
                        "Pass",
                        "reason",
                        "Graded"))
                .post("/api/v1/assessments/" + assessmentId + "/attempts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        bookingId = bookM2();
        register(epaUln);
        awarded = certificate(uln, "c1");
        given().auth()
                .oauth2(token(Caller.ASSESSOR_OWN))
                .contentType("application/json")
                .body(List.of(Map.of("requestId", "s", "certificateReference", awarded)))
                .post("/api/v1/certificates/submit")
                .then()
                .statusCode(200);
        admin().body(Map.of("status", "Approved"))
                .post("/api/v1/certificates/" + awarded + "/status")
                .then()
                .statusCode(200);
        register(draftUln);
        draft = certificate(draftUln, "c2");
    }

    /** A fresh open first booking of M2 (which has no attempt while the booking rows run), any open one cancelled. */
    private String bookM2() {
        cancelM2();
        return admin().body(bookingBody())
                .post("/api/v1/assessments/" + assessmentId + "/bookings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Cancels M2's open booking, if any. */
    private void cancelM2() {
        String bookings = "/api/v1/assessments/" + assessmentId + "/bookings";
        List<String> open = admin().get(bookings + "?methodCode=M2&status=booked")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        open.forEach(id -> admin().body(Map.of("reason", "Matrix rebooking"))
                .post(bookings + "/" + id + "/cancellation")
                .then()
                .statusCode(200));
    }

    private static Map<String, Object> bookingBody() {
        return Map.of(
                "methodCode", "M2", "kind", "first", "date", TODAY.plusDays(1).toString());
    }

    private String register(String uln) {
        return admin().body(Map.of(
                        "uln",
                        uln,
                        "familyName",
                        "Matrix",
                        "standardVersion",
                        "ST1398_1.0",
                        "providerUkprn",
                        provider,
                        "employerId",
                        employer,
                        "epaoId",
                        own,
                        "gatewayDate",
                        TODAY.minusDays(30).toString()))
                .post("/api/v1/assessments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private Map<String, Object> certificateBody(String uln, String requestId) {
        Map<String, Object> body = CertificateResourceTest.certificate(requestId, uln, "Pass", provider);
        body.put("epaoId", own);
        body.put("learner", Map.of("uln", uln, "familyName", "Matrix", "givenNames", "Alex"));
        return body;
    }

    private String certificate(String uln, String requestId) {
        return given().auth()
                .oauth2(token(Caller.ASSESSOR_OWN))
                .contentType("application/json")
                .body(List.of(certificateBody(uln, requestId)))
                .post("/api/v1/certificates")
                .then()
                .statusCode(200)
                .extract()
                .path("[0].certificate.certificateReference");
    }

    /** The EPA record of the EPA learner, created again if a previous row deleted it. */
    private String epaReference() {
        String reference = admin().get("/api/v1/learner/" + epaUln + "/Matrix/ST1398")
                .then()
                .statusCode(200)
                .extract()
                .path("epaDetails.epaReference");
        if (reference != null) {
            return reference;
        }
        return admin().body(List.of(epaItem("e", null)))
                .post("/api/v1/epa")
                .then()
                .statusCode(200)
                .extract()
                .path("[0].epaReference");
    }

    private Map<String, Object> epaItem(String requestId, String reference) {
        Map<String, Object> details = new HashMap<>(
                Map.of("epas", List.of(Map.of("epaDate", TODAY.minusDays(1).toString(), "epaOutcome", "Fail"))));
        if (reference != null) {
            details.put("epaReference", reference);
        }
        return Map.of(
                "requestId",
                requestId,
                "standard",
                "ST1398",
                "uln",
                epaUln,
                "familyName",
                "matrix",
                "epaDetails",
                details);
    }

    private static Function<Caller, Call> get(String path) {
        return c -> new Call(path, null);
    }

    private static Function<Caller, Call> send(String path, Object body) {
        return c -> new Call(path, body);
    }

    List<Row> matrix() {
        String orgs = "/api/v1/assessment-organisations";
        String assessors = orgs + "/" + own + "/assessors";
        String conflicts = assessors + "/" + assessorId + "/conflicts";
        String one = "/api/v1/assessments/" + assessmentId;
        String certificates = "/api/v1/certificates";
        String period = "?from=" + TODAY.minusDays(60) + "&to=" + TODAY;
        String learner = "/api/v1/learner/" + uln + "/matrix/ST1398";
        // ADMIN REGULATOR ASSESSOR_OWN ASSESSOR_OTHER TUTOR_OWN TUTOR_OTHER LMS EMPLOYER_OWN EMPLOYER_OTHER APPRENTICE
        // NONE
        String read = "200 200 200 404 200 404 200 200 404 403 401";
        String readNoEmployer = "200 200 200 404 200 404 200 403 403 403 401";
        String anyRole = "200 200 200 200 200 200 200 200 200 403 401";
        String adminOnly201 = "201 403 403 403 403 403 403 403 403 403 401";
        String batch = "200 403 200 200 403 403 403 403 403 403 401";
        String ownOrganisation = "200 403 200 404 403 403 403 403 403 403 401";
        String assignedAssessor201 = "403 403 201 404 403 403 403 403 403 403 401";
        String organisationRead = "200 200 200 404 403 403 403 403 403 403 401";
        List<Row> rows = new ArrayList<>();
        // Assessment organisations: a directory every platform role may read.
        rows.add(new Row("GET", "/api/v1/assessment-organisations", get(orgs), anyRole));
        rows.add(new Row(
                "POST",
                "/api/v1/assessment-organisations",
                c -> new Call(orgs, Map.of("epaoId", TestIds.epaoId(), "name", "Fresh")),
                adminOnly201));
        rows.add(new Row("GET", "/api/v1/assessment-organisations/{epaoId}", get(orgs + "/" + own), anyRole));
        rows.add(new Row(
                "PUT",
                "/api/v1/assessment-organisations/{epaoId}",
                send(orgs + "/" + own, Map.of("epaoId", own, "name", "Matrix " + own)),
                "200 403 403 403 403 403 403 403 403 403 401"));
        // Assessors and conflicts of interest.
        rows.add(new Row(
                "GET", "/api/v1/assessment-organisations/{epaoId}/assessors", get(assessors), organisationRead));
        rows.add(new Row(
                "POST",
                "/api/v1/assessment-organisations/{epaoId}/assessors",
                c -> new Call(assessors, Map.of("userId", AssessmentApi.freshUser("matrix"), "name", "Fresh")),
                adminOnly201));
        rows.add(new Row(
                "POST",
                "/api/v1/assessment-organisations/{epaoId}/assessors/{assessorId}/conflicts",
                c -> new Call(conflicts, Map.of("providerUkprn", TestIds.ukprn())),
                "201 403 201 404 403 403 403 403 403 403 401"));
        rows.add(new Row(
                "DELETE",
                "/api/v1/assessment-organisations/{epaoId}/assessors/{assessorId}/conflicts/{kind}/{value}",
                c -> {
                    String ukprn = TestIds.ukprn();
                    admin().body(Map.of("providerUkprn", ukprn))
                            .post(conflicts)
                            .then()
                            .statusCode(201);
                    return new Call(conflicts + "/providers/" + ukprn, null);
                },
                "204 403 403 403 403 403 403 403 403 403 401"));
        rows.add(new Row(
                "GET",
                "/api/v1/assessment-organisations/{epaoId}/assessors/{assessorId}/conflicts/history",
                get(conflicts + "/history"),
                organisationRead));
        // Assessments, attempts and results.
        rows.add(new Row("GET", "/api/v1/assessments", get("/api/v1/assessments"), anyRole));
        rows.add(new Row(
                "POST",
                "/api/v1/assessments",
                c -> new Call(
                        "/api/v1/assessments",
                        Map.of(
                                "uln",
                                TestIds.uln(),
                                "familyName",
                                "Fresh",
                                "standardVersion",
                                "ST1398_1.0",
                                "providerUkprn",
                                provider,
                                "employerId",
                                employer,
                                "epaoId",
                                own,
                                "gatewayDate",
                                TODAY.minusDays(10).toString())),
                "201 403 201 403 403 403 403 403 403 403 401"));
        rows.add(new Row("GET", "/api/v1/assessments/{id}", get(one), read));
        rows.add(new Row(
                "PUT",
                "/api/v1/assessments/{id}/assessor",
                send(one + "/assessor", Map.of("assessorId", assessorId)),
                ownOrganisation));
        // Bookings, before the attempts rows record M2's first attempt: every allowed booking and cancellation
        // starts from a fresh open booking of M2 (at most one is open per method).
        String bookings = one + "/bookings";
        String organisationWrite201 = "201 403 201 404 403 403 403 403 403 403 401";
        rows.add(new Row("GET", "/api/v1/assessments/{id}/bookings", get(bookings), read));
        rows.add(new Row(
                "POST",
                "/api/v1/assessments/{id}/bookings",
                c -> {
                    cancelM2();
                    return new Call(bookings, bookingBody());
                },
                organisationWrite201));
        rows.add(
                new Row("GET", "/api/v1/assessments/{id}/bookings/{bookingId}", get(bookings + "/" + bookingId), read));
        rows.add(new Row(
                "POST",
                "/api/v1/assessments/{id}/bookings/{bookingId}/cancellation",
                c -> new Call(bookings + "/" + bookM2() + "/cancellation", Map.of("reason", "Matrix")),
                organisationWrite201.replace("201", "200")));
        rows.add(new Row("GET", "/api/v1/assessments/{id}/attempts", get(one + "/attempts"), read));
        rows.add(new Row(
                "POST",
                "/api/v1/assessments/{id}/attempts",
                send(
                        one + "/attempts",
                        Map.of(
                                "methodCode",
                                "M2",
                                "kind",
                                "first",
                                "date",
                                TODAY.minusDays(1).toString(),
                                "grade",
                                "Pass",
                                "reason",
                                "Graded")),
                assignedAssessor201));
        rows.add(new Row(
                "GET", "/api/v1/assessments/{id}/attempts/{attemptId}", get(one + "/attempts/" + attemptId), read));
        rows.add(new Row(
                "POST",
                "/api/v1/assessments/{id}/attempts/{attemptId}/corrections",
                send(
                        one + "/attempts/" + attemptId + "/corrections",
                        Map.of("date", TODAY.minusDays(1).toString(), "grade", "Distinction", "reason", "Re-marked")),
                assignedAssessor201));
        rows.add(new Row("GET", "/api/v1/assessments/{id}/result", get(one + "/result"), read));
        // Gateway to completion. The matrix's assessment has no evidence-service link (callers who pass the role and
        // tenant checks, the own employer included, meet 422 no-apprentice-link on readiness; GatewayResourceTest has
        // employers reading it through evidence-service's employer view) and has passed its gateway already, so
        // waivers, declarations and submissions that pass the role and tenant checks meet 409; there is no
        // submission to decide.
        String gateway = one + "/gateway";
        rows.add(new Row(
                "GET",
                "/api/v1/assessments/{id}/gateway/readiness",
                get(gateway + "/readiness"),
                "422 422 422 404 422 404 422 422 404 403 401"));
        rows.add(new Row("GET", "/api/v1/assessments/{id}/gateway/waivers", get(gateway + "/waivers"), read));
        rows.add(new Row(
                "POST",
                "/api/v1/assessments/{id}/gateway/waivers",
                send(gateway + "/waivers", Map.of("item", "project-scope-sign-off", "reason", "Matrix")),
                "409 403 409 404 403 403 403 403 403 403 401"));
        rows.add(new Row("GET", "/api/v1/assessments/{id}/gateway/declarations", get(gateway + "/declarations"), read));
        rows.add(new Row(
                "POST",
                "/api/v1/assessments/{id}/gateway/declarations",
                send(
                        gateway + "/declarations",
                        Map.of(
                                "item",
                                "employer-confirmation",
                                "declaredBy",
                                "Matrix Employer",
                                "declaredOn",
                                TODAY.minusDays(1).toString())),
                "409 403 403 403 409 404 409 409 404 403 401"));
        rows.add(new Row("GET", "/api/v1/assessments/{id}/gateway/submissions", get(gateway + "/submissions"), read));
        rows.add(new Row(
                "POST",
                "/api/v1/assessments/{id}/gateway/submissions",
                send(gateway + "/submissions", Map.of()),
                "409 403 403 403 409 404 409 403 403 403 401"));
        rows.add(new Row(
                "POST",
                "/api/v1/assessments/{id}/gateway/submissions/{attempt}/components/{item}/decision",
                send(gateway + "/submissions/1/components/coverage/decision", Map.of("decision", "accepted")),
                "404 403 404 404 403 403 403 403 403 403 401"));
        // Certificates: employers hold no certificate records (a certificate names no employer).
        rows.add(new Row(
                "POST",
                "/api/v1/certificates",
                c -> new Call(certificates, List.of(certificateBody(TestIds.uln(), "n"))),
                batch));
        rows.add(new Row(
                "PUT",
                "/api/v1/certificates",
                c -> {
                    Map<String, Object> body = certificateBody(draftUln, "a");
                    body.put("certificateReference", draft);
                    return new Call(certificates, List.of(body));
                },
                batch));
        rows.add(new Row("GET", "/api/v1/certificates", get(certificates), readNoEmployer.replace("404", "200")));
        rows.add(new Row(
                "POST",
                "/api/v1/certificates/submit",
                send(certificates + "/submit", List.of(Map.of("requestId", "s", "certificateReference", "99999999"))),
                batch));
        rows.add(new Row(
                "GET",
                "/api/v1/certificates/grades",
                get(certificates + "/grades"),
                readNoEmployer.replace("404", "200")));
        rows.add(new Row(
                "GET",
                "/api/v1/certificates/.well-known/jwks.json",
                get(certificates + "/.well-known/jwks.json"),
                "200 200 200 200 200 200 200 200 200 200 200"));
        rows.add(new Row(
                "GET",
                "/api/v1/certificates/{certificateReference}",
                get(certificates + "/" + awarded),
                readNoEmployer));
        rows.add(new Row(
                "PUT",
                "/api/v1/certificates/{certificateReference}",
                send(certificates + "/" + draft, certificateBody(draftUln, "a")),
                ownOrganisation));
        rows.add(new Row(
                "POST",
                "/api/v1/certificates/{certificateReference}/status",
                c -> new Call(
                        certificates + "/" + draft + "/status",
                        Map.of("status", c == Caller.ADMIN ? "Ready" : "Draft")),
                ownOrganisation));
        rows.add(new Row(
                "GET",
                "/api/v1/certificates/{certificateReference}/credential",
                get(certificates + "/" + awarded + "/credential"),
                readNoEmployer));
        // Reports: the Ofqual returns are the organisation's; cohort statistics are the dashboards'.
        rows.add(new Row(
                "GET",
                "/api/v1/reports/epa-outcomes",
                get("/api/v1/reports/epa-outcomes" + period + "&epaoId=" + own),
                organisationRead));
        rows.add(new Row(
                "GET",
                "/api/v1/reports/epa-registrations",
                get("/api/v1/reports/epa-registrations" + period + "&epaoId=" + own),
                organisationRead));
        rows.add(new Row(
                "GET",
                "/api/v1/reports/cohort-statistics",
                get("/api/v1/reports/cohort-statistics" + period + "&providerUkprn=" + provider),
                "200 200 200 200 200 404 200 200 200 403 401"));
        // DfE-shaped learner and EPA records.
        rows.add(new Row("GET", "/api/v1/learner/{uln}/{familyName}/{standard}", get(learner), read));
        rows.add(new Row("POST", "/api/v1/epa", send("/api/v1/epa", List.of(epaItem("p", null))), batch));
        rows.add(new Row(
                "PUT", "/api/v1/epa", c -> new Call("/api/v1/epa", List.of(epaItem("u", epaReference()))), batch));
        rows.add(new Row(
                "DELETE",
                "/api/v1/epa/{uln}/{familyName}/{standard}/{epaReference}",
                c -> new Call("/api/v1/epa/" + epaUln + "/Matrix/ST1398/" + epaReference(), null),
                "204 403 204 404 403 403 403 403 403 403 401"));
        // Approvals of organisations per standard version (admin writes, directory readers read).
        String approvals = orgs + "/" + own + "/standard-versions";
        rows.add(
                new Row("GET", "/api/v1/assessment-organisations/{epaoId}/standard-versions", get(approvals), anyRole));
        rows.add(new Row(
                "POST",
                "/api/v1/assessment-organisations/{epaoId}/standard-versions",
                send(approvals, Map.of("standardVersion", "ST0127_1.0")),
                "201 403 403 403 403 403 403 403 403 403 401"));
        rows.add(new Row(
                "DELETE",
                "/api/v1/assessment-organisations/{epaoId}/standard-versions/{standardVersion}",
                get(approvals + "/ST0127_1.0"),
                "204 403 403 403 403 403 403 403 403 403 401"));
        // The DfE assessor-service API: for assessment organisations only (an admin has no organisation: DfE's 400
        // "not linked to a valid UKPRN"); refusals of one learner are DfE's 403 {statusCode, message}.
        String dfe = "/assessor-service/api/v1";
        String dfeOwnOnly = "400 403 200 403 403 403 403 403 403 403 401";
        String dfeBatch = "400 403 200 200 403 403 403 403 403 403 401";
        String dfeRefused = "400 403 403 403 403 403 403 403 403 403 401";
        Map<String, Object> unknownLearner = Map.of(
                "standard", Map.of("standardCode", 795),
                "learner", Map.of("uln", 1000000001L, "familyName", "Nobody"),
                "epaDetails", Map.of("epas", List.of(Map.of("epaDate", "2025-01-02", "epaOutcome", "Pass"))));
        rows.add(new Row(
                "GET",
                dfe + "/learner/{uln}/{familyName}/{standard}",
                get(dfe + "/learner/" + uln + "/Matrix/795"),
                dfeOwnOnly));
        rows.add(new Row("POST", dfe + "/epa", send(dfe + "/epa", List.of(unknownLearner)), dfeBatch));
        rows.add(new Row("PUT", dfe + "/epa", send(dfe + "/epa", List.of(unknownLearner)), dfeBatch));
        rows.add(new Row(
                "DELETE",
                dfe + "/epa/{uln}/{familyName}/{standard}/{epaReference}",
                get(dfe + "/epa/1000000001/Nobody/795/99999999"),
                dfeRefused));
        rows.add(new Row(
                "GET",
                dfe + "/certificate/grades",
                get(dfe + "/certificate/grades"),
                "200 200 200 200 200 200 200 403 403 403 401"));
        rows.add(new Row(
                "GET",
                dfe + "/certificate/{uln}/{familyName}/{standard}",
                get(dfe + "/certificate/" + uln + "/Matrix/ST1398"),
                dfeOwnOnly));
        rows.add(new Row("POST", dfe + "/certificate", send(dfe + "/certificate", List.of(unknownLearner)), dfeBatch));
        rows.add(new Row("PUT", dfe + "/certificate", send(dfe + "/certificate", List.of(unknownLearner)), dfeBatch));
        rows.add(new Row(
                "POST",
                dfe + "/certificate/submit",
                send(
                        dfe + "/certificate/submit",
                        List.of(Map.of("uln", 1000000001L, "standardCode", 795, "certificateReference", "1"))),
                dfeBatch));
        rows.add(new Row(
                "DELETE",
                dfe + "/certificate/{uln}/{familyName}/{standard}/{certificateReference}",
                get(dfe + "/certificate/1000000001/Nobody/795/99999999"),
                dfeRefused));
        // Events (docs/events.md): every role but the apprentice reads its feed and manages its own subscriptions;
        // a subscription of nobody's answers 404 to everyone allowed (ownership: EventsHubTest).
        String events = "200 200 200 200 200 200 200 200 200 403 401";
        String noSuchWebhook = "404 404 404 404 404 404 404 404 404 403 401";
        String webhook = "/api/v1/webhooks/" + java.util.UUID.randomUUID();
        String delivery = webhook + "/deliveries/" + java.util.UUID.randomUUID();
        rows.add(new Row("GET", "/api/v1/events", get("/api/v1/events?limit=1"), events));
        rows.add(new Row("GET", "/api/v1/webhooks", get("/api/v1/webhooks"), events));
        rows.add(new Row(
                "POST",
                "/api/v1/webhooks",
                send(
                        "/api/v1/webhooks",
                        Map.of("url", "http://127.0.0.1:9/hook", "eventTypes", List.of("webhook.disabled"))),
                "201 201 201 201 201 201 201 201 201 403 401"));
        rows.add(new Row("GET", "/api/v1/webhooks/{id}", get(webhook), noSuchWebhook));
        rows.add(new Row("PATCH", "/api/v1/webhooks/{id}", send(webhook, Map.of()), noSuchWebhook));
        rows.add(new Row("DELETE", "/api/v1/webhooks/{id}", get(webhook), noSuchWebhook));
        rows.add(new Row("POST", "/api/v1/webhooks/{id}/ping", send(webhook + "/ping", Map.of()), noSuchWebhook));
        rows.add(new Row("GET", "/api/v1/webhooks/{id}/deliveries", get(webhook + "/deliveries"), noSuchWebhook));
        rows.add(new Row("GET", "/api/v1/webhooks/{id}/deliveries/{deliveryId}", get(delivery), noSuchWebhook));
        rows.add(new Row(
                "POST",
                "/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver",
                send(delivery + "/redeliver", Map.of()),
                noSuchWebhook));
        rows.add(new Row("GET", dfe + "/standards/options", get(dfe + "/standards/options"), anyRole));
        rows.add(new Row("GET", dfe + "/standards/options/{standard}", get(dfe + "/standards/options/6"), anyRole));
        rows.add(new Row(
                "GET",
                dfe + "/standards/options/{standard}/{version}",
                get(dfe + "/standards/options/ST0156/1.0"),
                anyRole));
        return rows;
    }

    @Test
    void everyOperationIsInTheMatrix() {
        fixture();
        Map<String, Object> paths = given().accept("application/json")
                .when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .path("paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, item) -> ((Map<String, Object>) item)
                .keySet().stream()
                        .filter(m ->
                                Set.of("get", "post", "put", "delete", "patch").contains(m))
                        .forEach(m -> documented.add(m.toUpperCase() + " " + path)));
        Set<String> inMatrix = new TreeSet<>();
        matrix().forEach(r -> inMatrix.add(r.method() + " " + r.template()));
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(inMatrix);
        Set<String> unknown = new TreeSet<>(inMatrix);
        unknown.removeAll(documented);
        assertTrue(missing.isEmpty(), "operations not in the access matrix: " + missing);
        assertTrue(unknown.isEmpty(), "matrix rows for operations that do not exist: " + unknown);
    }

    @Test
    void everyCallerGetsWhatTheRuleSays() {
        fixture();
        List<String> wrong = new ArrayList<>();
        for (Row row : matrix()) {
            String[] expected = row.expected().split(" ");
            assertEquals(Caller.values().length, expected.length, row.template());
            Map<Caller, Integer> actual = new LinkedHashMap<>();
            for (Caller caller : Caller.values()) {
                Call call = row.call().apply(caller);
                RequestSpecification request = given().contentType("application/json");
                String token = token(caller);
                if (token != null) {
                    request = request.auth().oauth2(token);
                }
                if (call.body() != null) {
                    request = request.body(call.body());
                }
                Response response = request.request(row.method(), call.path());
                actual.put(caller, response.statusCode());
                if (response.statusCode() != Integer.parseInt(expected[caller.ordinal()])) {
                    wrong.add(row.method() + " " + row.template() + " as " + caller + ": expected "
                            + expected[caller.ordinal()] + ", got " + response.statusCode() + " "
                            + abbreviate(response.asString()));
                }
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " cells differ:\n" + String.join("\n", wrong));
    }

    /** A 200 list is not a leak only if its items are the caller's: the fixture appears exactly for its owners. */
    @Test
    void listsHoldOnlyWhatTheCallerMaySee() {
        fixture();
        Set<Caller> owners = Set.of(
                Caller.ADMIN, Caller.REGULATOR, Caller.ASSESSOR_OWN, Caller.TUTOR_OWN, Caller.LMS, Caller.EMPLOYER_OWN);
        for (Caller caller : Caller.values()) {
            if (caller == Caller.APPRENTICE || caller == Caller.NONE) {
                continue;
            }
            List<String> assessments = given().auth()
                    .oauth2(token(caller))
                    .get("/api/v1/assessments?uln=" + uln)
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("items.id");
            assertEquals(owners.contains(caller), assessments.contains(assessmentId), "assessments as " + caller);
            if (caller != Caller.EMPLOYER_OWN && caller != Caller.EMPLOYER_OTHER) {
                List<String> certificates = given().auth()
                        .oauth2(token(caller))
                        .get("/api/v1/certificates?uln=" + uln)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("items.certificateReference");
                assertEquals(owners.contains(caller), certificates.contains(awarded), "certificates as " + caller);
            }
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }
}
