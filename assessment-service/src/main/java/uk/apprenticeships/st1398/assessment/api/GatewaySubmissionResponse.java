package uk.apprenticeships.st1398.assessment.api;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "GatewaySubmission",
        description = "One attempt at the gateway to completion. submitted until every "
                + "component is decided; accepted when every component is accepted (the assessment's gatewayDate is then "
                + "set); rejected as soon as one component is rejected (the next submission is a new attempt).")
public record GatewaySubmissionResponse(
        @Schema(example = "1") int attempt,

        @Schema(enumeration = {"submitted", "accepted", "rejected"})
        String status,

        String note,
        OffsetDateTime submittedAt,

        @Schema(description = "Token subject of whoever submitted it")
        String submittedBy,

        String submittedByName,
        List<Component> components,

        @Schema(description = "The readiness check as it stood at submission")
        GatewayReadinessResponse readiness) {

    @Schema(name = "GatewayComponent")
    public record Component(
            @Schema(example = "employer-confirmation") String item,

            @Schema(
                    description = "The item's readiness at submission",
                    enumeration = {"passed", "waived"})
            String readinessStatus,

            @Schema(description = "The assessment organisation's decision; null while undecided")
            Decision decision) {}

    @Schema(name = "GatewayDecision")
    public record Decision(
            @Schema(enumeration = {"accepted", "rejected"}) String decision,
            String reason,
            OffsetDateTime decidedAt,

            @Schema(description = "Token subject of whoever decided")
            String decidedBy,

            String decidedByName) {}
}
