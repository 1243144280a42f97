package uk.apprenticeships.st1398.evidence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/**
 * Withdrawn and completed apprentices' records are closed (409, nothing changes); off-the-job training cannot be
 * dated inside a break in learning (422).
 */
@QuarkusTest
@QuarkusTestResource(value = StandardsServiceStub.class, restrictToAnnotatedClass = false)
class ClosedApprenticeTest {

    /** Fresh ids for this class's records: the database is shared, so no two test classes meet. */
    static final String EMPLOYER_1 = TestIds.employerId();

    static final String EMPLOYER_2 = TestIds.employerId();
    static final String UKPRN_1 = TestIds.ukprn();
    static final String UKPRN_2 = TestIds.ukprn();
    static final String ULN_1 = TestIds.uln();
    static final String ULN_2 = TestIds.uln();
    static final String ULN_3 = TestIds.uln();
    static final String ULN_4 = TestIds.uln();

    static ValidatableResponse status(String a, String status, String effectiveDate) {
        Map<String, Object> body = new HashMap<>(
                Map.of("status", status, "reason", "Recorded by the test", "effectiveDate", effectiveDate));
        return given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(body)
                .when()
                .post("/api/v1/apprentices/" + a + "/status")
                .then()
                .statusCode(200);
    }

    /** Everything the apprentice has, as the admin sees it. */
    static String everything(String a) {
        StringBuilder all = new StringBuilder();
        for (String part : new String[] {"/evidence?size=100", "/off-the-job?size=100", "/reviews?size=100"}) {
            all.append(given().auth()
                    .oauth2(Tokens.admin())
                    .when()
                    .get("/api/v1/apprentices/" + a + part)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
        }
        return all.toString();
    }

    @Test
    void withdrawnAndCompletedApprenticesAreClosedForWrites() {
        String a = EvidenceResourceTest.enrol(ULN_1, UKPRN_1, EMPLOYER_1, "ST1398_1.0");
        String tutor = Tokens.tutor(UKPRN_1);
        String apprentice = Tokens.apprentice(ULN_1, UKPRN_1, EMPLOYER_1);
        String evidence = EvidenceResourceTest.create(apprentice, a, EvidenceResourceTest.reflection("K1"));
        String entry = OffTheJobResourceTest.create(apprentice, a, OffTheJobResourceTest.entry("2025-10-06", 2));
        String review = ProgressReviewResourceTest.create(tutor, a, ProgressReviewResourceTest.review("2025-12-01"));
        String retried = given().auth()
                .oauth2(apprentice)
                .contentType("application/json")
                .header("Idempotency-Key", "before-withdrawal")
                .body(EvidenceResourceTest.reflection("K3"))
                .when()
                .post(EvidenceResourceTest.evidencePath(a))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        status(a, "withdrawn", "2026-01-15");
        String before = everything(a);
        // An LMS retrying a create that succeeded before the withdrawal gets the same answer, not a refusal.
        given().auth()
                .oauth2(apprentice)
                .contentType("application/json")
                .header("Idempotency-Key", "before-withdrawal")
                .body(EvidenceResourceTest.reflection("K3"))
                .when()
                .post(EvidenceResourceTest.evidencePath(a))
                .then()
                .statusCode(201)
                .body("id", equalTo(retried));

        for (ValidatableResponse refused : new ValidatableResponse[] {
            EvidenceResourceTest.post(apprentice, a, EvidenceResourceTest.reflection("K1")),
            EvidenceResourceTest.put(apprentice, a, evidence, EvidenceResourceTest.reflection("K2")),
            EvidenceResourceTest.step(apprentice, a, evidence, "submit", null),
            EvidenceFileTest.upload(
                    apprentice, a, evidence, "text/plain", "late".getBytes(StandardCharsets.UTF_8), "late.txt"),
            OffTheJobResourceTest.post(apprentice, a, OffTheJobResourceTest.entry("2025-10-13", 2)),
            OffTheJobResourceTest.put(apprentice, a, entry, OffTheJobResourceTest.entry("2025-10-06", 3)),
            ProgressReviewResourceTest.post(tutor, a, ProgressReviewResourceTest.review("2025-12-08")),
            ProgressReviewResourceTest.put(tutor, a, review, ProgressReviewResourceTest.review("2025-12-02"))
        }) {
            refused.spec(Problems.problem(409, "conflict", "apprentice-closed"))
                    .body("detail", containsString("is withdrawn (since 2026-01-15)"));
        }
        given().auth()
                .oauth2(apprentice)
                .contentType("application/json")
                .header("Idempotency-Key", "closed-1")
                .body(EvidenceResourceTest.reflection("K1"))
                .when()
                .post(EvidenceResourceTest.evidencePath(a))
                .then()
                .spec(Problems.problem(409, "conflict", "apprentice-closed"));
        assertEquals(before, everything(a));
        // Reads stay open.
        EvidenceResourceTest.get(apprentice, a, evidence).statusCode(200);
        OffTheJobResourceTest.summary(tutor, a).statusCode(200);

        String b = EvidenceResourceTest.enrol(ULN_2, UKPRN_1, EMPLOYER_1, "ST1398_1.0");
        status(b, "completed", "2026-06-30");
        EvidenceResourceTest.post(tutor, b, EvidenceResourceTest.reflection("K1"))
                .spec(Problems.problem(409, "conflict", "apprentice-closed"))
                .body("detail", containsString("is completed"));
        OffTheJobResourceTest.post(tutor, b, OffTheJobResourceTest.entry("2025-10-13", 2))
                .spec(Problems.problem(409, "conflict", "apprentice-closed"))
                .body("detail", containsString("is completed"));
        assertEquals(0, EvidenceResourceTest.count(b));
    }

    @Test
    void offTheJobTrainingCannotBeDatedInsideABreakInLearning() {
        String a = EvidenceResourceTest.enrol(ULN_3, UKPRN_2, EMPLOYER_2, "ST1398_1.0");
        String apprentice = Tokens.apprentice(ULN_3, UKPRN_2, EMPLOYER_2);
        status(a, "break-in-learning", "2026-02-01");
        status(a, "active", "2026-04-01");
        String before = OffTheJobResourceTest.snapshot(a);
        OffTheJobResourceTest.post(apprentice, a, OffTheJobResourceTest.entry("2026-02-01", 2))
                .spec(Problems.problem(422, "unprocessable", "date-in-break-in-learning"))
                .body("breakFrom", equalTo("2026-02-01"))
                .body("breakUntil", equalTo("2026-04-01"));
        OffTheJobResourceTest.post(apprentice, a, OffTheJobResourceTest.entry("2026-03-31", 2))
                .spec(Problems.problem(422, "unprocessable", "date-in-break-in-learning"));
        assertEquals(before, OffTheJobResourceTest.snapshot(a));
        OffTheJobResourceTest.post(apprentice, a, OffTheJobResourceTest.entry("2026-01-31", 2))
                .statusCode(201);
        String entry = OffTheJobResourceTest.create(apprentice, a, OffTheJobResourceTest.entry("2026-04-01", 2));
        // Moving an entry into the break is refused too.
        String moved = OffTheJobResourceTest.snapshot(a);
        OffTheJobResourceTest.put(apprentice, a, entry, OffTheJobResourceTest.entry("2026-02-15", 2))
                .spec(Problems.problem(422, "unprocessable", "date-in-break-in-learning"));
        assertEquals(moved, OffTheJobResourceTest.snapshot(a));

        // Still on a break: everything from its start is refused; evidence may still be written.
        String b = EvidenceResourceTest.enrol(ULN_4, UKPRN_2, EMPLOYER_2, "ST1398_1.0");
        status(b, "break-in-learning", "2026-05-01");
        OffTheJobResourceTest.post(Tokens.tutor(UKPRN_2), b, OffTheJobResourceTest.entry("2026-06-01", 1))
                .spec(Problems.problem(422, "unprocessable", "date-in-break-in-learning"))
                .body("detail", containsString("still on break"))
                .body("breakFrom", equalTo("2026-05-01"))
                .body("breakUntil", equalTo(null));
        OffTheJobResourceTest.post(Tokens.tutor(UKPRN_2), b, OffTheJobResourceTest.entry("2026-04-30", 1))
                .statusCode(201);
        EvidenceResourceTest.post(Tokens.tutor(UKPRN_2), b, EvidenceResourceTest.reflection("K1"))
                .statusCode(201);
    }
}
