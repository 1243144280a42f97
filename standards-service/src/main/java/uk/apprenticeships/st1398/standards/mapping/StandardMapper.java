package uk.apprenticeships.st1398.standards.mapping;

import java.util.ArrayList;
import java.util.List;
import uk.apprenticeships.st1398.standards.api.FundingBandResponse;
import uk.apprenticeships.st1398.standards.api.StandardRequest;
import uk.apprenticeships.st1398.standards.api.StandardResponse;
import uk.apprenticeships.st1398.standards.api.StandardSummary;
import uk.apprenticeships.st1398.standards.api.VersionSummary;
import uk.apprenticeships.st1398.standards.domain.Standard;
import uk.apprenticeships.st1398.standards.domain.StandardVersion;

/** Entity to API record mapping; the only place that knows both shapes. */
public final class StandardMapper {

    public static final String APPROVED = "Approved for delivery";

    private StandardMapper() {}

    public static StandardResponse toResponse(Standard s) {
        return new StandardResponse(
                s.reference,
                s.title,
                s.level,
                s.route,
                s.larsCode,
                s.typicalDurationMonths,
                s.maxFunding,
                s.eqaProvider,
                s.regulatedBody,
                s.overview,
                List.copyOf(s.typicalJobTitles),
                s.standardPageUrl,
                versions(s),
                s.fundingBands.stream()
                        .map(b -> new FundingBandResponse(
                                b.effectiveFrom, b.effectiveTo, b.maxEmployerLevyCap, b.durationMonths))
                        .toList(),
                s.createdAt,
                s.updatedAt);
    }

    /** Newest first, compared numerically (10.0 before 9.0): the current version is what clients look for first. */
    public static List<VersionSummary> versions(Standard s) {
        return s.versions.stream()
                .sorted(StandardVersion.NEWEST_FIRST)
                .map(StandardMapper::toSummary)
                .toList();
    }

    public static StandardSummary toSummary(Standard s) {
        String approved = s.versions.stream()
                .filter(v -> APPROVED.equals(v.status))
                .map(StandardVersion::key)
                .findFirst()
                .orElse(null);
        return new StandardSummary(s.reference, s.title, s.level, s.route, s.larsCode, approved);
    }

    public static VersionSummary toSummary(StandardVersion v) {
        return new VersionSummary(
                v.key(),
                v.versionNumber,
                v.status,
                v.isLatest(),
                v.approvedForDelivery,
                v.earliestStartDate,
                v.latestStartDate,
                v.latestEndDate,
                v.source);
    }

    /** Copies the request onto the entity; the reference is set by the caller. */
    public static void apply(StandardRequest r, Standard s) {
        s.title = r.title().strip();
        s.level = r.level();
        s.route = r.route();
        s.larsCode = r.larsCode();
        s.typicalDurationMonths = r.typicalDurationMonths();
        s.maxFunding = r.maxFunding();
        s.eqaProvider = r.eqaProvider();
        s.regulatedBody = r.regulatedBody();
        s.overview = r.overview();
        s.typicalJobTitles = r.typicalJobTitles() == null ? new ArrayList<>() : new ArrayList<>(r.typicalJobTitles());
        s.standardPageUrl = r.standardPageUrl();
    }
}
