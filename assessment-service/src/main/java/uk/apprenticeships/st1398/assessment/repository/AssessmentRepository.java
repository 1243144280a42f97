package uk.apprenticeships.st1398.assessment.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import uk.apprenticeships.st1398.assessment.domain.Assessment;
import uk.apprenticeships.st1398.platform.api.PageRequest;

@ApplicationScoped
public class AssessmentRepository implements PanacheRepositoryBase<Assessment, UUID> {

    /** Which registrations a caller may see: every one, or those matching any of the tenant values given. */
    public record Scope(
            boolean everything, Optional<String> epaoId, Optional<String> providerUkprn, Optional<String> employerId) {}

    /** The learner's registration on this version with this organisation (another's is never looked at). */
    public Optional<Assessment> findByLearner(String uln, String standardVersion, String epaoId) {
        return find("uln = ?1 and standardVersion = ?2 and organisation.epaoId = ?3", uln, standardVersion, epaoId)
                .firstResultOptional();
    }

    /** The learner's registrations on any version of a standard (STnnnn), newest first. */
    public List<Assessment> findByLearnerAndStandard(String uln, String standardReference) {
        return find(
                        "uln = ?1 and standardVersion like ?2",
                        Sort.by("created.at", Sort.Direction.Descending),
                        uln,
                        standardReference + "_%")
                .list();
    }

    /**
     * Assessments assigned to the assessor and not yet graded (no overall grade) whose provider or employer is the
     * one given, oldest first.
     */
    public List<Assessment> ungradedAssignedTo(UUID assessorId, String providerUkprn, String employerId) {
        return find(
                        "assessor.id = ?1 and overallGrade is null and (providerUkprn = ?2 or employerId = ?3)",
                        Sort.by("created.at").and("id"),
                        assessorId,
                        providerUkprn == null ? "" : providerUkprn,
                        employerId == null ? "" : employerId)
                .list();
    }

    /** Registrations in the caller's scope, oldest first (then by id, stable), optionally for one learner. */
    public List<Assessment> search(Scope scope, String uln, PageRequest page) {
        return query(scope, uln).page(page.page(), page.size()).list();
    }

    public long count(Scope scope, String uln) {
        return query(scope, uln).count();
    }

    private PanacheQuery<Assessment> query(Scope scope, String uln) {
        List<String> tenant = new ArrayList<>();
        Parameters params = new Parameters();
        scope.epaoId().ifPresent(v -> {
            tenant.add("organisation.epaoId = :epaoId");
            params.and("epaoId", v);
        });
        scope.providerUkprn().ifPresent(v -> {
            tenant.add("providerUkprn = :ukprn");
            params.and("ukprn", v);
        });
        scope.employerId().ifPresent(v -> {
            tenant.add("employerId = :employerId");
            params.and("employerId", v);
        });
        List<String> where = new ArrayList<>();
        if (!scope.everything()) {
            // No tenant value at all means nothing is visible, never everything.
            where.add(tenant.isEmpty() ? "1 = 0" : "(" + String.join(" or ", tenant) + ")");
        }
        if (uln != null) {
            where.add("uln = :uln");
            params.and("uln", uln);
        }
        Sort sort = Sort.by("created.at").and("id");
        return where.isEmpty() ? findAll(sort) : find(String.join(" and ", where), sort, params);
    }
}
