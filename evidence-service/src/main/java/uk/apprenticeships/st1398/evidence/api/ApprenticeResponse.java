package uk.apprenticeships.st1398.evidence.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Apprentice", description = "An apprentice on programme with one provider")
public record ApprenticeResponse(
        @Schema(example = "665f1c2e9b1d4a3f8c0e1a2b") String id,
        @Schema(example = "1234567890") String uln,
        @Schema(example = "Ada") String givenName,
        @Schema(example = "Lovelace") String familyName,
        LocalDate dateOfBirth,
        @Schema(example = "10000001") String providerUkprn,
        @Schema(example = "EMP0001") String employerId,
        @Schema(example = "ST1398_1.0") String standardVersion,
        LocalDate startDate,
        LocalDate plannedEndDate,
        @Schema(description = "The assigned assessment organisation, or null", example = "EPA0001")
        String assessmentOrganisationId,
        @Schema(description = "Contracted weekly hours; null: full time (30)", example = "37.5")
        BigDecimal contractedWeeklyHours,
        @Schema(description = "Weeks of planned leave within the programme", example = "0") int plannedLeaveWeeks,
        @Schema(example = "active") String status,
        @Schema(description = "Every status change, oldest first") List<StatusChangeResponse> statusHistory,
        Instant createdAt) {
}
