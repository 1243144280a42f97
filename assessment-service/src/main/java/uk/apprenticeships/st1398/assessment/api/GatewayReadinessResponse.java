package uk.apprenticeships.st1398.assessment.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.apprenticeships.st1398.assessment.domain.ReadinessStatus;

@Schema(
        name = "GatewayReadiness",
        description = "Whether an apprentice is ready for the gateway to completion, item "
                + "by item. Which items apply and their thresholds come from the standard version's assessment plan; ready "
                + "is true when every item is passed, waived or not applicable.")
public record GatewayReadinessResponse(
        boolean ready,
        OffsetDateTime checkedAt,
        UUID assessmentId,

        @Schema(description = "The apprentice's id in evidence-service", example = "665f1c2e9b1d4a3f8c0e1a2b")
        String apprenticeId,

        @Schema(example = "ST1398_1.0") String standardVersion,
        List<Item> items) {

    @Schema(name = "GatewayReadinessItem")
    public record Item(
            @Schema(
                    description = "coverage, off-the-job-hours, english-and-maths, employer-confirmation, "
                            + "project-scope-sign-off, minimum-time-in-learning, or the kebab-case code of any other "
                            + "requirement of the plan",
                    example = "coverage")
            String item,

            @Schema(
                    description = "The plan's requirement code; null for off-the-job-hours (the plan's off-the-job "
                            + "rules) and minimum-time-in-learning (funding rules, configured)",
                    example = "PORTFOLIO_MAPPED_TO_KSBS")
            String requirement,

            @Schema(description = "What the requirement asks, from the plan")
            String description,

            @Schema(
                    implementation = String.class,
                    enumeration = {"passed", "failed", "waived", "not-applicable"},
                    example = "failed")
            ReadinessStatus status,

            @Schema(
                    description = "Why, with the numbers",
                    example = "31 of 34 KSBs have accepted evidence; missing " + "S3, S7, B2")
            String reason,

            @Schema(
                    description = "The numbers behind the reason (per item: totalKsbs, coveredKsbs, missing; "
                            + "approvedHours, requiredHours; ageAtStart; monthsInLearning...)")
            Map<String, Object> details,

            @Schema(description = "The waiver in force, if any")
            Waiver waiver,

            @Schema(description = "The latest declaration, for items met by a declaration")
            Declaration declaration) {}

    @Schema(name = "GatewayWaiver")
    public record Waiver(
            @Schema(description = "Token subject of whoever waived it")
            String by,

            String byName,
            OffsetDateTime at,
            String reason) {}

    @Schema(name = "GatewayDeclaration")
    public record Declaration(
            @Schema(example = "Sam Patel, line manager at the employer")
            String declaredBy,

            LocalDate declaredOn,

            @Schema(
                    description = "Certificate number, document reference or project title",
                    example = "Churn model retraining pipeline")
            String reference,

            String note,

            @Schema(description = "Token subject of whoever recorded it")
            String recordedBy,

            OffsetDateTime recordedAt) {}
}
