package uk.apprenticeships.st1398.evidence.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RejectionRequest", description = "Why a logged off-the-job entry is rejected")
public record RejectionRequest(
        @NotBlank @Size(max = 4000) @Schema(example = "This was a normal working day, not training", required = true)
        String reason) {}
