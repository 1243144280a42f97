package uk.apprenticeships.st1398.assessment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One change to a certificate: append-only, never updated. */
@Entity
@Table(name = "certificate_history")
public class CertificateHistory {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "certificate_id", nullable = false, updatable = false)
    public Long certificateId;

    /** Created, Amended or StatusChanged. */
    @Column(nullable = false, length = 16, updatable = false)
    public String action;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16, updatable = false)
    public CertificateStatus status;

    @Column(name = "changed_at", nullable = false, updatable = false)
    public OffsetDateTime changedAt;

    /** The token subject of whoever made the change. */
    @Column(name = "changed_by", nullable = false, updatable = false)
    public String changedBy;

    @Column(updatable = false)
    public String note;
}
