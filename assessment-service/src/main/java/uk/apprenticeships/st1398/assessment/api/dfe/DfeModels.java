package uk.apprenticeships.st1398.assessment.api.dfe;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
    @Schema(name = "DfeStandard")
    public record Standard(Integer standardCode, String standardReference) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "DfeLearner")
    public record Learner(Long uln, String givenNames, String familyName) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "DfeEpaLearningDetails")
    public record EpaLearningDetails(String version, String courseOption) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "DfeEpa")
    public record Epa(String epaDate, String epaOutcome, Boolean resit, Boolean retake, String version) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "DfeEpaDetails")
    public record EpaDetails(String epaReference, List<Epa> epas) {}

    /** One item of {@code POST} or {@code PUT api/v1/epa} (CreateEpaRequest, UpdateEpaRequest). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "DfeEpaRequest")
    public record EpaRequest(
            String requestId,
            String epaReference,
            Standard standard,
            Learner learner,
            EpaLearningDetails learningDetails,
            EpaDetails epaDetails) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "DfeCertificateLearningDetails")
    public record CertificateLearningDetails(
            String version, String courseOption, String overallGrade, String achievementDate) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DfePostalContact")
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
    @Schema(name = "DfeCertificateRequest")
    public record CertificateRequest(
            String requestId,
            String certificateReference,
            Standard standard,
            Learner learner,
            CertificateLearningDetails learningDetails,
            PostalContact postalContact) {}

    /** One item of {@code POST api/v1/certificate/submit} (SubmitCertificateRequest). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "DfeSubmitRequest")
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
    @Schema(name = "DfeApiResponse")
    public record ApiResponse(int statusCode, String message) {}

    /** Answer for one EPA item (CreateEpaResponse, UpdateEpaResponse). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DfeEpaResponse")
    public record EpaResponse(String requestId, String epaReference, List<String> validationErrors) {}

    /** Answer for one certificate item (Create/Update/SubmitCertificateResponse). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DfeCertificateResponse")
    public record CertificateResponse(String requestId, Certificate certificate, List<String> validationErrors) {}

    /**
     * A certificate (Models/Response/Certificates/Certificate.cs). DfE's {@code coronationEmblem} is a bool that its
     * serializer leaves out while false ({@code DefaultValueHandling.IgnoreAndPopulate}); this platform prints no
     * emblem, so it is always false and never written.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DfeCertificate")
    public record Certificate(
            CertificateData certificateData,
            Status status,
            Created created,
            Submitted submitted,
            Printed printed,
            Delivered delivered) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DfeCertificateData")
    public record CertificateData(
            String certificateReference,
            StandardOut standard,
            LearnerOut learner,
            CertificateLearningDetailsOut learningDetails,
            PostalContact postalContact) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DfeStandardOut")
    public record StandardOut(
            Integer standardCode, String standardReference, String standardName, Integer level, String version) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DfeLearnerOut")
    public record LearnerOut(Long uln, String givenNames, String familyName) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DfeCertificateLearningDetailsOut")
    public record CertificateLearningDetailsOut(
            String courseOption,
            String overallGrade,
            String achievementDate,
            String learningStartDate,
            String providerName,
            Integer providerUkPrn) {}

    @Schema(name = "DfeStatus")
    public record Status(String currentStatus) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DfeCreated")
    public record Created(String createdAt, String createdBy) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DfePrinted")
    public record Printed(String printedAt, Integer printedBatch) {}

    /** Models/Response/Certificates/Delivered.cs: the latest delivery outcome and when it was recorded. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DfeDelivered")
    public record Delivered(String status, String deliveryDate) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DfeSubmitted")
    public record Submitted(String submittedAt, String submittedBy) {}

    /** {@code GET api/v1/learner/...} (GetLearner). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DfeLearnerResponse")
    public record LearnerResponse(
            LearnerData learnerData, LearnerStatus status, EpaDetailsOut epaDetails, Certificate certificate) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DfeLearnerData")
    public record LearnerData(StandardOut standard, LearnerOut learner, LearnerLearningDetails learningDetails) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DfeLearnerLearningDetails")
    public record LearnerLearningDetails(
            String learnerReferenceNumber,
            String learningStartDate,
            String plannedEndDate,
            String providerName,
            Integer providerUkPrn) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DfeLearnerStatus")
    public record LearnerStatus(Integer completionStatus) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DfeEpaDetailsOut")
    public record EpaDetailsOut(
            String epaReference, String latestEpaDate, String latestEpaOutcome, List<EpaOut> epas) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DfeEpaOut")
    public record EpaOut(String epaDate, String epaOutcome, Boolean resit, Boolean retake, String version) {}

    /** {@code GET api/v1/standards/options...} (StandardOptions). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DfeStandardOptions")
    public record StandardOptions(
            Integer standardCode, String standardReference, String version, List<String> courseOption) {}
}
