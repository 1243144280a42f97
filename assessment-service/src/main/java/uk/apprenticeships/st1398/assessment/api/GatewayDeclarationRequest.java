package uk.apprenticeships.st1398.assessment.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "GatewayDeclarationRequest",
        description = "Evidence that a readiness item met by a declaration is "
                + "met: the employer's confirmation, an English or maths certificate, the signed-off project scope...")
public record GatewayDeclarationRequest(
        @NotNull
        @Pattern(regexp = ITEM, message = ITEM_HELP)
        @Schema(example = "employer-confirmation", required = true)
        String item,

        @NotBlank
        @Size(max = 200)
        @Schema(
                description = "Who confirmed, signed off or awarded it",
                example = "Sam Patel, line manager at the employer",
                required = true)
        String declaredBy,

        @NotNull @Schema(description = "When; not in the future", example = "2026-10-01", required = true)
        LocalDate declaredOn,

        @Size(min = 1, max = 300)
        @Schema(
                description = "Certificate number, document reference or project title",
                example = "Churn model retraining pipeline")
        String reference,

        @Size(min = 1, max = 2000) String note) {

    static final String ITEM = "^[a-z][a-z0-9-]{0,59}$";
    static final String ITEM_HELP = "must be a readiness item such as employer-confirmation";
}
