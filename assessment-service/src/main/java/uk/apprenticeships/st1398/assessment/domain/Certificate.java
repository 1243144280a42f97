package uk.apprenticeships.st1398.assessment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** An apprenticeship certificate, publicly identified by its server-assigned 8-digit certificate reference. */
@Entity
@Table(name = "certificate")
public class Certificate extends Audited {

    /** The partial unique index allowing one live (not Cancelled or Deleted) certificate per learner and standard. */
    public static final String LIVE_LEARNER_KEY = "certificate_live_learner_key";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "certificate_reference", nullable = false, length = 8, updatable = false)
    public String reference;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "assessment_organisation_id", nullable = false, updatable = false)
    public AssessmentOrganisation organisation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public CertificateStatus status;

    @Column(name = "standard_code", nullable = false)
    public int standardCode;

    @Column(name = "standard_reference", nullable = false, length = 6)
    public String standardReference;

    @Column(nullable = false, length = 10)
    public String uln;

    @Column(name = "family_name", nullable = false)
    public String familyName;

    @Column(name = "given_names")
    public String givenNames;

    @Column(nullable = false, length = 10)
    public String version;

    @Column(name = "course_option")
    public String courseOption;

    @Column(name = "overall_grade", nullable = false, length = 32)
    public String overallGrade;

    @Column(name = "achievement_date", nullable = false)
    public LocalDate achievementDate;

    @Column(name = "provider_ukprn", nullable = false, length = 8)
    public String providerUkprn;

    @Column(name = "contact_name", nullable = false)
    public String contactName;

    public String department;

    @Column(name = "contact_organisation")
    public String contactOrganisation;

    @Column(name = "address_line1", nullable = false)
    public String addressLine1;

    @Column(name = "address_line2")
    public String addressLine2;

    @Column(name = "address_line3")
    public String addressLine3;

    @Column(name = "address_line4")
    public String addressLine4;

    @Column(nullable = false)
    public String city;

    @Column(name = "post_code", nullable = false, length = 10)
    public String postCode;

    /** Comma-separated KSB codes, frozen at creation. */
    @Column(name = "ksb_codes", nullable = false)
    public String ksbCodes;

    @Column(name = "identity_salt", nullable = false, length = 32, updatable = false)
    public String identitySalt;

    @Column(name = "approved_at")
    public OffsetDateTime approvedAt;

    /** The employer of the registration the certificate was issued on (null for certificates made before V8). */
    @Column(name = "employer_id")
    public String employerId;

    /** The registration (assessment) the certificate was issued on (null for certificates made before V8). */
    @Column(name = "assessment_id")
    public java.util.UUID assessmentId;
}
