package uk.apprenticeships.st1398.standards.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import uk.apprenticeships.st1398.standards.domain.AssessmentPlan;

/** Assessment plans by standard-version id. */
@ApplicationScoped
public class AssessmentPlanRepository implements PanacheRepositoryBase<AssessmentPlan, Long> {}
