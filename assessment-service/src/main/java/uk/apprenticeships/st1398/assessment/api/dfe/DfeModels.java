package uk.apprenticeships.st1398.assessment.api.dfe;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The bodies of the DfE assessor-service External API, field for field (SkillsFundingAgency/das-assessor-service,
 * {@code src/SFA.DAS.AssessorService.Application.Api.External/Models/Request} and {@code Models/Response}).
 * Requests ignore members this API does not read (the official .NET client sends {@code level},
 * {@code standardPublicationDate}, {@code providerUkPrn}...); dates arrive as text in any of the forms DfE's
 * serializer reads and are parsed by the adapter. Responses leave out null members and numeric zeros, as DfE's
 * serializer does ({@code DefaultValueHandling.IgnoreAndPopulate}).
 */
public final class DfeModels {

    private DfeModels() {}

    // ---------------------------------------------------------------------------------------------- requests

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Standard(Integer standardCode, String standardReference) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Learner(Long uln, String givenNames, String familyName) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EpaLearningDetails(String version, String courseOption) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Epa(String epaDate, String epaOutcome, Boolean resit, Boolean retake) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EpaDetails(String epaReference, List<Epa> epas) {}

    /** One item of {@code POST} or {@code PUT api/v1/epa} (CreateEpaRequest, UpdateEpaRequest). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EpaRequest(
            String requestId,
            String epaReference,
            Standard standard,
            Learner learner,
            EpaLearningDetails learningDetails,
            EpaDetails epaDetails) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CertificateLearningDetails(
            String version, String courseOption, String overallGrade, String achievementDate) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PostalContact(
            String contactName,
            String department,
            String organisation,
            String addressLine1,
            String addressLine2,
            String addressLine3,
            String city,
            String postCode) {}

    /** One item of {@code POST} or {@code PUT api/v1/certificate} (CreateCertificateRequest, UpdateCertificateRequest). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CertificateRequest(
            String requestId,
            String certificateReference,
            Standard standard,
            Learner learner,
            CertificateLearningDetails learningDetails,
            PostalContact postalContact) {}

    /** One item of {@code POST api/v1/certificate/submit} (SubmitCertificateRequest). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SubmitRequest(
            String requestId,
            Long uln,
            Integer standardCode,
            String standardReference,
            String familyName,
            String certificateReference) {}

    // ---------------------------------------------------------------------------------------------- responses

    /** DfE's error body for a whole request ({@code ApiResponse}). */
    @JsonPropertyOrder({"statusCode", "message"})
    public record ApiResponse(int statusCode, String message) {}

    /** Answer for one EPA item (CreateEpaResponse, UpdateEpaResponse). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EpaResponse(String requestId, String epaReference, List<String> validationErrors) {}

    /** Answer for one certificate item (Create/Update/SubmitCertificateResponse). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CertificateResponse(String requestId, Certificate certificate, List<String> validationErrors) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Certificate(CertificateData certificateData, Status status, Created created, Submitted submitted) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CertificateData(
            String certificateReference,
            StandardOut standard,
            LearnerOut learner,
            CertificateLearningDetailsOut learningDetails,
            PostalContact postalContact) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StandardOut(
            Integer standardCode, String standardReference, String standardName, Integer level, String version) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LearnerOut(Long uln, String givenNames, String familyName) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CertificateLearningDetailsOut(
            String courseOption,
            String overallGrade,
            String achievementDate,
            String learningStartDate,
            String providerName,
            Integer providerUkPrn) {}

    public record Status(String currentStatus) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Created(String createdAt, String createdBy) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Submitted(String submittedAt, String submittedBy) {}

    /** {@code GET api/v1/learner/...} (GetLearner). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LearnerResponse(
            LearnerData learnerData, LearnerStatus status, EpaDetailsOut epaDetails, Certificate certificate) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LearnerData(StandardOut standard, LearnerOut learner, LearnerLearningDetails learningDetails) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LearnerLearningDetails(
            String learnerReferenceNumber,
            String learningStartDate,
            String plannedEndDate,
            String providerName,
            Integer providerUkPrn) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LearnerStatus(Integer completionStatus) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EpaDetailsOut(
            String epaReference, String latestEpaDate, String latestEpaOutcome, List<EpaOut> epas) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EpaOut(String epaDate, String epaOutcome, Boolean resit, Boolean retake) {}

    /** {@code GET api/v1/standards/options...} (StandardOptions). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StandardOptions(
            Integer standardCode, String standardReference, String version, List<String> courseOption) {}
}
