package uk.apprenticeships.st1398.assessment.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import uk.apprenticeships.st1398.assessment.api.AssessorRequest;
import uk.apprenticeships.st1398.assessment.api.AssessorResponse;
import uk.apprenticeships.st1398.assessment.api.ConflictChangeResponse;
import uk.apprenticeships.st1398.assessment.api.ConflictRequest;
import uk.apprenticeships.st1398.assessment.config.AssessmentError;
import uk.apprenticeships.st1398.assessment.domain.AssessmentOrganisation;
import uk.apprenticeships.st1398.assessment.domain.Assessor;
import uk.apprenticeships.st1398.assessment.domain.ConflictAction;
import uk.apprenticeships.st1398.assessment.domain.ConflictChange;
import uk.apprenticeships.st1398.assessment.domain.ConflictKind;
import uk.apprenticeships.st1398.assessment.domain.StampColumns;
import uk.apprenticeships.st1398.assessment.events.AssessmentEvents;
import uk.apprenticeships.st1398.assessment.mapping.AssessmentMapper;
import uk.apprenticeships.st1398.assessment.repository.AssessmentOrganisationRepository;
import uk.apprenticeships.st1398.assessment.repository.AssessmentRepository;
import uk.apprenticeships.st1398.assessment.repository.AssessorRepository;
import uk.apprenticeships.st1398.assessment.repository.ConflictChangeRepository;
import uk.apprenticeships.st1398.platform.api.PageRequest;
import uk.apprenticeships.st1398.platform.api.PageResponse;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.platform.security.CurrentCaller;
import uk.apprenticeships.st1398.platform.security.Stamp;

/** Assessors of an assessment organisation and their declared conflicts of interest. */
@ApplicationScoped
public class AssessorService {

    private final AssessmentEvents events;
    private final AssessorRepository assessors;
    private final AssessmentOrganisationRepository organisations;
    private final AssessmentRepository assessments;
    private final ConflictChangeRepository changes;
    private final CurrentCaller caller;
    private final Clock clock;

