package uk.apprenticeships.st1398.assessment.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One item of a create or update EPA batch, in the DfE assessment service's shape. The server assigns
 * {@code epaDetails.epaReference} on create; an update names the record it replaces.
 */
@Schema(name = "EpaRequest", description = "One learner's EPA details in a create or update batch")
public record EpaRequest(
        @Schema(
                description = "Client id for this item, echoed in its result; unique within the batch",
                example = "row-1",
                required = true)
        String requestId,

        @NotBlank
        @Pattern(regexp = LearnerResource.STANDARD, message = "must be a LARS code or look like ST1234")
        @Schema(description = "LARS standard code or standard reference", example = "ST1398", required = true)
        String standard,

        @NotBlank
        @Pattern(regexp = "^[1-9]\\d{9}$", message = "must be 10 digits, not starting with 0")
        @Schema(description = "Unique learner number", example = "1234567890", required = true)
        String uln,

        @NotBlank
        @Size(max = 100)
        @Schema(description = "Matched case-insensitively", example = "Smith", required = true)
        String familyName,

        @NotNull @Valid EpaDetails epaDetails) {

    @Schema(name = "EpaDetailsRequest")
    public record EpaDetails(
            @Pattern(regexp = "^\\d{8}$", message = "must be 8 digits")
            @Schema(description = "Update only: the EPA record to replace", example = "00000001")
            String epaReference,

            @NotEmpty
            @Size(max = 20)
            @Schema(
                    description = "Every EPA of the learner on this standard, oldest "
                            + "first (an update replaces the whole list)",
                    required = true)
            List<@NotNull @Valid Epa> epas) {}

    @Schema(name = "Epa")
    public record Epa(
            @NotNull
            @Schema(
                    description = "Not before 2017-01-01 and not in the future",
                    example = "2026-06-30",
                    required = true)
            LocalDate epaDate,

            @NotNull
            @Pattern(regexp = "^(Pass|Fail|Withdrawn)$", message = "must be Pass, Fail or Withdrawn")
            @Schema(
                    enumeration = {"Pass", "Fail", "Withdrawn"},
                    required = true)
            String epaOutcome,

            @Schema(description = "A resit (no further learning); only after a Fail")
            Boolean resit,

            @Schema(description = "A retake (further learning); only after a Fail")
            Boolean retake) {}
}
