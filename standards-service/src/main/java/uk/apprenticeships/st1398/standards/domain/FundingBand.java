package uk.apprenticeships.st1398.standards.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** The funding band of a standard (LARS code) in force from one date, until the next or open-ended. */
@Entity
@Table(name = "standard_funding_band")
public class FundingBand {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "standard_reference")
    public Standard standard;

    @Column(name = "effective_from", nullable = false)
    public LocalDate effectiveFrom;

    /** Null: open-ended. */
    @Column(name = "effective_to")
    public LocalDate effectiveTo;

    @Column(name = "max_employer_levy_cap", nullable = false)
    public int maxEmployerLevyCap;

    @Column(name = "duration_months")
    public Integer durationMonths;
}
