package uk.apprenticeships.st1398.standards.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * One knowledge item, skill or behaviour of a standard version. The id is the feed's GUID and never changes;
 * the code (K3) is derived from kind and position, as the feed derives it from array order.
 */
@Entity
@Table(name = "ksb")
public class Ksb {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "version_id")
    public StandardVersion version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 1)
    public KsbKind kind;

    @Column(nullable = false)
    public int position;

    /** Null when the source does not give the text. */
    public String detail;

    /** The source shows only the beginning of the text; {@link #detail} holds what it shows. */
    @Column(name = "detail_truncated", nullable = false)
    public boolean detailTruncated;

    public String code() {
        return kind.code(position);
    }
}
