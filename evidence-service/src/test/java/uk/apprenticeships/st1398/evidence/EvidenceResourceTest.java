package uk.apprenticeships.st1398.evidence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/** Each test enrols its own apprentices (ids from TestIds): the database is shared. */
@QuarkusTest
@QuarkusTestResource(value = StandardsServiceStub.class, restrictToAnnotatedClass = false)
class EvidenceResourceTest {

    /** Fresh ids for this class's records: the database is shared, so no two test classes meet. */
    static final String EMPLOYER_1 = TestIds.employerId();

    static final String EMPLOYER_2 = TestIds.employerId();
    static final String EMPLOYER_3 = TestIds.employerId();
    static final String EMPLOYER_4 = TestIds.employerId();
    static final String EMPLOYER_5 = TestIds.employerId();
    static final String EMPLOYER_6 = TestIds.employerId();
    static final String EMPLOYER_7 = TestIds.employerId();
    static final String EMPLOYER_8 = TestIds.employerId();
    static final String EPAO_1 = TestIds.epaoId();
    static final String UKPRN_1 = TestIds.ukprn();
    static final String UKPRN_2 = TestIds.ukprn();
    static final String UKPRN_3 = TestIds.ukprn();
    static final String UKPRN_4 = TestIds.ukprn();
    static final String UKPRN_5 = TestIds.ukprn();
    static final String UKPRN_6 = TestIds.ukprn();
    static final String UKPRN_7 = TestIds.ukprn();
    static final String UKPRN_8 = TestIds.ukprn();
    static final String ULN_1 = TestIds.uln();
    static final String ULN_2 = TestIds.uln();
    static final String ULN_3 = TestIds.uln();
    static final String ULN_4 = TestIds.uln();
    static final String ULN_5 = TestIds.uln();
    static final String ULN_6 = TestIds.uln();
    static final String ULN_7 = TestIds.uln();
    static final String ULN_8 = TestIds.uln();
    static final String ULN_9 = TestIds.uln();
    static final String ULN_10 = TestIds.uln();

    static final String APPRENTICES = "/api/v1/apprentices";

