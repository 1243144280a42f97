package uk.apprenticeships.st1398.assessment.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Booked (open), cancelled, or attended (an attempt was recorded for it). Derived from the booking's columns, never
 * stored: an open booking is cancelled once or attended once, and then stays as it is.
 */
public enum BookingStatus {
    booked,
    cancelled,
    attended;

    /** The statuses this one may move to. */
    public Set<BookingStatus> next() {
        return this == booked ? EnumSet.of(cancelled, attended) : EnumSet.noneOf(BookingStatus.class);
    }

    public boolean canMoveTo(BookingStatus target) {
        return next().contains(target);
    }
}
