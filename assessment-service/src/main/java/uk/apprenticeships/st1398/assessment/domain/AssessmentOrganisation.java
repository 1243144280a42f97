package uk.apprenticeships.st1398.assessment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An assessment organisation (formerly EPAO), identified publicly by its {@code EPAnnnn} id. */
@Entity
@Table(name = "assessment_organisation")
public class AssessmentOrganisation extends Audited {

    /** The unique constraint that guards {@link #epaoId}, also against concurrent creates. */
    public static final String EPAO_ID_KEY = "assessment_organisation_epao_id_key";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "epao_id", nullable = false, length = 8)
    public String epaoId;

    @Column(nullable = false)
    public String name;

    @Column(length = 8)
    public String ukprn;

    @Column(name = "contact_email")
    public String contactEmail;
}
