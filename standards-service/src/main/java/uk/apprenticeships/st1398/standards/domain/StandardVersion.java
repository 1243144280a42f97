package uk.apprenticeships.st1398.standards.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One version of a standard, e.g. {@code ST1398_1.0}, with its content as its source gives it. */
@Entity
@Table(name = "standard_version")
public class StandardVersion {

    /** Numeric order (2.0 before 10.0), newest first: the current version is the one clients usually want. */
    public static final Comparator<StandardVersion> NEWEST_FIRST = Comparator.comparingInt(
                    (StandardVersion v) -> part(v.versionNumber, 0))
            .thenComparingInt(v -> part(v.versionNumber, 1))
            .reversed();

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "standard_reference")
    public Standard standard;

    @Column(name = "version_number", nullable = false)
    public String versionNumber;

    @Column(nullable = false)
    public String status;

    @Column(name = "approved_for_delivery")
    public LocalDate approvedForDelivery;

    @Column(name = "earliest_start_date")
    public LocalDate earliestStartDate;

    @Column(name = "latest_start_date")
    public LocalDate latestStartDate;

    @Column(name = "latest_end_date")
    public LocalDate latestEndDate;

    /** Where the content came from, e.g. "Skills England published summary". */
    public String source;

    @Column(name = "source_note")
    public String sourceNote;

    /** Null when the source does not say whether the version has options. */
    @Column(name = "core_and_options")
    public Boolean coreAndOptions;

    /** How many items of each kind the source says exist; it may show fewer. Null: the source gives no count. */
    @Column(name = "expected_knowledge")
    public Integer expectedKnowledge;

    @Column(name = "expected_skills")
    public Integer expectedSkills;

    @Column(name = "expected_behaviours")
    public Integer expectedBehaviours;

    @Column(name = "expected_duties")
    public Integer expectedDuties;

    /** The feed's {@code assessmentPlanUrl}; null when the source does not give it. */
    @Column(name = "assessment_plan_url")
    public String assessmentPlanUrl;

    /** The feed's {@code keywords}; null when the source does not give them. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> keywords;

    /** The feed's {@code regulated}; null when the source does not say. */
    public Boolean regulated;

    /** The feed's {@code regulationDetail}; null when the source does not give it. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "regulation_detail")
    public List<RegulationDetail> regulationDetail;

    @OneToMany(mappedBy = "version", cascade = CascadeType.ALL, orphanRemoval = true)
    public List<Ksb> ksbs = new ArrayList<>();

    @OneToMany(mappedBy = "version", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<Duty> duties = new ArrayList<>();

    @OneToMany(mappedBy = "version", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<StandardOption> options = new ArrayList<>();

    @OneToMany(mappedBy = "version", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<Qualification> qualifications = new ArrayList<>();

    /** Whether this is the standard's highest-numbered version (derived, never stored). */
    public boolean isLatest() {
        return standard.latestVersion() == this;
    }

    public String key() {
        return standard.reference + "_" + versionNumber;
    }

    public Integer expected(KsbKind kind) {
        return switch (kind) {
            case K -> expectedKnowledge;
            case S -> expectedSkills;
            case B -> expectedBehaviours;
        };
    }

    private static int part(String versionNumber, int index) {
        return Integer.parseInt(versionNumber.split("\\.")[index]);
    }
}
