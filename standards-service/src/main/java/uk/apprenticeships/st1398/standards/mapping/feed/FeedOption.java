package uk.apprenticeships.st1398.standards.mapping.feed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** The feed's {@code options[]}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedOption(
        @NotNull UUID optionId, @NotBlank @Size(max = 1000) String title) {}
