package uk.apprenticeships.st1398.evidence.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WorkflowRequest", description = "One step of the review workflow")
public record WorkflowRequest(
        @NotNull
        @Pattern(
                regexp = "^(submit|confirm|accept|refer-back)$",
                message = "must be one of submit, confirm, accept, refer-back")
        @Schema(
                description = "`submit` (apprentice or tutor; also resubmits referred-back evidence), `confirm` "
                        + "(the apprentice's employer, where required), `accept` or `refer-back` (tutor)",
                example = "submit",
                required = true)
        String action,

        @Size(max = 4000) @Schema(description = "Required for `refer-back`: what to improve")
        String feedback,

        @PositiveOrZero @Schema(description = "Optional: the `version` you last read; 409 if it has changed")
        Long version) {}
