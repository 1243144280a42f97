package uk.apprenticeships.st1398.evidence.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Change an apprentice's status. Whether the move is allowed is checked by the service (409 otherwise). */
@Schema(
        name = "StatusChangeRequest",
        description = "A new status for an apprentice, with the reason and the date " + "it takes effect")
public record StatusChangeRequest(
        @NotNull
        @Pattern(
                regexp = ApprenticeResource.STATUSES,
                message = "must be one of active, break-in-learning, withdrawn, completed")
        @Schema(
                example = "break-in-learning",
                required = true,
                enumeration = {"active", "break-in-learning", "withdrawn", "completed"})
        String status,

        @NotBlank @Size(max = 500) @Schema(example = "Parental leave", required = true)
        String reason,
        // Not in the future: checked by the service against the injected clock (Bean Validation reads the system's).
        @NotNull
        @Schema(
                description = "Not in the future, not before the start date nor the previous change's",
                example = "2026-03-01",
                required = true)
        LocalDate effectiveDate) {}
