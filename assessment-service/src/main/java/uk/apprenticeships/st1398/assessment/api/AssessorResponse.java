package uk.apprenticeships.st1398.assessment.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Assessor", description = "An assessor of an assessment organisation")
public record AssessorResponse(
        UUID id,
        @Schema(example = "EPA0001") String epaoId,

        @Schema(description = "The assessor's token subject")
        String userId,

        String name,
        String email,
        List<String> conflictProviderUkprns,
        List<String> conflictEmployerIds,
        OffsetDateTime createdAt) {}
