package uk.apprenticeships.st1398.standards.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An apprenticeship standard (occupation), identified by its reference, e.g. {@code ST1398}. */
@Entity
@Table(name = "standard")
public class Standard {

    @Id
    @Column(length = 6)
    public String reference;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public int level;

    public String route;

    @Column(name = "lars_code")
    public Integer larsCode;

    @Column(name = "typical_duration_months")
    public Integer typicalDurationMonths;

    @Column(name = "max_funding")
    public Integer maxFunding;

    @Column(name = "eqa_provider")
    public String eqaProvider;

    @Column(name = "regulated_body")
    public String regulatedBody;

    public String overview;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "typical_job_titles", nullable = false)
    public List<String> typicalJobTitles = new ArrayList<>();

    @Column(name = "standard_page_url")
    public String standardPageUrl;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long revision;

    @OneToMany(mappedBy = "standard", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("versionNumber")
    public List<StandardVersion> versions = new ArrayList<>();

    /** Funding over time (LARS), oldest first. */
    @OneToMany(mappedBy = "standard", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("effectiveFrom")
    public List<FundingBand> fundingBands = new ArrayList<>();

    /** The highest version number: the standard's latest version (null when it has none). */
    public StandardVersion latestVersion() {
        return versions.stream().min(StandardVersion.NEWEST_FIRST).orElse(null);
    }
}
