package uk.apprenticeships.st1398.evidence.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Provider", description = "A training provider in the provider register")
public record ProviderResponse(
        @Schema(description = "UK provider reference number", example = "10000001")
        String ukprn,

        @Schema(example = "Example Training Ltd") String name,
        @Schema(description = "Who added it, and when") StampResponse created,
        @Schema(description = "Who last named it, and when") StampResponse updated) {}
