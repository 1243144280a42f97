package uk.apprenticeships.st1398.assessment.api;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An organisation's approval for a standard version. */
@Schema(name = "StandardVersionApproval")
public record ApprovalResponse(
        @Schema(example = "EPA0001") String epaoId,
        @Schema(example = "ST1398_1.0") String standardVersion,
        @Schema(example = "ST1398") String standardReference,
        @Schema(example = "1.0") String version,
        OffsetDateTime approvedAt,

        @Schema(description = "Token subject of the admin who approved it")
        String approvedBy) {}
