package uk.apprenticeships.st1398.assessment.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.EmbeddedColumnNaming;

/**
 * One graded attempt at one assessment method. Never changed once recorded, except that a correction marks it
 * {@link #supersededBy}; the correction is a new attempt pointing back through {@link #correctsId}.
 */
@Entity
@Table(name = "assessment_attempt")
public class AssessmentAttempt {

    public static final String CORRECTS_KEY = "assessment_attempt_corrects_key";

    @Id
    public UUID id;

    @Column(name = "assessment_id", nullable = false)
    public UUID assessmentId;

    @Column(name = "method_code", nullable = false)
    public String methodCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AttemptKind kind;

    @Column(name = "attempt_date", nullable = false)
    public LocalDate date;

    @Column(nullable = false)
    public String grade;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "assessment_attempt_ksb", joinColumns = @JoinColumn(name = "attempt_id"))
    @OrderColumn(name = "position")
    public List<KsbJudgement> ksbJudgements = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "assessment_attempt_evidence", joinColumns = @JoinColumn(name = "attempt_id"))
    @OrderColumn(name = "position")
    @Column(name = "evidence_ref")
    public List<String> evidenceRefs = new ArrayList<>();

    @Column(name = "employer_agreed", nullable = false)
    public boolean employerAgreed;

    @Column(name = "exceptional_circumstances", nullable = false)
    public boolean exceptionalCircumstances;

    @Column(nullable = false)
    public String reason;

    @Column(name = "corrects_id")
    public UUID correctsId;

    @Column(name = "superseded_by")
    public UUID supersededBy;

    /** Who recorded it, and when. */
    @Embedded
    @EmbeddedColumnNaming("recorded_%s")
    public StampColumns recorded;
}
