package uk.apprenticeships.st1398.assessment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/**
 * What DfE takes from the ILR and its organisation register, answered from this platform's data: the learner
 * answer's learnerReferenceNumber, providerName and completionStatus, and the certificate-create rules that read the
 * learner's ILR record. Each test names the DfE source it follows (SkillsFundingAgency/das-assessor-service).
 */
@QuarkusTest
@QuarkusTestResource(value = StandardsPlanStub.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = EvidenceServiceStub.class, restrictToAnnotatedClass = false)
class DfeLearnerDetailsTest {

    static final String BASE = DfeContractTest.BASE;

    private String epaoId;
    private final String ukprn = TestIds.ukprn();

    @BeforeEach
    void organisation() {
        epaoId = AssessmentApi.freshOrganisation(id -> "DfE learner details " + id);
        AssessmentApi.approve(epaoId, "ST0127_1.0");
    }

    private RequestSpecification dfe() {
        return given().auth().oauth2(Tokens.assessor(epaoId)).contentType("application/json");
    }

    private static WireMock evidence() {
        URI url = URI.create(ConfigProvider.getConfig().getValue("quarkus.rest-client.evidence.url", String.class));
        return new WireMock(url.getHost(), url.getPort());
    }

    private static String apprenticeId() {
        return "%024x".formatted(Long.parseLong(TestIds.suffix(), 36) + 0x5000_0000L);
    }

    /** evidence-service's apprentice {@code id} of {@code uln}, with this status and learner reference. */
    private void apprentice(String id, String uln, String status, String learnerReference) {
        evidence().register(get(urlEqualTo("/api/v1/apprentices/" + id)).willReturn(okJson("""
                {"id":"%s","view":"assessor","uln":"%s","givenName":"Fred","familyName":"Blogs",
                 "providerUkprn":"%s","standardVersion":"ST0127_1.0","startDate":"2024-09-02",
                 "plannedEndDate":"2026-03-31","status":"%s"%s}
                """.formatted(
                        id,
                        uln,
                        ukprn,
                        status,
                        learnerReference == null ? "" : ",\"learnerReference\":\"" + learnerReference + "\""))));
    }

    private void providerInRegister(String name) {
        evidence()
                .register(get(urlEqualTo("/api/v1/providers/" + ukprn)).willReturn(okJson("""
                {"ukprn":"%s","name":"%s"}
                """.formatted(ukprn, name))));
    }

