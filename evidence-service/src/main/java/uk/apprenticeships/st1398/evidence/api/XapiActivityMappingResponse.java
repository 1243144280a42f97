package uk.apprenticeships.st1398.evidence.api;

import java.time.Instant;
import java.util.List;

/** A provider's mapping of one LMS activity. */
public record XapiActivityMappingResponse(
        String activityId,
        List<String> ksbCodes,
        boolean offTheJob,
        String providerUkprn,
        Instant updatedAt,
        StampResponse updatedBy) {}
