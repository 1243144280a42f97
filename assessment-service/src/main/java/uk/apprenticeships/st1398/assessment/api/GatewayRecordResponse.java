package uk.apprenticeships.st1398.assessment.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "GatewayRecord", description = "A waiver, a waiver's withdrawal or a declaration; never changed")
public record GatewayRecordResponse(
        UUID id,
        @Schema(example = "english-and-maths") String item,

        @Schema(enumeration = {"waiver", "waiver-withdrawal", "declaration"})
        String kind,

        @Schema(description = "Why (waivers, withdrawals); a note (declarations)")
        String reason,

        String declaredBy,
        LocalDate declaredOn,
        String reference,
        OffsetDateTime recordedAt,

        @Schema(description = "Token subject of whoever recorded it")
        String recordedBy,

        String recordedByName) {}
