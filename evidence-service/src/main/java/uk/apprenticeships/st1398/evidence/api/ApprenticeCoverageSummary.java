package uk.apprenticeships.st1398.evidence.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.apprenticeships.st1398.evidence.domain.ApprenticeStatus;

@Schema(name = "ApprenticeCoverageSummary", description = "One apprentice's coverage in a cohort list")
public record ApprenticeCoverageSummary(
        @Schema(example = "665f1c2e9b1d4a3f8c0e1a2b") String apprenticeId,
        @Schema(example = "Ada") String givenName,
        @Schema(example = "Lovelace") String familyName,
        @Schema(example = "1234567890") String uln,
        @Schema(example = "active") ApprenticeStatus status,
        @Schema(example = "35") int coveredKsbs,
        @Schema(example = "5") int inProgressKsbs,

        @Schema(description = "KSBs no evidence maps at all", example = "30")
        int gapCount,

        @Schema(description = "coveredKsbs / totalKsbs × 100, rounded to one decimal place", example = "50.0")
        double percentageCovered) {}
