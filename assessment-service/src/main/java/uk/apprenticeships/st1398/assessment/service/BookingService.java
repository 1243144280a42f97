package uk.apprenticeships.st1398.assessment.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;
import uk.apprenticeships.st1398.assessment.api.BookingRequest;
import uk.apprenticeships.st1398.assessment.api.BookingResponse;
import uk.apprenticeships.st1398.assessment.client.AssessmentPlan;
import uk.apprenticeships.st1398.assessment.client.AssessmentPlans;
import uk.apprenticeships.st1398.assessment.config.AssessmentError;
import uk.apprenticeships.st1398.assessment.domain.Assessment;
import uk.apprenticeships.st1398.assessment.domain.AssessmentBooking;
import uk.apprenticeships.st1398.assessment.domain.BookingStatus;
import uk.apprenticeships.st1398.assessment.domain.StampColumns;
import uk.apprenticeships.st1398.assessment.events.AssessmentEvents;
import uk.apprenticeships.st1398.assessment.mapping.AssessmentMapper;
import uk.apprenticeships.st1398.assessment.repository.AssessmentBookingRepository;
import uk.apprenticeships.st1398.assessment.repository.AssessmentRepository;
import uk.apprenticeships.st1398.platform.api.PageRequest;
import uk.apprenticeships.st1398.platform.api.PageResponse;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.platform.security.CurrentCaller;
import uk.apprenticeships.st1398.platform.security.Stamp;

/**
 * Bookings of assessment methods. The rules come from the standard version's assessment plan through
 * {@link GradingRules#checkBooking}: a booking that could never become a valid attempt is refused with the rule an
 * attempt would break. Readable like attempts; booked and cancelled by admins and the organisation's assessors (the
 * resource). Nothing booked is rewritten: a cancellation is set once, and rebooking is a cancellation plus a booking.
 */
@ApplicationScoped
public class BookingService {

    private final AssessmentService assessments;
    private final AssessmentRepository registrations;
    private final AssessmentBookingRepository bookings;
    private final AssessmentPlans plans;
    private final CurrentCaller caller;
    private final Clock clock;
    private final AssessmentEvents events;

    public BookingService(
            AssessmentService assessments,
            AssessmentRepository registrations,
            AssessmentBookingRepository bookings,
            AssessmentPlans plans,
            CurrentCaller caller,
            Clock clock,
            AssessmentEvents events) {
        this.events = events;
        this.clock = clock;
        this.assessments = assessments;
        this.registrations = registrations;
        this.bookings = bookings;
        this.plans = plans;
        this.caller = caller;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<BookingResponse> search(UUID id, String methodCode, BookingStatus status, PageRequest page) {
        assessments.visible(id);
        return PageResponse.of(
                bookings.search(id, methodCode, status, page),
                AssessmentMapper::toResponse,
                page,
                bookings.count(id, methodCode, status));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public BookingResponse get(UUID id, UUID bookingId) {
        assessments.visible(id);
        return AssessmentMapper.toResponse(bookingOf(id, bookingId));
    }

    @Transactional
    public BookingResponse book(UUID id, BookingRequest request) {
        Assessment assessment = assessments.visible(id);
        // Serialises bookings (and attempts) of one assessment, so the open-booking check below holds.
        registrations.getEntityManager().lock(assessment, LockModeType.PESSIMISTIC_WRITE);
        if (assessment.gatewayDate == null) {
            throw ApiException.of(
                    AssessmentError.GATEWAY_NOT_PASSED,
                    "The apprentice has not passed the gateway to "
                            + "completion yet (no gateway submission accepted), so no assessment can be booked; nothing was "
                            + "saved.");
        }
        AssessmentPlan plan = plans.require(assessment.standardVersion);
        GradingRules.checkBooking(
                plan,
                assessment.gatewayDate,
                assessment.periodEnd,
                today(),
                request.methodCode(),
                request.kind(),
                request.date(),
                request.employerAgreed(),
                AssessmentService.priors(assessments.standing(id, request.methodCode())));
        bookings.open(id, request.methodCode()).ifPresent(open -> {
            throw alreadyOpen(request.methodCode(), "open booking " + open.id + " on " + open.date);
        });
        if (request.assessorId() != null) {
            assessments.assessable(assessment, request.assessorId());
        }
        AssessmentBooking booking = new AssessmentBooking();
        booking.id = UUID.randomUUID();
        booking.assessmentId = id;
        booking.methodCode = request.methodCode();
        booking.kind = request.kind();
        booking.date = request.date();
        booking.startTime = request.startTime();
        booking.mode = request.mode();
        booking.location = strip(request.location());
        booking.assessorId = request.assessorId();
        booking.employerAgreed = request.employerAgreed();
        booking.note = strip(request.note());
        booking.booked = stamp();
        try {
            bookings.persistAndFlush(booking);
        } catch (PersistenceException e) {
            // The lock above makes this unlikely; the database's open-booking index is the backstop.
            if (violates(e, AssessmentBooking.OPEN_KEY)) {
                throw alreadyOpen(request.methodCode(), "an open booking");
            }
            throw e;
        }
        events.booking(assessment, booking, "booked");
        Log.infof(
                "Booked %s of %s on %s for assessment %s: %s",
                booking.kind, booking.methodCode, booking.date, id, booking.id);
        return AssessmentMapper.toResponse(booking);
    }

    @Transactional
    public BookingResponse cancel(UUID id, UUID bookingId, String reason) {
        Assessment assessment = assessments.visible(id);
        AssessmentBooking booking = bookingOf(id, bookingId);
        bookings.getEntityManager().lock(booking, LockModeType.PESSIMISTIC_WRITE);
        bookings.getEntityManager().refresh(booking);
        if (!booking.status().canMoveTo(BookingStatus.cancelled)) {
            throw ApiException.of(
                    AssessmentError.BOOKING_ALREADY_CLOSED,
                    "Booking " + bookingId + " is " + booking.status()
                            + "; only an open booking can be cancelled. Nothing was changed.");
        }
        booking.cancelled = stamp();
        booking.cancellationReason = reason.strip();
        bookings.flush();
        events.booking(assessment, booking, "cancelled");
        Log.infof("Cancelled booking %s of assessment %s", bookingId, id);
        return AssessmentMapper.toResponse(booking);
    }

    private static ApiException alreadyOpen(String methodCode, String which) {
        return ApiException.of(
                AssessmentError.BOOKING_ALREADY_OPEN,
                "Method " + methodCode + " already has " + which + "; cancel it to rebook. Nothing was saved.");
    }

    private static boolean violates(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException cve && constraint.equalsIgnoreCase(cve.getConstraintName())) {
                return true;
            }
        }
        return false;
    }

    private AssessmentBooking bookingOf(UUID id, UUID bookingId) {
        return bookings.findByIdOptional(bookingId)
                .filter(b -> b.assessmentId.equals(id))
                .orElseThrow(() -> ApiException.of(
                        AssessmentError.BOOKING_NOT_FOUND, "No booking " + bookingId + " on assessment " + id + "."));
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Who is doing this, and now: the platform's one stamp. */
    private StampColumns stamp() {
        return StampColumns.of(Stamp.of(caller.get(), clock));
    }
}
