package uk.apprenticeships.st1398.assessment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A booked attempt at one assessment method. Its details never change: cancelling sets the cancellation fields once,
 * recording the attempt it was booked for sets {@link #attemptId} once (the database refuses anything else).
 */
@Entity
@Table(name = "assessment_booking")
public class AssessmentBooking {

    public static final String OPEN_KEY = "assessment_booking_open_key";

    @Id
    public UUID id;

    @Column(name = "assessment_id", nullable = false)
    public UUID assessmentId;

    @Column(name = "method_code", nullable = false)
    public String methodCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AttemptKind kind;

    @Column(name = "booking_date", nullable = false)
    public LocalDate date;

    @Column(name = "start_time")
    public LocalTime startTime;

    /** remote or on-site; null when not said. */
    public String mode;

    public String location;

    @Column(name = "assessor_id")
    public UUID assessorId;

    @Column(name = "employer_agreed", nullable = false)
    public boolean employerAgreed;

    public String note;

    @Column(name = "booked_at", nullable = false)
    public OffsetDateTime bookedAt;

    /** The booker's token subject. */
    @Column(name = "booked_by", nullable = false)
    public String bookedBy;

    @Column(name = "booked_by_name", nullable = false)
    public String bookedByName;

    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;

    @Column(name = "cancelled_by")
    public String cancelledBy;

    @Column(name = "cancelled_by_name")
    public String cancelledByName;

    @Column(name = "cancellation_reason")
    public String cancellationReason;

    @Column(name = "attempt_id")
    public UUID attemptId;

    public BookingStatus status() {
        return cancelledAt != null ? BookingStatus.cancelled
                : attemptId != null ? BookingStatus.attended : BookingStatus.booked;
    }
}
