package uk.apprenticeships.st1398.evidence.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ErasureRequest", description = "Why an apprentice's record is erased (kept on the tombstone)")
public record ErasureRequest(
        @NotBlank
        @Size(max = 2000)
        @Schema(example = "Erasure request from the apprentice, ticket 4711", required = true)
        String reason) {}
