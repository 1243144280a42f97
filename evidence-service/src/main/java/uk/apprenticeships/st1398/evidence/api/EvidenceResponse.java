package uk.apprenticeships.st1398.evidence.api;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.apprenticeships.st1398.evidence.domain.EvidenceKind;
import uk.apprenticeships.st1398.evidence.domain.EvidenceStatus;

@Schema(name = "Evidence", description = "An evidence item (or one revision of it) with its review workflow")
public record EvidenceResponse(
        @Schema(example = "665f1c2e9b1d4a3f8c0e1a2c") String id,
        @Schema(example = "665f1c2e9b1d4a3f8c0e1a2b") String apprenticeId,

        @Schema(description = "Content revision shown, from 1", example = "1")
        int revision,

        @Schema(description = "The item's newest revision", example = "1")
        int latestRevision,

        @Schema(description = "Concurrency counter; send it back on updates", example = "3")
        long version,

        @Schema(description = "draft, submitted, referred-back or accepted", example = "draft")
        EvidenceStatus status,

        @Schema(example = "reflection") EvidenceKind kind,
        String title,
        String description,
        String url,
        String text,
        @Schema(example = "[\"K1\", \"S3\"]") List<String> ksbCodes,
        boolean employerConfirmationRequired,

        @Schema(description = "The employer's confirmation of the current submission, if given")
        WorkflowStepResponse employerConfirmation,

        @Schema(description = "The uploaded file, if any") FileResponse file,

        @Schema(description = "Workflow steps of this item, oldest first")
        List<WorkflowStepResponse> history,

        Instant createdAt,

        @Schema(description = "Subject of the token that created the item")
        String createdBy,

        @Schema(description = "Who created the item, and when")
        StampResponse created,

        Instant updatedAt,

        @Schema(description = "For kind xapi-statement: the LMS statement it was made from (docs/xapi.md)")
        XapiOriginResponse xapi) {}
