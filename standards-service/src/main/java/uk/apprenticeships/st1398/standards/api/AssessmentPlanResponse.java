package uk.apprenticeships.st1398.standards.api;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A version's assessment plan: the stored {@link AssessmentPlanDocument} plus read-only members saying whose plan it
 * is and what in it is unconfirmed. The read-only members are ignored when the body is PUT back.
 */
@Schema(
        name = "AssessmentPlan",
        description = "A standard version's assessment plan as data. `confirmed` is true "
                + "only when every section and item is confirmed; `unconfirmed` lists the ones that are not. The same body "
                + "(read-only members included) can be PUT back.")
public record AssessmentPlanResponse(
        @Schema(description = "Standard-version key", example = "ST1398_1.0")
        String key,

        @Schema(example = "ST1398") String reference,
        @Schema(example = "1.0") String versionNumber,

        @Schema(description = "Every section, gateway requirement and off-the-job rule is confirmed by a source")
        boolean confirmed,

        @Schema(
                description =
                        "Paths of the sections and items not confirmed, e.g. `methods`, " + "`offTheJob.rules[1]`")
        List<String> unconfirmed,

        OffsetDateTime updatedAt,
        String sourceNote,
        AssessmentPlanDocument.AssessmentPeriod assessmentPeriod,
        AssessmentPlanDocument.Methods methods,
        AssessmentPlanDocument.GradeCombinations gradeCombinations,
        AssessmentPlanDocument.Gateway gateway,
        AssessmentPlanDocument.ResitRetake resitRetake,
        AssessmentPlanDocument.OffTheJob offTheJob) {}
