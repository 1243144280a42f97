package uk.apprenticeships.st1398.assessment.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.apprenticeships.st1398.assessment.domain.AttemptKind;

/** A graded attempt at one assessment method. */
@Schema(name = "AttemptRequest", description = "A graded attempt at one assessment method of the plan")
public record AttemptRequest(
        @NotBlank @Size(max = 30) @Schema(description = "A method code of the plan", example = "M1", required = true)
        String methodCode,

        @NotNull @Schema(required = true) AttemptKind kind,

        @NotNull @Schema(description = "Day of the attempt, inside the assessment period", required = true)
        LocalDate date,

        @NotBlank @Size(max = 50) @Schema(description = "One of the method's grades", example = "Pass", required = true)
        String grade,

        @Size(max = 200) List<@NotNull @Valid KsbJudgementRecord> ksbJudgements,

        @Size(max = 200) @Schema(description = "References to the evidence the judgement rests on (evidence ids)")
        List<@NotBlank @Size(max = 200) String> evidenceRefs,

        @Schema(description = "The employer agreed to this resit or retake")
        boolean employerAgreed,

        @Schema(description = "Exceptional circumstances apply (may lift the plan's grade cap)")
        boolean exceptionalCircumstances,

        @NotBlank
        @Size(max = 2000)
        @Schema(description = "Why: the basis of the grade, kept with the attempt", required = true)
        String reason,

        @Schema(
                description = "The open booking this attempt was taken at (same method, kind and date); it becomes "
                        + "attended. Optional")
        UUID bookingId) {}
