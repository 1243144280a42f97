package uk.apprenticeships.st1398.evidence;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/**
 * Who sees what, endpoint by endpoint: every operation of the service's own OpenAPI document × every kind of
 * caller, with the status each must get. Complete by construction: an operation in the OpenAPI document without a
 * row here fails the test. A caller expected to succeed gets a fresh set of records (so writes cannot disturb one
 * another); every refused call goes to one shared set, which must be unchanged at the end.
 * Providers, employers, assessment organisations and ULNs (own and other) come from {@link TestIds}.
 */
@QuarkusTest
@QuarkusTestResource(value = StandardsServiceStub.class, restrictToAnnotatedClass = false)
class AccessMatrixTest {

    enum Caller {
        APPRENTICE_OWN,
        APPRENTICE_OTHER,
        TUTOR_OWN,
        TUTOR_OTHER,
        LMS_OWN,
        EMPLOYER_OWN,
        EMPLOYER_OTHER,
        ASSESSOR_ASSIGNED,
        ASSESSOR_UNASSIGNED,
        ADMIN,
        NO_TOKEN
    }

    static final String UKPRN = TestIds.ukprn();
    static final String OTHER_UKPRN = TestIds.ukprn();
    static final String EMPLOYER = TestIds.employerId();
    static final String OTHER_EMPLOYER = TestIds.employerId();
    static final String EPAO = TestIds.epaoId();
    static final String OTHER_EPAO = TestIds.epaoId();
    static final String OTHER_ULN = TestIds.uln();

    /** One apprentice with one of everything. */
    record Fixture(String uln, String apprentice, String evidence, String confirmable, String entry, String review) {

        String base() {
            return "/api/v1/apprentices/" + apprentice;
        }
    }

    /** How to call an operation for a caller on a fixture. */
    interface Call {
        Response send(RequestSpecification request, Fixture f, Caller c);
    }

    record Operation(String key, Map<Caller, Integer> expected, Call call) {}

    static String token(Caller c, Fixture f) {
        return switch (c) {
            case APPRENTICE_OWN -> Tokens.apprentice(f.uln(), UKPRN, EMPLOYER);
            case APPRENTICE_OTHER -> Tokens.apprentice(OTHER_ULN, UKPRN, EMPLOYER);
            case TUTOR_OWN -> Tokens.tutor(UKPRN);
            case TUTOR_OTHER -> Tokens.tutor(OTHER_UKPRN);
            case LMS_OWN -> Tokens.token("lms-" + UKPRN, Set.of("lms-integration"), Map.of("provider_ukprn", UKPRN));
            case EMPLOYER_OWN -> Tokens.employer(EMPLOYER);
            case EMPLOYER_OTHER -> Tokens.employer(OTHER_EMPLOYER);
            case ASSESSOR_ASSIGNED -> Tokens.assessor(EPAO);
            case ASSESSOR_UNASSIGNED -> Tokens.assessor(OTHER_EPAO);
            case ADMIN -> Tokens.admin();
            case NO_TOKEN -> null;
        };
    }

    static Map<String, Object> enrolment(String uln) {
        return new HashMap<>(Map.of(
                "uln",
                uln,
                "givenName",
                "Ada",
                "familyName",
                "Zulu-Matrix",
                "dateOfBirth",
                "2001-12-10",
                "providerUkprn",
                UKPRN,
                "employerId",
                EMPLOYER,
                "standardVersion",
                "ST1398_1.0",
                "startDate",
                "2025-09-01",
                "plannedEndDate",
                "2027-09-01",
                "assessmentOrganisationId",
                EPAO));
    }

