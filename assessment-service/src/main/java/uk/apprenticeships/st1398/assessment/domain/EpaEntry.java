package uk.apprenticeships.st1398.assessment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;

/** One EPA of an EPA record: when, its outcome, and whether it was a resit or a retake. */
@Embeddable
public class EpaEntry {

    @Column(name = "epa_date", nullable = false)
    public LocalDate date;

    @Enumerated(EnumType.STRING)
    @Column(name = "epa_outcome", nullable = false)
    public EpaOutcome outcome;

    @Column(nullable = false)
    public boolean resit;

    @Column(nullable = false)
    public boolean retake;

    /**
     * The standard version a DfE client gave for this EPA, as given (DfE stores it unchecked and answers it back);
     * null when none was given, always for EPAs recorded through this platform's own API.
     */
    @Column(name = "version")
    public String version;

    public EpaEntry() {}

    public EpaEntry(LocalDate date, EpaOutcome outcome, boolean resit, boolean retake) {
        this.date = date;
        this.outcome = outcome;
        this.resit = resit;
        this.retake = retake;
    }
}
