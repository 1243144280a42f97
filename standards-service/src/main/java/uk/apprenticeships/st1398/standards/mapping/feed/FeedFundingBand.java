package uk.apprenticeships.st1398.standards.mapping.feed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.LocalDate;

/**
 * One funding band. Not part of the Skills England feed (its {@code maxFunding} is one number): funding over time is
 * LARS data, and this is how DfE's courses API serves it ({@code apprenticeshipFunding[]} of
 * SkillsFundingAgency/das-courses-api, {@code ApiResponses/ApprenticeshipFundingResponse.cs}), so an import can
 * carry it beside the feed's fields and an export gives it back.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedFundingBand(
        @NotNull LocalDate effectiveFrom,
        LocalDate effectiveTo,
        @NotNull @PositiveOrZero Integer maxEmployerLevyCap,
        @Positive @Max(120) Integer duration) {}
