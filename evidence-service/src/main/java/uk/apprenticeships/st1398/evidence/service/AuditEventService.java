package uk.apprenticeships.st1398.evidence.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.bson.types.ObjectId;
import uk.apprenticeships.st1398.evidence.api.AuditEventResponse;
import uk.apprenticeships.st1398.evidence.mapping.AuditEventMapper;
import uk.apprenticeships.st1398.evidence.repository.ApprenticeRepository;
import uk.apprenticeships.st1398.evidence.repository.AuditEventRepository;
import uk.apprenticeships.st1398.platform.api.PageRequest;
import uk.apprenticeships.st1398.platform.api.PageResponse;
import uk.apprenticeships.st1398.platform.problem.ApiException;

/** Reading an apprentice's audit trail: the one apprentice endpoint that still answers after an erasure. */
@ApplicationScoped
public class AuditEventService {

    private final ApprenticeRepository apprentices;
    private final AuditEventRepository events;
    private final Stamps stamps;

    public AuditEventService(ApprenticeRepository apprentices, AuditEventRepository events, Stamps stamps) {
        this.stamps = stamps;
        this.apprentices = apprentices;
        this.events = events;
    }

    public PageResponse<AuditEventResponse> list(
            String apprenticeId, String action, Instant from, Instant to, PageRequest page) {
        // Visibility only: an erased apprentice's tombstone keeps its provider, so its tutors still see the trail.
        ApprenticeAccess.visibleOrErased(apprentices, stamps.caller(), apprenticeId);
        if (from != null && to != null && !to.isAfter(from)) {
            throw ApiException.invalid("to", "must be after from");
        }
        AuditEventRepository.Filter filter =
                new AuditEventRepository.Filter(new ObjectId(apprenticeId), action, from, to);
        return PageResponse.of(events.list(filter, page), AuditEventMapper::toResponse, page, events.count(filter));
    }
}
