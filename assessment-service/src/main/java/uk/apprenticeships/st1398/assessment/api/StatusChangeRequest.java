package uk.apprenticeships.st1398.assessment.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.apprenticeships.st1398.assessment.domain.CertificateStatus;

/** Move a certificate to another status (for example Approved, by the approving body). */
@Schema(name = "CertificateStatusChange")
public record StatusChangeRequest(
        @NotNull @Schema(required = true, example = "Approved")
        CertificateStatus status,

        @Size(max = 500) @Schema(description = "Why; kept in the history")
        String note) {}
