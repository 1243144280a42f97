package uk.apprenticeships.st1398.standards.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;

/** An option of a core-and-options standard version (the feed's {@code options[]}). */
@Entity
@Table(name = "standard_option")
public class StandardOption {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "version_id")
    public StandardVersion version;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public String title;
}
