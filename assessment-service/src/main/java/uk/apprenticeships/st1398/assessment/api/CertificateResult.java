package uk.apprenticeships.st1398.assessment.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.apprenticeships.st1398.platform.problem.Problem;

/** The answer for one item of a batch: the certificate, or why this item was refused. */
@Schema(name = "CertificateResult")
public record CertificateResult(
        @Schema(description = "The item's requestId") String requestId,

        @Schema(
                description = "HTTP-style status of this item: 201 created, 200 amended or submitted, 400 invalid, "
                        + "404 unknown certificate, 409 not allowed in its current status",
                example = "201")
        int status,

        @Schema(
                description = "Why the item was refused, from the error catalogue (docs/errors.md); absent when it "
                        + "succeeded",
                example = "learner-has-certificate")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String code,

        @Schema(description = "The certificate after the change; absent when the item was refused")
        CertificateResponse certificate,

        @Schema(description = "Empty when the item succeeded")
        List<Problem.Violation> validationErrors) {}
