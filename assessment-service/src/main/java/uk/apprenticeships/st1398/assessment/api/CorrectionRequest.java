package uk.apprenticeships.st1398.assessment.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A correction of a graded attempt: the attempt as it should have been recorded (same method and kind). */
@Schema(
        name = "CorrectionRequest",
        description = "The corrected attempt; method and kind are those of the attempt "
                + "it corrects. The reason says what was wrong.")
public record CorrectionRequest(
        @NotNull @Schema(required = true) LocalDate date,

        @NotBlank @Size(max = 50) @Schema(example = "Pass", required = true)
        String grade,

        @Size(max = 200) List<@NotNull @Valid KsbJudgementRecord> ksbJudgements,
        @Size(max = 200) List<@NotBlank @Size(max = 200) String> evidenceRefs,
        boolean employerAgreed,
        boolean exceptionalCircumstances,

        @NotBlank @Size(max = 2000) @Schema(description = "Why the attempt is corrected", required = true)
        String reason) {}
