package uk.apprenticeships.st1398.evidence.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An LMS credential; the secret only in the answer to its creation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record XapiCredentialResponse(
        @Schema(description = "The key: the HTTP Basic user name")
        String key,

        @Schema(description = "The secret: the HTTP Basic password. Shown once, at creation; stored only as a hash")
        String secret,

        String name,
        String providerUkprn,

        @Schema(description = "The LRS endpoint to configure in the LMS")
        String endpoint,

        Instant createdAt,
        StampResponse createdBy,
        Instant revokedAt) {}
