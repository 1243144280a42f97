package uk.apprenticeships.st1398.standards.mapping.feed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.Size;

/**
 * The feed's {@code regulationDetail[]} (SkillsFundingAgency/das-courses-api,
 * {@code ImportTypes/SkillsEngland/Apprenticeship.cs}, class {@code RegulationDetail}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedRegulationDetail(
        @Size(max = 300) String name,
        Boolean approved,
        @Size(max = 2000) String webLink) {}
