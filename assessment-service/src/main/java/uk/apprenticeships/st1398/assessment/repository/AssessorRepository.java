package uk.apprenticeships.st1398.assessment.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import uk.apprenticeships.st1398.assessment.domain.Assessor;
import uk.apprenticeships.st1398.platform.api.PageRequest;

@ApplicationScoped
public class AssessorRepository implements PanacheRepositoryBase<Assessor, UUID> {

    public Optional<Assessor> findByUserId(String userId) {
        return find("userId", userId).firstResultOptional();
    }

    /** An organisation's assessors by name, then id (stable). */
    public List<Assessor> byOrganisation(long organisationId, PageRequest page) {
        return find("organisation.id", Sort.by("name").and("id"), organisationId)
                .page(page.page(), page.size())
                .list();
    }

    public long countByOrganisation(long organisationId) {
        return count("organisation.id", organisationId);
    }
}
