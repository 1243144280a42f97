package uk.apprenticeships.st1398.assessment.api;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A learner's record on one standard, in the shape of the DfE assessment service's learner endpoint. */
@Schema(name = "Learner")
public record LearnerResponse(
        Learner learner,
        Standard standard,
        LearningDetails learningDetails,

        @Schema(
                description = "Registered (no EPA yet), InAssessment (last EPA failed), Passed or Withdrawn",
                enumeration = {"Registered", "InAssessment", "Passed", "Withdrawn"})
        String status,

        @Schema(description = "Absent when no EPA is recorded")
        EpaDetailsResponse epaDetails,

        @Schema(description = "Absent when the learner has no live certificate for this standard")
        Certificate certificate) {

    @Schema(name = "LearnerIdentity")
    public record Learner(
            @Schema(example = "1234567890") String uln,
            @Schema(example = "Smith") String familyName,

            @Schema(description = "Held only once a certificate names them")
            String givenNames) {}

    @Schema(name = "LearnerStandard")
    public record Standard(
            @Schema(description = "LARS code (configured per standard; null if unknown)", example = "795")
            Integer standardCode,

            @Schema(example = "ST1398") String standardReference) {}

    @Schema(name = "LearnerLearningDetails")
    public record LearningDetails(
            @Schema(example = "1.0") String version,
            @Schema(example = "ST1398_1.0") String standardVersion,
            String providerUkprn,
            String epaoId,
            @Schema(description = "Gateway to completion") LocalDate gatewayDate,
            LocalDate assessmentPeriodEnd,

            @Schema(description = "Overall grade from the graded attempts; absent until every method is graded")
            String overallGrade) {}

    @Schema(name = "LearnerCertificate")
    public record Certificate(
            @Schema(example = "00000001") String certificateReference,
            @Schema(example = "Draft") String certificateStatus) {}
}