    public AssessorService(
            AssessorRepository assessors,
            AssessmentOrganisationRepository organisations,
            AssessmentRepository assessments,
            ConflictChangeRepository changes,
            CurrentCaller caller,
            Clock clock,
            AssessmentEvents events) {
        this.events = events;
        this.clock = clock;
        this.assessors = assessors;
        this.organisations = organisations;
        this.assessments = assessments;
        this.changes = changes;
        this.caller = caller;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<AssessorResponse> list(String epaoId, PageRequest page) {
        AssessmentOrganisation organisation = visibleOrganisation(epaoId);
        return PageResponse.of(
                assessors.byOrganisation(organisation.id, page),
                AssessmentMapper::toResponse,
                page,
                assessors.countByOrganisation(organisation.id));
    }

    @Transactional
    public AssessorResponse create(String epaoId, AssessorRequest request) {
        AssessmentOrganisation organisation = visibleOrganisation(epaoId);
        if (assessors.findByUserId(request.userId()).isPresent()) {
            throw ApiException.of(
                    AssessmentError.ASSESSOR_EXISTS,
                    "User " + request.userId() + " is already registered as an assessor.");
        }
        Assessor assessor = new Assessor();
        assessor.id = UUID.randomUUID();
        assessor.organisation = organisation;
        assessor.userId = request.userId();
        assessor.name = request.name().strip();
        assessor.email = request.email();
        assessor.conflictProviderUkprns = new LinkedHashSet<>(orEmpty(request.conflictProviderUkprns()));
        assessor.conflictEmployerIds = new LinkedHashSet<>(orEmpty(request.conflictEmployerIds()));
        assessor.created = stamp();
        assessors.persistAndFlush(assessor);
        assessor.conflictProviderUkprns.forEach(
                v -> record(assessor, ConflictKind.provider, v, ConflictAction.Declared, "At registration"));
        assessor.conflictEmployerIds.forEach(
                v -> record(assessor, ConflictKind.employer, v, ConflictAction.Declared, "At registration"));
        events.assessor(epaoId, assessor.id, "registered");
        Log.infof("Registered assessor %s of %s", assessor.id, epaoId);
        return AssessmentMapper.toResponse(assessor);
    }

    /**
     * Declares a conflict of interest (admins, or the assessor for themself). Refused with 409, listing them, while the
     * assessor is assigned to assessments of that provider or employer that are not yet graded: reassign those first.
     */
    @Transactional
    public AssessorResponse declareConflict(String epaoId, UUID assessorId, ConflictRequest request) {
        Assessor assessor = lockedAssessor(epaoId, assessorId);
        if (!caller.get().may(AccessRules.ORGANISATION_ACT_FOR_ANY)
                && !assessor.userId.equals(caller.get().subject())) {
            throw ApiException.of(
                    AssessmentError.CONFLICT_NOT_YOURS,
                    "Assessors declare only their own conflicts of "
                            + "interest; an administrator may declare anyone's.");
        }
        boolean provider = request.providerUkprn() != null;
        if (provider == (request.employerId() != null)) {
            throw ApiException.invalid("providerUkprn", "give exactly one of providerUkprn and employerId");
        }
        String value = provider ? request.providerUkprn() : request.employerId().strip();
        Set<String> current = provider ? assessor.conflictProviderUkprns : assessor.conflictEmployerIds;
        if (current.contains(value)) {
            throw ApiException.of(
                    AssessmentError.CONFLICT_ALREADY_DECLARED,
                    "Assessor " + assessorId + " has already declared a conflict with "
                            + (provider ? "provider " : "employer ") + value + ".");
        }
        List<String> clashing =
                assessments.ungradedAssignedTo(assessor.id, provider ? value : null, provider ? null : value).stream()
                        .map(a -> a.id.toString())
                        .toList();
        if (!clashing.isEmpty()) {
            throw ApiException.of(
                            AssessmentError.CONFLICT_WITH_ASSIGNED_ASSESSMENTS,
                            "Assessor " + assessorId + " is assigned to "
                                    + clashing.size() + " assessment(s) of this " + (provider ? "provider" : "employer")
                                    + " that are "
                                    + "not yet graded; reassign them first. Nothing was changed.")
                    .with("assessments", clashing);
        }
        current.add(value);
        assessors.flush();
        record(
                assessor,
                provider ? ConflictKind.provider : ConflictKind.employer,
                value,
                ConflictAction.Declared,
                request.reason());
        events.assessor(assessor.organisation.epaoId, assessor.id, "conflict-declared");
        Log.infof(
                "Assessor %s declared a conflict with %s %s",
                assessor.id, provider ? ConflictKind.provider : ConflictKind.employer, value);
        return AssessmentMapper.toResponse(assessor);
    }

    /** Removes a declared conflict (admins only); recorded in the history, like a declaration. */
    @Transactional
    public void removeConflict(String epaoId, UUID assessorId, ConflictKind kind, String value) {
        Assessor assessor = lockedAssessor(epaoId, assessorId);
        Set<String> current =
                kind == ConflictKind.provider ? assessor.conflictProviderUkprns : assessor.conflictEmployerIds;
        if (!current.remove(value)) {
            throw ApiException.of(
                    AssessmentError.DECLARED_CONFLICT_NOT_FOUND,
                    "Assessor " + assessorId + " has declared no conflict with " + kind + " " + value + ".");
        }
        assessors.flush();
        record(assessor, kind, value, ConflictAction.Removed, null);
        events.assessor(assessor.organisation.epaoId, assessor.id, "conflict-removed");
        Log.infof("Conflict of assessor %s with %s %s removed", assessor.id, kind, value);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<ConflictChangeResponse> conflictHistory(String epaoId, UUID assessorId, PageRequest page) {
        Assessor assessor = assessorOf(epaoId, assessorId);
        return PageResponse.of(
                changes.byAssessor(assessor.id, page),
                c -> new ConflictChangeResponse(
                        c.kind.name(), c.value, c.action.name(), c.reason, c.changed.at, c.changed.subject),
                page,
                changes.countByAssessor(assessor.id));
    }

    private Assessor assessorOf(String epaoId, UUID assessorId) {
        AssessmentOrganisation organisation = visibleOrganisation(epaoId);
        return assessors
                .findByIdOptional(assessorId)
                .filter(a -> a.organisation.id.equals(organisation.id))
                .orElseThrow(() -> ApiException.of(
                        AssessmentError.ASSESSOR_NOT_FOUND, "No assessor " + assessorId + " in " + epaoId + "."));
    }

    /** The assessor, locked against a concurrent assignment or conflict change. */
    private Assessor lockedAssessor(String epaoId, UUID assessorId) {
        Assessor assessor = assessorOf(epaoId, assessorId);
        assessors.getEntityManager().lock(assessor, LockModeType.PESSIMISTIC_WRITE);
        assessors.getEntityManager().refresh(assessor);
        return assessor;
    }

    private void record(Assessor assessor, ConflictKind kind, String value, ConflictAction action, String reason) {
        ConflictChange change = new ConflictChange();
        change.assessorId = assessor.id;
        change.kind = kind;
        change.value = value;
        change.action = action;
        change.reason = reason == null || reason.isBlank() ? null : reason.strip();
        change.changed = stamp();
        changes.persist(change);
    }

    /** The organisation, or 404 when it does not exist or is another tenant's. */
    private AssessmentOrganisation visibleOrganisation(String epaoId) {
        return organisations
                .findByEpaoId(epaoId)
                .filter(o -> AccessRules.maySeeOrganisation(caller.get(), o.epaoId))
                .orElseThrow(() -> ApiException.of(
                        AssessmentError.ORGANISATION_NOT_FOUND, "No assessment organisation with id " + epaoId + "."));
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).toList();
    }

    /** Who is doing this, and now: the platform's one stamp. */
    private StampColumns stamp() {
        return StampColumns.of(Stamp.of(caller.get(), clock));
    }
}
