package uk.apprenticeships.st1398.assessment.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A learner's EPA details as they stand: the record's reference, its EPAs and the latest outcome. */
@Schema(name = "EpaDetails")
public record EpaDetailsResponse(
        @Schema(example = "00000001") String epaReference,
        @Schema(description = "Date of the last EPA") LocalDate latestEpaDate,

        @Schema(
                description = "Outcome of the last EPA",
                enumeration = {"Pass", "Fail", "Withdrawn"})
        String latestEpaOutcome,

        List<EpaRequest.Epa> epas,

        @Schema(description = "When this version of the record was written")
        OffsetDateTime recordedAt) {}
