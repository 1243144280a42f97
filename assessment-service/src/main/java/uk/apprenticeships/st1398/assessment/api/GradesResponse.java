package uk.apprenticeships.st1398.assessment.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The fixed vocabulary of certificate grades (small and closed, so not paged). */
@Schema(name = "CertificateGrades")
public record GradesResponse(
        @Schema(description = "Every allowed overallGrade; Fail is never one")
        List<Grade> grades) {

    @Schema(name = "CertificateGrade")
    public record Grade(
            @Schema(example = "Merit") String grade,

            @Schema(description = "false for grades used only by older standards")
            boolean current) {}
}
