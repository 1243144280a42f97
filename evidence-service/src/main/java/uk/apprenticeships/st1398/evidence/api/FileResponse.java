package uk.apprenticeships.st1398.evidence.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EvidenceFile", description = "A file uploaded to an evidence item")
public record FileResponse(
        @Schema(description = "Sanitised file name", example = "pipeline-design.pdf")
        String filename,

        @Schema(example = "application/pdf") String contentType,
        @Schema(description = "Size in bytes") long size,

        @Schema(description = "Lower-case hex SHA-256 of the bytes")
        String sha256,

        Instant uploadedAt,

        @Schema(description = "Subject of the token that uploaded it")
        String uploadedBy,

        @Schema(description = "Who uploaded it, and when") StampResponse uploaded) {}
