package uk.apprenticeships.st1398.assessment.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.apprenticeships.st1398.assessment.domain.AttemptKind;

/** A booking of one assessment method of the plan. */
@Schema(name = "BookingRequest", description = "A booking of a first attempt, resit or retake of one method")
public record BookingRequest(
        @NotBlank @Size(max = 30) @Schema(description = "A method code of the plan", example = "M1", required = true)
        String methodCode,

        @NotNull @Schema(required = true) AttemptKind kind,

        @NotNull @Schema(description = "Day booked: inside the assessment period, today or later", required = true)
        LocalDate date,

        @Schema(description = "Local start time", example = "09:30", type = SchemaType.STRING, format = "partial-time")
        LocalTime startTime,

        @Pattern(regexp = "^(remote|on-site)$", message = "must be remote or on-site")
        @Schema(enumeration = {"remote", "on-site"})
        String mode,

        @Size(min = 1, max = 300) @Schema(description = "Where, for an on-site booking")
        String location,

        @Schema(
                description = "An assessor of the assessment's organisation without a conflict of interest with "
                        + "the apprentice's provider or employer")
        UUID assessorId,

        @Schema(description = "The employer agreed to this resit or retake (when the plan requires it)")
        boolean employerAgreed,

        @Size(min = 1, max = 2000) String note) {}
