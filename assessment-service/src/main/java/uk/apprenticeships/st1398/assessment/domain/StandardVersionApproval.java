package uk.apprenticeships.st1398.assessment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.EmbeddedColumnNaming;

/**
 * An assessment organisation's approval for one standard version: without it the organisation records no EPA
 * outcome and no certificate for that version (the DfE assessment service's "approved to assess" rule).
 */
@Entity
@Table(name = "organisation_standard_version")
public class StandardVersionApproval {

    public static final String KEY = "organisation_standard_version_key";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "assessment_organisation_id", nullable = false)
    public AssessmentOrganisation organisation;

    /** The standard-version key, e.g. ST1398_1.0. */
    @Column(name = "standard_version", nullable = false)
    public String standardVersion;

    @Column(name = "standard_reference", nullable = false)
    public String standardReference;

    @Column(nullable = false)
    public String version;

    @Embedded
    @EmbeddedColumnNaming("approved_%s")
    public StampColumns approved;
}