    static Fixture fixture() {
        String admin = Tokens.admin();
        String tutor = Tokens.tutor(UKPRN);
        String uln = TestIds.uln();
        String a = given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(enrolment(uln))
                .when()
                .post("/api/v1/apprentices")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String base = "/api/v1/apprentices/" + a;
        // A file item whose revision 1 (with a file, confirmed and accepted) was superseded by a draft revision 2.
        String evidence = EvidenceResourceTest.create(
                tutor,
                a,
                new HashMap<>(Map.of(
                        "kind",
                        "file",
                        "title",
                        "Design",
                        "ksbCodes",
                        List.of("K1"),
                        "employerConfirmationRequired",
                        true)));
        EvidenceFileTest.upload(tutor, a, evidence, "text/plain", "v1".getBytes(StandardCharsets.UTF_8), "v1.txt")
                .statusCode(200);
        EvidenceResourceTest.step(tutor, a, evidence, "submit", null).statusCode(200);
        EvidenceResourceTest.step(Tokens.employer(EMPLOYER), a, evidence, "confirm", null)
                .statusCode(200);
        EvidenceResourceTest.step(tutor, a, evidence, "accept", null).statusCode(200);
        EvidenceFileTest.upload(tutor, a, evidence, "text/plain", "v2".getBytes(StandardCharsets.UTF_8), "v2.txt")
                .statusCode(200);
        // A submitted item waiting for the employer's confirmation.
        String confirmable = EvidenceResourceTest.create(
                tutor,
                a,
                EvidenceResourceTest.with(EvidenceResourceTest.reflection("K2"), "employerConfirmationRequired", true));
        EvidenceResourceTest.step(tutor, a, confirmable, "submit", null).statusCode(200);
        String entry = OffTheJobResourceTest.create(tutor, a, OffTheJobResourceTest.entry("2025-10-06", 2));
        String review = ProgressReviewResourceTest.create(tutor, a, ProgressReviewResourceTest.review("2025-12-01"));
        assertTrue(base.endsWith(a));
        return new Fixture(uln, a, evidence, confirmable, entry, review);
    }

