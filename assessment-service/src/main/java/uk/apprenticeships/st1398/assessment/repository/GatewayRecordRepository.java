package uk.apprenticeships.st1398.assessment.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import uk.apprenticeships.st1398.assessment.domain.GatewayRecord;

@ApplicationScoped
public class GatewayRecordRepository implements PanacheRepositoryBase<GatewayRecord, UUID> {

    /** Every waiver, withdrawal and declaration of an assessment, oldest first. */
    public List<GatewayRecord> byAssessment(UUID assessmentId) {
        return find("assessmentId", Sort.by("recorded.at").and("id"), assessmentId)
                .list();
    }
}
