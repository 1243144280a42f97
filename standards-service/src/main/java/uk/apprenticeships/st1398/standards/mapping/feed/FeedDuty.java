package uk.apprenticeships.st1398.standards.mapping.feed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * The feed's {@code duties[]}. Null mapping lists mean the source does not give the mapping (unknown), which is
 * different from an empty list (maps none of that kind).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedDuty(
        @NotNull @JsonProperty("dutyID") UUID dutyId,
        @Size(max = 5000) String dutyDetail,
        @Min(0) @Max(1) Integer isThisACoreDuty,
        @Size(max = 300) List<@NotNull UUID> mappedKnowledge,
        @Size(max = 300) List<@NotNull UUID> mappedSkills,
        @Size(max = 300) List<@NotNull UUID> mappedBehaviour,
        @Size(max = 50) List<@NotNull UUID> mappedOptions) {

    public boolean mappingKnown() {
        return mappedKnowledge != null || mappedSkills != null || mappedBehaviour != null;
    }

    public Boolean core() {
        return isThisACoreDuty == null ? null : isThisACoreDuty == 1;
    }
}
