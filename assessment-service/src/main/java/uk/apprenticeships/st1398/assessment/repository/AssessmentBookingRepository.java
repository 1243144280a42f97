package uk.apprenticeships.st1398.assessment.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import uk.apprenticeships.st1398.assessment.domain.AssessmentBooking;
import uk.apprenticeships.st1398.assessment.domain.BookingStatus;
import uk.apprenticeships.st1398.platform.api.PageRequest;

@ApplicationScoped
public class AssessmentBookingRepository implements PanacheRepositoryBase<AssessmentBooking, UUID> {

    /** The method's open booking (not cancelled, not attended), if any. */
    public Optional<AssessmentBooking> open(UUID assessmentId, String methodCode) {
        return find(
                        "assessmentId = ?1 and methodCode = ?2 and cancelled.at is null and attemptId is null",
                        assessmentId,
                        methodCode)
                .firstResultOptional();
    }

    /** An assessment's bookings in the order they were made, optionally of one method and status. */
    public List<AssessmentBooking> search(
            UUID assessmentId, String methodCode, BookingStatus status, PageRequest page) {
        return query(assessmentId, methodCode, status)
                .page(page.page(), page.size())
                .list();
    }

    public long count(UUID assessmentId, String methodCode, BookingStatus status) {
        return query(assessmentId, methodCode, status).count();
    }

    private PanacheQuery<AssessmentBooking> query(UUID assessmentId, String methodCode, BookingStatus status) {
        List<String> where = new ArrayList<>(List.of("assessmentId = :id"));
        Parameters params = Parameters.with("id", assessmentId);
        if (methodCode != null) {
            where.add("methodCode = :method");
            params.and("method", methodCode);
        }
        if (status != null) {
            where.add(
                    switch (status) {
                        case booked -> "cancelled.at is null and attemptId is null";
                        case cancelled -> "cancelled.at is not null";
                        case attended -> "attemptId is not null";
                    });
        }
        return find(String.join(" and ", where), Sort.by("booked.at").and("id"), params);
    }
}
