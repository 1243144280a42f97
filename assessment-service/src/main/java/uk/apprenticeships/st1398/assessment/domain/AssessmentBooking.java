package uk.apprenticeships.st1398.assessment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.hibernate.annotations.EmbeddedColumnNaming;

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

    /** Who booked it, and when. */
    @Embedded
    @EmbeddedColumnNaming("booked_%s")
    public StampColumns booked;

    /** Who cancelled it, and when; null while it is not cancelled. */
    @Embedded
    @EmbeddedColumnNaming("cancelled_%s")
    public StampColumns cancelled;

    @Column(name = "cancellation_reason")
    public String cancellationReason;

    @Column(name = "attempt_id")
    public UUID attemptId;

    public BookingStatus status() {
        return cancelled != null && cancelled.at != null
                ? BookingStatus.cancelled
                : attemptId != null ? BookingStatus.attended : BookingStatus.booked;
    }
}
