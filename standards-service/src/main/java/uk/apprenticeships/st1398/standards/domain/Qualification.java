package uk.apprenticeships.st1398.standards.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;

/** A qualification a standard version mandates (the feed's {@code qualifications[]}). */
@Entity
@Table(name = "qualification")
public class Qualification {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "version_id")
    public StandardVersion version;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public String title;

    public Integer level;

    @Column(name = "additional_information")
    public String additionalInformation;
}
