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

/** One version of a standard, e.g. {@code ST1398_1.0}. */
@Entity
@Table(name = "standard_version")
public class StandardVersion {

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

    public String key() {
        return standard.reference + "_" + versionNumber;
    }
}
