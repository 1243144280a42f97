package uk.apprenticeships.st1398.evidence.api;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.apprenticeships.st1398.evidence.domain.EvidenceKind;
import uk.apprenticeships.st1398.evidence.domain.EvidenceStatus;

@Schema(
        name = "ProviderEvidenceItem",
        description = "One evidence item (its newest revision) in a provider-wide list, with its apprentice's "
                + "name; the whole item is at GET /api/v1/apprentices/{apprenticeId}/evidence/{id}")
public record ProviderEvidenceItem(
        @Schema(example = "665f1c2e9b1d4a3f8c0e1a2c") String id,
        @Schema(example = "665f1c2e9b1d4a3f8c0e1a2b") String apprenticeId,
        @Schema(example = "Ada") String givenName,
        @Schema(example = "Lovelace") String familyName,

        @Schema(description = "The item's newest revision", example = "1")
        int revision,

        @Schema(description = "Concurrency counter; send it back with a workflow step", example = "3")
        long version,

        @Schema(description = "draft, submitted, referred-back or accepted", example = "submitted")
        EvidenceStatus status,

        @Schema(example = "reflection") EvidenceKind kind,
        String title,
        @Schema(example = "[\"K1\", \"S3\"]") List<String> ksbCodes,
        boolean employerConfirmationRequired,

        @Schema(description = "The employer's confirmation of the current submission, if given")
        WorkflowStepResponse employerConfirmation,

        @Schema(
                description = "When the newest revision was last submitted (or resubmitted) for review; null if it "
                        + "never was")
        Instant submittedAt,

        @Schema(
                description = "The item's last change (the list's order): for a submitted item, its submission or "
                        + "the employer's confirmation after it")
        Instant updatedAt) {}
