package uk.apprenticeships.st1398.assessment.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A certificate as the API shows it. {@code history} is given when one certificate is read, not in lists. */
@Schema(name = "Certificate")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CertificateResponse(
        @Schema(example = "00000001") String certificateReference,
        @Schema(example = "EPA0001") String epaoId,

        @Schema(
                enumeration = {"Draft", "Ready", "Submitted", "Approved", "Printed", "Delivered", "Cancelled", "Deleted"
                })
        String status,

        CertificateRequest.Standard standard,
        CertificateRequest.Learner learner,
        CertificateRequest.LearningDetails learningDetails,
        CertificateRequest.PostalContact postalContact,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        OffsetDateTime approvedAt,
        List<Change> history) {

    @Schema(name = "CertificateChange", description = "One change: who (token subject) and when")
    public record Change(
            @Schema(enumeration = {"Created", "Amended", "StatusChanged"})
            String action,

            String status,
            OffsetDateTime changedAt,
            String changedBy,
            String note) {}
}