    /** A learner Blogs on ST0127 1.0 registered with the organisation, linked to apprentice {@code id} if given. */
    private String learner(String uln, String apprenticeId) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
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
                "2025-01-02"));
        if (apprenticeId != null) {
            body.put("apprenticeId", apprenticeId);
        }
        AssessmentApi.as(Tokens.admin())
                .body(body)
                .post("/api/v1/assessments")
                .then()
                .statusCode(201);
        return BASE + "/learner/" + uln + "/Blogs/1";
    }

    /** apiclient-create-certificate.json (AC Program.cs CreateCertificatesExample) for this ULN. */
    private static String certificateFor(String uln) {
        return DfeContractTest.text("apiclient-create-certificate.json").replace("1234567890", uln);
    }

    @Test
    void learnerReferenceProviderNameAndStatusComeFromTheLinkedApprenticeAndTheRegister() {
        // GetBatchLearnerHandler.cs: LearnerReferenceNumber = ILR LearnRefNumber, OrganisationName = the
        // organisation registered under the learner's UKPRN; GetBatchLearnerResponseProfile.cs MapLearnerDataAction,
        // MapStatusAction (CompletionStatus from the ILR).
        String uln = TestIds.uln();
        String id = apprenticeId();
        apprentice(id, uln, "active", "MIS 0042");
        providerInRegister("Example Training Ltd");
        dfe().get(learner(uln, id))
                .then()
                .statusCode(200)
                .body("learnerData.learner.givenNames", equalTo("Fred"))
                .body("learnerData.learningDetails.learnerReferenceNumber", equalTo("MIS 0042"))
                .body("learnerData.learningDetails.providerName", equalTo("Example Training Ltd"))
                .body("learnerData.learningDetails.providerUkPrn", equalTo(Integer.parseInt(ukprn)))
                .body("learnerData.learningDetails.learningStartDate", equalTo("2024-09-02T00:00:00"))
                .body("status.completionStatus", equalTo(1));
    }

    @Test
    void anUnregisteredProviderIsUnknownAndMissingIlrDataIsLeftOut() {
        // GetBatchLearnerHandler.cs: OrganisationName = epao?.EndPointAssessorName ?? "Unknown". Without a linked
        // apprentice there is no LearnRefNumber (absent) and no ILR CompletionStatus; with no certificate either,
        // MapStatusAction sets no status and CollapseNullsAction leaves it out.
        evidence()
                .register(get(urlEqualTo("/api/v1/providers/" + ukprn))
                        .willReturn(aResponse().withStatus(404)));
        dfe().get(learner(TestIds.uln(), null))
                .then()
                .statusCode(200)
                .body("learnerData.learningDetails.providerName", equalTo("Unknown"))
                .body("learnerData.learningDetails", not(hasKey("learnerReferenceNumber")))
                .body("learnerData.learningDetails", not(hasKey("learningStartDate")))
                .body("$", not(hasKey("status")));
        // A register that does not show the provider to this caller (403) is as unknown.
        evidence()
                .register(get(urlEqualTo("/api/v1/providers/" + ukprn))
                        .willReturn(aResponse().withStatus(403)));
        dfe().get(learner(TestIds.uln(), null))
                .then()
                .statusCode(200)
                .body("learnerData.learningDetails.providerName", equalTo("Unknown"));
    }

    @Test
    void completionStatusFollowsTheApprenticesStatusAsTheIlrs() {
        // ILR CompletionStatus (DfE's CompletionStatus enum): 1 continuing, 2 completed, 3 withdrawn, 6 temporarily
        // withdrawn; GetBatchLearnerResponseProfile.cs MapStatusAction takes it as it is.
        providerInRegister("Example Training Ltd");
        Map<String, Integer> expected = Map.of("active", 1, "completed", 2, "withdrawn", 3, "break-in-learning", 6);
        expected.forEach((status, code) -> {
            String uln = TestIds.uln();
            String id = apprenticeId();
            apprentice(id, uln, status, null);
            dfe().get(learner(uln, id)).then().statusCode(200).body("status.completionStatus", equalTo(code));
        });
    }

    @Test
    void withoutIlrDataTheCompletionStatusComesFromTheCertificate() {
        // GetBatchLearnerResponseProfile.cs MapStatusAction: no ILR CompletionStatus, so from the certificate's
        // status: Submitted 2, otherwise (Draft, Ready) 1.
        providerInRegister("Example Training Ltd");
        String uln = TestIds.uln();
        String path = learner(uln, null);
        dfe().body(certificateFor(uln))
                .post(BASE + "/certificate")
                .then()
                .statusCode(200)
                .body("[0].validationErrors", hasSize(0));
        dfe().get(path)
                .then()
                .statusCode(200)
                .body("status.completionStatus", equalTo(1))
                .body("certificate.status.currentStatus", equalTo("Ready"));
        String reference = dfe().get(BASE + "/certificate/" + uln + "/Blogs/1")
                .then()
                .statusCode(200)
                .extract()
                .path("certificateData.certificateReference");
        dfe().body("[{\"uln\":" + uln + ",\"standardCode\":1,\"familyName\":\"Blogs\",\"certificateReference\":\""
                        + reference + "\"}]")
                .post(BASE + "/certificate/submit")
                .then()
                .statusCode(200)
                .body("[0].validationErrors", hasSize(0));
        dfe().get(path).then().statusCode(200).body("status.completionStatus", equalTo(2));
    }

    @Test
    void aWithdrawnOrPausedLearnerGetsNoCertificate() {
        // CreateBatchCertificateRequestValidator.cs: ILR CompletionStatus Withdrawn or TemporarilyWithdrawn ->
        // "Cannot find the apprentice details"; nothing is created.
        providerInRegister("Example Training Ltd");
        for (String status : new String[] {"withdrawn", "break-in-learning"}) {
            String uln = TestIds.uln();
            String id = apprenticeId();
            apprentice(id, uln, status, null);
            learner(uln, id);
            dfe().body(certificateFor(uln))
                    .post(BASE + "/certificate")
                    .then()
                    .statusCode(200)
                    .body("[0]", not(hasKey("certificate")))
                    .body("[0].validationErrors", contains("Cannot find the apprentice details"));
            dfe().get(BASE + "/certificate/" + uln + "/Blogs/1").then().statusCode(204);
        }
        // A continuing learner is certified.
        String uln = TestIds.uln();
        String id = apprenticeId();
        apprentice(id, uln, "active", null);
        learner(uln, id);
        dfe().body(certificateFor(uln))
                .post(BASE + "/certificate")
                .then()
                .statusCode(200)
                .body("[0].validationErrors", hasSize(0));
    }

    @Test
    void aLearnerWithoutARecordHasNoLearnerDetails() {
        // CreateBatchCertificateRequestValidator.cs: no ILR record for the ULN and standard -> "Learner details for
        // ULN: {uln} not found", after BatchCertificateRequestValidator's "ULN, FamilyName and Standard not found.".
        String uln = TestIds.uln();
        dfe().body(certificateFor(uln))
                .post(BASE + "/certificate")
                .then()
                .statusCode(200)
                .body(
                        "[0].validationErrors",
                        contains(
                                "ULN, FamilyName and Standard not found.",
                                "Learner details for ULN: " + uln + " not found"));
        // DfE reads the ILR by ULN and standard only: a mistyped family name is not found, but the learner has
        // details.
        learner(uln, null);
        dfe().body(certificateFor(uln).replace("\"Blogs\"", "\"Bloggs\""))
                .post(BASE + "/certificate")
                .then()
                .statusCode(200)
                .body("[0].validationErrors", contains("ULN, FamilyName and Standard not found."));
    }

    @Test
    void certificatesCarryTheStartDateAndProviderNameAndReportPrintingAsDfeDoes() {
        // CertificateDataProfile.cs: LearningDetails.LearningStartDate and ProviderName from the certificate data
        // (DfE fills them from the ILR and its provider list). CertificateStatusProfile.cs: currentStatus is the
        // stored status as it is (Domain/Consts/CertificateStatus.cs: Submitted, Approved, Printed, Delivered...),
        // Submitted {SubmittedAt, SubmittedBy} from the submission, Printed {PrintedAt, PrintedBatch};
        // CertificateProfile.cs: Delivered {Status, DeliveryDate} from the latest Delivered log entry
        // (Models/Response/Certificates/Delivered.cs). This platform assigns no print batch: printedBatch is absent.
        providerInRegister("Example Training Ltd");
        String uln = TestIds.uln();
        String id = apprenticeId();
        apprentice(id, uln, "active", "P1");
        learner(uln, id);
        String reference = dfe().body(certificateFor(uln))
                .post(BASE + "/certificate")
                .then()
                .statusCode(200)
                .body("[0].validationErrors", hasSize(0))
                .body(
                        "[0].certificate.certificateData.learningDetails.learningStartDate",
                        equalTo("2024-09-02T00:00:00"))
                .body("[0].certificate.certificateData.learningDetails.providerName", equalTo("Example Training Ltd"))
                .body("[0].certificate.certificateData.learningDetails.overallGrade", equalTo("Pass"))
                .extract()
                .path("[0].certificate.certificateData.certificateReference");
        dfe().body("[{\"uln\":" + uln + ",\"standardCode\":1,\"familyName\":\"Blogs\",\"certificateReference\":\""
                        + reference + "\"}]")
                .post(BASE + "/certificate/submit")
                .then()
                .statusCode(200)
                .body("[0].certificate.status.currentStatus", equalTo("Submitted"))
                .body("[0].certificate", not(hasKey("printed")))
                .body("[0].certificate", not(hasKey("delivered")));
        String dateTime = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d";
        for (String status : new String[] {"Approved", "Printed", "Delivered"}) {
            AssessmentApi.as(Tokens.admin())
                    .body(Map.of("status", status))
                    .post("/api/v1/certificates/" + reference + "/status")
                    .then()
                    .statusCode(200);
            var answer = dfe().get(BASE + "/certificate/" + uln + "/Blogs/1")
                    .then()
                    .statusCode(200)
                    // Our Approved (the approving body's step before printing) is DfE's Submitted.
                    .body("status.currentStatus", equalTo(status.equals("Approved") ? "Submitted" : status))
                    .body("submitted.submittedAt", matchesPattern(dateTime))
                    .body("$", not(hasKey("coronationEmblem")));
            if (status.equals("Approved")) {
                answer.body("$", not(hasKey("printed"))).body("$", not(hasKey("delivered")));
            } else {
                answer.body("printed.printedAt", matchesPattern(dateTime)).body("printed", not(hasKey("printedBatch")));
            }
            if (status.equals("Delivered")) {
                answer.body("delivered.status", equalTo("Delivered"))
                        .body("delivered.deliveryDate", matchesPattern(dateTime))
                        .body("delivered.size()", equalTo(2));
            } else {
                answer.body("$", not(hasKey("delivered")));
            }
        }
        // The learner answer: the linked apprentice (the ILR) says continuing, whatever the certificate says.
        dfe().get(BASE + "/learner/" + uln + "/Blogs/1")
                .then()
                .statusCode(200)
                .body("certificate.status.currentStatus", equalTo("Delivered"))
                .body("certificate.delivered.status", equalTo("Delivered"))
                .body("status.completionStatus", equalTo(1));
    }

    @Test
    void theCertificatesNamesAreTheLearnerRecordsNotTheRequests() {
        // CreateBatchCertificateHandler.cs CombineCertificateData: LearnerGivenNames = ilr.GivenNames and
        // LearnerFamilyName = ilr.FamilyName, whatever the request says (it matches the family name
        // case-insensitively); UpdateBatchCertificateHandler.cs keeps the certificate's names. Here the learner
        // record is the registration (family name "Blogs") and its linked apprentice (given name "Fred").
        String uln = TestIds.uln();
        String id = apprenticeId();
        apprentice(id, uln, "active", "P1");
        learner(uln, id);
        String body = certificateFor(uln).replace("\"Fred\"", "\"Frederick\"").replace("\"Blogs\"", "\"BLOGS\"");
        String reference = dfe().body(body)
                .post(BASE + "/certificate")
                .then()
                .statusCode(200)
                .body("[0].validationErrors", hasSize(0))
                .body("[0].certificate.certificateData.learner.givenNames", equalTo("Fred"))
                .body("[0].certificate.certificateData.learner.familyName", equalTo("Blogs"))
                .extract()
                .path("[0].certificate.certificateData.certificateReference");
        String update = DfeContractTest.text("apiclient-update-certificate.json")
                .replace("1234567890", uln)
                .replace("00012001", reference)
                .replace("\"Bloggs\"", "\"blogs\"")
                .replace("\"Fred\"", "\"Alfred\"");
        dfe().body(update)
                .put(BASE + "/certificate")
                .then()
                .statusCode(200)
                .body("[0].validationErrors", hasSize(0))
                .body("[0].certificate.certificateData.learner.givenNames", equalTo("Fred"))
                .body("[0].certificate.certificateData.learner.familyName", equalTo("Blogs"));
    }

    @Test
    void withoutALinkTheCertificateHasNoLearningDetailsAndItsStatusGivesTheCompletionStatusAsDfesDoes() {
        // A learner without a linked apprentice has no learning start date. CertificateProfile.cs
        // CollapseNullsAction: a LearningDetails whose LearningStartDate is DateTime.MinValue is left out whole (the
        // grade, achievement date, option and provider with it). GetBatchLearnerResponseProfile.cs MapStatusAction,
        // without ILR data: Submitted, Printed and Reprint are completed (2), Deleted none, any other status
        // (Approved, Delivered...) active (1).
        providerInRegister("Example Training Ltd");
        String uln = TestIds.uln();
        String learnerPath = learner(uln, null);
        String reference = dfe().body(certificateFor(uln))
                .post(BASE + "/certificate")
                .then()
                .statusCode(200)
                .body("[0].validationErrors", hasSize(0))
                .body("[0].certificate.certificateData", not(hasKey("learningDetails")))
                .body("[0].certificate.certificateData.learner.familyName", equalTo("Blogs"))
                .extract()
                .path("[0].certificate.certificateData.certificateReference");
        dfe().get(BASE + "/certificate/" + uln + "/Blogs/1")
                .then()
                .statusCode(200)
                .body("certificateData", not(hasKey("learningDetails")));
        dfe().get(learnerPath)
                .then()
                .statusCode(200)
                .body("certificate.certificateData", not(hasKey("learningDetails")))
                .body("status.completionStatus", equalTo(1));
        dfe().body("[{\"uln\":" + uln + ",\"standardCode\":1,\"familyName\":\"Blogs\",\"certificateReference\":\""
                        + reference + "\"}]")
                .post(BASE + "/certificate/submit")
                .then()
                .statusCode(200)
                .body("[0].validationErrors", hasSize(0));
        dfe().get(learnerPath)
                .then()
                .body("certificate.status.currentStatus", equalTo("Submitted"))
                .body("status.completionStatus", equalTo(2));
        for (String[] step : new String[][] {
            {"Approved", "Submitted", "2"}, {"Printed", "Printed", "2"}, {"Delivered", "Delivered", "1"}
        }) {
            AssessmentApi.as(Tokens.admin())
                    .body(Map.of("status", step[0]))
                    .post("/api/v1/certificates/" + reference + "/status")
                    .then()
                    .statusCode(200);
            dfe().get(learnerPath)
                    .then()
                    .statusCode(200)
                    .body("certificate.status.currentStatus", equalTo(step[1]))
                    .body("certificate.certificateData", not(hasKey("learningDetails")))
                    .body("status.completionStatus", equalTo(Integer.parseInt(step[2])));
        }
    }
}
