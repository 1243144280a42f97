package uk.apprenticeships.st1398.evidence.mapping;

import uk.apprenticeships.st1398.evidence.api.StampResponse;
import uk.apprenticeships.st1398.evidence.domain.StampDoc;

public final class StampMapper {

    private StampMapper() {}

    public static StampResponse toResponse(StampDoc s) {
        return s == null ? null : new StampResponse(s.subject, s.displayName, s.role, s.onBehalfOf, s.requestId, s.at);
    }

    public static String subject(StampDoc s) {
        return s == null ? null : s.subject;
    }

    public static java.time.Instant at(StampDoc s) {
        return s == null ? null : s.at;
    }
}
