package uk.apprenticeships.st1398.assessment.mapping;

import uk.apprenticeships.st1398.assessment.api.AssessmentOrganisationRequest;
import uk.apprenticeships.st1398.assessment.api.AssessmentOrganisationResponse;
import uk.apprenticeships.st1398.assessment.domain.AssessmentOrganisation;

/** Entity to API record mapping; the only place that knows both shapes. */
public final class AssessmentOrganisationMapper {

    private AssessmentOrganisationMapper() {}

    public static AssessmentOrganisationResponse toResponse(AssessmentOrganisation o) {
        return new AssessmentOrganisationResponse(
                o.epaoId, o.name, o.ukprn, o.contactEmail, o.created.at, o.updated.at);
    }

    /** Copies the replaceable fields onto the entity; the epaoId and audit fields are set by the caller. */
    public static void apply(AssessmentOrganisationRequest r, AssessmentOrganisation o) {
        o.name = r.name().strip();
        o.ukprn = r.ukprn();
        o.contactEmail = r.contactEmail();
    }
}
