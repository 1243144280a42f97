package uk.apprenticeships.st1398.standards.api;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "VersionSummary", description = "One version of a standard")
public record VersionSummary(
        @Schema(description = "Standard-version key", example = "ST1398_1.0")
        String key,

        @Schema(example = "1.0") String versionNumber,
        @Schema(example = "Approved for delivery") String status,

        @Schema(description = "Whether this is the standard's highest-numbered version, whatever its status")
        boolean latestVersion,

        LocalDate approvedForDelivery,
        LocalDate earliestStartDate,
        LocalDate latestStartDate,
        LocalDate latestEndDate,

        @Schema(
                description = "Where this version's content was loaded from; null if not recorded",
                example = "Skills England published summary")
        String source) {}
