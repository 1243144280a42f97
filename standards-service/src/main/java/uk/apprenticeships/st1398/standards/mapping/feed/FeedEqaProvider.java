package uk.apprenticeships.st1398.standards.mapping.feed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.Size;

/** The feed's {@code eQAProvider}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedEqaProvider(
        @Size(max = 300) String providerName,
        @Size(max = 300) String contactName,
        @Size(max = 1000) String contactAddress,
        @Size(max = 300) String contactEmail,
        @Size(max = 2000) String webLink) {}
