package uk.apprenticeships.st1398.assessment.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "GatewayWaiverRequest", description = "Waive a readiness item, or withdraw the waiver in force")
public record GatewayWaiverRequest(
        @NotNull
        @Pattern(regexp = GatewayDeclarationRequest.ITEM, message = GatewayDeclarationRequest.ITEM_HELP)
        @Schema(example = "english-and-maths", required = true)
        String item,

        @NotBlank
        @Size(max = 2000)
        @Schema(
                description = "Why; required",
                required = true,
                example = "Exempt: level 2 English and maths achieved abroad, recognised by the provider")
        String reason,

        @Pattern(regexp = "^(waive|withdraw)$", message = "must be waive or withdraw")
        @Schema(
                description = "waive (default) or withdraw the waiver in force",
                example = "waive",
                defaultValue = "waive")
        String action) {

    public boolean withdraws() {
        return "withdraw".equals(action);
    }
}
