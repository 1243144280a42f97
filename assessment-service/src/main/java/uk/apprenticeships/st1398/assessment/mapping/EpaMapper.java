package uk.apprenticeships.st1398.assessment.mapping;

import java.util.List;
import uk.apprenticeships.st1398.assessment.api.EpaDetailsResponse;
import uk.apprenticeships.st1398.assessment.api.EpaRequest;
import uk.apprenticeships.st1398.assessment.domain.EpaEntry;
import uk.apprenticeships.st1398.assessment.domain.EpaOutcome;
import uk.apprenticeships.st1398.assessment.domain.EpaRecord;

/** EPA record entities to the DfE-shaped API records and back. */
public final class EpaMapper {

    private EpaMapper() {}

    public static EpaDetailsResponse toResponse(EpaRecord r) {
        EpaEntry last = r.epas.isEmpty() ? null : r.epas.get(r.epas.size() - 1);
        return new EpaDetailsResponse(
                r.epaReference,
                last == null ? null : last.date,
                last == null ? null : last.outcome.name(),
                r.epas.stream()
                        .map(e -> new EpaRequest.Epa(e.date, e.outcome.name(), e.resit, e.retake))
                        .toList(),
                r.recorded.at);
    }

    public static List<EpaEntry> toEntities(List<EpaRequest.Epa> epas) {
        return epas.stream()
                .map(e -> new EpaEntry(
                        e.epaDate(),
                        EpaOutcome.valueOf(e.epaOutcome()),
                        Boolean.TRUE.equals(e.resit()),
                        Boolean.TRUE.equals(e.retake())))
                .toList();
    }
}
