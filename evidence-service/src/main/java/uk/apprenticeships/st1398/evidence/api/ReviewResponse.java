package uk.apprenticeships.st1398.evidence.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Review", description = "A progress review and its three sign-offs")
public record ReviewResponse(
        String id,
        String apprenticeId,
        LocalDate date,
        String summary,
        String nextSteps,
        List<String> ksbCodes,
        @Schema(description = "Incremented on every change") long version,

        @Schema(description = "The apprentice's sign-off, or null")
        SignOffResponse apprenticeSignOff,

        @Schema(description = "The provider's (tutor's) sign-off, or null")
        SignOffResponse providerSignOff,

        @Schema(description = "The employer's sign-off, or null")
        SignOffResponse employerSignOff,

        @Schema(description = "True once all three parties have signed")
        boolean complete,

        Instant createdAt,
        String createdBy,

        @Schema(description = "Who recorded the review, and when")
        StampResponse created,

        Instant updatedAt) {

    @Schema(name = "SignOff", description = "Who signed (token subject, name, role) and when")
    public record SignOffResponse(String by, String byName, String role, Instant at) {}
}
