package uk.apprenticeships.st1398.standards.mapping.feed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** The feed's {@code qualifications[]}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedQualification(
        @NotNull UUID qualificationId,
        @NotBlank @Size(max = 1000) String title,
        @Min(1) @Max(8) Integer level,
        @Size(max = 5000) String anyAdditionalInformation) {}
