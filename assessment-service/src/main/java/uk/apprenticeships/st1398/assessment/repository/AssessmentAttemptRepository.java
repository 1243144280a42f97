package uk.apprenticeships.st1398.assessment.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import uk.apprenticeships.st1398.assessment.domain.AssessmentAttempt;

@ApplicationScoped
public class AssessmentAttemptRepository implements PanacheRepositoryBase<AssessmentAttempt, UUID> {

    /** Every attempt of an assessment, superseded ones included, in the order they were recorded. */
    public List<AssessmentAttempt> byAssessment(UUID assessmentId) {
        return find("assessmentId", Sort.by("recorded.at").and("id"), assessmentId)
                .list();
    }
}
