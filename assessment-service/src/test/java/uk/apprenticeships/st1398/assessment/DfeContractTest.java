package uk.apprenticeships.st1398.assessment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/**
 * The DfE assessor-service API, tested with DfE's own artefacts: the request bodies of its Postman collection (byte
 * for byte), its Swagger examples and its .NET client's examples, and its reference responses, all in
 * {@code src/test/resources/dfe-examples} (copied from ../shared/dfe-examples; README.md there names each file's
 * source and commit). Each test names the file it sends. The expected messages are those of DfE's validators
 * (SkillsFundingAgency/das-assessor-service {@code src/SFA.DAS.AssessorService.Application.Api/Validators/ExternalApi}:
 * BatchEpaRequestValidator, CreateBatchEpaRequestValidator, UpdateBatchEpaRequestValidator,
 * BatchCertificateRequestValidator, CreateBatchCertificateRequestValidator, UpdateBatchCertificateRequestValidator,
 * SubmitBatchCertificateRequestValidator, GetBatchLearnerRequestValidator, GetBatchCertificateValidator,
 * DeleteBatch*Validator) in the situation each test sets up. In the stub catalogue (StandardsPlanStub) LARS code 1 is
 * ST0127 1.0 (no options), 6 is ST0156 1.0 (three options), 795 is ST1398; ST0099, ST0287, ST0555 and code 555 are
 * unknown, as in DfE's examples.
 */
@QuarkusTest
@QuarkusTestResource(value = StandardsPlanStub.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = EvidenceServiceStub.class, restrictToAnnotatedClass = false)
class DfeContractTest {

    static final String BASE = "/assessor-service/api/v1";
    private static final Path EXAMPLES = Path.of("src/test/resources/dfe-examples");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOT_FOUND = "ULN, FamilyName and Standard not found";

    private String epaoId;
    private final String ukprn = TestIds.ukprn();

    @BeforeEach
    void organisation() {
        epaoId = AssessmentApi.freshOrganisation(id -> "DfE client " + id);
    }

