package uk.apprenticeships.st1398.evidence.mapping;

import java.math.BigDecimal;
import java.util.List;
import uk.apprenticeships.st1398.evidence.api.OffTheJobResponse;
import uk.apprenticeships.st1398.evidence.domain.OffTheJobEntry;

/** Entity to API record mapping for off-the-job entries. */
public final class OffTheJobMapper {

    private OffTheJobMapper() {}

    public static OffTheJobResponse toResponse(OffTheJobEntry e) {
        return new OffTheJobResponse(
                e.id.toHexString(),
                e.apprenticeId.toHexString(),
                e.date,
                hours(e.hundredths),
                e.activity,
                List.copyOf(e.ksbCodes),
                e.status,
                e.version,
                StampMapper.subject(e.decided),
                StampMapper.at(e.decided),
                StampMapper.toResponse(e.decided),
                e.rejectionReason,
                e.createdAt,
                StampMapper.subject(e.createdBy),
                StampMapper.toResponse(e.createdBy),
                e.updatedAt);
    }

    public static BigDecimal hours(long hundredths) {
        return BigDecimal.valueOf(hundredths, 2);
    }

    /** Exact: the request is validated to at most two decimals. */
    public static long hundredths(BigDecimal hours) {
        return hours.movePointRight(2).longValueExact();
    }
}
