package uk.apprenticeships.st1398.assessment.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import uk.apprenticeships.st1398.assessment.api.AssessorRequest;
import uk.apprenticeships.st1398.assessment.api.AssessorResponse;
import uk.apprenticeships.st1398.assessment.domain.AssessmentOrganisation;
import uk.apprenticeships.st1398.assessment.domain.Assessor;
import uk.apprenticeships.st1398.assessment.mapping.AssessmentMapper;
import uk.apprenticeships.st1398.assessment.repository.AssessmentOrganisationRepository;
import uk.apprenticeships.st1398.assessment.repository.AssessorRepository;
import uk.apprenticeships.st1398.platform.api.PageRequest;
import uk.apprenticeships.st1398.platform.api.PageResponse;
import uk.apprenticeships.st1398.platform.problem.ApiException;

/** Assessors of an assessment organisation and their declared conflicts of interest. */
@ApplicationScoped
public class AssessorService {

    private final AssessorRepository assessors;
    private final AssessmentOrganisationRepository organisations;
    private final CallerScope caller;

    public AssessorService(AssessorRepository assessors, AssessmentOrganisationRepository organisations,
            CallerScope caller) {
        this.assessors = assessors;
        this.organisations = organisations;
        this.caller = caller;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<AssessorResponse> list(String epaoId, PageRequest page) {
        AssessmentOrganisation organisation = visibleOrganisation(epaoId);
        return PageResponse.of(assessors.byOrganisation(organisation.id, page), AssessmentMapper::toResponse, page,
                assessors.countByOrganisation(organisation.id));
    }

    @Transactional
    public AssessorResponse create(String epaoId, AssessorRequest request) {
        AssessmentOrganisation organisation = visibleOrganisation(epaoId);
        if (assessors.findByUserId(request.userId()).isPresent()) {
            throw ApiException.conflict("User " + request.userId() + " is already registered as an assessor.");
        }
        Assessor assessor = new Assessor();
        assessor.id = UUID.randomUUID();
        assessor.organisation = organisation;
        assessor.userId = request.userId();
        assessor.name = request.name().strip();
        assessor.email = request.email();
        assessor.conflictProviderUkprns = new LinkedHashSet<>(orEmpty(request.conflictProviderUkprns()));
        assessor.conflictEmployerIds = new LinkedHashSet<>(orEmpty(request.conflictEmployerIds()));
        assessor.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        assessor.createdBy = caller.name();
        assessors.persistAndFlush(assessor);
        Log.infof("Registered assessor %s of %s", assessor.id, epaoId);
        return AssessmentMapper.toResponse(assessor);
    }

    /** The organisation, or 404 when it does not exist or is another tenant's. */
    private AssessmentOrganisation visibleOrganisation(String epaoId) {
        return organisations.findByEpaoId(epaoId).filter(o -> caller.mayAccess(o.epaoId))
                .orElseThrow(() -> ApiException.notFound("No assessment organisation with id " + epaoId + "."));
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).toList();
    }
}
