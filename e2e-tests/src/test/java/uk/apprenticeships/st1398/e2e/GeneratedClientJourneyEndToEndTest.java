package uk.apprenticeships.st1398.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.net.http.HttpClient;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.apprenticeships.st1398.client.ApiClient;
import uk.apprenticeships.st1398.client.ApiException;
import uk.apprenticeships.st1398.client.ApiResponse;
import uk.apprenticeships.st1398.client.api.ApprenticesApi;
import uk.apprenticeships.st1398.client.api.AssessmentOrganisationsApi;
import uk.apprenticeships.st1398.client.api.AssessmentsApi;
import uk.apprenticeships.st1398.client.api.CertificatesApi;
import uk.apprenticeships.st1398.client.api.EvidenceApi;
import uk.apprenticeships.st1398.client.api.ProgressReviewsApi;
import uk.apprenticeships.st1398.client.api.StandardsApi;
import uk.apprenticeships.st1398.client.model.Apprentice;
import uk.apprenticeships.st1398.client.model.ApprenticeRequest;
import uk.apprenticeships.st1398.client.model.Assessment;
import uk.apprenticeships.st1398.client.model.AssessmentOrganisationRequest;
import uk.apprenticeships.st1398.client.model.AssessmentRequest;
import uk.apprenticeships.st1398.client.model.Certificate;
import uk.apprenticeships.st1398.client.model.CertificateCredential;
import uk.apprenticeships.st1398.client.model.CertificateLearner;
import uk.apprenticeships.st1398.client.model.CertificateLearningDetails;
import uk.apprenticeships.st1398.client.model.CertificatePostalContact;
import uk.apprenticeships.st1398.client.model.CertificateRequest;
import uk.apprenticeships.st1398.client.model.CertificateResult;
import uk.apprenticeships.st1398.client.model.CertificateStandard;
import uk.apprenticeships.st1398.client.model.CertificateStatus;
import uk.apprenticeships.st1398.client.model.CertificateStatusChange;
import uk.apprenticeships.st1398.client.model.CertificateSubmitRequest;
import uk.apprenticeships.st1398.client.model.Evidence;
import uk.apprenticeships.st1398.client.model.EvidenceRequest;
import uk.apprenticeships.st1398.client.model.Review;
import uk.apprenticeships.st1398.client.model.ReviewRequest;
import uk.apprenticeships.st1398.client.model.StandardVersionApprovalRequest;

/**
 * One whole journey through the gateway with the Java client generated at build time from the merged contract
 * (e2e-tests/pom.xml, openapi-generator 7.25, {@code java}/{@code native}), as an integrator would use it: a tutor
 * enrols an apprentice, records evidence and a progress review; an admin registers the end-point assessment; the
 * assessor creates and submits the certificate, the admin approves it and the assessor fetches its signed
 * credential. Real Keycloak tokens; nothing here is hand-written HTTP.
 */
@ExtendWith(Stack.class)
class GeneratedClientJourneyEndToEndTest {

