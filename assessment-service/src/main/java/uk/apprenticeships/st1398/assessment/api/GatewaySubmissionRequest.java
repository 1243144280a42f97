package uk.apprenticeships.st1398.assessment.api;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "GatewaySubmissionRequest", description = "Submit the apprentice for the gateway to completion")
public record GatewaySubmissionRequest(
        @Size(min = 1, max = 2000) @Schema(description = "A note for the assessment organisation")
        String note) {}
