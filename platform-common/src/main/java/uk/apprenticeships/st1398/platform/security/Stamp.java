package uk.apprenticeships.st1398.platform.security;

import java.time.Clock;
import java.time.Instant;

/**
 * Who did something and when: the one "who did it" record every service stores with a change (created, submitted,
 * approved, signed...). {@code subject} is the token subject (stable); {@code displayName} is for people reading the
 * history; {@code role} the caller's primary role; {@code onBehalfOf} the subject a delegated token acted for.
 */
public record Stamp(String subject, String displayName, String role, String onBehalfOf, String requestId, Instant at) {

    public static Stamp of(Caller caller, Clock clock) {
        return new Stamp(
                caller.subject(),
                caller.displayName(),
                caller.primaryRole(),
                caller.onBehalfOf(),
                caller.requestId(),
                clock.instant());
    }

    /** A stamp for work the platform does itself (scheduled clean-ups, erasure after retention). */
    public static Stamp system(String job, Clock clock) {
        return new Stamp("system:" + job, job, null, null, null, clock.instant());
    }
}
