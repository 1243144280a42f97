package uk.apprenticeships.st1398.evidence.domain;

import java.time.Instant;
import uk.apprenticeships.st1398.platform.security.Stamp;

/**
 * Who did something and when, as stored: the platform's {@link Stamp} (token subject, display name, role, on
 * behalf of, request id, time) in the shape the MongoDB POJO codec needs. Every "by whom" of this service is one.
 */
public class StampDoc {

    /** The token subject: stable across renames. */
    public String subject;
    /** The person's name or the client id at the time, for people reading the history. */
    public String displayName;
    /** The caller's widest role. */
    public String role;
    /** The subject a delegated token acted for, or null. */
    public String onBehalfOf;

    public String requestId;
    public Instant at;

    public StampDoc() {}

    public static StampDoc of(Stamp stamp) {
        StampDoc d = new StampDoc();
        d.subject = stamp.subject();
        d.displayName = stamp.displayName();
        d.role = stamp.role();
        d.onBehalfOf = stamp.onBehalfOf();
        d.requestId = stamp.requestId();
        d.at = stamp.at();
        return d;
    }

    public Stamp toStamp() {
        return new Stamp(subject, displayName, role, onBehalfOf, requestId, at);
    }
}
