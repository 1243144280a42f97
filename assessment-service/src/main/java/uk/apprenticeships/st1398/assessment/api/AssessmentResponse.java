package uk.apprenticeships.st1398.assessment.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Assessment", description = "An apprentice registered for assessment")
public record AssessmentResponse(
        UUID id,
        @Schema(example = "1234567890") String uln,
        String familyName,
        @Schema(example = "ST1398_1.0") String standardVersion,
        @Schema(example = "10000001") String providerUkprn,
        @Schema(example = "EMP0001") String employerId,
        @Schema(example = "EPA0001") String epaoId,

        @Schema(
                description =
                        "Day the gateway to completion was passed; null until a gateway submission is " + "accepted")
        LocalDate gatewayDate,

        @Schema(
                description = "Last day of the assessment period (gatewayDate plus the plan's assessment period); "
                        + "null with gatewayDate")
        LocalDate assessmentPeriodEnd,

        @Schema(description = "The assigned assessor; null until one is assigned")
        UUID assessorId,

        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,

        @Schema(description = "The apprentice's id in evidence-service; null if not given at registration")
        String apprenticeId) {}
