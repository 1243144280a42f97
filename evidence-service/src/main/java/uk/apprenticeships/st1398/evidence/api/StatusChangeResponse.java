package uk.apprenticeships.st1398.evidence.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.apprenticeships.st1398.evidence.domain.ApprenticeStatus;

/** Who made a change and why are left out of the employer's and the assessor's views of the apprentice. */
@Schema(name = "StatusChange", description = "One change of an apprentice's status")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusChangeResponse(
        @Schema(example = "active") ApprenticeStatus status,

        @Schema(description = "When the change was recorded")
        Instant at,

        @Schema(description = "Subject of the token that made the change (not in the employer's view)")
        String by,

        @Schema(description = "Name (or client id) of who made the change (not in the employer's view)")
        String byName,

        @Schema(description = "Their widest role (not in the employer's view)")
        String role,

        @Schema(description = "Why; absent for the enrolment and in the employer's view", example = "Parental leave")
        String reason,

        @Schema(description = "From when the status applies (the start date for the enrolment)")
        LocalDate effectiveDate) {}
