package uk.apprenticeships.st1398.evidence.api;

import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Replace the provider's learner reference and the calling client's own id for an apprentice. A member left out (or
 * null) clears it; other clients' ids are never touched.
 */
@Schema(name = "IdentifiersRequest", description = "The apprentice's learner reference and the calling client's id")
public record IdentifiersRequest(
        @Pattern(regexp = ApprenticeRequest.LEARNER_REFERENCE, message = ApprenticeRequest.LEARNER_REFERENCE_RULE)
        @Schema(
                description = ApprenticeRequest.LEARNER_REFERENCE_DESCRIPTION + "; absent or null: cleared",
                example = "MIS00042")
        String learnerReference,

        @Pattern(regexp = ApprenticeRequest.EXTERNAL_ID, message = ApprenticeRequest.EXTERNAL_ID_RULE)
        @Schema(
                description = ApprenticeRequest.EXTERNAL_ID_DESCRIPTION + "; absent or null: the calling client's "
                        + "id is removed",
                example = "learner-7f3a9c")
        String externalId) {}
