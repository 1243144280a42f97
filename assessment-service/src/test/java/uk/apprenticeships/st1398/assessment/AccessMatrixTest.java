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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.testing.Tokens;

/**
 * Every assessment-service operation × every kind of caller, against the rule: assessors and their organisation see
 * their own assessments; providers (tutors, the provider's LMS client) see outcomes of their apprentices; employers
 * of theirs; admins and the regulator reporting client everything they report; foreign records answer 404.
 * <p>
 * Complete by construction: the operations come from the service's own OpenAPI document, and the test fails if one
 * is missing from the matrix (or the matrix names one that does not exist). Each row is one operation; its columns
 * are the expected statuses for {@link Caller} in declaration order. Writes use bodies that succeed for an allowed
 * caller, so 200/201/204 means "allowed and done". Fixture: organisation EPA0881 (own) and EPA0882 (other), provider
 * 10008811 (own) / 10008812, employer EMP-881 (own) / EMP-882, ULNs 30000088xx.
 */
@QuarkusTest
@QuarkusTestResource(value = StandardsPlanStub.class, restrictToAnnotatedClass = false)
class AccessMatrixTest {

    enum Caller {
        ADMIN, REGULATOR, ASSESSOR_OWN, ASSESSOR_OTHER, TUTOR_OWN, TUTOR_OTHER, LMS, EMPLOYER_OWN, EMPLOYER_OTHER,
        APPRENTICE, NONE
    }

    private static final String OWN = "EPA0881";
    private static final String OTHER = "EPA0882";
    private static final String P = "10008811";
    private static final String E = "EMP-881";
    private static final String ULN = "3000008801";
    private static final String EPA_ULN = "3000008804";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final AtomicInteger FRESH = new AtomicInteger();

    /** Request to make: path (with query) and JSON body, or null for none. */
    record Call(String path, Object body) {
    }

    record Row(String method, String template, Function<Caller, Call> call, String expected) {
    }

    private static String assessmentId;
    private static String attemptId;
    private static String bookingId;
    private static String assessorId;
    private static String awarded;
    private static String draft;

    static String token(Caller caller) {
        return switch (caller) {
            case ADMIN -> Tokens.admin();
            case REGULATOR -> Tokens.token("service-account-regulator-reporting", "regulator");
            case ASSESSOR_OWN -> Tokens.token("am0881", Set.of("assessor"), Map.of("epao_id", OWN));
            case ASSESSOR_OTHER -> Tokens.token("an0882", Set.of("assessor"), Map.of("epao_id", OTHER));
            case TUTOR_OWN -> Tokens.tutor(P);
            case TUTOR_OTHER -> Tokens.tutor("10008812");
            case LMS -> Tokens.token("service-account-lms-integration", Set.of("lms-integration"),
                    Map.of("provider_ukprn", P));
            case EMPLOYER_OWN -> Tokens.employer(E);
            case EMPLOYER_OTHER -> Tokens.employer("EMP-882");
            case APPRENTICE -> Tokens.apprentice(ULN, P, E);
            case NONE -> null;
        };
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(Tokens.admin()).contentType("application/json");
    }

    private static String fresh() {
        return String.format("%02d", FRESH.incrementAndGet());
    }

    /** The fixture, created once through the API. */
    private static synchronized void fixture() {
        if (assessmentId != null) {
            return;
        }
        for (String epaoId : List.of(OWN, OTHER)) {
            admin().body(Map.of("epaoId", epaoId, "name", "Matrix " + epaoId)).post("/api/v1/assessment-organisations")
                    .then().statusCode(201);
        }
        assessorId = admin().body(Map.of("userId", "am0881-subject", "name", "Matrix assessor"))
                .post("/api/v1/assessment-organisations/" + OWN + "/assessors").then().statusCode(201).extract()
                .path("id");
        assessmentId = register(ULN);
        admin().body(Map.of("assessorId", assessorId)).put("/api/v1/assessments/" + assessmentId + "/assessor").then()
                .statusCode(200);
        attemptId = given().auth().oauth2(token(Caller.ASSESSOR_OWN)).contentType("application/json")
                .body(Map.of("methodCode", "M1", "kind", "first", "date", TODAY.minusDays(2).toString(), "grade",
                        "Pass", "reason", "Graded")).post("/api/v1/assessments/" + assessmentId + "/attempts").then()
                .statusCode(201).extract().path("id");
        bookingId = bookM2();
        register(EPA_ULN);
        awarded = certificate(ULN, "c1");
        given().auth().oauth2(token(Caller.ASSESSOR_OWN)).contentType("application/json")
                .body(List.of(Map.of("requestId", "s", "certificateReference", awarded))).post("/api/v1/certificates/submit")
                .then().statusCode(200);
        admin().body(Map.of("status", "Approved")).post("/api/v1/certificates/" + awarded + "/status").then()
                .statusCode(200);
        draft = certificate("3000008802", "c2");
    }

