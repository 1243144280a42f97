package uk.apprenticeships.st1398.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A DfE client's journey through the real gateway with a real Keycloak token, on the DfE assessor-service paths only
 * (base {@code /assessor-service/}): look up a learner, record EPA outcomes, create, update and submit a certificate,
 * read it back. Only the set-up (the organisation, its approval, the learner's registration) uses this platform's
 * own API, as an admin: DfE's API has no such calls. The standard is named by its LARS code (795), as DfE clients do.
 */
@ExtendWith(Stack.class)
class DfeEndToEndTest {

    private static final String DFE = "/assessor-service/api/v1";

    @BeforeAll
    static void gateway() {
        RestAssured.baseURI = Stack.GATEWAY;
    }

    /** assessor1 belongs to EPA0001 in the demo realm: DfE's subscription key and UKPRN become this token. */
    private static RequestSpecification client() {
        return given().auth().oauth2(Stack.token("assessor1")).contentType("application/json");
    }

    private static void setUp(String uln) {
        String admin = Stack.token("admin1");
        int organisation = given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(Map.of("epaoId", "EPA0001", "name", "End-to-end Assessments"))
                .post("/api/v1/assessment-organisations")
                .then()
                .extract()
                .statusCode();
        assertTrue(organisation == 201 || organisation == 409, "organisation created or already there");
        int approval = given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(Map.of("standardVersion", "ST1398_1.0"))
                .post("/api/v1/assessment-organisations/EPA0001/standard-versions")
                .then()
                .extract()
                .statusCode();
        // The provider in the provider register (evidence-service): DfE's providerName comes from there.
        given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(Map.of("name", "End-to-end Training"))
                .put("/api/v1/providers/10000001")
                .then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        assertTrue(
                approval == 201 || approval == 409,
                "approved, or already approved (the approval checks the version with standards-service's "
                        + "GET /api/v1/standard-versions/{key}): " + approval);
        given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(Map.of(
                        "uln", uln,
                        "familyName", "Lovelace",
                        "standardVersion", "ST1398_1.0",
                        "providerUkprn", "10000001",
                        "employerId", "EMP0001",
                        "epaoId", "EPA0001",
                        "gatewayDate", "2025-01-06"))
                .post("/api/v1/assessments")
                .then()
                .statusCode(201);
    }

    @Test
    void aDfeClientRecordsOutcomesAndCertifiesALearner() {
        String uln = String.valueOf(6_000_000_000L + System.nanoTime() % 1_000_000_000L);
        setUp(uln);

        // Look up the learner.
        client().get(DFE + "/learner/" + uln + "/lovelace/795")
                .then()
                .statusCode(200)
                .body("learnerData.standard.standardReference", equalTo("ST1398"))
                .body("learnerData.learningDetails.providerUkPrn", equalTo(10000001))
                // From the provider register, read by assessment-service with the assessor's token.
                .body("learnerData.learningDetails.providerName", equalTo("End-to-end Training"))
                // No linked apprentice (no ILR data) and no certificate yet: no completion status, as DfE's
                // GetBatchLearnerResponseProfile leaves it out.
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("status")));

        // Record EPA outcomes: no requestId, as DfE's .NET client sends them; the version comes from the learner.
        String epaReference = client().body(List.of(Map.of(
                        "standard", Map.of("standardCode", 795),
                        "learner", Map.of("uln", Long.parseLong(uln), "familyName", "Lovelace"),
                        "epaDetails",
                                Map.of(
                                        "epas",
                                        List.of(Map.of("epaDate", "2025-06-30T00:00:00", "epaOutcome", "pass"))))))
                .post(DFE + "/epa")
                .then()
                .statusCode(200)
                .body("[0].validationErrors", hasSize(0))
                .extract()
                .path("[0].epaReference");

        // No certificate yet: 204.
        client().get(DFE + "/certificate/" + uln + "/Lovelace/795").then().statusCode(204);

        Map<String, Object> postal = Map.of(
                "contactName", "Ada Lovelace",
                "organisation", "Analytical Engines Ltd",
                "addressLine1", "12 St James's Square",
                "city", "London",
                "postCode", "SW1Y 4JH");
        String reference = client().body(List.of(Map.of(
                        "requestId", "1",
                        "standard", Map.of("standardReference", "ST1398"),
                        "learner", Map.of("uln", Long.parseLong(uln), "familyName", "Lovelace"),
                        "learningDetails", Map.of("overallGrade", "Pass", "achievementDate", "2025-06-30"),
                        "postalContact", postal)))
                .post(DFE + "/certificate")
                .then()
                .statusCode(200)
                .body("[0].requestId", equalTo("1"))
                .body("[0].validationErrors", hasSize(0))
                .body("[0].certificate.status.currentStatus", equalTo("Ready"))
                .body("[0].certificate.certificateData.certificateReference", matchesPattern("\\d{8}"))
                .extract()
                .path("[0].certificate.certificateData.certificateReference");

        client().body(List.of(Map.of(
                        "requestId",
                        "2",
                        "certificateReference",
                        reference,
                        "standard",
                        Map.of("standardCode", 795, "standardReference", "ST1398"),
                        "learner",
                        Map.of("uln", Long.parseLong(uln), "familyName", "Lovelace"),
                        "learningDetails",
                        Map.of("version", "1.0", "overallGrade", "Distinction", "achievementDate", "2025-07-01"),
                        "postalContact",
                        postal)))
                .put(DFE + "/certificate")
                .then()
                .statusCode(200)
                .body("[0].validationErrors", hasSize(0))
                // The learner has no linked apprentice, so no learning start date: DfE's CertificateProfile
                // (CollapseNullsAction) then leaves the whole learningDetails out; the grade is read back below.
                .body(
                        "[0].certificate.certificateData",
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("learningDetails")));

        client().body(List.of(Map.of(
                        "requestId",
                        "3",
                        "uln",
                        Long.parseLong(uln),
                        "standardCode",
                        795,
                        "familyName",
                        "Lovelace",
                        "certificateReference",
                        reference)))
                .post(DFE + "/certificate/submit")
                .then()
                .statusCode(200)
                .body("[0].validationErrors", hasSize(0))
                .body("[0].certificate.status.currentStatus", equalTo("Submitted"));

        // Read it back, and the learner with its EPA and certificate.
        client().get(DFE + "/certificate/" + uln + "/Lovelace/ST1398")
                .then()
                .statusCode(200)
                .body("certificateData.certificateReference", equalTo(reference))
                .body("certificateData", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("learningDetails")))
                .body("status.currentStatus", equalTo("Submitted"));
        // The grade and date the DfE client sent, on the same certificate through this platform's own API.
        given().auth()
                .oauth2(Stack.token("assessor1"))
                .get("/api/v1/certificates/" + reference)
                .then()
                .statusCode(200)
                .body("learningDetails.overallGrade", equalTo("Distinction"))
                .body("learningDetails.achievementDate", equalTo("2025-07-01"));
        client().get(DFE + "/learner/" + uln + "/Lovelace/795")
                .then()
                .statusCode(200)
                .body("epaDetails.epaReference", equalTo(epaReference))
                .body("epaDetails.latestEpaOutcome", equalTo("Pass"))
                .body("certificate.certificateData.certificateReference", equalTo(reference));

        // DfE's own errors come through the gateway unchanged.
        client().get(DFE + "/learner/" + uln + "/Babbage/795")
                .then()
                .statusCode(403)
                .body("statusCode", equalTo(403))
                .body("message", equalTo("ULN, FamilyName and Standard not found"));
        given().get(DFE + "/certificate/grades").then().statusCode(401);
    }

    @Test
    void errorsOnTheDfePathsAreDfesThroughTheGateway() {
        // DfE's ApiResponse {statusCode, message}: no token at the gateway, an unknown DfE path at the service.
        given().get(DFE + "/certificate/grades")
                .then()
                .statusCode(401)
                .contentType("application/json")
                .body("statusCode", equalTo(401));
        client().get(DFE + "/certificates")
                .then()
                .statusCode(404)
                .contentType("application/json")
                .body("statusCode", equalTo(404))
                .body("message", equalTo("Resource not found"));
    }
}
