package uk.apprenticeships.st1398.assessment.api;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "AssessmentOrganisation",
        description = "An assessment organisation (formerly end-point assessment organisation, EPAO)")
public record AssessmentOrganisationResponse(
        @Schema(description = "Assessment organisation id (EPAO id)", example = "EPA0001")
        String epaoId,

        @Schema(example = "Digital Skills Assessment Ltd") String name,

        @Schema(description = "UK provider reference number", example = "10012345")
        String ukprn,

        @Schema(example = "epa@example.org") String contactEmail,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
