package uk.apprenticeships.st1398.assessment.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import uk.apprenticeships.st1398.assessment.domain.ConflictChange;
import uk.apprenticeships.st1398.platform.api.PageRequest;

@ApplicationScoped
public class ConflictChangeRepository implements PanacheRepository<ConflictChange> {

    /** An assessor's conflict changes in the order they were made. */
    public List<ConflictChange> byAssessor(UUID assessorId, PageRequest page) {
        return find("assessorId", Sort.by("id"), assessorId)
                .page(page.page(), page.size())
                .list();
    }

    public long countByAssessor(UUID assessorId) {
        return count("assessorId", assessorId);
    }
}
