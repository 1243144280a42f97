package uk.apprenticeships.st1398.standards.mapping.feed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** An item of the feed's {@code knowledges[]}; {@code detail} is null when the source does not give the text. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedKnowledge(
        @NotNull UUID knowledgeId, @Size(max = 5000) String detail) implements FeedKsb {

    @Override
    public UUID id() {
        return knowledgeId;
    }
}
