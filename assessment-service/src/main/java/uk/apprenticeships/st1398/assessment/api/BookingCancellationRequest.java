package uk.apprenticeships.st1398.assessment.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "BookingCancellationRequest", description = "Why a booking is cancelled")
public record BookingCancellationRequest(
        @NotBlank @Size(max = 2000) @Schema(description = "Why, kept with the booking", required = true)
        String reason) {}
