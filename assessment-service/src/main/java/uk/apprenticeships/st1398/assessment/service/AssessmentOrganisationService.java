package uk.apprenticeships.st1398.assessment.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.hibernate.exception.ConstraintViolationException;
import uk.apprenticeships.st1398.assessment.api.AssessmentOrganisationRequest;
import uk.apprenticeships.st1398.assessment.api.AssessmentOrganisationResponse;
import uk.apprenticeships.st1398.assessment.config.AssessmentError;
import uk.apprenticeships.st1398.assessment.domain.AssessmentOrganisation;
import uk.apprenticeships.st1398.assessment.domain.StampColumns;
import uk.apprenticeships.st1398.assessment.events.AssessmentEvents;
import uk.apprenticeships.st1398.assessment.mapping.AssessmentOrganisationMapper;
import uk.apprenticeships.st1398.assessment.repository.AssessmentOrganisationRepository;
import uk.apprenticeships.st1398.platform.api.PageRequest;
import uk.apprenticeships.st1398.platform.api.PageResponse;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.platform.security.CurrentCaller;
import uk.apprenticeships.st1398.platform.security.Stamp;

@ApplicationScoped
public class AssessmentOrganisationService {

    private final AssessmentEvents events;
    private final AssessmentOrganisationRepository organisations;
    private final CurrentCaller caller;
    private final Clock clock;

    public AssessmentOrganisationService(
            AssessmentOrganisationRepository organisations,
            CurrentCaller caller,
            Clock clock,
            AssessmentEvents events) {
        this.events = events;
        this.clock = clock;
        this.organisations = organisations;
        this.caller = caller;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<AssessmentOrganisationResponse> search(String name, PageRequest page) {
        return PageResponse.of(
                organisations.search(name, page),
                AssessmentOrganisationMapper::toResponse,
                page,
                organisations.count(name));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AssessmentOrganisationResponse get(String epaoId) {
        return AssessmentOrganisationMapper.toResponse(find(epaoId));
    }

    @Transactional
    public AssessmentOrganisationResponse create(AssessmentOrganisationRequest request) {
        if (organisations.findByEpaoId(request.epaoId()).isPresent()) {
            throw duplicate(request.epaoId());
        }
        AssessmentOrganisation organisation = new AssessmentOrganisation();
        organisation.epaoId = request.epaoId();
        AssessmentOrganisationMapper.apply(request, organisation);
        organisation.created = stamp();
        organisation.updated = stamp();
        try {
            organisations.persistAndFlush(organisation);
        } catch (PersistenceException e) {
            // A concurrent create can pass the check above; the unique constraint is the real guard.
            if (violates(e, AssessmentOrganisation.EPAO_ID_KEY)) {
                throw duplicate(request.epaoId());
            }
            throw e;
        }
        events.organisation(organisation.epaoId, "created", null);
        Log.infof("Created assessment organisation %s", organisation.epaoId);
        return AssessmentOrganisationMapper.toResponse(organisation);
    }

    @Transactional
    public AssessmentOrganisationResponse update(String epaoId, AssessmentOrganisationRequest request) {
        if (!epaoId.equals(request.epaoId())) {
            throw ApiException.invalid(
                    "epaoId", "must match the epaoId in the path (" + epaoId + "); organisation ids cannot be changed");
        }
        AssessmentOrganisation organisation = find(epaoId);
        AssessmentOrganisationMapper.apply(request, organisation);
        organisation.updated = stamp();
        events.organisation(organisation.epaoId, "updated", null);
        Log.infof("Updated assessment organisation %s", organisation.epaoId);
        return AssessmentOrganisationMapper.toResponse(organisation);
    }

    private AssessmentOrganisation find(String epaoId) {
        return organisations
                .findByEpaoId(epaoId)
                .orElseThrow(() -> ApiException.of(
                        AssessmentError.ORGANISATION_NOT_FOUND, "No assessment organisation with id " + epaoId + "."));
    }

    private static ApiException duplicate(String epaoId) {
        return ApiException.of(
                AssessmentError.ORGANISATION_EXISTS,
                "Assessment organisation " + epaoId + " already exists; use PUT to change it.");
    }

    private static boolean violates(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException cve && constraint.equalsIgnoreCase(cve.getConstraintName())) {
                return true;
            }
        }
        return false;
    }

    /** Who is doing this, and now: the platform's one stamp. */
    private StampColumns stamp() {
        return StampColumns.of(Stamp.of(caller.get(), clock));
    }
}