    static String enrol(String uln, String ukprn, String employerId, String standardVersion) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "uln",
                uln,
                "givenName",
                "Ada",
                "familyName",
                "Evidence",
                "dateOfBirth",
                "2001-12-10",
                "providerUkprn",
                ukprn,
                "standardVersion",
                standardVersion,
                "startDate",
                "2025-09-01",
                "plannedEndDate",
                "2027-09-01",
                "employerId",
                employerId));
        return given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(body)
                .when()
                .post(APPRENTICES)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static Map<String, Object> reflection(String... codes) {
        return new HashMap<>(Map.of(
                "kind",
                "reflection",
                "title",
                "Designing the pipeline",
                "text",
                "What I did and learnt",
                "ksbCodes",
                List.of(codes)));
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    static String evidencePath(String apprenticeId) {
        return APPRENTICES + "/" + apprenticeId + "/evidence";
    }

    static ValidatableResponse post(String token, String apprenticeId, Object body) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .when()
                .post(evidencePath(apprenticeId))
                .then();
    }

    static String create(String token, String apprenticeId, Object body) {
        return post(token, apprenticeId, body).statusCode(201).extract().path("id");
    }

    static ValidatableResponse get(String token, String apprenticeId, String evidenceId) {
        return given().auth()
                .oauth2(token)
                .when()
                .get(evidencePath(apprenticeId) + "/" + evidenceId)
                .then();
    }

    static ValidatableResponse put(String token, String apprenticeId, String evidenceId, Object body) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .when()
                .put(evidencePath(apprenticeId) + "/" + evidenceId)
                .then();
    }

    static ValidatableResponse step(
            String token, String apprenticeId, String evidenceId, String action, String feedback) {
        Map<String, Object> body = new HashMap<>(Map.of("action", action));
        if (feedback != null) {
            body.put("feedback", feedback);
        }
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .when()
                .post(evidencePath(apprenticeId) + "/" + evidenceId + "/workflow")
                .then();
    }

    static int count(String apprenticeId) {
        return given().auth()
                .oauth2(Tokens.admin())
                .when()
                .get(evidencePath(apprenticeId) + "?size=1")
                .then()
                .statusCode(200)
                .extract()
                .path("totalItems");
    }

    /** The stored item, to compare before and after a refused request. */
    static String snapshot(String apprenticeId, String evidenceId) {
        return get(Tokens.admin(), apprenticeId, evidenceId)
                .statusCode(200)
                .extract()
                .asString();
    }

    @Test
    void tutorAndApprenticeCreateGetAndList() {
        String a = enrol(ULN_1, UKPRN_1, EMPLOYER_1, "ST1398_1.0");
        String tutor = Tokens.tutor(UKPRN_1);
        ExtractableResponse<Response> created = post(tutor, a, reflection("S3", "K1", "K1"))
                .statusCode(201)
                .body("status", equalTo("draft"))
                .body("revision", equalTo(1))
                .body("version", equalTo(1))
                .body("ksbCodes", contains("K1", "S3"))
                .body("employerConfirmationRequired", equalTo(false))
                .body("history", hasSize(1))
                .body("history[0].action", equalTo("created"))
                .body("history[0].by", equalTo("tutor-" + UKPRN_1 + "-subject"))
                .body("history[0].at", notNullValue())
                .extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith(evidencePath(a) + "/" + id), created.header("Location"));
        get(tutor, a, id)
                .statusCode(200)
                .body("id", equalTo(id))
                .body("apprenticeId", equalTo(a))
                .body("text", equalTo("What I did and learnt"))
                .body("kind", equalTo("reflection"));

        String apprentice = Tokens.apprentice(ULN_1, UKPRN_1, EMPLOYER_1);
        String link = create(
                apprentice,
                a,
                Map.of(
                        "kind",
                        "link",
                        "title",
                        "Repo",
                        "url",
                        "https://git.example.com/ada",
                        "ksbCodes",
                        List.of("B2")));
        get(tutor, a, link).statusCode(200).body("createdBy", equalTo("apprentice-" + ULN_1 + "-subject"));
        // Neither item asks for the employer's confirmation, so the employer sees neither.
        get(Tokens.employer(EMPLOYER_1), a, link).spec(Problems.problem(404, "not-found"));
        given().auth()
                .oauth2(tutor)
                .when()
                .get(evidencePath(a) + "?ksbCode=K1")
                .then()
                .statusCode(200)
                .body("items.id", contains(id))
                .body("totalItems", equalTo(1));
        given().auth()
                .oauth2(tutor)
                .when()
                .get(evidencePath(a) + "?size=1&page=1")
                .then()
                .statusCode(200)
                .body("items.id", contains(link))
                .body("totalItems", equalTo(2))
                .body("totalPages", equalTo(2));
        given().auth()
                .oauth2(tutor)
                .when()
                .get(evidencePath(a) + "?status=accepted")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void unknownKsbCodesAndBadContentChangeNothing() {
        String a = enrol(ULN_2, UKPRN_2, EMPLOYER_2, "ST1398_1.0");
        String tutor = Tokens.tutor(UKPRN_2);
        String id = create(tutor, a, reflection("K1"));
        String before = snapshot(a, id);

        post(tutor, a, reflection("K1", "K11", "S99"))
                .spec(Problems.problem(422, "unprocessable", "ksb-code-unknown"))
                .body("unknownKsbCodes", contains("K11", "S99"))
                .body("validKsbCodes", hasSize(25))
                .body("validKsbCodes[0]", equalTo("K1"))
                .body("validKsbCodes[10]", equalTo("S1"))
                .body("validKsbCodes", hasItems("K10", "S10", "B5"));
        put(tutor, a, id, reflection("B6"))
                .spec(Problems.problem(422, "unprocessable", "ksb-code-unknown"))
                .body("validKsbCodes", hasItem("B5"));
        post(tutor, a, reflection("K1", "X1")).spec(Problems.invalid("ksbCodes[1]"));
        post(tutor, a, reflection()).spec(Problems.invalid("ksbCodes"));
        post(tutor, a, with(reflection("K1"), "kind", "essay")).spec(Problems.invalid("kind"));
        post(tutor, a, with(reflection("K1"), "text", " ")).spec(Problems.invalid("text"));
        post(tutor, a, Map.of("kind", "link", "title", "x", "ksbCodes", List.of("K1")))
                .spec(Problems.invalid("url"));
        post(tutor, a, Map.of("kind", "link", "title", "x", "url", "javascript:alert(1)", "ksbCodes", List.of("K1")))
                .spec(Problems.invalid("url"));
        post(tutor, a, "{\"kind\": ").spec(Problems.problem(400, "malformed-request-body"));

        assertEquals(1, count(a));
        assertEquals(before, snapshot(a, id));
    }

    @Test
    void catalogueShapesAndFailures() {
        String paged = enrol(ULN_3, UKPRN_3, EMPLOYER_3, "ST1398_2.0");
        String tutor = Tokens.tutor(UKPRN_3);
        create(tutor, paged, reflection("S2", "B1"));
        post(tutor, paged, reflection("S3"))
                .spec(Problems.problem(422, "unprocessable", "ksb-code-unknown"))
                .body("validKsbCodes", contains("K1", "K2", "S1", "S2", "B1"));

        String missing = enrol(ULN_4, UKPRN_3, EMPLOYER_3, "ST0404_1.0");
        post(tutor, missing, reflection("K1")).spec(Problems.problem(422, "unprocessable", "standard-version-unknown"));
        String unreachable = enrol(ULN_5, UKPRN_3, EMPLOYER_3, "ST0503_1.0");
        post(tutor, unreachable, reflection("K1")).spec(Problems.problem(503, "service-unavailable"));
        assertEquals(0, count(missing));
        assertEquals(0, count(unreachable));
    }

    @Test
    void workflowRecordsWhoAndWhenAndRefusesStepsOutOfOrder() {
        String a = enrol(ULN_6, UKPRN_4, EMPLOYER_4, "ST1398_1.0");
        String tutor = Tokens.tutor(UKPRN_4);
        String apprentice = Tokens.apprentice(ULN_6, UKPRN_4, EMPLOYER_4);
        String employer = Tokens.employer(EMPLOYER_4);
        String id = create(apprentice, a, with(reflection("K2"), "employerConfirmationRequired", true));

        String draft = snapshot(a, id);
        step(tutor, a, id, "accept", null).spec(Problems.problem(409, "conflict", "workflow-step-not-allowed"));
        step(tutor, a, id, "refer-back", "more detail")
                .spec(Problems.problem(409, "conflict", "workflow-step-not-allowed"));
        step(employer, a, id, "confirm", null).spec(Problems.problem(409, "conflict", "workflow-step-not-allowed"));
        assertEquals(draft, snapshot(a, id));

        step(apprentice, a, id, "submit", null)
                .statusCode(200)
                .body("status", equalTo("submitted"))
                .body("version", equalTo(2))
                .body("history[1].action", equalTo("submitted"))
                .body("history[1].by", equalTo("apprentice-" + ULN_6 + "-subject"));
        String submitted = snapshot(a, id);
        step(apprentice, a, id, "submit", null).spec(Problems.problem(409, "conflict", "workflow-step-not-allowed"));
        step(employer, a, id, "accept", null).spec(Problems.problem(403, "forbidden"));
        step(apprentice, a, id, "accept", null).spec(Problems.problem(403, "forbidden"));
        step(tutor, a, id, "accept", null)
                .spec(Problems.problem(409, "conflict", "employer-confirmation-missing"))
                .body(
                        "detail",
                        equalTo("Evidence " + id + " needs the employer's confirmation before it can be "
                                + "accepted."));
        step(tutor, a, id, "refer-back", " ").spec(Problems.invalid("feedback"));
        step(tutor, a, id, "confirm", null).spec(Problems.problem(403, "forbidden"));
        step(tutor, a, id, "publish", null).spec(Problems.invalid("action"));
        put(apprentice, a, id, reflection("K3")).spec(Problems.problem(409, "conflict", "evidence-submitted-locked"));
        assertEquals(submitted, snapshot(a, id));

        step(employer, a, id, "confirm", null)
                .statusCode(200)
                .body("status", equalTo("submitted"))
                .body("employerConfirmation.by", equalTo("employer-" + EMPLOYER_4 + "-subject"));
        step(employer, a, id, "confirm", null)
                .spec(Problems.problem(409, "conflict", "employer-confirmation-already-given"));
        step(tutor, a, id, "refer-back", "Say which tools you used")
                .statusCode(200)
                .body("status", equalTo("referred-back"))
                .body("employerConfirmation", nullValue())
                .body("history[3].feedback", equalTo("Say which tools you used"))
                .body("history[3].by", equalTo("tutor-" + UKPRN_4 + "-subject"));
        put(apprentice, a, id, with(with(reflection("K2", "S1"), "employerConfirmationRequired", true), "version", 4))
                .statusCode(200)
                .body("status", equalTo("referred-back"))
                .body("ksbCodes", contains("K2", "S1"))
                .body("revision", equalTo(1))
                .body("version", equalTo(5));
        step(tutor, a, id, "submit", null).statusCode(200).body("history[5].action", equalTo("resubmitted"));
        step(tutor, a, id, "accept", null).spec(Problems.problem(409, "conflict", "employer-confirmation-missing"));
        step(employer, a, id, "confirm", null).statusCode(200);
        step(tutor, a, id, "accept", null)
                .statusCode(200)
                .body("status", equalTo("accepted"))
                .body(
                        "history.action",
                        contains(
                                "created",
                                "submitted",
                                "confirmed",
                                "referred-back",
                                "updated",
                                "resubmitted",
                                "confirmed",
                                "accepted"));
        String accepted = snapshot(a, id);
        step(tutor, a, id, "accept", null).spec(Problems.problem(409, "conflict", "workflow-step-not-allowed"));
        step(apprentice, a, id, "submit", null).spec(Problems.problem(409, "conflict", "workflow-step-not-allowed"));
        step(tutor, a, id, "refer-back", "late").spec(Problems.problem(409, "conflict", "workflow-step-not-allowed"));
        assertEquals(accepted, snapshot(a, id));
    }

    @Test
    void changingAcceptedEvidenceCreatesANewRevision() {
        String a = enrol(ULN_7, UKPRN_5, EMPLOYER_5, "ST1398_1.0");
        String tutor = Tokens.tutor(UKPRN_5);
        String id = create(tutor, a, reflection("K4"));
        step(tutor, a, id, "submit", null).statusCode(200);
        step(tutor, a, id, "accept", null).statusCode(200);

        put(tutor, a, id, with(reflection("K4", "K5"), "version", 2))
                .spec(Problems.problem(409, "conflict", "version-mismatch"));
        put(tutor, a, id, with(with(reflection("K4", "K5"), "title", "Second go"), "version", 3))
                .statusCode(200)
                .body("revision", equalTo(2))
                .body("latestRevision", equalTo(2))
                .body("status", equalTo("draft"))
                .body("title", equalTo("Second go"))
                .body("history.action", contains("revised"));
        String revisions = evidencePath(a) + "/" + id + "/revisions/";
        given().auth()
                .oauth2(tutor)
                .when()
                .get(revisions + "1")
                .then()
                .statusCode(200)
                .body("revision", equalTo(1))
                .body("latestRevision", equalTo(2))
                .body("status", equalTo("accepted"))
                .body("title", equalTo("Designing the pipeline"))
                .body("ksbCodes", contains("K4"))
                .body("history.action", contains("created", "submitted", "accepted"));
        given().auth()
                .oauth2(tutor)
                .when()
                .get(revisions + "2")
                .then()
                .statusCode(200)
                .body("title", equalTo("Second go"));
        given().auth().oauth2(tutor).when().get(revisions + "3").then().spec(Problems.problem(404, "not-found"));
        given().auth().oauth2(tutor).when().get(revisions + "0").then().spec(Problems.invalid("revision"));
        assertEquals(1, count(a));
    }

    @Test
    void anotherTenantsEvidenceIsNotFound() {
        String a = enrol(ULN_8, UKPRN_6, EMPLOYER_6, "ST1398_1.0");
        String id = create(Tokens.tutor(UKPRN_6), a, reflection("K1"));
        String before = snapshot(a, id);
        for (String stranger : List.of(
                Tokens.tutor(UKPRN_7), Tokens.employer(EMPLOYER_7), Tokens.apprentice(ULN_9, UKPRN_7, EMPLOYER_7))) {
            get(stranger, a, id).spec(Problems.problem(404, "not-found"));
            given().auth().oauth2(stranger).when().get(evidencePath(a)).then().spec(Problems.problem(404, "not-found"));
            given().auth()
                    .oauth2(stranger)
                    .when()
                    .get(evidencePath(a) + "/" + id + "/revisions/1")
                    .then()
                    .spec(Problems.problem(404, "not-found"));
            step(stranger, a, id, "submit", null).spec(Problems.problem(404, "not-found"));
        }
        String otherTutor = Tokens.tutor(UKPRN_7);
        post(otherTutor, a, reflection("K1")).spec(Problems.problem(404, "not-found"));
        put(otherTutor, a, id, reflection("K2")).spec(Problems.problem(404, "not-found"));
        post(Tokens.employer(EMPLOYER_6), a, reflection("K1")).spec(Problems.problem(403, "forbidden"));
        post(Tokens.assessor(EPAO_1), a, reflection("K1")).spec(Problems.problem(403, "forbidden"));
        get(Tokens.tutor(UKPRN_6), a, "0123456789abcdef01234567").spec(Problems.problem(404, "not-found"));
        get(Tokens.tutor(UKPRN_6), a, "nope").spec(Problems.invalid("evidenceId"));
        assertEquals(1, count(a));
        assertEquals(before, snapshot(a, id));
    }

    @Test
    void idempotentRetryCreatesOneItem() {
        String a = enrol(ULN_10, UKPRN_8, EMPLOYER_8, "ST1398_1.0");
        String tutor = Tokens.tutor(UKPRN_8);
        ExtractableResponse<Response> first = given().auth()
                .oauth2(tutor)
                .header("Idempotency-Key", "key-1")
                .contentType("application/json")
                .body(reflection("K1"))
                .when()
                .post(evidencePath(a))
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", nullValue())
                .extract();
        String id = first.path("id");
        ExtractableResponse<Response> retry = given().auth()
                .oauth2(tutor)
                .header("Idempotency-Key", "key-1")
                .contentType("application/json")
                .body("{ \"ksbCodes\": [\"K1\"], \"kind\": \"reflection\", "
                        + "\"title\": \"Designing the pipeline\", \"text\": \"What I did and learnt\" }")
                .when()
                .post(evidencePath(a))
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .extract();
        assertEquals(first.asString(), retry.asString());
        assertEquals(first.header("Location"), retry.header("Location"));
        assertEquals(1, count(a));

        given().auth()
                .oauth2(tutor)
                .header("Idempotency-Key", "key-1")
                .contentType("application/json")
                .body(reflection("K2"))
                .when()
                .post(evidencePath(a))
                .then()
                .spec(Problems.problem(422, "unprocessable", "idempotency-key-reused"));
        given().auth()
                .oauth2(tutor)
                .header("Idempotency-Key", "bad key")
                .contentType("application/json")
                .body(reflection("K2"))
                .when()
                .post(evidencePath(a))
                .then()
                .spec(Problems.invalid("Idempotency-Key"));
        assertEquals(1, count(a));

        // Keys belong to their caller: someone else's identical key is a different request.
        String other = given().auth()
                .oauth2(Tokens.admin())
                .header("Idempotency-Key", "key-1")
                .contentType("application/json")
                .body(reflection("K1"))
                .when()
                .post(evidencePath(a))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertTrue(!other.equals(id));
        assertEquals(2, count(a));
        given().auth()
                .oauth2(tutor)
                .when()
                .get(evidencePath(a) + "?size=100")
                .then()
                .body("items.id", hasItems(id, other))
                .body("items.id", not(hasItem("x")));
    }
}
