package uk.apprenticeships.st1398.assessment.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.EmbeddedColumnNaming;

/** An assessor of an assessment organisation, with the conflicts of interest they declared. */
@Entity
@Table(name = "assessor")
public class Assessor {

    public static final String USER_ID_KEY = "assessor_user_id_key";

    @Id
    public UUID id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "assessment_organisation_id", nullable = false)
    public AssessmentOrganisation organisation;

    /** The assessor's token subject. */
    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(nullable = false)
    public String name;

    public String email;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "assessor_conflict_provider", joinColumns = @JoinColumn(name = "assessor_id"))
    @Column(name = "provider_ukprn")
    public Set<String> conflictProviderUkprns = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "assessor_conflict_employer", joinColumns = @JoinColumn(name = "assessor_id"))
    @Column(name = "employer_id")
    public Set<String> conflictEmployerIds = new LinkedHashSet<>();

    /** Who created it, and when. */
    @Embedded
    @EmbeddedColumnNaming("created_%s")
    public StampColumns created;
}
