package uk.apprenticeships.st1398.assessment.api;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AssignAssessorRequest", description = "The assessor who will assess and grade the apprentice")
public record AssignAssessorRequest(
        @NotNull @Schema(required = true) UUID assessorId) {}
