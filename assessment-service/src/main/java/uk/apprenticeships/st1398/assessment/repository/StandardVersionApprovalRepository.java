package uk.apprenticeships.st1398.assessment.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import uk.apprenticeships.st1398.assessment.domain.StandardVersionApproval;
import uk.apprenticeships.st1398.platform.api.PageRequest;

@ApplicationScoped
public class StandardVersionApprovalRepository implements PanacheRepository<StandardVersionApproval> {

    public Optional<StandardVersionApproval> approval(String epaoId, String standardVersion) {
        return find("organisation.epaoId = ?1 and standardVersion = ?2", epaoId, standardVersion)
                .firstResultOptional();
    }

    /** The organisation's approved versions of one standard, oldest version first. */
    public List<StandardVersionApproval> forStandard(String epaoId, String standardReference) {
        return list(
                "organisation.epaoId = ?1 and standardReference = ?2 order by standardVersion",
                epaoId,
                standardReference);
    }

    public List<StandardVersionApproval> page(String epaoId, PageRequest page) {
        return find("organisation.epaoId = ?1 order by standardVersion", epaoId)
                .page(page.page(), page.size())
                .list();
    }

    public long countFor(String epaoId) {
        return count("organisation.epaoId = ?1", epaoId);
    }
}
