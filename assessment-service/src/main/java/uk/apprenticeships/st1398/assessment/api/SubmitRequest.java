package uk.apprenticeships.st1398.assessment.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One item of a submit batch. */
@Schema(name = "CertificateSubmitRequest")
public record SubmitRequest(
        @Schema(example = "row-1", required = true) String requestId,
        @Schema(example = "00000001", required = true) String certificateReference) {}