    /** Everything the fixture holds, as the admin sees it. */
    static String snapshot(Fixture f) {
        StringBuilder all = new StringBuilder();
        for (String part : List.of(
                "",
                "/evidence?size=100",
                "/off-the-job?size=100",
                "/reviews?size=100",
                "/evidence/" + f.evidence() + "/revisions/1")) {
            all.append(given().auth()
                    .oauth2(Tokens.admin())
                    .when()
                    .get(f.base() + part)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
        }
        return all.toString();
    }

    // ------------------------------------------------------------------------------------------ expectations

    /** Reads of one apprentice's records: their own apprentice, provider, employer, assigned assessor, admin. */
    static Map<Caller, Integer> read(boolean employers) {
        return expect(200, 404, 200, 404, 200, employers ? 200 : 403, employers ? 404 : 403, 200, 404, 200);
    }

    /** Writes by the apprentice or their provider (tutor, LMS client) or an admin. */
    static Map<Caller, Integer> apprenticeOrProviderWrite(int ok) {
        return expect(ok, 404, ok, 404, ok, 403, 403, 403, 403, ok);
    }

    /** Writes by a tutor of the provider or an admin only. */
    static Map<Caller, Integer> tutorWrite(int ok) {
        return expect(403, 403, ok, 404, 403, 403, 403, 403, 403, ok);
    }

    /** In Caller order, without NO_TOKEN (always 401). */
    static Map<Caller, Integer> expect(int... statuses) {
        Map<Caller, Integer> m = new EnumMap<>(Caller.class);
        for (int i = 0; i < statuses.length; i++) {
            m.put(Caller.values()[i], statuses[i]);
        }
        m.put(Caller.NO_TOKEN, 401);
        return m;
    }

    /** The fixture's provider in the register (idempotent). */
    static void registerProvider() {
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(Map.of("name", "Matrix Provider"))
                .put("/api/v1/providers/" + UKPRN)
                .then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    static List<Operation> operations() {
        List<Operation> ops = new ArrayList<>();
        String apprentices = "/api/v1/apprentices";
        String one = apprentices + "/{id}";
        String evidence = one + "/evidence";
        String item = evidence + "/{evidenceId}";
        String otj = one + "/off-the-job";
        String entry = otj + "/{entryId}";
        String reviews = one + "/reviews";
        String review = reviews + "/{reviewId}";

        ops.add(new Operation(
                "GET " + apprentices,
                expect(200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
                (r, f, c) -> r.get(apprentices)));
        // Another provider's tutor names a provider not theirs in the body: a validation problem.
        ops.add(new Operation(
                "POST " + apprentices,
                expect(403, 403, 201, 400, 201, 403, 403, 403, 403, 201),
                (r, f, c) -> r.contentType("application/json")
                        .body(enrolment(TestIds.uln()))
                        .post(apprentices)));
        ops.add(new Operation("GET " + one, read(true), (r, f, c) -> r.get(f.base())));
        ops.add(new Operation(
                "PUT " + one + "/programme",
                expect(403, 403, 200, 404, 200, 403, 403, 403, 403, 200),
                (r, f, c) -> r.contentType("application/json")
                        .body(Map.of("assessmentOrganisationId", EPAO))
                        .put(f.base() + "/programme")));
        ops.add(new Operation(
                "PUT " + one + "/identifiers",
                expect(403, 403, 200, 404, 200, 403, 403, 403, 403, 200),
                (r, f, c) -> r.contentType("application/json").body(Map.of()).put(f.base() + "/identifiers")));
        // The provider register: admins write; admins and assessors read any; a provider's users their own.
        ops.add(new Operation(
                "GET /api/v1/providers",
                expect(403, 403, 403, 403, 403, 403, 403, 200, 200, 200),
                (r, f, c) -> r.get("/api/v1/providers")));
        ops.add(new Operation(
                "GET /api/v1/providers/{ukprn}",
                expect(200, 200, 200, 404, 200, 403, 403, 200, 200, 200),
                (r, f, c) -> {
                    registerProvider();
                    return r.get("/api/v1/providers/" + UKPRN);
                }));
        ops.add(new Operation(
                "PUT /api/v1/providers/{ukprn}",
                expect(403, 403, 403, 403, 403, 403, 403, 403, 403, 200),
                (r, f, c) -> {
                    registerProvider();
                    return r.contentType("application/json")
                            .body(Map.of("name", "Matrix Provider"))
                            .put("/api/v1/providers/" + UKPRN);
                }));
        ops.add(new Operation(
                "POST " + one + "/status",
                tutorWrite(200),
                (r, f, c) -> r.contentType("application/json")
                        .body(Map.of("status", "break-in-learning", "reason", "Matrix", "effectiveDate", "2026-01-05"))
                        .post(f.base() + "/status")));
        // Governance: the audit trail for the provider's tutors, the subject-access archive also for the apprentice,
        // erasure for admins only (the matrix's apprentices are active, so retention refuses it: 409).
        ops.add(new Operation(
                "GET " + one + "/audit-events",
                expect(403, 403, 200, 404, 403, 403, 403, 403, 403, 200),
                (r, f, c) -> r.get(f.base() + "/audit-events")));
        ops.add(new Operation(
                "GET " + one + "/subject-access-export",
                expect(200, 404, 200, 404, 403, 403, 403, 403, 403, 200),
                (r, f, c) -> r.get(f.base() + "/subject-access-export")));
        ops.add(new Operation(
                "POST " + one + "/erasure",
                expect(403, 403, 403, 403, 403, 403, 403, 403, 403, 409),
                (r, f, c) -> r.contentType("application/json")
                        .body(Map.of("reason", "Matrix"))
                        .post(f.base() + "/erasure")));
        // Employers read coverage and the off-the-job summary for their apprentices' gateway readiness.
        ops.add(new Operation("GET " + one + "/coverage", read(true), (r, f, c) -> r.get(f.base() + "/coverage")));
        ops.add(new Operation(
                "GET /api/v1/providers/{ukprn}/coverage",
                expect(403, 403, 200, 404, 200, 403, 403, 403, 403, 200),
                (r, f, c) -> r.get("/api/v1/providers/" + UKPRN + "/coverage?standardVersion=ST1398_1.0")));
        // The provider-wide lists behind the dashboard: the provider's tutors and LMS client, and admins.
        ops.add(new Operation(
                "GET /api/v1/providers/{ukprn}/off-the-job-summaries",
                expect(403, 403, 200, 404, 200, 403, 403, 403, 403, 200),
                (r, f, c) -> r.get("/api/v1/providers/" + UKPRN + "/off-the-job-summaries")));
        ops.add(new Operation(
                "GET /api/v1/providers/{ukprn}/evidence",
                expect(403, 403, 200, 404, 200, 403, 403, 403, 403, 200),
                (r, f, c) -> r.get("/api/v1/providers/" + UKPRN + "/evidence?status=submitted")));

        ops.add(new Operation("GET " + evidence, read(true), (r, f, c) -> r.get(f.base() + "/evidence")));
        ops.add(new Operation(
                "POST " + evidence,
                apprenticeOrProviderWrite(201),
                (r, f, c) -> r.contentType("application/json")
                        .body(EvidenceResourceTest.reflection("K1"))
                        .post(f.base() + "/evidence")));
        ops.add(new Operation("GET " + item, read(true), (r, f, c) -> r.get(f.base() + "/evidence/" + f.evidence())));
        ops.add(new Operation(
                "PUT " + item,
                apprenticeOrProviderWrite(200),
                (r, f, c) -> r.contentType("application/json")
                        .body(Map.of(
                                "kind",
                                "file",
                                "title",
                                "Design 2",
                                "ksbCodes",
                                List.of("K1"),
                                "employerConfirmationRequired",
                                true))
                        .put(f.base() + "/evidence/" + f.evidence())));
        // The employer confirms the submitted item; everyone else submits the draft.
        ops.add(new Operation(
                "POST " + item + "/workflow",
                expect(200, 404, 200, 404, 403, 200, 404, 403, 403, 200),
                (r, f, c) -> c == Caller.EMPLOYER_OWN || c == Caller.EMPLOYER_OTHER
                        ? r.contentType("application/json")
                                .body(Map.of("action", "confirm"))
                                .post(f.base() + "/evidence/" + f.confirmable() + "/workflow")
                        : r.contentType("application/json")
                                .body(Map.of("action", "submit"))
                                .post(f.base() + "/evidence/" + f.evidence() + "/workflow")));
        ops.add(new Operation(
                "GET " + item + "/revisions/{revision}",
                read(true),
                (r, f, c) -> r.get(f.base() + "/evidence/" + f.evidence() + "/revisions/1")));
        ops.add(new Operation(
                "GET " + item + "/revisions/{revision}/file",
                read(true),
                (r, f, c) -> r.get(f.base() + "/evidence/" + f.evidence() + "/revisions/1/file")));
        ops.add(new Operation(
                "GET " + item + "/file",
                read(true),
                (r, f, c) -> r.get(f.base() + "/evidence/" + f.evidence() + "/file")));
        ops.add(new Operation(
                "PUT " + item + "/file",
                apprenticeOrProviderWrite(200),
                (r, f, c) -> r.contentType("text/plain")
                        .queryParam("filename", "m.txt")
                        .body("matrix".getBytes(StandardCharsets.UTF_8))
                        .put(f.base() + "/evidence/" + f.evidence() + "/file")));

        ops.add(new Operation("GET " + otj, read(false), (r, f, c) -> r.get(f.base() + "/off-the-job")));
        ops.add(new Operation(
                "POST " + otj,
                apprenticeOrProviderWrite(201),
                (r, f, c) -> r.contentType("application/json")
                        .body(OffTheJobResourceTest.entry("2025-10-13", 2))
                        .post(f.base() + "/off-the-job")));
        ops.add(new Operation(
                "GET " + otj + "/summary", read(true), (r, f, c) -> r.get(f.base() + "/off-the-job/summary")));
        ops.add(new Operation("GET " + entry, read(false), (r, f, c) -> r.get(f.base() + "/off-the-job/" + f.entry())));
        ops.add(new Operation(
                "PUT " + entry,
                apprenticeOrProviderWrite(200),
                (r, f, c) -> r.contentType("application/json")
                        .body(OffTheJobResourceTest.entry("2025-10-06", 3))
                        .put(f.base() + "/off-the-job/" + f.entry())));
        ops.add(new Operation(
                "DELETE " + entry,
                apprenticeOrProviderWrite(204),
                (r, f, c) -> r.delete(f.base() + "/off-the-job/" + f.entry())));
        ops.add(new Operation(
                "POST " + entry + "/approve",
                tutorWrite(200),
                (r, f, c) -> r.post(f.base() + "/off-the-job/" + f.entry() + "/approve")));
        ops.add(new Operation(
                "POST " + entry + "/reject",
                tutorWrite(200),
                (r, f, c) -> r.contentType("application/json")
                        .body(Map.of("reason", "Not training"))
                        .post(f.base() + "/off-the-job/" + f.entry() + "/reject")));

        ops.add(new Operation("GET " + reviews, read(true), (r, f, c) -> r.get(f.base() + "/reviews")));
        ops.add(new Operation(
                "POST " + reviews,
                tutorWrite(201),
                (r, f, c) -> r.contentType("application/json")
                        .body(ProgressReviewResourceTest.review("2025-12-08"))
                        .post(f.base() + "/reviews")));
        ops.add(new Operation("GET " + review, read(true), (r, f, c) -> r.get(f.base() + "/reviews/" + f.review())));
        ops.add(new Operation(
                "PUT " + review,
                tutorWrite(200),
                (r, f, c) -> r.contentType("application/json")
                        .body(ProgressReviewResourceTest.review("2025-12-02"))
                        .put(f.base() + "/reviews/" + f.review())));
        // Each party signs for themself; admins and LMS clients are no party.
        ops.add(new Operation(
                "POST " + review + "/sign-off",
                expect(200, 404, 200, 404, 403, 200, 404, 403, 403, 403),
                (r, f, c) -> r.contentType("application/json")
                        .body(Map.of(
                                "party",
                                switch (c) {
                                    case APPRENTICE_OWN, APPRENTICE_OTHER -> "apprentice";
                                    case EMPLOYER_OWN, EMPLOYER_OTHER -> "employer";
                                    default -> "provider";
                                }))
                        .post(f.base() + "/reviews/" + f.review() + "/sign-off")));
        xapi(ops);
        return ops;
    }

    /** The LRS (bearer tokens here; LMS credentials in XapiStatementResourceTest) and its credentials. */
    static void xapi(List<Operation> ops) {
        String credentials = "/api/v1/xapi-credentials";
        ops.add(new Operation(
                "POST " + credentials,
                expect(403, 403, 201, 201, 403, 403, 403, 403, 403, 201),
                (r, f, c) -> r.contentType("application/json")
                        .body(c == Caller.ADMIN ? Map.of("name", "LMS", "providerUkprn", UKPRN) : Map.of("name", "LMS"))
                        .post(credentials)));
        ops.add(new Operation(
                "GET " + credentials,
                expect(403, 403, 200, 404, 403, 403, 403, 403, 403, 200),
                (r, f, c) -> r.queryParam("providerUkprn", UKPRN).get(credentials)));
        ops.add(new Operation(
                "DELETE " + credentials + "/{key}",
                expect(403, 403, 204, 404, 403, 403, 403, 403, 403, 204),
                (r, f, c) -> r.delete(
                        credentials + "/" + XapiStatementResourceTest.lms(UKPRN).key())));
        String version = "X-Experience-API-Version";
        ops.add(new Operation(
                "GET /xapi/statements",
                expect(403, 403, 200, 200, 200, 403, 403, 403, 403, 200),
                (r, f, c) -> r.header(version, "2.0.0").get("/xapi/statements")));
        ops.add(new Operation(
                "POST /xapi/statements",
                expect(403, 403, 403, 403, 200, 403, 403, 403, 403, 403),
                (r, f, c) -> r.header(version, "2.0.0")
                        .contentType("application/json")
                        .body(XapiStatementResourceTest.statement())
                        .post("/xapi/statements")));
        ops.add(new Operation(
                "PUT /xapi/statements",
                expect(403, 403, 403, 403, 204, 403, 403, 403, 403, 403),
                (r, f, c) -> r.header(version, "2.0.0")
                        .contentType("application/json")
                        .queryParam("statementId", java.util.UUID.randomUUID().toString())
                        .body(XapiStatementResourceTest.statement())
                        .put("/xapi/statements")));
        // State documents are the LMS's own working storage: LMS clients only (admins act for no provider).
        String state = "/xapi/activities/state";
        String agent = "{\"mbox\":\"mailto:matrix@example.org\"}";
        for (String method : List.of("GET", "PUT", "POST", "DELETE")) {
            int ok = method.equals("GET") ? 200 : 204;
            ops.add(new Operation(
                    method + " " + state, expect(403, 403, 403, 403, ok, 403, 403, 403, 403, 403), (r, f, c) -> {
                        RequestSpecification request = r.header(version, "2.0.0")
                                .queryParam("activityId", "http://example.org/matrix")
                                .queryParam("agent", agent);
                        return switch (method) {
                            case "GET" -> request.get(state);
                            case "DELETE" -> request.delete(state);
                            case "PUT" ->
                                request.queryParam("stateId", "s")
                                        .contentType("application/json")
                                        .body("{}")
                                        .put(state);
                            default ->
                                request.queryParam("stateId", "s")
                                        .contentType("application/json")
                                        .body("{}")
                                        .post(state);
                        };
                    }));
        }
        for (String profile : List.of("/xapi/activities/profile", "/xapi/agents/profile")) {
            for (String method : List.of("GET", "PUT", "POST", "DELETE")) {
                int ok = method.equals("GET") ? 200 : 204;
                ops.add(new Operation(
                        method + " " + profile, expect(403, 403, 403, 403, ok, 403, 403, 403, 403, 403), (r, f, c) -> {
                            RequestSpecification request = r.header(version, "2.0.0")
                                    .queryParam(
                                            profile.contains("activities") ? "activityId" : "agent",
                                            profile.contains("activities") ? "http://example.org/matrix" : agent);
                            if (method.equals("GET")) {
                                return request.get(profile); // without profileId: the list of ids
                            }
                            request.queryParam("profileId", "matrix-" + java.util.UUID.randomUUID());
                            return switch (method) {
                                case "DELETE" -> request.delete(profile);
                                case "PUT" ->
                                    request.contentType("application/json")
                                            .body("{}")
                                            .put(profile);
                                default ->
                                    request.contentType("application/json")
                                            .body("{}")
                                            .post(profile);
                            };
                        }));
            }
        }
        String mappings = "/api/v1/xapi-activity-mappings";
        ops.add(new Operation(
                "PUT " + mappings,
                expect(403, 403, 200, 200, 403, 403, 403, 403, 403, 200),
                (r, f, c) -> r.contentType("application/json")
                        .body(Map.of(
                                "activityId",
                                "http://example.org/matrix",
                                "ksbCodes",
                                List.of("K1"),
                                "providerUkprn",
                                c == Caller.TUTOR_OTHER ? OTHER_UKPRN : UKPRN))
                        .put(mappings)));
        ops.add(new Operation(
                "GET " + mappings,
                expect(403, 403, 200, 404, 403, 403, 403, 403, 403, 200),
                (r, f, c) -> r.queryParam("providerUkprn", UKPRN).get(mappings)));
        ops.add(new Operation(
                "DELETE " + mappings, expect(403, 403, 204, 404, 403, 403, 403, 403, 403, 204), (r, f, c) -> {
                    String activity = "http://example.org/matrix/" + java.util.UUID.randomUUID();
                    given().auth()
                            .oauth2(Tokens.tutor(UKPRN))
                            .contentType("application/json")
                            .body(Map.of("activityId", activity, "ksbCodes", List.of("K1")))
                            .put(mappings)
                            .then()
                            .statusCode(200);
                    RequestSpecification request = r.queryParam("activityId", activity);
                    return c == Caller.ADMIN
                            ? request.queryParam("providerUkprn", UKPRN).delete(mappings)
                            : request.delete(mappings);
                }));
        ops.add(new Operation(
                "GET /xapi/agents",
                expect(403, 403, 200, 200, 200, 403, 403, 403, 403, 200),
                (r, f, c) ->
                        r.header(version, "2.0.0").queryParam("agent", agent).get("/xapi/agents")));
        ops.add(new Operation(
                "GET /xapi/activities",
                expect(403, 403, 200, 200, 200, 403, 403, 403, 403, 200),
                (r, f, c) -> r.header(version, "2.0.0")
                        .queryParam("activityId", "http://example.org/matrix")
                        .get("/xapi/activities")));
        String actors = "/api/v1/apprentices/{id}/xapi-actors";
        ops.add(new Operation(
                "POST " + actors,
                expect(403, 403, 201, 404, 403, 403, 403, 403, 403, 201),
                (r, f, c) -> r.contentType("application/json")
                        .body(Map.of(
                                "actor",
                                Map.of("mbox", "mailto:matrix-" + java.util.UUID.randomUUID() + "@example.org")))
                        .post(f.base() + "/xapi-actors")));
        ops.add(new Operation(
                "GET " + actors,
                expect(403, 403, 200, 404, 403, 403, 403, 403, 403, 200),
                (r, f, c) -> r.get(f.base() + "/xapi-actors")));
        ops.add(new Operation(
                "DELETE " + actors + "/{linkId}",
                expect(403, 403, 204, 404, 403, 403, 403, 403, 403, 204),
                (r, f, c) -> {
                    String link = given().auth()
                            .oauth2(Tokens.tutor(UKPRN))
                            .contentType("application/json")
                            .body(Map.of(
                                    "actor",
                                    Map.of("mbox", "mailto:matrix-" + java.util.UUID.randomUUID() + "@example.org")))
                            .post(f.base() + "/xapi-actors")
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("id");
                    return r.delete(f.base() + "/xapi-actors/" + link);
                }));
        Map<Caller, Integer> everyone = expect(200, 200, 200, 200, 200, 200, 200, 200, 200, 200);
        everyone.put(Caller.NO_TOKEN, 200);
        ops.add(new Operation("GET /xapi/about", everyone, (r, f, c) -> r.get("/xapi/about")));
    }

    // ------------------------------------------------------------------------------------------ the test

    @Test
    void everyOperationAnswersEveryCallerAsTheTenancyRulesSay() {
        List<Operation> ops = operations();
        Map<String, Operation> byKey = new LinkedHashMap<>();
        ops.forEach(op -> byKey.put(op.key(), op));
        assertEquals(ops.size(), byKey.size(), "an operation is listed twice");

        // Complete by construction: every operation the service documents has a row, and every row exists.
        JsonPath openApi = given().accept("application/json")
                .when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Map<String, Object>> paths = openApi.getMap("paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, methods) -> methods.keySet().stream()
                .filter(m -> Set.of("get", "put", "post", "delete", "patch", "head", "options")
                        .contains(m))
                .forEach(m -> documented.add(m.toUpperCase() + " " + path)));
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(byKey.keySet());
        assertTrue(missing.isEmpty(), "operations without a row in the access matrix: " + missing);
        Set<String> stale = new TreeSet<>(byKey.keySet());
        stale.removeAll(documented);
        assertTrue(stale.isEmpty(), "matrix rows for operations the service does not document: " + stale);

        Fixture shared = fixture();
        String before = snapshot(shared);
        List<String> wrong = new ArrayList<>();
        for (Operation op : ops) {
            for (Caller c : Caller.values()) {
                int expected = op.expected().get(c);
                Fixture f = expected < 300 ? fixture() : shared;
                RequestSpecification request = given();
                String token = token(c, f);
                if (token != null) {
                    request.auth().oauth2(token);
                }
                Response response = op.call().send(request.when(), f, c);
                int actual = response.statusCode();
                if (actual != expected) {
                    wrong.add(op.key() + " as " + c + ": expected " + expected + ", got " + actual + " "
                            + response.asString());
                } else if (expected >= 400
                        && !String.valueOf(response.contentType()).startsWith("application/problem+json")) {
                    wrong.add(op.key() + " as " + c + ": " + expected + " without a problem document");
                }
            }
        }
        assertTrue(
                wrong.isEmpty(), wrong.size() + " cells of the access matrix are wrong:\n" + String.join("\n", wrong));
        assertEquals(before, snapshot(shared), "a refused call changed the shared records");
    }
}