    static byte[] example(String file) {
        try {
            return Files.readAllBytes(EXAMPLES.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String file) {
        return new String(example(file), StandardCharsets.UTF_8);
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A DfE client: JSON, the organisation's token (DfE's subscription key and UKPRN become a bearer token). */
    private RequestSpecification dfe() {
        return given().auth().oauth2(Tokens.assessor(epaoId)).contentType("application/json");
    }

    /** The learner of the .NET client's examples (1234567890 Blogs) registered on ST0127 1.0, and approved. */
    private void blogsOnSt0127() {
        AssessmentApi.registerLearner(epaoId, "1234567890", "Blogs", "ST0127_1.0", ukprn, TestIds.employerId());
        AssessmentApi.approve(epaoId, "ST0127_1.0");
    }

    // ------------------------------------------------------------------------------------------ Postman collection

    @Test
    void postmanCreateEpaTemplate() {
        // postman-create-epa.json: requestId "", uln 0, standardCode 0, "" names; version "1.0" cannot be a version
        // of no standard. BatchEpaRequestValidator, in rule order.
        dfe().body(example("postman-create-epa.json"))
                .post(BASE + "/epa")
                .then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].requestId", equalTo(""))
                .body("[0]", not(hasKey("epaReference")))
                .body(
                        "[0].validationErrors",
                        contains(
                                "Provide apprentice family name",
                                "Provide a valid Standard",
                                "Invalid version for Standard",
                                "ULN should contain exactly 10 numbers"));
    }

    @Test
    void postmanUpdateEpaTemplateCannotBeRead() {
        // postman-update-epa.json: "epaDate": "" cannot be bound to DfE's non-nullable DateTime, so DfE's
        // InvalidModelStateResponseFactory answers (responses/code-invalid-input-403.json).
        String body = dfe().body(example("postman-update-epa.json"))
                .put(BASE + "/epa")
                .then()
                .statusCode(403)
                .contentType("application/json")
                .extract()
                .asString();
        assertEquals(json(text("responses/code-invalid-input-403.json")), json(body));
    }

    @Test
    void postmanCreateCertificateTemplate() {
        // postman-create-certificate.json; BatchCertificateRequestValidator (postal contact, grade and date valid),
        // then CreateBatchCertificateRequestValidator: no ILR record for ULN 0 ("Learner details for ULN: 0 not
        // found").
        dfe().body(example("postman-create-certificate.json"))
                .post(BASE + "/certificate")
                .then()
                .statusCode(200)
                .body("[0].requestId", equalTo(""))
                .body("[0]", not(hasKey("certificate")))
                .body(
                        "[0].validationErrors",
                        contains(
                                "Provide apprentice family name",
                                "Provide a valid Standard",
                                "Invalid version for Standard",
                                "ULN should contain exactly 10 numbers",
                                "Learner details for ULN: 0 not found"));
    }

    @Test
    void postmanUpdateCertificateTemplate() {
        // postman-update-certificate.json; UpdateBatchCertificateRequestValidator adds the reference rule.
        dfe().body(example("postman-update-certificate.json"))
                .put(BASE + "/certificate")
                .then()
                .statusCode(200)
                .body(
                        "[0].validationErrors",
                        contains(
                                "Provide apprentice family name",
                                "Provide a valid Standard",
                                "Invalid version for Standard",
                                "ULN should contain exactly 10 numbers",
                                "Provide the certificate reference"));
    }

    // ------------------------------------------------------------------------------------------ Swagger examples

    @Test
    void swaggerCreateEpaExample() {
        // swagger-create-epa.json, nobody registered: 1 = ST0127 has no options; ST0099 is unknown; 555 and ST0555
        // are different standards.
        dfe().body(example("swagger-create-epa.json"))
                .post(BASE + "/epa")
                .then()
                .statusCode(200)
                .body("requestId", contains("1", "2", "3"))
                .body(
                        "[0].validationErrors",
                        contains(
                                "No course option available for this Standard and version. Must be empty",
                                NOT_FOUND + "."))
                .body("[1].validationErrors", contains("Provide a valid Standard"))
                .body(
                        "[2].validationErrors",
                        contains("StandardReference and StandardCode must be for the same Standard", NOT_FOUND + "."));
    }

    @Test
    void swaggerUpdateEpaExample() {
        // swagger-update-epa.json: as create, and UpdateBatchEpaRequestValidator finds no EPA.
        dfe().body(example("swagger-update-epa.json"))
                .put(BASE + "/epa")
                .then()
                .statusCode(200)
                .body(
                        "[0].validationErrors",
                        contains(
                                "No course option available for this Standard and version. Must be empty",
                                NOT_FOUND + ".",
                                "EPA not found"))
                .body(
                        "[1].validationErrors",
                        contains("Provide a valid Standard", "Invalid version for Standard", "EPA not found"))
                .body(
                        "[2].validationErrors",
                        contains(
                                "StandardReference and StandardCode must be for the same Standard",
                                NOT_FOUND + ".",
                                "EPA not found"));
    }

    @Test
    void swaggerCreateCertificateExample() {
        // swagger-create-certificate.json (4 items); BatchCertificateRequestValidator. A version given for a standard
        // that cannot be found is "Invalid version for Standard" (its StandardUId stays empty). Then
        // CreateBatchCertificateRequestValidator: none of these learners has an ILR record ("Learner details for
        // ULN: ... not found").
        dfe().body(example("swagger-create-certificate.json"))
                .post(BASE + "/certificate")
                .then()
                .statusCode(200)
                .body("requestId", contains("1", "2", "3", "4"))
                .body(
                        "[0].validationErrors",
                        contains(
                                "No course option available for this Standard and version. Must be empty",
                                NOT_FOUND + ".",
                                "Learner details for ULN: 1234567890 not found"))
                .body(
                        "[1].validationErrors",
                        contains("Provide a valid Standard", "Learner details for ULN: 9999999999 not found"))
                .body(
                        "[2].validationErrors",
                        contains(
                                "StandardReference and StandardCode must be for the same Standard",
                                NOT_FOUND + ".",
                                "Learner details for ULN: 5555555555 not found"))
                .body(
                        "[3].validationErrors",
                        contains(
                                "Provide a valid Standard",
                                "Invalid version for Standard",
                                "Learner details for ULN: 6666666666 not found"));
    }

    @Test
    void swaggerUpdateCertificateExample() {
        // swagger-update-certificate.json: as create, and no certificate has these references.
        dfe().body(example("swagger-update-certificate.json"))
                .put(BASE + "/certificate")
                .then()
                .statusCode(200)
                .body(
                        "[0].validationErrors",
                        contains(
                                "No course option available for this Standard and version. Must be empty",
                                NOT_FOUND + ".",
                                "Certificate not found"))
                .body(
                        "[1].validationErrors",
                        contains("Provide a valid Standard", "Invalid version for Standard", "Certificate not found"))
                .body(
                        "[2].validationErrors",
                        contains(
                                "StandardReference and StandardCode must be for the same Standard",
                                NOT_FOUND + ".",
                                "Certificate not found"))
                .body(
                        "[3].validationErrors",
                        contains("Provide a valid Standard", "Invalid version for Standard", "Certificate not found"));
    }

    @Test
    void swaggerSubmitCertificateExample() {
        // swagger-submit-certificate.json; SubmitBatchCertificateRequestValidator (its not-found has no full stop).
        dfe().body(example("swagger-submit-certificate.json"))
                .post(BASE + "/certificate/submit")
                .then()
                .statusCode(200)
                .body("requestId", contains("1", "2", "3"))
                .body("[0].validationErrors", contains("Provide a valid Standard", "Certificate not found"))
                .body("[1].validationErrors", contains(NOT_FOUND, "Certificate not found"))
                .body(
                        "[2].validationErrors",
                        contains(
                                "StandardReference and StandardCode must be for the same Standard",
                                NOT_FOUND,
                                "Certificate not found"));
    }

    // ------------------------------------------------------------------------------------------ .NET client

    @Test
    void apiClientEpaExamplesCreateAndUpdateOneRecordSeenByBothApis() {
        blogsOnSt0127();
        // apiclient-create-epa.json: no requestId (absent in the answer too), level 0 and 0001-01-01 dates ignored.
        String reference = dfe().body(example("apiclient-create-epa.json"))
                .post(BASE + "/epa")
                .then()
                .statusCode(200)
                .body("[0]", not(hasKey("requestId")))
                .body("[0].validationErrors", hasSize(0))
                .body("[0].epaReference", matchesPattern("\\d{8}"))
                .extract()
                .path("[0].epaReference");
        // The same record through this platform's own API.
        given().auth()
                .oauth2(Tokens.assessor(epaoId))
                .get("/api/v1/learner/1234567890/blogs/ST0127")
                .then()
                .statusCode(200)
                .body("epaDetails.epaReference", equalTo(reference))
                .body("epaDetails.latestEpaOutcome", equalTo("Fail"));
        // apiclient-update-epa.json names EPA 1234567890, which does not exist.
        dfe().body(example("apiclient-update-epa.json"))
                .put(BASE + "/epa")
                .then()
                .statusCode(200)
                .body("[0].validationErrors", contains("EPA not found"));
        // The same example with the reference just made: the Fail becomes a Pass (no resit flag: our EPA rules).
        String update = text("apiclient-update-epa.json").replace("\"1234567890\"", "\"" + reference + "\"");
        dfe().body(update)
                .put(BASE + "/epa")
                .then()
                .statusCode(200)
                .body("[0].validationErrors", hasSize(0))
                .body("[0].epaReference", equalTo(reference));
        // And the learner through the DfE API.
        dfe().get(BASE + "/learner/1234567890/Blogs/1")
                .then()
                .statusCode(200)
                .body("learnerData.standard.standardCode", equalTo(1))
                .body("learnerData.standard.standardReference", equalTo("ST0127"))
                .body("learnerData.learner.uln", equalTo(1234567890))
                .body("learnerData.learningDetails.providerUkPrn", equalTo(Integer.parseInt(ukprn)))
                // GetBatchLearnerResponseProfile MapStatusAction: no ILR data (no linked apprentice) and no
                // certificate, so no completion status (CollapseNullsAction leaves status out).
                .body("$", not(hasKey("status")))
                .body("epaDetails.epaReference", equalTo(reference))
                .body("epaDetails.latestEpaOutcome", equalTo("Pass"))
                .body("epaDetails.epas[0].epaDate", equalTo("2025-06-30T00:00:00"))
                // Models/Response/Epa/EpaRecord.cs Version is the EPA's own version as its client gave it
                // (EpaRecordProfile.cs); apiclient-update-epa.json gives none, so it is left out.
                .body("epaDetails.epas[0]", not(hasKey("version")));
        // url-requests.json apiclient-delete-epa: a 10-digit reference is no EPA of this learner.
        String refused = dfe().delete(BASE + "/epa/1234567890/Blogs/1/1234567890")
                .then()
                .statusCode(403)
                .extract()
                .asString();
        assertEquals(json("{\"statusCode\":403,\"message\":\"EPA not found\"}"), json(refused));
        dfe().delete(BASE + "/epa/1234567890/Blogs/ST0127/" + reference).then().statusCode(204);
    }

    @Test
    void eachEpasOwnVersionIsKeptAndAnsweredAsGiven() {
        // Models/Request/Epa/EpaRecord.cs has a Version per EPA; EpaRecordProfile.cs maps it into the stored EPA
        // and back out (Models/Response/Epa/EpaRecord.cs) as given, and no validator reads it
        // (Validators/ExternalApi/Epas/BatchEpaRequestValidator.cs checks only learningDetails.version), so an EPA's
        // version is stored as the client sent it, answered back in the learner's epaDetails, and absent when not
        // sent. apiclient-create-epa.json, with a version on its EPA and a resit after it.
        blogsOnSt0127();
        String twoEpas = text("apiclient-create-epa.json")
                .replace(
                        "\"epaOutcome\": \"Fail\"\n        }",
                        "\"epaOutcome\": \"Fail\",\n          \"version\": \"1.0\"\n        },\n"
                                + "        {\"epaDate\": \"2025-07-01\", \"epaOutcome\": \"Pass\", \"resit\": true,"
                                + " \"version\": \"1.1\"}");
        String reference = dfe().body(twoEpas)
                .post(BASE + "/epa")
                .then()
                .statusCode(200)
                .body("[0].validationErrors", hasSize(0))
                .extract()
                .path("[0].epaReference");
        dfe().get(BASE + "/learner/1234567890/Blogs/1")
                .then()
                .statusCode(200)
                .body("epaDetails.epas.version", contains("1.0", "1.1"))
                .body("epaDetails.latestEpaOutcome", equalTo("Pass"));
        // An update replaces the EPAs with their versions: none on the first, "1.0" on the second.
        String update = twoEpas.replace(",\n          \"version\": \"1.0\"", "")
                .replace("\"1.1\"", "\"1.0\"")
                .replace("\"standard\": {", "\"epaReference\": \"" + reference + "\",\n    \"standard\": {");
        dfe().body(update).put(BASE + "/epa").then().statusCode(200).body("[0].validationErrors", hasSize(0));
        dfe().get(BASE + "/learner/1234567890/Blogs/1")
                .then()
                .statusCode(200)
                .body("epaDetails.epas[0]", not(hasKey("version")))
                .body("epaDetails.epas[1].version", equalTo("1.0"));
        // This platform's own EPA API has no per-EPA version and shows none.
        given().auth()
                .oauth2(Tokens.assessor(epaoId))
                .get("/api/v1/learner/1234567890/blogs/ST0127")
                .then()
                .statusCode(200)
                .body("epaDetails.epas[1]", not(hasKey("version")));
    }

    @Test
    void apiClientCertificateExamplesCreateUpdateSubmitAndReadBack() {
        blogsOnSt0127();
        // url-requests.json apiclient-get-certificate: registered, no certificate yet: 204.
        dfe().get(BASE + "/certificate/1234567890/Blogs/1").then().statusCode(204);
        // apiclient-create-certificate.json: "PASS" in capitals, no requestId, providerUkPrn 0 ignored.
        String reference = dfe().body(example("apiclient-create-certificate.json"))
                .post(BASE + "/certificate")
                .then()
                .statusCode(200)
                .body("[0].validationErrors", hasSize(0))
                .body("[0].certificate.certificateData.certificateReference", matchesPattern("\\d{8}"))
                .body("[0].certificate.certificateData.standard.standardCode", equalTo(1))
                .body("[0].certificate.certificateData.standard.standardReference", equalTo("ST0127"))
                .body("[0].certificate.certificateData.standard.standardName", equalTo("Example Standard"))
                .body("[0].certificate.certificateData.learner.uln", equalTo(1234567890))
                .body("[0].certificate.certificateData.learner.familyName", equalTo("Blogs"))
                // CertificateProfile.cs CollapseNullsAction: a learningDetails whose learningStartDate is
                // DateTime.MinValue is left out whole. Blogs has no linked apprentice, so no start date: no
                // learningDetails (grade, date and provider are read back through this platform's API below).
                .body("[0].certificate.certificateData", not(hasKey("learningDetails")))
                .body("[0].certificate.certificateData.postalContact.postCode", equalTo("ZY9 9ZY"))
                .body("[0].certificate.status.currentStatus", equalTo("Ready"))
                .body("[0].certificate", not(hasKey("submitted")))
                .extract()
                .path("[0].certificate.certificateData.certificateReference");
        // The same certificate through this platform's own API: a Draft, provider from the registration.
        given().auth()
                .oauth2(Tokens.assessor(epaoId))
                .get("/api/v1/certificates/" + reference)
                .then()
                .statusCode(200)
                .body("status", equalTo("Draft"))
                .body("learner.uln", equalTo("1234567890"))
                .body("learningDetails.overallGrade", equalTo("Pass"))
                .body("learningDetails.achievementDate", equalTo("2025-06-30"))
                .body("learningDetails.providerUkprn", equalTo(ukprn));
        // The same POST again: DfE's "already exists".
        dfe().body(example("apiclient-create-certificate.json"))
                .post(BASE + "/certificate")
                .then()
                .statusCode(200)
                .body("[0].validationErrors", contains("Certificate already exists: " + reference));
        // apiclient-update-certificate.json as the client sends it: family name "Bloggs", reference 00012001.
        dfe().body(example("apiclient-update-certificate.json"))
                .put(BASE + "/certificate")
                .then()
                .statusCode(200)
                .body("[0].validationErrors", contains(NOT_FOUND + ".", "Certificate not found"));
        String update = text("apiclient-update-certificate.json")
                .replace("00012001", reference)
                .replace("Bloggs", "Blogs");
        dfe().body(update)
                .put(BASE + "/certificate")
                .then()
                .statusCode(200)
                .body("[0].validationErrors", hasSize(0))
                .body("[0].certificate.certificateData", not(hasKey("learningDetails")))
                .body("[0].certificate.certificateData.postalContact.postCode", equalTo("ZY99ZZ"));
        // apiclient-submit-certificate.json: 00012001 is not the certificate; with its reference it is submitted.
        dfe().body(example("apiclient-submit-certificate.json"))
                .post(BASE + "/certificate/submit")
                .then()
                .statusCode(200)
                .body("[0].validationErrors", contains("Certificate not found"));
        dfe().body(text("apiclient-submit-certificate.json").replace("00012001", reference))
                .post(BASE + "/certificate/submit")
                .then()
                .statusCode(200)
                .body("[0].validationErrors", hasSize(0))
                .body("[0].certificate.status.currentStatus", equalTo("Submitted"))
                .body("[0].certificate.submitted", hasKey("submittedAt"));
        // Read back (url-requests.json apiclient-get-certificate), and through our API.
        dfe().get(BASE + "/certificate/1234567890/Blogs/1")
                .then()
                .statusCode(200)
                .body("certificateData.certificateReference", equalTo(reference))
                .body("status.currentStatus", equalTo("Submitted"));
        given().auth()
                .oauth2(Tokens.assessor(epaoId))
                .get("/api/v1/certificates/" + reference)
                .then()
                .body("status", equalTo("Submitted"))
                .body("learningDetails.overallGrade", equalTo("Merit"));
        // url-requests.json apiclient-delete-certificate: a submitted certificate cannot be deleted.
        String refused = dfe().delete(BASE + "/certificate/1234567890/Blogs/1/" + reference)
                .then()
                .statusCode(403)
                .extract()
                .asString();
        assertEquals(json("{\"statusCode\":403,\"message\":\"Cannot delete a submitted Certificate\"}"), json(refused));
    }

    @Test
    void certificateMadeThroughOurApiIsTheDfeCertificate() {
        String uln = TestIds.uln();
        AssessmentApi.registerLearner(epaoId, uln, ukprn);
        String reference = CertificateResourceTest.createDraft(epaoId, TestIds.uln(), ukprn);
        String ours = given().auth()
                .oauth2(Tokens.assessor(epaoId))
                .contentType("application/json")
                .body(List.of(CertificateResourceTest.certificate("r", uln, "Merit")))
                .post("/api/v1/certificates")
                .then()
                .statusCode(200)
                .extract()
                .path("[0].certificate.certificateReference");
        dfe().get(BASE + "/certificate/" + uln + "/Smith/795")
                .then()
                .statusCode(200)
                .body("certificateData.certificateReference", equalTo(ours))
                .body("certificateData.standard.standardReference", equalTo("ST1398"))
                // No linked apprentice, so no learning start date: CertificateProfile.cs leaves learningDetails out.
                .body("certificateData", not(hasKey("learningDetails")))
                .body("status.currentStatus", equalTo("Draft"));
        // Made without the postal organisation DfE requires, it is a Draft, not Ready, and cannot be submitted
        // through DfE's API (SubmitBatchCertificateRequestValidator).
        dfe().body(List.of(java.util.Map.of(
                        "requestId",
                        "s",
                        "uln",
                        Long.parseLong(uln),
                        "standardCode",
                        795,
                        "familyName",
                        "Smith",
                        "certificateReference",
                        ours)))
                .post(BASE + "/certificate/submit")
                .then()
                .statusCode(200)
                .body("[0].validationErrors", contains("Certificate is missing mandatory data"));
        dfe().delete(BASE + "/certificate/" + uln + "/Smith/ST1398/" + ours)
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(Tokens.assessor(epaoId))
                .get("/api/v1/certificates/" + ours)
                .then()
                .body("status", equalTo("Deleted"));
        assertEquals(8, reference.length());
    }

    // ------------------------------------------------------------------------------------------ body-less requests

    @Test
    void learnerLookupsFromTheClientExamples() {
        // url-requests.json apiclient-get-learner (…/1234567890/Blogs/1): not registered with this organisation.
        String body = dfe().get(BASE + "/learner/1234567890/Blogs/1")
                .then()
                .statusCode(403)
                .extract()
                .asString();
        assertEquals(json("{\"statusCode\":403,\"message\":\"" + NOT_FOUND + "\"}"), json(body));
        // url-requests.json csv-get-learner-2 (…/9876543210/Smith/98): no standard 98.
        dfe().get(BASE + "/learner/9876543210/Smith/98")
                .then()
                .statusCode(403)
                .body("message", equalTo("Standard not found"));
        // postman-get-learner is a template: {uln} is no number DfE can bind.
        dfe().get(BASE
                        + "/learner/{uln}/{familyname}/{larscode}"
                                .replace("{", "%7B")
                                .replace("}", "%7D"))
                .then()
                .statusCode(403);
        blogsOnSt0127();
        // csv-get-learner-1 (…/1234567890/Blogs/ST0127) and apiclient-get-learner now find the learner.
        dfe().get(BASE + "/learner/1234567890/Blogs/ST0127").then().statusCode(200);
        dfe().get(BASE + "/learner/1234567890/BLOGS/1")
                .then()
                .statusCode(200)
                .body("learnerData.learner.familyName", equalTo("Blogs"))
                .body("$", not(hasKey("status")))
                .body("$", not(hasKey("epaDetails")))
                .body("$", not(hasKey("certificate")));
    }

    @Test
    void certificateLookupOfAnUnknownLearnerAnswersTheReadmeResponse() {
        // url-requests.json apiclient-get-certificate; responses/readme-learner-403.json
        // (GetBatchCertificateValidator).
        String body = dfe().get(BASE + "/certificate/1234567890/Blogs/1")
                .then()
                .statusCode(403)
                .extract()
                .asString();
        AssessmentApi.approve(epaoId, "ST0127_1.0");
        String approved = dfe().get(BASE + "/certificate/1234567890/Blogs/1")
                .then()
                .statusCode(403)
                .extract()
                .asString();
        assertEquals(
                json("{\"statusCode\":403,\"message\":\"Your organisation is not approved to assess this Standard; "
                        + "Cannot find apprentice with the specified Uln, FamilyName & Standard\"}"),
                json(body));
        assertEquals(json(text("responses/readme-learner-403.json")), json(approved));
    }

    @Test
    void gradesAreTheControllersList() {
        // url-requests.json apiclient-get-grades; responses/code-grades.json.
        String body = dfe().get(BASE + "/certificate/grades")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(json(text("responses/code-grades.json")), json(body));
    }

    @Test
    void optionsFromTheClientExamples() {
        // url-requests.json apiclient-get-options-*: ST0127 (code 1) has no options: 204; ST0156 (code 6) 1.0
        // answers responses/swagger-options-for-standard.json exactly; an unknown standard 404.
        dfe().get(BASE + "/standards/options/1").then().statusCode(204);
        dfe().get(BASE + "/standards/options/ST0127").then().statusCode(204);
        dfe().get(BASE + "/standards/options/1/1.0").then().statusCode(204);
        JsonNode expected = json(text("responses/swagger-options-for-standard.json"));
        assertEquals(
                expected,
                json(dfe().get(BASE + "/standards/options/6/1.0")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString()));
        assertEquals(
                expected,
                json(dfe().get(BASE + "/standards/options/ST0156")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString()));
        dfe().get(BASE + "/standards/options/555").then().statusCode(404);
        dfe().get(BASE + "/standards/options/6/9.9").then().statusCode(404);
        JsonNode all = json(dfe().get(BASE + "/standards/options")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertEquals(1, all.size());
        assertEquals(expected, all.get(0));
    }

    // ------------------------------------------------------------------------------------------ whole-request rules

    @Test
    void moreThanTwentyFiveItemsIsDfesBatchLimit() {
        // responses/code-batch-limit-403.json, with 26 copies of the Postman item; nothing is processed.
        String item = text("postman-create-epa.json").strip();
        item = item.substring(1, item.length() - 1);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            items.add(item);
        }
        for (String path : List.of("/epa", "/certificate", "/certificate/submit")) {
            String body = dfe().body("[" + String.join(",", items) + "]")
                    .post(BASE + path)
                    .then()
                    .statusCode(403)
                    .extract()
                    .asString();
            assertEquals(json(text("responses/code-batch-limit-403.json")), json(body), path);
        }
        dfe().body("[" + String.join(",", items.subList(0, 25)) + "]")
                .post(BASE + "/epa")
                .then()
                .statusCode(200)
                .body("", hasSize(25));
    }

    @Test
    void unreadableBodiesGetDfesInvalidInputAnswer() {
        // responses/code-invalid-input-403.json: not JSON, not an array, a standard that is a string.
        JsonNode expected = json(text("responses/code-invalid-input-403.json"));
        for (String body : List.of("not json", "{\"requestId\":\"1\"}", "[{\"standard\":\"ST0127\"}]", "")) {
            String answer = dfe().body(body)
                    .post(BASE + "/epa")
                    .then()
                    .statusCode(403)
                    .extract()
                    .asString();
            assertEquals(expected, json(answer), body);
        }
    }

    @Test
    void anUnreadableDateInAnyItemRefusesTheWholeBatchBeforeAnyItemIsProcessed() {
        // apiclient-create-epa.json (a valid item for a registered learner) followed by the item of
        // postman-update-epa.json ("epaDate": ""): DfE binds the whole body first, so nothing is created.
        blogsOnSt0127();
        String valid = text("apiclient-create-epa.json").strip();
        String unreadable = text("postman-update-epa.json").strip();
        String body = valid.substring(0, valid.length() - 1).stripTrailing() + "," + unreadable.substring(1);
        dfe().body(body).post(BASE + "/epa").then().statusCode(403);
        given().auth()
                .oauth2(Tokens.assessor(epaoId))
                .get("/api/v1/learner/1234567890/Blogs/ST0127")
                .then()
                .statusCode(200)
                .body("epaDetails", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aCallerWithoutAnOrganisationGetsDfesNoUkprnAnswer() {
        // responses/code-no-ukprn-400.json: DfE's answer for a subscription without a UKPRN; here an admin token
        // (which acts for no one organisation).
        String answer = given().auth()
                .oauth2(Tokens.admin())
                .get(BASE + "/learner/1234567890/Blogs/1")
                .then()
                .statusCode(400)
                .extract()
                .asString();
        assertEquals(json(text("responses/code-no-ukprn-400.json")), json(answer));
    }

    @Test
    void anOrganisationNotApprovedForTheStandardIsToldSo() {
        // apiclient-create-certificate.json and apiclient-create-epa.json for a registered learner of an
        // organisation approved only for ST1398: BatchCertificateRequestValidator / BatchEpaRequestValidator.
        AssessmentApi.registerLearner(epaoId, "1234567890", "Blogs", "ST0127_1.0", ukprn, TestIds.employerId());
        dfe().body(example("apiclient-create-certificate.json"))
                .post(BASE + "/certificate")
                .then()
                .statusCode(200)
                .body("[0].validationErrors", contains("Your organisation is not approved to assess this Standard"));
        dfe().body(example("apiclient-create-epa.json"))
                .post(BASE + "/epa")
                .then()
                .statusCode(200)
                .body("[0].validationErrors", contains("Your organisation is not approved to assess this Standard"));
    }

    @Test
    void theOpenApiDocumentKeepsDfesSchemasApartFromOurs() {
        given().accept("application/json")
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("components.schemas.Certificate.properties", hasKey("epaoId"))
                .body("components.schemas.DfeCertificate.properties", hasKey("certificateData"))
                .body("components.schemas.DfeEpaRequest.properties", hasKey("learner"))
                .body("components.schemas.EpaRequest.properties", hasKey("uln"))
                .body("paths", hasKey(BASE + "/certificate/submit"));
    }

    @Test
    void courseOptionsAreValidatedAgainstTheVersionThroughBothApis() {
        // swagger-create-certificate.json item 1 (courseOption "French"), sent for a learner of ST0156 1.0, whose
        // options are those of responses/swagger-options-for-standard.json. BatchCertificateRequestValidator.
        AssessmentApi.registerLearner(epaoId, "1234567890", "Smith", "ST0156_1.0", ukprn, TestIds.employerId());
        AssessmentApi.approve(epaoId, "ST0156_1.0");
        String item = text("swagger-create-certificate.json");
        JsonNode first = json(item).get(0);
        String french = "[" + first.toString().replace("\"standardCode\":1", "\"standardCode\":6") + "]";
        String options = "Overhead lines, Substation fitting, Underground cables";
        dfe().body(french)
                .post(BASE + "/certificate")
                .then()
                .statusCode(200)
                .body(
                        "[0].validationErrors",
                        contains("Invalid course option for this Standard and version. Must be one of the following: "
                                + options + " where " + options + " depends on the standard code, and can be obtained "
                                + "with GET /api/v1/standard/options/6/1.0"));
        // Left out where the version has options: the same message (DfE requires one).
        dfe().body(french.replace("\"courseOption\":\"French\",", ""))
                .post(BASE + "/certificate")
                .then()
                .body("[0].validationErrors", hasSize(1));
        // Through this platform's API the same rule, as a 400 item naming the options.
        java.util.Map<String, Object> ours = CertificateResourceTest.certificate("o", "1234567890", "Pass");
        ours.put("standard", java.util.Map.of("standardCode", 6, "standardReference", "ST0156"));
        ours.put("learner", java.util.Map.of("uln", "1234567890", "familyName", "Smith"));
        given().auth()
                .oauth2(Tokens.assessor(epaoId))
                .contentType("application/json")
                .body(List.of(ours))
                .post("/api/v1/certificates")
                .then()
                .body("[0].status", equalTo(400))
                .body("[0].validationErrors[0].field", equalTo("learningDetails.courseOption"));
        // One of them, in any case, is accepted; the version comes from the registration when left out.
        String made = dfe().body(french.replace("French", "substation fitting").replace(",\"version\":\"1.0\"", ""))
                .post(BASE + "/certificate")
                .then()
                .statusCode(200)
                .body("[0].validationErrors", hasSize(0))
                .body("[0].certificate.certificateData.standard.version", equalTo("1.0"))
                // No learning start date (no linked apprentice): CertificateProfile.cs leaves learningDetails out.
                .body("[0].certificate.certificateData", not(hasKey("learningDetails")))
                .extract()
                .path("[0].certificate.certificateData.certificateReference");
        given().auth()
                .oauth2(Tokens.assessor(epaoId))
                .get("/api/v1/certificates/" + made)
                .then()
                .statusCode(200)
                // Stored in the version's own spelling (CertificateHelpers.cs NormalizeCourseOption).
                .body("learningDetails.courseOption", equalTo("Substation fitting"));
    }

    // ------------------------------------------------------------------------------------------ EPA outcome rule

    @Test
    void aCertificateNeedsTheLatestEpaToBeAPass() {
        // CreateBatchCertificateRequestValidator: DfE's draft (here the live EPA record) whose LatestEpaOutcome is
        // not Pass refuses the certificate with "Latest EPA Outcome has not passed".
        blogsOnSt0127();
        // apiclient-create-epa.json records a Fail.
        String epa = dfe().body(example("apiclient-create-epa.json"))
                .post(BASE + "/epa")
                .then()
                .statusCode(200)
                .body("[0].validationErrors", hasSize(0))
                .extract()
                .path("[0].epaReference");
        // apiclient-create-certificate.json is then refused, and nothing is created.
        dfe().body(example("apiclient-create-certificate.json"))
                .post(BASE + "/certificate")
                .then()
                .statusCode(200)
                .body("[0]", not(hasKey("certificate")))
                .body("[0].validationErrors", contains("Latest EPA Outcome has not passed"));
        dfe().get(BASE + "/certificate/1234567890/Blogs/1").then().statusCode(204);
        dfe().get(BASE + "/learner/1234567890/Blogs/1")
                .then()
                .statusCode(200)
                .body("", not(hasKey("certificate")))
                .body("epaDetails.latestEpaOutcome", equalTo("Fail"));
        // Withdrawn is no pass either (the Fail becomes a Withdrawn through apiclient-update-epa.json).
        String withdrawn = text("apiclient-update-epa.json")
                .replace("\"1234567890\"", "\"" + epa + "\"")
                .replace("\"Pass\"", "\"Withdrawn\"");
        dfe().body(withdrawn).put(BASE + "/epa").then().statusCode(200).body("[0].validationErrors", hasSize(0));
        dfe().body(example("apiclient-create-certificate.json"))
                .post(BASE + "/certificate")
                .then()
                .statusCode(200)
                .body("[0].validationErrors", contains("Latest EPA Outcome has not passed"));
        dfe().get(BASE + "/certificate/1234567890/Blogs/1").then().statusCode(204);
        // apiclient-update-epa.json with the record's reference: the latest EPA is a Pass, the certificate is made.
        String pass = text("apiclient-update-epa.json").replace("\"1234567890\"", "\"" + epa + "\"");
        dfe().body(pass).put(BASE + "/epa").then().statusCode(200).body("[0].validationErrors", hasSize(0));
        dfe().body(example("apiclient-create-certificate.json"))
                .post(BASE + "/certificate")
                .then()
                .statusCode(200)
                .body("[0].validationErrors", hasSize(0))
                .body("[0].certificate.certificateData.certificateReference", matchesPattern("\\d{8}"));
        dfe().get(BASE + "/certificate/1234567890/Blogs/1").then().statusCode(200);
    }

    // ------------------------------------------------------------------------------------------ learning dates

    private static WireMock evidence() {
        URI url = URI.create(ConfigProvider.getConfig().getValue("quarkus.rest-client.evidence.url", String.class));
        return new WireMock(url.getHost(), url.getPort());
    }

    /** A fresh evidence-service apprentice id (24 hex digits, as MongoDB's). */
    private static String apprenticeId() {
        return "%024x".formatted(Long.parseLong(TestIds.suffix(), 36));
    }

    /**
     * A learner (family name Blogs) on ST0127 1.0 whose registration links evidence-service apprentice {@code id};
     * answers the learner's DfE path. The organisation must be approved for ST0127 1.0 too.
     */
    private String linkedLearner(String uln, String apprenticeId) {
        AssessmentApi.as(Tokens.admin())
                .body(Map.of(
                        "uln",
                        uln,
                        "familyName",
                        "Blogs",
                        "standardVersion",
                        "ST0127_1.0",
                        "providerUkprn",
                        ukprn,
                        "employerId",
                        TestIds.employerId(),
                        "epaoId",
                        epaoId,
                        "gatewayDate",
                        "2025-01-02",
                        "apprenticeId",
                        apprenticeId))
                .post("/api/v1/assessments")
                .then()
                .statusCode(201);
        return BASE + "/learner/" + uln + "/Blogs/1";
    }

    @Test
    void learningDatesComeFromTheLinkedEvidenceServiceApprentice() {
        // DfE's LearningDetails (Models/Response/Learners/LearningDetails.cs): LearningStartDate and PlannedEndDate
        // are DateTimes, written as DfE's serializer writes them ("2024-09-02T00:00:00").
        String id = apprenticeId();
        String uln = TestIds.uln();
        evidence().register(get(urlEqualTo("/api/v1/apprentices/" + id)).willReturn(okJson("""
                {"id":"%s","uln":"%s","givenName":"Fred","familyName":"Blogs","providerUkprn":"%s",
                 "employerId":"E1","standardVersion":"ST0127_1.0","startDate":"2024-09-02",
                 "plannedEndDate":"2026-03-31","status":"active"}
                """.formatted(
                        id, uln, ukprn))));
        AssessmentApi.approve(epaoId, "ST0127_1.0");
        dfe().get(linkedLearner(uln, id))
                .then()
                .statusCode(200)
                .body("learnerData.learningDetails.learningStartDate", equalTo("2024-09-02T00:00:00"))
                .body("learnerData.learningDetails.plannedEndDate", equalTo("2026-03-31T00:00:00"))
                .body("learnerData.learningDetails.providerUkPrn", equalTo(Integer.parseInt(ukprn)))
                // GetBatchLearnerHandler: a UKPRN the organisation register does not hold is "Unknown".
                .body("learnerData.learningDetails.providerName", equalTo("Unknown"));
        // Read with the caller's own token, so evidence-service's tenant rules apply.
        evidence()
                .verifyThat(getRequestedFor(urlEqualTo("/api/v1/apprentices/" + id))
                        .withHeader("Authorization", matching("Bearer .+")));
    }

    @Test
    void learningDatesAreLeftOutWhenEvidenceServiceHasNoSuchApprenticeForTheCaller() {
        // An unknown apprentice (404) and one evidence-service does not show this assessor (403): the learner is
        // answered as without a link, the dates absent.
        String unknown = apprenticeId();
        String hidden = apprenticeId();
        evidence()
                .register(get(urlEqualTo("/api/v1/apprentices/" + unknown))
                        .willReturn(aResponse().withStatus(404)));
        evidence()
                .register(get(urlEqualTo("/api/v1/apprentices/" + hidden))
                        .willReturn(aResponse().withStatus(403)));
        AssessmentApi.approve(epaoId, "ST0127_1.0");
        for (String id : List.of(unknown, hidden)) {
            dfe().get(linkedLearner(TestIds.uln(), id))
                    .then()
                    .statusCode(200)
                    .body("learnerData.learningDetails", not(hasKey("learningStartDate")))
                    .body("learnerData.learningDetails", not(hasKey("plannedEndDate")))
                    .body("learnerData.learningDetails.providerUkPrn", equalTo(Integer.parseInt(ukprn)));
        }
    }

    @Test
    void anotherLearnersApprenticeRecordIsNeverUsed() {
        // The link names an apprentice of another ULN: its dates are not this learner's.
        String id = apprenticeId();
        evidence().register(get(urlEqualTo("/api/v1/apprentices/" + id)).willReturn(okJson("""
                {"id":"%s","uln":"%s","familyName":"Blogs","startDate":"2024-09-02","plannedEndDate":"2026-03-31"}
                """.formatted(
                        id, TestIds.uln()))));
        AssessmentApi.approve(epaoId, "ST0127_1.0");
        dfe().get(linkedLearner(TestIds.uln(), id))
                .then()
                .statusCode(200)
                .body("learnerData.learningDetails", not(hasKey("learningStartDate")))
                .body("learnerData.learningDetails", not(hasKey("plannedEndDate")));
    }

    @Test
    void aFailingEvidenceServiceIsDfes500() {
        // evidence-service answers 500: the lookup of a linked learner cannot be answered. This platform's own API
        // says 503; DfE's External API answers a failure behind it with 500 (das-assessor-service
        // Api.External/Startup.cs: no exception middleware outside development; Infrastructure/ApiClient.cs calls
        // the internal API with HttpClient; Middleware/ErrorHandlingMiddleware.cs wrote that 500 as ApiResponse), so
        // the DfE path answers 500 in DfE's {statusCode, message} (platform-common DfeErrorForm).
        String id = apprenticeId();
        evidence()
                .register(get(urlEqualTo("/api/v1/apprentices/" + id))
                        .willReturn(aResponse().withStatus(500)));
        AssessmentApi.approve(epaoId, "ST0127_1.0");
        dfe().get(linkedLearner(TestIds.uln(), id))
                .then()
                .statusCode(500)
                .contentType("application/json")
                .body("statusCode", equalTo(500))
                .body("message", matchesPattern(".+"))
                .body("size()", equalTo(2));
    }

    @Test
    void learningDatesAreLeftOutWithoutALink() {
        blogsOnSt0127();
        dfe().get(BASE + "/learner/1234567890/Blogs/1")
                .then()
                .statusCode(200)
                .body("learnerData.learningDetails", not(hasKey("learningStartDate")))
                .body("learnerData.learningDetails", not(hasKey("plannedEndDate")));
    }
}
