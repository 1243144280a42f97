package uk.apprenticeships.st1398.assessment.api;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "AssessmentResult",
        description = "Each method's current grade (its latest attempt that is not "
                + "superseded) and the overall grade from the plan's combination table")
public record ResultResponse(
        UUID assessmentId,
        @Schema(example = "ST1398_1.0") String standardVersion,

        @Schema(
                description = "`incomplete` until every method of the plan has a grade",
                enumeration = {"complete", "incomplete"})
        String status,

        @Schema(description = "null while incomplete", example = "Pass")
        String overallGrade,

        List<MethodResult> methods) {

    @Schema(name = "MethodResult")
    public record MethodResult(
            @Schema(example = "M1") String code,
            String name,
            @Schema(description = "null: no attempt yet") String grade,

            @Schema(description = "The attempt the grade comes from")
            UUID attemptId) {}
}
