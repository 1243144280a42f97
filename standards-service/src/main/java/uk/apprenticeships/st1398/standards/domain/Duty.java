package uk.apprenticeships.st1398.standards.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** A duty of a standard version and the KSBs (and options) it maps to. */
@Entity
@Table(name = "duty")
public class Duty {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "version_id")
    public StandardVersion version;

    @Column(nullable = false)
    public int position;

    /** Null when the source does not give the text. */
    public String detail;

    /** Null when the source does not say whether the duty is core. */
    public Boolean core;

    /** False when the source does not give the mapping: then {@link #ksbs} is unknown, not empty. */
    @Column(name = "ksb_mapping_known", nullable = false)
    public boolean ksbMappingKnown;

    @ManyToMany
    @JoinTable(
            name = "duty_ksb",
            joinColumns = @JoinColumn(name = "duty_id"),
            inverseJoinColumns = @JoinColumn(name = "ksb_id"))
    public Set<Ksb> ksbs = new LinkedHashSet<>();

    @ManyToMany
    @JoinTable(
            name = "duty_option",
            joinColumns = @JoinColumn(name = "duty_id"),
            inverseJoinColumns = @JoinColumn(name = "option_id"))
    public Set<StandardOption> options = new LinkedHashSet<>();
}
