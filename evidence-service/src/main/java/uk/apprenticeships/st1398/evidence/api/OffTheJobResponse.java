package uk.apprenticeships.st1398.evidence.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.apprenticeships.st1398.evidence.domain.OffTheJobStatus;

@Schema(name = "OffTheJobEntry", description = "A logged spell of off-the-job training and the tutor's decision")
public record OffTheJobResponse(
        String id,
        String apprenticeId,
        LocalDate date,
        @Schema(example = "7.50") BigDecimal hours,
        String activity,
        List<String> ksbCodes,

        @Schema(description = "pending, approved or rejected")
        OffTheJobStatus status,

        @Schema(description = "Incremented on every change") long version,

        @Schema(description = "Token subject of the tutor who approved or rejected it")
        String decidedBy,

        Instant decidedAt,

        @Schema(description = "Who approved or rejected it, and when")
        StampResponse decided,

        @Schema(description = "Why it was rejected") String rejectionReason,
        Instant createdAt,

        @Schema(description = "Token subject of whoever logged it")
        String createdBy,

        @Schema(description = "Who logged it, and when") StampResponse created,
        Instant updatedAt) {}
