package uk.apprenticeships.st1398.evidence.api;

import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "StatusChange", description = "One change of an apprentice's status")
public record StatusChangeResponse(
        @Schema(example = "active") String status,
        @Schema(description = "When the change was recorded") Instant at,
        @Schema(description = "Subject of the token that made the change") String by,
        @Schema(description = "Why; null for the enrolment", example = "Parental leave") String reason,
        @Schema(description = "From when the status applies (the start date for the enrolment)")
        LocalDate effectiveDate) {
}
