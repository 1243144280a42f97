package uk.apprenticeships.st1398.assessment.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import uk.apprenticeships.st1398.assessment.domain.AssessmentOrganisation;
import uk.apprenticeships.st1398.platform.api.LikePatterns;
import uk.apprenticeships.st1398.platform.api.PageRequest;

@ApplicationScoped
public class AssessmentOrganisationRepository implements PanacheRepository<AssessmentOrganisation> {

    public Optional<AssessmentOrganisation> findByEpaoId(String epaoId) {
        return find("epaoId", epaoId).firstResultOptional();
    }

    /** Organisations whose name contains {@code name} (case-insensitive; null means any), by epaoId. */
    public List<AssessmentOrganisation> search(String name, PageRequest page) {
        return query(name).page(page.page(), page.size()).list();
    }

    public long count(String name) {
        return query(name).count();
    }

    private PanacheQuery<AssessmentOrganisation> query(String name) {
        return name == null
                ? findAll(Sort.by("epaoId"))
                : find("lower(name) like ?1 escape '!'", Sort.by("epaoId"), LikePatterns.contains(name.toLowerCase()));
    }
}
