package uk.apprenticeships.st1398.assessment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static uk.apprenticeships.st1398.assessment.AssessmentApi.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/** Approvals of organisations per standard version: the admin endpoints, and that EPA and certificate writes need one. */
@QuarkusTest
@QuarkusTestResource(value = StandardsPlanStub.class, restrictToAnnotatedClass = false)
class ApprovalResourceTest {

    private String epaoId;
    private String path;

    @BeforeEach
    void organisation() {
        epaoId = AssessmentApi.freshOrganisation(); // approved for ST1398_1.0 by the helper
        path = "/api/v1/assessment-organisations/" + epaoId + "/standard-versions";
    }

    @Test
    void adminsApproveListAndWithdraw() {
        as(Tokens.admin())
                .body(Map.of("standardVersion", "ST0156_1.0"))
                .post(path)
                .then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith(path + "/ST0156_1.0"))
                .body("epaoId", equalTo(epaoId))
                .body("standardReference", equalTo("ST0156"))
                .body("version", equalTo("1.0"));
        given().auth()
                .oauth2(Tokens.assessor(epaoId))
                .get(path)
                .then()
                .statusCode(200)
                .body("items.standardVersion", contains("ST0156_1.0", "ST1398_1.0"))
                .body("totalItems", equalTo(2));
        as(Tokens.admin())
                .body(Map.of("standardVersion", "ST0156_1.0"))
                .post(path)
                .then()
                .spec(Problems.problem(409, "conflict", "approval-exists"));
        given().auth()
                .oauth2(Tokens.admin())
                .delete(path + "/ST0156_1.0")
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(Tokens.admin())
                .delete(path + "/ST0156_1.0")
                .then()
                .spec(Problems.problem(404, "not-found", "approval-not-found"));
    }

    @Test
    void badApprovalsAreRefusedAndChangeNothing() {
        as(Tokens.admin())
                .body(Map.of("standardVersion", "ST4242_1.0"))
                .post(path)
                .then()
                .spec(Problems.problem(422, "unprocessable", "standard-version-unknown"));
        as(Tokens.admin())
                .body(Map.of("standardVersion", "ST1398"))
                .post(path)
                .then()
                .spec(Problems.invalid("standardVersion"));
        as(Tokens.admin()).body("{}").post(path).then().spec(Problems.invalid("standardVersion"));
        as(Tokens.assessor(epaoId))
                .body(Map.of("standardVersion", "ST0156_1.0"))
                .post(path)
                .then()
                .spec(Problems.problem(403, "forbidden"));
        as(Tokens.admin())
                .body(Map.of("standardVersion", "ST0156_1.0"))
                .post("/api/v1/assessment-organisations/EPA0000/standard-versions")
                .then()
                .spec(Problems.problem(404, "not-found", "organisation-not-found"));
        given().auth().oauth2(Tokens.admin()).get(path + "?size=0").then().spec(Problems.invalid("size"));
        given().auth().oauth2(Tokens.admin()).get(path).then().body("items.standardVersion", contains("ST1398_1.0"));
    }

    @Test
    void certificatesAndEpaRecordsNeedAnApproval() {
        String uln = TestIds.uln();
        String ukprn = TestIds.ukprn();
        AssessmentApi.registerLearner(epaoId, uln, ukprn);
        given().auth()
                .oauth2(Tokens.admin())
                .delete(path + "/ST1398_1.0")
                .then()
                .statusCode(204);
        as(Tokens.assessor(epaoId))
                .body(List.of(CertificateResourceTest.certificate("c", uln, "Pass")))
                .post("/api/v1/certificates")
                .then()
                .statusCode(200)
                .body("[0].status", equalTo(403))
                .body("[0].code", equalTo("not-approved-for-version"));
        as(Tokens.assessor(epaoId))
                .body(List.of(Map.of(
                        "requestId",
                        "e",
                        "standard",
                        "ST1398",
                        "uln",
                        uln,
                        "familyName",
                        "Smith",
                        "epaDetails",
                        Map.of("epas", List.of(Map.of("epaDate", "2025-06-30", "epaOutcome", "Pass"))))))
                .post("/api/v1/epa")
                .then()
                .statusCode(200)
                .body("[0].status", equalTo(403))
                .body("[0].code", equalTo("not-approved-for-version"));
        given().auth()
                .oauth2(Tokens.admin())
                .queryParam("uln", uln)
                .get("/api/v1/certificates")
                .then()
                .body("totalItems", equalTo(0));
        // Approved again, the same requests succeed.
        AssessmentApi.approve(epaoId, "ST1398_1.0");
        as(Tokens.assessor(epaoId))
                .body(List.of(CertificateResourceTest.certificate("c", uln, "Pass")))
                .post("/api/v1/certificates")
                .then()
                .body("[0].status", equalTo(201));
    }
}
