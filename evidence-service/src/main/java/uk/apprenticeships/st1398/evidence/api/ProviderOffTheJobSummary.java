package uk.apprenticeships.st1398.evidence.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.apprenticeships.st1398.evidence.domain.ApprenticeStatus;

@Schema(
        name = "ProviderOffTheJobSummary",
        description = "One apprentice of a provider with their off-the-job summary: `summary` is exactly what "
                + "GET /api/v1/apprentices/{id}/off-the-job/summary answers for them")
public record ProviderOffTheJobSummary(
        @Schema(example = "665f1c2e9b1d4a3f8c0e1a2b") String apprenticeId,
        @Schema(example = "Ada") String givenName,
        @Schema(example = "Lovelace") String familyName,
        @Schema(example = "1234567890") String uln,
        @Schema(example = "active") ApprenticeStatus status,

        @Schema(description = "Approved and pending hours against the required minimum, as for one apprentice")
        OffTheJobSummaryResponse summary) {}
