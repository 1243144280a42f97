package uk.apprenticeships.st1398.standards.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A standard version's assessment plan, kept as one validated JSON document (see V4__assessment_plans.sql for why
 * not as tables). The document is held as text here and read and written by the service with the application's
 * JSON mapper, so it is exactly the API's format and dates are ISO strings.
 */
@Entity
@Table(name = "assessment_plan")
public class AssessmentPlan {

    /** The {@link StandardVersion} id: at most one plan per version. */
    @Id
    @Column(name = "version_id")
    public Long versionId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String document;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long revision;
}
