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
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.EmbeddedColumnNaming;

/**
 * One version of a learner's EPA details (DfE shape), linked to the assessment registration that holds the learner,
 * standard and tenants. Never changed once written: an update or a delete is a new record that replaces this one.
 */
@Entity
@Table(name = "epa_record")
public class EpaRecord {

    public static final String REPLACES_KEY = "epa_record_replaces_key";

    @Id
    public UUID id;

    @Column(name = "epa_reference", nullable = false, length = 8)
    public String epaReference;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "assessment_id", nullable = false)
    public Assessment assessment;

    /** Created, Updated or Deleted. */
    @Column(nullable = false)
    @Enumerated(EnumType.STRING)
    public RecordAction action;

    @Column(name = "replaces_id")
    public UUID replacesId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "epa_record_epa", joinColumns = @JoinColumn(name = "record_id"))
    @OrderColumn(name = "position")
    public List<EpaEntry> epas = new ArrayList<>();

    @Column(name = "request_id")
    public String requestId;

    public boolean deleted() {
        return action == RecordAction.Deleted;
    }

    /** Who recorded it, and when. */
    @Embedded
    @EmbeddedColumnNaming("recorded_%s")
    public StampColumns recorded;
}
