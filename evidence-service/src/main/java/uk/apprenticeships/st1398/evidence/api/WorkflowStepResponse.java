package uk.apprenticeships.st1398.evidence.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WorkflowStep", description = "One workflow step: what, to which revision, who and when")
public record WorkflowStepResponse(
        @Schema(description = "created, revised, submitted, resubmitted, confirmed, accepted or referred-back",
                example = "submitted") String action,
        @Schema(description = "Status after the step", example = "submitted") String status,
        int revision,
        @Schema(description = "Subject of the token that took the step") String by,
        Instant at,
        @Schema(description = "The tutor's feedback when referred back") String feedback) {
}
