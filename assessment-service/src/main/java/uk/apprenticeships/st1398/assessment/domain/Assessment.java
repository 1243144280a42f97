package uk.apprenticeships.st1398.assessment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** An apprentice registered for assessment with an assessment organisation, for one standard version. */
@Entity
@Table(name = "assessment")
public class Assessment extends Audited {

    public static final String LEARNER_KEY = "assessment_learner_key";

    @Id
    public UUID id;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "assessment_organisation_id", nullable = false)
    public AssessmentOrganisation organisation;

    @Column(nullable = false, length = 10)
    public String uln;

    @Column(name = "family_name", nullable = false)
    public String familyName;

    @Column(name = "standard_version", nullable = false)
    public String standardVersion;

    @Column(name = "provider_ukprn", nullable = false, length = 8)
    public String providerUkprn;

    @Column(name = "employer_id", nullable = false)
    public String employerId;

    /** Day the gateway to completion was passed; null until a gateway submission here is accepted. */
    @Column(name = "gateway_date")
    public LocalDate gatewayDate;

    /** Last day of the assessment period (inclusive); null with {@link #gatewayDate}. */
    @Column(name = "period_end")
    public LocalDate periodEnd;

    /** The apprentice's id in evidence-service, for the gateway readiness check. */
    @Column(name = "apprentice_id")
    public String apprenticeId;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "assessor_id")
    public Assessor assessor;

    /** Derived from the standing attempts whenever one is recorded or corrected; null until every method is graded. */
    @Column(name = "overall_grade")
    public String overallGrade;

    /** Date of the last standing attempt, when {@link #overallGrade} is set. */
    @Column(name = "overall_graded_on")
    public LocalDate overallGradedOn;
}
