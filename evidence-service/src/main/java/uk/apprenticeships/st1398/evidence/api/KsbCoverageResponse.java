package uk.apprenticeships.st1398.evidence.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.apprenticeships.st1398.evidence.domain.KsbCoverage;

@Schema(name = "KsbCoverage", description = "How far one KSB of the apprentice's standard version is evidenced")
public record KsbCoverageResponse(
        @Schema(example = "K1") String code,

        @Schema(
                description = "covered: at least one accepted evidence item maps it; in-progress: only draft, "
                        + "submitted or referred-back items map it; gap: nothing maps it",
                enumeration = {"covered", "in-progress", "gap"},
                example = "covered")
        KsbCoverage status,

        @Schema(description = "Accepted evidence items mapping this KSB", example = "2")
        int acceptedEvidenceCount,

        @Schema(description = "Draft, submitted or referred-back items mapping this KSB", example = "1")
        int inProgressEvidenceCount,

        @Schema(description = "When the most recently accepted of those items was accepted; null if none")
        Instant latestAcceptedAt) {}
