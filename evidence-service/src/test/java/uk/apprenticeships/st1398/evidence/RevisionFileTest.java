package uk.apprenticeships.st1398.evidence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.apprenticeships.st1398.evidence.EvidenceResourceTest.create;
import static uk.apprenticeships.st1398.evidence.EvidenceResourceTest.enrol;
import static uk.apprenticeships.st1398.evidence.EvidenceResourceTest.evidencePath;
import static uk.apprenticeships.st1398.evidence.EvidenceResourceTest.put;
import static uk.apprenticeships.st1398.evidence.EvidenceResourceTest.reflection;
import static uk.apprenticeships.st1398.evidence.EvidenceResourceTest.step;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/** The file of a superseded revision. */
@QuarkusTest
@QuarkusTestResource(value = StandardsServiceStub.class, restrictToAnnotatedClass = false)
class RevisionFileTest {

    /** Fresh ids for this class's records: the database is shared, so no two test classes meet. */
    static final String EMPLOYER_1 = TestIds.employerId();

    static final String UKPRN_1 = TestIds.ukprn();
    static final String UKPRN_2 = TestIds.ukprn();
    static final String ULN_1 = TestIds.uln();
    static final String ULN_2 = TestIds.uln();

    static String revisionFile(String a, String id, int revision) {
        return evidencePath(a) + "/" + id + "/revisions/" + revision + "/file";
    }

    @Test
    void aSupersededRevisionKeepsItsFileWithTheSameHeadersAndRanges() throws Exception {
        String a = enrol(ULN_1, UKPRN_1, EMPLOYER_1, "ST1398_1.0");
        String tutor = Tokens.tutor(UKPRN_1);
        String id = create(tutor, a, EvidenceFileTest.fileEvidence("K1"));
        byte[] first = EvidenceFileTest.pdf(5000, 41);
        byte[] second = "second version".getBytes(StandardCharsets.UTF_8);
        EvidenceFileTest.upload(tutor, a, id, "application/pdf", first, "design v1.pdf")
                .statusCode(200);
        step(tutor, a, id, "submit", null).statusCode(200);
        step(tutor, a, id, "accept", null).statusCode(200);
        EvidenceFileTest.upload(tutor, a, id, "text/plain", second, "design v2.txt")
                .statusCode(200)
                .body("revision", equalTo(2));

        String sha = EvidenceFileTest.sha256(first);
        String b64 = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha));
        ExtractableResponse<Response> whole = given().auth()
                .oauth2(Tokens.apprentice(ULN_1, UKPRN_1, EMPLOYER_1))
                .when()
                .get(revisionFile(a, id, 1))
                .then()
                .statusCode(200)
                .header("Content-Type", "application/pdf")
                .header("Content-Length", String.valueOf(first.length))
                .header("ETag", "\"" + sha + "\"")
                .header("Repr-Digest", "sha-256=:" + b64 + ":")
                .header("Digest", "SHA-256=" + b64)
                .header("Accept-Ranges", "bytes")
                .header("X-Content-Type-Options", "nosniff")
                .extract();
        assertArrayEquals(first, whole.asByteArray());
        assertEquals(true, whole.header("Content-Disposition").contains("design v1.pdf"));

        byte[] part = given().auth()
                .oauth2(tutor)
                .header("Range", "bytes=100-199")
                .when()
                .get(revisionFile(a, id, 1))
                .then()
                .statusCode(206)
                .header("Content-Range", "bytes 100-199/" + first.length)
                .extract()
                .asByteArray();
        assertArrayEquals(Arrays.copyOfRange(first, 100, 200), part);
        given().auth()
                .oauth2(tutor)
                .header("Range", "bytes=" + first.length + "-")
                .when()
                .get(revisionFile(a, id, 1))
                .then()
                .spec(Problems.problem(416, "http-error"))
                .header("Content-Range", "bytes */" + first.length);

        // The current revision through the same endpoint, and the current-file endpoint, give the new file.
        assertArrayEquals(
                second,
                given().auth()
                        .oauth2(tutor)
                        .when()
                        .get(revisionFile(a, id, 2))
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray());
        assertArrayEquals(
                second,
                given().auth()
                        .oauth2(tutor)
                        .when()
                        .get(EvidenceFileTest.filePath(a, id))
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray());

        given().auth().oauth2(tutor).when().get(revisionFile(a, id, 3)).then().spec(Problems.problem(404, "not-found"));
        given().auth()
                .oauth2(Tokens.tutor(UKPRN_2))
                .when()
                .get(revisionFile(a, id, 1))
                .then()
                .spec(Problems.problem(404, "not-found"));
        given().auth()
                .oauth2(Tokens.employer(EMPLOYER_1))
                .when()
                .get(revisionFile(a, id, 1))
                .then()
                .spec(Problems.problem(404, "not-found"));
        given().auth().oauth2(tutor).when().get(revisionFile(a, id, 0)).then().spec(Problems.invalid("revision"));
        given().when().get(revisionFile(a, id, 1)).then().spec(Problems.problem(401, "unauthorized"));
    }

    @Test
    void aRevisionWithoutAFileIsNotFound() {
        String a = enrol(ULN_2, UKPRN_1, EMPLOYER_1, "ST1398_1.0");
        String tutor = Tokens.tutor(UKPRN_1);
        String id = create(tutor, a, reflection("K1"));
        step(tutor, a, id, "submit", null).statusCode(200);
        step(tutor, a, id, "accept", null).statusCode(200);
        put(tutor, a, id, reflection("K2")).statusCode(200).body("revision", equalTo(2));
        given().auth()
                .oauth2(tutor)
                .when()
                .get(revisionFile(a, id, 1))
                .then()
                .spec(Problems.problem(404, "not-found"))
                .body("detail", equalTo("Evidence " + id + " revision 1 has no file."));
        given().auth().oauth2(tutor).when().get(revisionFile(a, id, 2)).then().spec(Problems.problem(404, "not-found"));
    }
}
