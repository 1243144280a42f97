package uk.apprenticeships.st1398.assessment.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.apprenticeships.st1398.assessment.domain.AttemptKind;

@Schema(name = "Attempt", description = "A graded attempt; never changed once recorded except for supersededBy")
public record AttemptResponse(
        UUID id,
        UUID assessmentId,
        @Schema(example = "M1") String methodCode,
        AttemptKind kind,
        LocalDate date,
        @Schema(example = "Pass") String grade,
        List<KsbJudgementRecord> ksbJudgements,
        List<String> evidenceRefs,
        boolean employerAgreed,
        boolean exceptionalCircumstances,
        String reason,

        @Schema(description = "The attempt this one corrects; null for an original attempt")
        UUID correctsId,

        @Schema(description = "The correction that replaced this attempt; null while it stands")
        UUID supersededBy,

        OffsetDateTime recordedAt,

        @Schema(description = "Token subject of whoever recorded it")
        String recordedBy) {}
