package uk.apprenticeships.st1398.assessment.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "GatewayDecisionRequest", description = "The assessment organisation's decision on one component")
public record GatewayDecisionRequest(
        @NotNull
        @Pattern(regexp = "^(accepted|rejected)$", message = "must be accepted or rejected")
        @Schema(
                enumeration = {"accepted", "rejected"},
                required = true)
        String decision,

        @Size(min = 1, max = 2000)
        @Schema(description = "Why; required for a rejection", example = "The employer's confirmation is unsigned")
        String reason) {}
