package uk.apprenticeships.st1398.standards.mapping.feed;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One standard version in the Skills England feed format ({@code GET /api/apprenticeshipstandards/{STnnnn}}),
 * field names as the feed spells them. Fields this service does not keep are ignored. Dates accept the feed's
 * {@code 2024-12-18T00:00:00} as well as {@code 2024-12-18}. A null list means the source does not give it.
 *
 * <p>Field names and types as DfE's own importer of this feed reads them (SkillsFundingAgency/das-courses-api,
 * {@code src/SFA.DAS.Courses.Domain/ImportTypes/SkillsEngland/Apprenticeship.cs}); {@code apprenticeshipFunding}
 * is this catalogue's one addition (see {@link FeedFundingBand}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedStandardVersion(
        @NotNull @Pattern(regexp = "^(ST|FA|AU)\\d{4}$", message = "must look like ST1234")
        String referenceNumber,

        @NotBlank @Size(max = 300) String title,
        @NotNull @Min(2) @Max(8) Integer level,

        @NotNull @JsonAlias("versionNumber") @Pattern(regexp = "^\\d{1,3}\\.\\d{1,3}$", message = "must look like 1.0")
        String version,

        @NotNull
        @Pattern(
                regexp = STATUSES,
                message = "must be one of Approved for delivery, In development, "
                        + "Proposal in development, Retired, Withdrawn")
        String status,

        @Positive Integer larsCode,
        @Size(max = 100) String route,
        LocalDate approvedForDelivery,
        LocalDate earliestStartDate,
        LocalDate latestStartDate,
        LocalDate latestEndDate,
        @Positive @Max(120) Integer typicalDuration,
        @PositiveOrZero Integer maxFunding,
        @JsonProperty("eQAProvider") @Valid FeedEqaProvider eqaProvider,
        @Size(max = 300) String regulatedBody,
        @Size(max = 20000) String overviewOfRole,
        @Size(max = 2000) String standardPageUrl,
        Boolean coreAndOptions,
        @Size(max = 50) List<@NotNull @Valid FeedOption> options,
        @Size(max = 100) List<@NotNull @Valid FeedDuty> duties,
        @Size(max = 300) List<@NotNull @Valid FeedKnowledge> knowledges,
        @Size(max = 300) List<@NotNull @Valid FeedSkill> skills,
        @Size(max = 300) List<@NotNull @Valid FeedBehaviour> behaviours,
        @Size(max = 50) List<@NotNull @Valid FeedQualification> qualifications,
        @Size(max = 50) List<@NotBlank @Size(max = 200) String> typicalJobTitles,
        @Size(max = 2000) String assessmentPlanUrl,
        @Size(max = 100) List<@NotBlank @Size(max = 200) String> keywords,
        Boolean regulated,
        @Size(max = 20) List<@NotNull @Valid FeedRegulationDetail> regulationDetail,

        @Schema(
                description = "Not a Skills England feed field: funding bands (LARS) as DfE's courses API names them. "
                        + "On import, absent keeps the stored bands and a list (even empty) replaces them; "
                        + "bands may not overlap.")
        @Size(max = 100)
        List<@NotNull @Valid FeedFundingBand> apprenticeshipFunding) {

    public static final String STATUSES =
            "^(Approved for delivery|In development|Proposal in development|Retired|Withdrawn)$";

    public List<FeedKnowledge> knowledgesOrEmpty() {
        return knowledges == null ? List.of() : knowledges;
    }

    public List<FeedSkill> skillsOrEmpty() {
        return skills == null ? List.of() : skills;
    }

    public List<FeedBehaviour> behavioursOrEmpty() {
        return behaviours == null ? List.of() : behaviours;
    }

    public List<FeedDuty> dutiesOrEmpty() {
        return duties == null ? List.of() : duties;
    }

    public List<FeedOption> optionsOrEmpty() {
        return options == null ? List.of() : options;
    }

    public List<FeedFundingBand> fundingOrEmpty() {
        return apprenticeshipFunding == null ? List.of() : apprenticeshipFunding;
    }

    public List<FeedQualification> qualificationsOrEmpty() {
        return qualifications == null ? List.of() : qualifications;
    }
}
