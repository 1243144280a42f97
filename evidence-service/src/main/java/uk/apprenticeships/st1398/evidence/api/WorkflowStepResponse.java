package uk.apprenticeships.st1398.evidence.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.apprenticeships.st1398.evidence.domain.EvidenceStatus;
import uk.apprenticeships.st1398.evidence.domain.WorkflowAction;

@Schema(name = "WorkflowStep", description = "One step of an evidence item's review workflow")
public record WorkflowStepResponse(
        @Schema(
                description = "created, updated, file-uploaded, submitted, resubmitted, confirmed, accepted, "
                        + "referred-back or revised",
                example = "submitted")
        WorkflowAction action,

        @Schema(description = "Status after the step", example = "submitted")
        EvidenceStatus status,

        int revision,

        @Schema(description = "Subject of the token that took the step")
        String by,

        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Name (or client id) of who took the step")
        String byName,

        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Their widest role")
        String role,

        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "The subject a delegated token acted for")
        String onBehalfOf,

        Instant at,

        @Schema(description = "The tutor's feedback when referred back")
        String feedback) {}
