package uk.apprenticeships.st1398.assessment.api;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One recorded change to an assessor's conflicts of interest. */
@Schema(name = "ConflictChange")
public record ConflictChangeResponse(
        @Schema(enumeration = {"provider", "employer"}) String kind,

        @Schema(description = "The provider's UKPRN or the employer's id", example = "10000001")
        String value,

        @Schema(enumeration = {"Declared", "Removed"}) String action,
        String reason,
        OffsetDateTime changedAt,

        @Schema(description = "Token subject of whoever made the change")
        String changedBy) {}
