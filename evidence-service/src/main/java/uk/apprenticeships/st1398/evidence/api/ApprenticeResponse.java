package uk.apprenticeships.st1398.evidence.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.apprenticeships.st1398.evidence.domain.ApprenticeStatus;

/**
 * The apprentice as the caller's role may see it ({@code view}): {@code full} for the apprentice, their provider's
 * staff and admins; {@code employer} without the date of birth (the age at start instead) and without who changed
 * the status and why; {@code assessor} with what an end-point assessment needs only (identity, with the date of
 * birth; programme; status). Members a view leaves out are
 * absent.
 */
@Schema(
        name = "Apprentice",
        description = "An apprentice on programme with one provider, in the view the "
                + "caller's role may see (see `view`; members a view leaves out are absent)")
public record ApprenticeResponse(
        @Schema(example = "665f1c2e9b1d4a3f8c0e1a2b") String id,

        @Schema(description = "full, employer or assessor: which members this caller receives", example = "full")
        String view,

        @Schema(example = "1234567890") String uln,
        @Schema(example = "Ada") String givenName,
        @Schema(example = "Lovelace") String familyName,

        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Not in the employer view")
        LocalDate dateOfBirth,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
                description = "Age in whole years on the start date; the employer view only, instead of the date "
                        + "of birth",
                example = "19")
        Integer ageAtStart,

        @Schema(example = "10000001") String providerUkprn,
        @Schema(example = "EMP0001") String employerId,
        @Schema(example = "ST1398_1.0") String standardVersion,
        LocalDate startDate,
        LocalDate plannedEndDate,

        @Schema(description = "The assigned assessment organisation, or null", example = "EPA0001")
        String assessmentOrganisationId,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
                description = "Contracted weekly hours; null: full time (30). Not in the assessor view",
                example = "37.5")
        BigDecimal contractedWeeklyHours,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Weeks of planned leave within the programme. Not in the assessor view", example = "0")
        Integer plannedLeaveWeeks,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
                description = "The provider's own learner reference (ILR LearnRefNumber); absent when none. Not in "
                        + "the employer view",
                example = "MIS00042")
        String learnerReference,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
                description = "Each integrating client's own id for the apprentice, by client id (the token's azp); "
                        + "{} when none. Full view only")
        Map<String, String> externalIds,

        @Schema(example = "active") ApprenticeStatus status,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
                description = "Every status change, oldest first (the employer's view without who and why; not in "
                        + "the assessor view)")
        List<StatusChangeResponse> statusHistory,

        @JsonInclude(JsonInclude.Include.NON_NULL) Instant createdAt) {}
