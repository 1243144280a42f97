package uk.apprenticeships.st1398.assessment.domain;

/** Booked (open), cancelled, or attended (an attempt was recorded for it). Derived, never stored. */
public enum BookingStatus {
    booked, cancelled, attended
}
