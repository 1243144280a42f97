package uk.apprenticeships.st1398.assessment.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "KsbJudgement", description = "Whether the attempt showed one KSB")
public record KsbJudgementRecord(
        @NotNull
        @Pattern(regexp = "^[KSB]\\d{1,3}$", message = "must look like K1, S3 or B2")
        @Schema(example = "K1", required = true)
        String code,

        @NotNull @Schema(required = true) Boolean met,
        @Size(max = 2000) String note) {}
