package uk.apprenticeships.st1398.assessment.api;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.apprenticeships.st1398.assessment.domain.AttemptKind;
import uk.apprenticeships.st1398.assessment.domain.BookingStatus;

@Schema(
        name = "Booking",
        description = "A booked attempt at one method; its details never change, a cancellation "
                + "or the attempt it was used for is added once")
public record BookingResponse(
        UUID id,
        UUID assessmentId,
        @Schema(example = "M1") String methodCode,
        AttemptKind kind,
        LocalDate date,

        @Schema(type = SchemaType.STRING, format = "partial-time", example = "09:30")
        LocalTime startTime,

        @Schema(enumeration = {"remote", "on-site"}) String mode,
        String location,
        UUID assessorId,
        boolean employerAgreed,
        String note,
        BookingStatus status,
        OffsetDateTime bookedAt,

        @Schema(description = "Token subject of whoever booked it")
        String bookedBy,

        OffsetDateTime cancelledAt,

        @Schema(description = "Token subject of whoever cancelled it")
        String cancelledBy,

        String cancellationReason,

        @Schema(description = "The attempt recorded for this booking (status attended)")
        UUID attemptId) {}
