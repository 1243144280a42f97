package uk.apprenticeships.st1398.assessment.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Approve an assessment organisation for one standard version. */
@Schema(name = "StandardVersionApprovalRequest")
public record ApprovalRequest(
        @NotNull
        @Pattern(regexp = "^(ST|FA|AU)\\d{4}_\\d+\\.\\d+$", message = "must look like ST1398_1.0")
        @Schema(
                description = "Standard-version key, as the standards catalogue names it",
                example = "ST1398_1.0",
                required = true)
        String standardVersion) {}
