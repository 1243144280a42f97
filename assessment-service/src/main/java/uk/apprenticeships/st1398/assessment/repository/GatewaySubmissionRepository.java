package uk.apprenticeships.st1398.assessment.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import uk.apprenticeships.st1398.assessment.domain.GatewayDecision;
import uk.apprenticeships.st1398.assessment.domain.GatewaySubmission;

@ApplicationScoped
public class GatewaySubmissionRepository implements PanacheRepositoryBase<GatewaySubmission, UUID> {

    /** An assessment's submissions, attempt 1 first. */
    public List<GatewaySubmission> byAssessment(UUID assessmentId) {
        return find("assessmentId", Sort.by("attempt"), assessmentId).list();
    }

    public Optional<GatewaySubmission> byAttempt(UUID assessmentId, int attempt) {
        return find("assessmentId = ?1 and attempt = ?2", assessmentId, attempt).firstResultOptional();
    }

    /** Decisions on the given submissions, in the order they were made. */
    public List<GatewayDecision> decisions(List<UUID> submissionIds) {
        if (submissionIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager()
                .createQuery(
                        "from GatewayDecision d where d.submissionId in :ids " + "order by d.decided.at, d.id",
                        GatewayDecision.class)
                .setParameter("ids", submissionIds)
                .getResultList();
    }

    public void persistDecision(GatewayDecision decision) {
        getEntityManager().persist(decision);
        getEntityManager().flush();
    }
}
