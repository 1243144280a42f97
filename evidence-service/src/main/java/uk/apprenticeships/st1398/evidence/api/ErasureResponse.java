package uk.apprenticeships.st1398.evidence.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Erasure", description = "The tombstone left by an erasure and what this run deleted")
public record ErasureResponse(
        String apprenticeId,
        @Schema(example = "10000001") String providerUkprn,
        Instant erasedAt,

        @Schema(description = "Token subject of the admin who started the erasure")
        String erasedBy,

        @Schema(description = "Who started the erasure; `at` is when it completed")
        StampResponse erased,

        String reason,

        @Schema(
                description = "What this run deleted (a run that completes an interrupted one counts only what "
                        + "was left)")
        Deleted deleted) {

    @Schema(name = "ErasureDeleted")
    public record Deleted(long evidence, long files, long offTheJobEntries, long reviews, long idempotencyKeys) {}
}