    /** A fresh open first booking of M2 (which has no attempt while the booking rows run), any open one cancelled. */
    private static String bookM2() {
        cancelM2();
        return admin().body(bookingBody()).post("/api/v1/assessments/" + assessmentId + "/bookings").then()
                .statusCode(201).extract().path("id");
    }

    /** Cancels M2's open booking, if any. */
    private static void cancelM2() {
        String bookings = "/api/v1/assessments/" + assessmentId + "/bookings";
        List<String> open = admin().get(bookings + "?methodCode=M2&status=booked").then().statusCode(200).extract()
                .path("items.id");
        open.forEach(id -> admin().body(Map.of("reason", "Matrix rebooking")).post(bookings + "/" + id
                + "/cancellation").then().statusCode(200));
    }

    private static Map<String, Object> bookingBody() {
        return Map.of("methodCode", "M2", "kind", "first", "date", TODAY.plusDays(1).toString());
    }

    private static String register(String uln) {
        return admin().body(Map.of("uln", uln, "familyName", "Matrix", "standardVersion", "ST1398_1.0",
                "providerUkprn", P, "employerId", E, "epaoId", OWN, "gatewayDate", TODAY.minusDays(30).toString()))
                .post("/api/v1/assessments").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> certificateBody(String uln, String requestId) {
        Map<String, Object> body = CertificateResourceTest.certificate(requestId, uln, "Pass");
        @SuppressWarnings("unchecked")
        Map<String, Object> details = new HashMap<>((Map<String, Object>) body.get("learningDetails"));
        details.put("providerUkprn", P);
        body.put("learningDetails", details);
        body.put("epaoId", OWN);
        return body;
    }

    private static String certificate(String uln, String requestId) {
        return given().auth().oauth2(token(Caller.ASSESSOR_OWN)).contentType("application/json")
                .body(List.of(certificateBody(uln, requestId))).post("/api/v1/certificates").then().statusCode(200)
                .extract().path("[0].certificate.certificateReference");
    }

    /** The EPA record of the EPA learner, created again if a previous row deleted it. */
    private static String epaReference() {
        String reference = admin().get("/api/v1/learner/" + EPA_ULN + "/Matrix/ST1398").then().statusCode(200)
                .extract().path("epaDetails.epaReference");
        if (reference != null) {
            return reference;
        }
        return admin().body(List.of(epaItem("e", null))).post("/api/v1/epa").then().statusCode(200)
                .extract().path("[0].epaReference");
    }

    private static Map<String, Object> epaItem(String requestId, String reference) {
        Map<String, Object> details = new HashMap<>(Map.of("epas", List.of(Map.of("epaDate",
                TODAY.minusDays(1).toString(), "epaOutcome", "Fail"))));
        if (reference != null) {
            details.put("epaReference", reference);
        }
        return Map.of("requestId", requestId, "standard", "ST1398", "uln", EPA_ULN, "familyName", "matrix",
                "epaDetails", details);
    }

    private static Function<Caller, Call> get(String path) {
        return c -> new Call(path, null);
    }

    private static Function<Caller, Call> send(String path, Object body) {
        return c -> new Call(path, body);
    }

    static List<Row> matrix() {
        String orgs = "/api/v1/assessment-organisations";
        String assessors = orgs + "/" + OWN + "/assessors";
        String conflicts = assessors + "/" + assessorId + "/conflicts";
        String one = "/api/v1/assessments/" + assessmentId;
        String certificates = "/api/v1/certificates";
        String period = "?from=" + TODAY.minusDays(60) + "&to=" + TODAY;
        String learner = "/api/v1/learner/" + ULN + "/matrix/ST1398";
        // ADMIN REGULATOR ASSESSOR_OWN ASSESSOR_OTHER TUTOR_OWN TUTOR_OTHER LMS EMPLOYER_OWN EMPLOYER_OTHER APPRENTICE NONE
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
        rows.add(new Row("POST", "/api/v1/assessment-organisations",
                c -> new Call(orgs, Map.of("epaoId", "EPA09" + fresh(), "name", "Fresh")), adminOnly201));
        rows.add(new Row("GET", "/api/v1/assessment-organisations/{epaoId}", get(orgs + "/" + OWN), anyRole));
        rows.add(new Row("PUT", "/api/v1/assessment-organisations/{epaoId}",
                send(orgs + "/" + OWN, Map.of("epaoId", OWN, "name", "Matrix " + OWN)),
                "200 403 403 403 403 403 403 403 403 403 401"));
        // Assessors and conflicts of interest.
        rows.add(new Row("GET", "/api/v1/assessment-organisations/{epaoId}/assessors", get(assessors),
                organisationRead));
        rows.add(new Row("POST", "/api/v1/assessment-organisations/{epaoId}/assessors",
                c -> new Call(assessors, Map.of("userId", "matrix-" + fresh(), "name", "Fresh")), adminOnly201));
        rows.add(new Row("POST", "/api/v1/assessment-organisations/{epaoId}/assessors/{assessorId}/conflicts",
                c -> new Call(conflicts, Map.of("providerUkprn", "100089" + fresh())),
                "201 403 201 404 403 403 403 403 403 403 401"));
        rows.add(new Row("DELETE",
                "/api/v1/assessment-organisations/{epaoId}/assessors/{assessorId}/conflicts/{kind}/{value}", c -> {
                    String ukprn = "100089" + fresh();
                    admin().body(Map.of("providerUkprn", ukprn)).post(conflicts).then().statusCode(201);
                    return new Call(conflicts + "/providers/" + ukprn, null);
                }, "204 403 403 403 403 403 403 403 403 403 401"));
        rows.add(new Row("GET",
                "/api/v1/assessment-organisations/{epaoId}/assessors/{assessorId}/conflicts/history",
                get(conflicts + "/history"), organisationRead));
        // Assessments, attempts and results.
        rows.add(new Row("GET", "/api/v1/assessments", get("/api/v1/assessments"), anyRole));
        rows.add(new Row("POST", "/api/v1/assessments", c -> new Call("/api/v1/assessments", Map.of("uln",
                "30000089" + fresh(), "familyName", "Fresh", "standardVersion", "ST1398_1.0", "providerUkprn", P,
                "employerId", E, "epaoId", OWN, "gatewayDate", TODAY.minusDays(10).toString())),
                "201 403 201 403 403 403 403 403 403 403 401"));
        rows.add(new Row("GET", "/api/v1/assessments/{id}", get(one), read));
        rows.add(new Row("PUT", "/api/v1/assessments/{id}/assessor",
                send(one + "/assessor", Map.of("assessorId", assessorId)), ownOrganisation));
        // Bookings, before the attempts rows record M2's first attempt: every allowed booking and cancellation
        // starts from a fresh open booking of M2 (at most one is open per method).
        String bookings = one + "/bookings";
        String organisationWrite201 = "201 403 201 404 403 403 403 403 403 403 401";
        rows.add(new Row("GET", "/api/v1/assessments/{id}/bookings", get(bookings), read));
        rows.add(new Row("POST", "/api/v1/assessments/{id}/bookings", c -> {
            cancelM2();
            return new Call(bookings, bookingBody());
        }, organisationWrite201));
        rows.add(new Row("GET", "/api/v1/assessments/{id}/bookings/{bookingId}", get(bookings + "/" + bookingId),
                read));
        rows.add(new Row("POST", "/api/v1/assessments/{id}/bookings/{bookingId}/cancellation",
                c -> new Call(bookings + "/" + bookM2() + "/cancellation", Map.of("reason", "Matrix")),
                organisationWrite201.replace("201", "200")));
        rows.add(new Row("GET", "/api/v1/assessments/{id}/attempts", get(one + "/attempts"), read));
        rows.add(new Row("POST", "/api/v1/assessments/{id}/attempts", send(one + "/attempts", Map.of("methodCode",
                "M2", "kind", "first", "date", TODAY.minusDays(1).toString(), "grade", "Pass", "reason", "Graded")),
                assignedAssessor201));
        rows.add(new Row("GET", "/api/v1/assessments/{id}/attempts/{attemptId}",
                get(one + "/attempts/" + attemptId), read));
        rows.add(new Row("POST", "/api/v1/assessments/{id}/attempts/{attemptId}/corrections",
                send(one + "/attempts/" + attemptId + "/corrections", Map.of("date", TODAY.minusDays(1).toString(),
                        "grade", "Distinction", "reason", "Re-marked")), assignedAssessor201));
        rows.add(new Row("GET", "/api/v1/assessments/{id}/result", get(one + "/result"), read));
        // Gateway to completion. The matrix's assessment has no evidence-service link (callers who pass the role and
        // tenant checks, the own employer included, meet 422 no-apprentice-link on readiness; GatewayResourceTest has
        // employers reading it through evidence-service's employer view) and has passed its gateway already, so
        // waivers, declarations and submissions that pass the role and tenant checks meet 409; there is no
        // submission to decide.
        String gateway = one + "/gateway";
        rows.add(new Row("GET", "/api/v1/assessments/{id}/gateway/readiness", get(gateway + "/readiness"),
                "422 422 422 404 422 404 422 422 404 403 401"));
        rows.add(new Row("GET", "/api/v1/assessments/{id}/gateway/waivers", get(gateway + "/waivers"), read));
        rows.add(new Row("POST", "/api/v1/assessments/{id}/gateway/waivers", send(gateway + "/waivers",
                Map.of("item", "project-scope-sign-off", "reason", "Matrix")), "409 403 409 404 403 403 403 403 403 403 401"));
        rows.add(new Row("GET", "/api/v1/assessments/{id}/gateway/declarations", get(gateway + "/declarations"), read));
        rows.add(new Row("POST", "/api/v1/assessments/{id}/gateway/declarations", send(gateway + "/declarations",
                Map.of("item", "employer-confirmation", "declaredBy", "Matrix Employer", "declaredOn",
                        TODAY.minusDays(1).toString())), "409 403 403 403 409 404 409 409 404 403 401"));
        rows.add(new Row("GET", "/api/v1/assessments/{id}/gateway/submissions", get(gateway + "/submissions"), read));
        rows.add(new Row("POST", "/api/v1/assessments/{id}/gateway/submissions",
                send(gateway + "/submissions", Map.of()), "409 403 403 403 409 404 409 403 403 403 401"));
        rows.add(new Row("POST", "/api/v1/assessments/{id}/gateway/submissions/{attempt}/components/{item}/decision",
                send(gateway + "/submissions/1/components/coverage/decision", Map.of("decision", "accepted")),
                "404 403 404 404 403 403 403 403 403 403 401"));
        // Certificates: employers hold no certificate records (a certificate names no employer).
        rows.add(new Row("POST", "/api/v1/certificates",
                c -> new Call(certificates, List.of(certificateBody("30000088" + (50 + FRESH.incrementAndGet()),
                        "n"))), batch));
        rows.add(new Row("PUT", "/api/v1/certificates", c -> {
            Map<String, Object> body = certificateBody("3000008802", "a");
            body.put("certificateReference", draft);
            return new Call(certificates, List.of(body));
        }, batch));
        rows.add(new Row("GET", "/api/v1/certificates", get(certificates), readNoEmployer.replace("404", "200")));
        rows.add(new Row("POST", "/api/v1/certificates/submit", send(certificates + "/submit",
                List.of(Map.of("requestId", "s", "certificateReference", "99999999"))), batch));
        rows.add(new Row("GET", "/api/v1/certificates/grades", get(certificates + "/grades"),
                readNoEmployer.replace("404", "200")));
        rows.add(new Row("GET", "/api/v1/certificates/.well-known/jwks.json",
                get(certificates + "/.well-known/jwks.json"), "200 200 200 200 200 200 200 200 200 200 200"));
        rows.add(new Row("GET", "/api/v1/certificates/{certificateReference}", get(certificates + "/" + awarded),
                readNoEmployer));
        rows.add(new Row("PUT", "/api/v1/certificates/{certificateReference}",
                send(certificates + "/" + draft, certificateBody("3000008802", "a")), ownOrganisation));
        rows.add(new Row("POST", "/api/v1/certificates/{certificateReference}/status",
                c -> new Call(certificates + "/" + draft + "/status",
                        Map.of("status", c == Caller.ADMIN ? "Ready" : "Draft")), ownOrganisation));
        rows.add(new Row("GET", "/api/v1/certificates/{certificateReference}/credential",
                get(certificates + "/" + awarded + "/credential"), readNoEmployer));
        // Reports: the Ofqual returns are the organisation's; cohort statistics are the dashboards'.
        rows.add(new Row("GET", "/api/v1/reports/epa-outcomes",
                get("/api/v1/reports/epa-outcomes" + period + "&epaoId=" + OWN), organisationRead));
        rows.add(new Row("GET", "/api/v1/reports/epa-registrations",
                get("/api/v1/reports/epa-registrations" + period + "&epaoId=" + OWN), organisationRead));
        rows.add(new Row("GET", "/api/v1/reports/cohort-statistics",
                get("/api/v1/reports/cohort-statistics" + period + "&providerUkprn=" + P),
                "200 200 200 200 200 404 200 200 200 403 401"));
        // DfE-shaped learner and EPA records.
        rows.add(new Row("GET", "/api/v1/learner/{uln}/{familyName}/{standard}", get(learner), read));
        rows.add(new Row("POST", "/api/v1/epa", send("/api/v1/epa", List.of(epaItem("p", null))), batch));
        rows.add(new Row("PUT", "/api/v1/epa", c -> new Call("/api/v1/epa", List.of(epaItem("u", epaReference()))),
                batch));
        rows.add(new Row("DELETE", "/api/v1/epa/{uln}/{familyName}/{standard}/{epaReference}",
                c -> new Call("/api/v1/epa/" + EPA_ULN + "/Matrix/ST1398/" + epaReference(), null),
                "204 403 204 404 403 403 403 403 403 403 401"));
        return rows;
    }

    @Test
    void everyOperationIsInTheMatrix() {
        fixture();
        Map<String, Object> paths = given().accept("application/json").when().get("/q/openapi?format=json").then()
                .statusCode(200).extract().path("paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, item) -> ((Map<String, Object>) item).keySet().stream()
                .filter(m -> Set.of("get", "post", "put", "delete", "patch").contains(m))
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
        Set<Caller> owners = Set.of(Caller.ADMIN, Caller.REGULATOR, Caller.ASSESSOR_OWN, Caller.TUTOR_OWN, Caller.LMS,
                Caller.EMPLOYER_OWN);
        for (Caller caller : Caller.values()) {
            if (caller == Caller.APPRENTICE || caller == Caller.NONE) {
                continue;
            }
            List<String> assessments = given().auth().oauth2(token(caller)).get("/api/v1/assessments?uln=" + ULN)
                    .then().statusCode(200).extract().path("items.id");
            assertEquals(owners.contains(caller), assessments.contains(assessmentId), "assessments as " + caller);
            if (caller != Caller.EMPLOYER_OWN && caller != Caller.EMPLOYER_OTHER) {
                List<String> certificates = given().auth().oauth2(token(caller)).get("/api/v1/certificates?uln=" + ULN)
                        .then().statusCode(200).extract().path("items.certificateReference");
                assertEquals(owners.contains(caller), certificates.contains(awarded), "certificates as " + caller);
            }
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }
}
