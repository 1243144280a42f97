package uk.apprenticeships.st1398.evidence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.apprenticeships.st1398.evidence.EvidenceResourceTest.create;
import static uk.apprenticeships.st1398.evidence.EvidenceResourceTest.enrol;
import static uk.apprenticeships.st1398.evidence.EvidenceResourceTest.evidencePath;
import static uk.apprenticeships.st1398.evidence.EvidenceResourceTest.get;
import static uk.apprenticeships.st1398.evidence.EvidenceResourceTest.put;
import static uk.apprenticeships.st1398.evidence.EvidenceResourceTest.reflection;
import static uk.apprenticeships.st1398.evidence.EvidenceResourceTest.snapshot;
import static uk.apprenticeships.st1398.evidence.EvidenceResourceTest.step;
import static uk.apprenticeships.st1398.evidence.EvidenceResourceTest.with;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/**
 * Employers see their apprentices, the reviews they sign and, of evidence, only items that ask (or asked, in an
 * earlier revision) for their confirmation; and what gateway readiness needs.
 */
@QuarkusTest
@QuarkusTestResource(value = StandardsServiceStub.class, restrictToAnnotatedClass = false)
class EmployerVisibilityTest {

    /** Fresh ids for this class's records: the database is shared, so no two test classes meet. */
    static final String EMPLOYER_1 = TestIds.employerId();

    static final String UKPRN_1 = TestIds.ukprn();
    static final String ULN_1 = TestIds.uln();

    @Test
    void employersSeeOnlyEvidenceTheyConfirm() {
        String a = enrol(ULN_1, UKPRN_1, EMPLOYER_1, "ST1398_1.0");
        String tutor = Tokens.tutor(UKPRN_1);
        String employer = Tokens.employer(EMPLOYER_1);
        String confirmed = create(tutor, a, with(reflection("K1"), "employerConfirmationRequired", true));
        String own = create(tutor, a, reflection("K2"));
        // Accepted without confirmation, then revised to ask for it: revision 2 is the employer's, 1 is not.
        String revised = create(tutor, a, reflection("K3"));
        step(tutor, a, revised, "submit", null).statusCode(200);
        step(tutor, a, revised, "accept", null).statusCode(200);
        put(tutor, a, revised, with(reflection("K3"), "employerConfirmationRequired", true))
                .statusCode(200)
                .body("revision", equalTo(2));
        EvidenceFileTest.upload(tutor, a, own, "text/plain", "notes".getBytes(StandardCharsets.UTF_8), "n.txt")
                .statusCode(200);
        EvidenceFileTest.upload(tutor, a, confirmed, "text/plain", "signed".getBytes(StandardCharsets.UTF_8), "s.txt")
                .statusCode(200);

        given().auth()
                .oauth2(employer)
                .when()
                .get(evidencePath(a))
                .then()
                .statusCode(200)
                .body("items.id", contains(confirmed, revised))
                .body("totalItems", equalTo(2));
        given().auth()
                .oauth2(tutor)
                .when()
                .get(evidencePath(a))
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(3));
        get(employer, a, confirmed).statusCode(200);
        get(employer, a, revised).statusCode(200);
        given().auth()
                .oauth2(employer)
                .when()
                .get(evidencePath(a) + "/" + revised + "/revisions/2")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(employer)
                .when()
                .get(EvidenceFileTest.filePath(a, confirmed))
                .then()
                .statusCode(200);

        // Everything else answers exactly as if it did not exist.
        get(employer, a, own).spec(Problems.problem(404, "not-found"));
        given().auth()
                .oauth2(employer)
                .when()
                .get(evidencePath(a) + "/" + own + "/revisions/1")
                .then()
                .spec(Problems.problem(404, "not-found"));
        given().auth()
                .oauth2(employer)
                .when()
                .get(EvidenceFileTest.filePath(a, own))
                .then()
                .spec(Problems.problem(404, "not-found"));
        given().auth()
                .oauth2(employer)
                .when()
                .get(evidencePath(a) + "/" + revised + "/revisions/1")
                .then()
                .spec(Problems.problem(404, "not-found"));
        step(tutor, a, own, "submit", null).statusCode(200);
        String submitted = snapshot(a, own);
        step(employer, a, own, "confirm", null).spec(Problems.problem(404, "not-found"));
        assertEquals(submitted, snapshot(a, own));

        // The apprentice record (the employer's view), the reviews they sign, and what gateway readiness needs
        // (coverage, the off-the-job summary) stay readable; the training log itself does not.
        given().auth()
                .oauth2(employer)
                .when()
                .get("/api/v1/apprentices/" + a)
                .then()
                .statusCode(200)
                .body("view", equalTo("employer"));
        given().auth()
                .oauth2(employer)
                .when()
                .get("/api/v1/apprentices/" + a + "/reviews")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(employer)
                .when()
                .get("/api/v1/apprentices/" + a + "/off-the-job")
                .then()
                .spec(Problems.problem(403, "forbidden", "role-not-allowed"));
        given().auth()
                .oauth2(employer)
                .when()
                .get("/api/v1/apprentices/" + a + "/coverage")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(employer)
                .when()
                .get("/api/v1/apprentices/" + a + "/off-the-job/summary")
                .then()
                .statusCode(200);
    }
}
