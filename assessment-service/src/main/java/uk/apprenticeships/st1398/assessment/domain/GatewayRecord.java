package uk.apprenticeships.st1398.assessment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.EmbeddedColumnNaming;

/**
 * A waiver of a readiness item, the withdrawal of one, or a declaration (an employer's confirmation, a certificate, a
 * signed-off project scope). Never changed: the latest record of its kind counts.
 */
@Entity
@Table(name = "gateway_record")
public class GatewayRecord {

    @Id
    public UUID id;

    @Column(name = "assessment_id", nullable = false)
    public UUID assessmentId;

    @Column(nullable = false)
    public String item;

    @Column(nullable = false)
    @Convert(converter = GatewayRecordKind.Column.class)
    public GatewayRecordKind kind;

    /** Why the item is waived or the waiver withdrawn; an optional note on a declaration. */
    public String reason;

    /** Who gave the declaration (a person's name and role), as the provider reports it. */
    @Column(name = "declared_by")
    public String declaredBy;

    @Column(name = "declared_on")
    public LocalDate declaredOn;

    /** A certificate number, document reference or project title. */
    public String reference;

    /** Who recorded it, and when. */
    @Embedded
    @EmbeddedColumnNaming("recorded_%s")
    public StampColumns recorded;
}
