package uk.apprenticeships.st1398.assessment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import uk.apprenticeships.st1398.platform.security.Stamp;

/**
 * The platform's one "who did it" record ({@link Stamp}) as columns: embedded once per event with a prefix, e.g.
 * {@code @Embedded @EmbeddedColumnNaming("recorded_%s") StampColumns recorded} maps {@code recorded_by} (the token
 * subject: stable, what every history compares), {@code recorded_by_name} (display name), {@code recorded_by_role},
 * {@code recorded_on_behalf_of}, {@code recorded_request_id} and {@code recorded_at}. Rows written before V7 hold a
 * username in {@code created_by}/{@code updated_by} of organisations, assessments and assessors (V7 copied it to the
 * name column); every row since holds the subject there.
 */
@Embeddable
public class StampColumns {

    @Column(name = "by")
    public String subject;

    @Column(name = "by_name")
    public String displayName;

    @Column(name = "by_role")
    public String role;

    @Column(name = "on_behalf_of")
    public String onBehalfOf;

    @Column(name = "request_id")
    public String requestId;

    @Column(name = "at")
    public OffsetDateTime at;

    public static StampColumns of(Stamp stamp) {
        StampColumns columns = new StampColumns();
        columns.subject = stamp.subject();
        columns.displayName = stamp.displayName();
        columns.role = stamp.role();
        columns.onBehalfOf = stamp.onBehalfOf();
        columns.requestId = stamp.requestId();
        columns.at = stamp.at().atOffset(ZoneOffset.UTC);
        return columns;
    }

    public Stamp stamp() {
        return new Stamp(subject, displayName, role, onBehalfOf, requestId, at == null ? null : at.toInstant());
    }
}