    private static ApiClient as(String user) {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        ApiClient client = new ApiClient(HttpClient.newBuilder(), mapper, Stack.GATEWAY);
        if (user != null) {
            String token = Stack.token(user);
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }

    @Test
    void enrolEvidenceReviewAssessmentCertificate() throws Exception {
        String uln = String.valueOf(6_000_000_000L + System.nanoTime() % 1_000_000_000L);
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);

        // Anyone can read the catalogue; the generated client sends no token.
        assertEquals(
                "ST1398",
                new StandardsApi(as(null)).standardResourceGet("ST1398", null).getReference());

        // Enrol (tutor of provider 10000001). The gateway's rate-limit fields come back on the response.
        ApiResponse<Apprentice> enrolled = new ApprenticesApi(as("tutor1"))
                .apprenticeResourceCreateWithHttpInfo(new ApprenticeRequest()
                        .uln(uln)
                        .givenName("Katherine")
                        .familyName("Johnson")
                        .dateOfBirth(LocalDate.of(2002, 8, 26))
                        .providerUkprn("10000001")
                        .employerId("EMP0001")
                        .standardVersion("ST1398_1.0")
                        .startDate(LocalDate.of(2025, 9, 1))
                        .plannedEndDate(LocalDate.of(2027, 9, 1))
                        .assessmentOrganisationId("EPA0001"));
        assertEquals(201, enrolled.getStatusCode());
        assertFalse(header(enrolled, "RateLimit-Limit").isEmpty(), "RateLimit-Limit on a routed response");
        assertFalse(header(enrolled, "RateLimit-Remaining").isEmpty());
        assertFalse(header(enrolled, "RateLimit-Reset").isEmpty());
        String apprenticeId = enrolled.getData().getId();

        // Evidence and a progress review (tutor).
        Evidence evidence = new EvidenceApi(as("tutor1"))
                .evidenceResourceCreate(
                        apprenticeId,
                        new EvidenceRequest()
                                .kind("reflection")
                                .title("Designing the data pipeline")
                                .text("What I built, what went wrong and what I would do differently.")
                                .ksbCodes(List.of("K1")),
                        null);
        assertEquals(apprenticeId, evidence.getApprenticeId());
        Review review = new ProgressReviewsApi(as("tutor1"))
                .progressReviewResourceCreate(
                        apprenticeId,
                        new ReviewRequest()
                                .date(yesterday)
                                .summary("First review: evidence of K1 discussed")
                                .nextSteps("Plan the skills evidence")
                                .ksbCodes(List.of("K1")));
        assertEquals(apprenticeId, review.getApprenticeId());

        // The end-point assessment (admin; the organisation is registered once per stack).
        try {
            new AssessmentOrganisationsApi(as("admin1"))
                    .assessmentOrganisationResourceCreate(new AssessmentOrganisationRequest()
                            .epaoId("EPA0001")
                            .name("End-to-end Assessments"));
        } catch (ApiException e) {
            assertEquals(409, e.getCode(), "created, or already there: " + e.getResponseBody());
        }
        // Approved for the standard version before it records outcomes or certificates (once per stack).
        try {
            new AssessmentOrganisationsApi(as("admin1"))
                    .approvalResourceApprove(
                            "EPA0001", new StandardVersionApprovalRequest().standardVersion("ST1398_1.0"));
        } catch (ApiException e) {
            assertEquals(409, e.getCode(), "approved, or already approved: " + e.getResponseBody());
        }
        Assessment assessment = new AssessmentsApi(as("admin1"))
                .assessmentResourceRegister(new AssessmentRequest()
                        .uln(uln)
                        .familyName("Johnson")
                        .standardVersion("ST1398_1.0")
                        .providerUkprn("10000001")
                        .employerId("EMP0001")
                        .epaoId("EPA0001")
                        .apprenticeId(apprenticeId));
        assertEquals(
                uln,
                new AssessmentsApi(as("assessor1"))
                        .assessmentResourceGet(assessment.getId())
                        .getUln());

        // The certificate: the assessor creates and submits it, the admin approves it.
        CertificatesApi assessor = new CertificatesApi(as("assessor1"));
        List<CertificateResult> created =
                assessor.certificateResourceCreateCertificates(List.of(new CertificateRequest()
                        .requestId("row-1")
                        .standard(new CertificateStandard().standardCode(795).standardReference("ST1398"))
                        .learner(new CertificateLearner()
                                .uln(uln)
                                .familyName("Johnson")
                                .givenNames("Katherine"))
                        .learningDetails(new CertificateLearningDetails()
                                .version("1.0")
                                .overallGrade("Merit")
                                .achievementDate(yesterday)
                                .providerUkprn("10000001")
                                .ksbCodes(List.of("K1")))
                        .postalContact(new CertificatePostalContact()
                                .contactName("Pat Jones")
                                .addressLine1("1 High Street")
                                .city("Leeds")
                                .postCode("LS1 1AA"))));
        assertEquals(201, created.get(0).getStatus(), String.valueOf(created.get(0)));
        String reference = created.get(0).getCertificate().getCertificateReference();
        List<CertificateResult> submitted = assessor.certificateResourceSubmitCertificates(
                List.of(new CertificateSubmitRequest().requestId("s1").certificateReference(reference)));
        assertEquals(200, submitted.get(0).getStatus(), String.valueOf(submitted.get(0)));
        Certificate approved = new CertificatesApi(as("admin1"))
                .certificateResourceChangeCertificateStatus(
                        reference,
                        new CertificateStatusChange()
                                .status(CertificateStatus.APPROVED)
                                .note("end-to-end journey"));
        assertEquals(Certificate.StatusEnum.APPROVED, approved.getStatus());

        CertificateCredential credential = assessor.certificateResourceCertificateCredential(reference);
        assertNotNull(credential.getProof());
        assertTrue(
                credential.getProof().getJwt().split("\\.").length == 3,
                "a compact JWS: " + credential.getProof().getJwt());
    }

    private static List<String> header(ApiResponse<?> response, String name) {
        return response.getHeaders().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream())
                .toList();
    }
}
