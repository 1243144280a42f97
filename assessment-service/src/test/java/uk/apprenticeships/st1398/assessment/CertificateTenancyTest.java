package uk.apprenticeships.st1398.assessment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
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

/**
 * The tenant-isolation fix: a certificate needs a registration of the ULN and standard with the caller's
 * organisation (provider and employer come from it), and neither registration nor certificate creation reveals that
 * a ULN is registered, or certified, with another organisation.
 */
@QuarkusTest
@QuarkusTestResource(value = StandardsPlanStub.class, restrictToAnnotatedClass = false)
class CertificateTenancyTest {

    private static final String CERTIFICATES = "/api/v1/certificates";

    private String mine;
    private String theirs;
    private final String ukprn = TestIds.ukprn();
    private final String employer = TestIds.employerId();

    @BeforeEach
    void organisations() {
        mine = AssessmentApi.freshOrganisation();
        theirs = AssessmentApi.freshOrganisation();
    }

    private long count(String uln) {
        return ((Number) given().auth()
                        .oauth2(Tokens.admin())
                        .queryParam("uln", uln)
                        .get(CERTIFICATES)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("totalItems"))
                .longValue();
    }

    @Test
    void anAssessorCannotCertifyAnotherOrganisationsLearner() {
        String uln = TestIds.uln();
        AssessmentApi.registerLearner(theirs, uln, "Smith", "ST1398_1.0", ukprn, employer);
        as(Tokens.assessor(mine))
                .body(List.of(CertificateResourceTest.certificate("x", uln, "Pass")))
                .post(CERTIFICATES)
                .then()
                .statusCode(200)
                .body("[0].status", equalTo(404))
                .body("[0].code", equalTo("learner-not-found"))
                .body("[0].validationErrors[0].message", not(containsString(theirs)));
        // Nothing was created: not in the provider's list, and the real organisation certifies without a 409.
        given().auth().oauth2(Tokens.tutor(ukprn)).get(CERTIFICATES).then().body("items", hasSize(0));
        org.junit.jupiter.api.Assertions.assertEquals(0, count(uln));
        as(Tokens.assessor(theirs))
                .body(List.of(CertificateResourceTest.certificate("y", uln, "Pass")))
                .post(CERTIFICATES)
                .then()
                .body("[0].status", equalTo(201))
                .body("[0].certificate.learningDetails.providerUkprn", equalTo(ukprn));
    }

    @Test
    void theFamilyNameMustBeTheRegistrations() {
        String uln = TestIds.uln();
        AssessmentApi.registerLearner(mine, uln, "Smith", "ST1398_1.0", ukprn, employer);
        Map<String, Object> body = CertificateResourceTest.certificate("x", uln, "Pass");
        body.put("learner", Map.of("uln", uln, "familyName", "Jones"));
        as(Tokens.assessor(mine))
                .body(List.of(body))
                .post(CERTIFICATES)
                .then()
                .body("[0].status", equalTo(404))
                .body("[0].code", equalTo("learner-not-found"));
        org.junit.jupiter.api.Assertions.assertEquals(0, count(uln));
    }

    @Test
    void providerAndEmployerComeFromTheRegistration() {
        String uln = TestIds.uln();
        AssessmentApi.registerLearner(mine, uln, "Smith", "ST1398_1.0", ukprn, employer);
        // A provider other than the registration's is refused and changes nothing.
        as(Tokens.assessor(mine))
                .body(List.of(CertificateResourceTest.certificate("x", uln, "Pass", TestIds.ukprn())))
                .post(CERTIFICATES)
                .then()
                .body("[0].status", equalTo(400))
                .body("[0].validationErrors[0].field", equalTo("learningDetails.providerUkprn"));
        org.junit.jupiter.api.Assertions.assertEquals(0, count(uln));
        // Left out, it is the registration's; the provider's tutor sees the certificate.
        String ref = as(Tokens.assessor(mine))
                .body(List.of(CertificateResourceTest.certificate("y", uln, "Pass")))
                .post(CERTIFICATES)
                .then()
                .body("[0].status", equalTo(201))
                .body("[0].certificate.learningDetails.providerUkprn", equalTo(ukprn))
                .extract()
                .path("[0].certificate.certificateReference");
        given().auth()
                .oauth2(Tokens.tutor(ukprn))
                .get(CERTIFICATES + "/" + ref)
                .then()
                .statusCode(200);
    }

    @Test
    void registrationDoesNotRevealAnotherOrganisationsLearner() {
        String uln = TestIds.uln();
        AssessmentApi.registerLearner(theirs, uln, "Smith", "ST1398_1.0", ukprn, employer);
        // Another organisation's registration neither blocks nor shows: 201, and no 409 naming it.
        String id = AssessmentApi.registerLearner(mine, uln, "Smith", "ST1398_1.0", ukprn, employer);
        org.junit.jupiter.api.Assertions.assertNotNull(id);
        // A second registration with the same organisation is its own business: 409.
        as(Tokens.assessor(mine))
                .body(Map.of(
                        "uln", uln,
                        "familyName", "Smith",
                        "standardVersion", "ST1398_1.0",
                        "providerUkprn", ukprn,
                        "employerId", employer,
                        "epaoId", mine))
                .post("/api/v1/assessments")
                .then()
                .spec(Problems.problem(409, "conflict", "learner-already-registered"));
        // Each organisation sees only its own registration.
        given().auth()
                .oauth2(Tokens.assessor(theirs))
                .queryParam("uln", uln)
                .get("/api/v1/assessments")
                .then()
                .body("items", hasSize(1))
                .body("items[0].epaoId", equalTo(theirs));
    }

    @Test
    void certificateCreationDoesNotRevealAnotherOrganisationsCertificate() {
        String uln = TestIds.uln();
        AssessmentApi.registerLearner(theirs, uln, "Smith", "ST1398_1.0", ukprn, employer);
        AssessmentApi.registerLearner(mine, uln, "Smith", "ST1398_1.0", ukprn, employer);
        as(Tokens.assessor(theirs))
                .body(List.of(CertificateResourceTest.certificate("t", uln, "Pass")))
                .post(CERTIFICATES)
                .then()
                .body("[0].status", equalTo(201));
        // Their certificate is not "already a certificate" for us: no 409 reveals it.
        String ours = as(Tokens.assessor(mine))
                .body(List.of(CertificateResourceTest.certificate("m", uln, "Merit")))
                .post(CERTIFICATES)
                .then()
                .body("[0].status", equalTo(201))
                .body("[0].certificate.epaoId", equalTo(mine))
                .extract()
                .path("[0].certificate.certificateReference");
        // Our own second one is refused (our own business), without naming theirs.
        as(Tokens.assessor(mine))
                .body(List.of(CertificateResourceTest.certificate("m2", uln, "Merit")))
                .post(CERTIFICATES)
                .then()
                .body("[0].status", equalTo(409))
                .body("[0].code", equalTo("learner-has-certificate"));
        // Through the DfE API too: our GET shows ours only.
        given().auth()
                .oauth2(Tokens.assessor(mine))
                .get("/assessor-service/api/v1/certificate/" + uln + "/Smith/795")
                .then()
                .statusCode(200)
                // (No learningDetails: the learner has no linked apprentice, so no learning start date, and DfE's
                // CertificateProfile then leaves learningDetails out.)
                .body("certificateData.certificateReference", equalTo(ours));
    }
}
