package uk.apprenticeships.st1398.standards.mapping;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import uk.apprenticeships.st1398.standards.api.Completeness;
import uk.apprenticeships.st1398.standards.api.Completeness.DutyCompleteness;
import uk.apprenticeships.st1398.standards.api.Completeness.KindCompleteness;
import uk.apprenticeships.st1398.standards.api.DutyResponse;
import uk.apprenticeships.st1398.standards.api.DutySummary;
import uk.apprenticeships.st1398.standards.api.KsbResponse;
import uk.apprenticeships.st1398.standards.api.OptionResponse;
import uk.apprenticeships.st1398.standards.api.QualificationResponse;
import uk.apprenticeships.st1398.standards.api.RegulationDetailResponse;
import uk.apprenticeships.st1398.standards.api.VersionListItem;
import uk.apprenticeships.st1398.standards.api.VersionResponse;
import uk.apprenticeships.st1398.standards.domain.Duty;
import uk.apprenticeships.st1398.standards.domain.Ksb;
import uk.apprenticeships.st1398.standards.domain.KsbKind;
import uk.apprenticeships.st1398.standards.domain.Qualification;
import uk.apprenticeships.st1398.standards.domain.StandardOption;
import uk.apprenticeships.st1398.standards.domain.StandardVersion;

/** Standard-version content to API records. */
public final class VersionMapper {

    /** K before S before B, then by position: the order the standard itself lists them in. */
    private static final Comparator<Ksb> CODE_ORDER =
            Comparator.comparing((Ksb k) -> k.kind).thenComparingInt(k -> k.position);

    private VersionMapper() {}

    public static VersionResponse toResponse(StandardVersion v) {
        CoreResolution core = CoreResolution.of(v);
        return new VersionResponse(
                v.key(),
                v.standard.reference,
                v.standard.larsCode,
                v.standard.title,
                v.versionNumber,
                v.status,
                v.isLatest(),
                v.approvedForDelivery,
                v.earliestStartDate,
                v.latestStartDate,
                v.latestEndDate,
                v.assessmentPlanUrl,
                v.keywords == null ? null : List.copyOf(v.keywords),
                v.regulated,
                v.regulationDetail == null
                        ? null
                        : v.regulationDetail.stream()
                                .map(r -> new RegulationDetailResponse(r.name(), r.approved(), r.webLink()))
                                .toList(),
                v.source,
                v.sourceNote,
                v.coreAndOptions,
                completeness(v),
                toKsbs(v.ksbs, core),
                v.duties.stream().map(d -> toSummary(d, core)).toList(),
                toOptions(v),
                v.qualifications.stream().map(VersionMapper::toResponse).toList());
    }

    public static VersionListItem toListItem(StandardVersion v) {
        return new VersionListItem(
                v.key(),
                v.standard.reference,
                v.standard.larsCode,
                v.standard.title,
                v.versionNumber,
                v.status,
                v.options.stream()
                        .sorted(Comparator.comparingInt(o -> o.position))
                        .map(o -> o.title)
                        .toList());
    }

    /** The version's KSBs in code order, optionally of one kind only (null: all kinds). */
    public static List<KsbResponse> toKsbs(StandardVersion v, KsbKind kind) {
        return toKsbs(
                v.ksbs.stream().filter(k -> kind == null || k.kind == kind).toList(), CoreResolution.of(v));
    }

    public static KsbResponse toResponse(Ksb k) {
        return toResponse(k, CoreResolution.of(k.version));
    }

    public static List<DutyResponse> toDuties(StandardVersion v) {
        CoreResolution core = CoreResolution.of(v);
        return v.duties.stream()
                .map(d -> new DutyResponse(
                        d.id,
                        d.position,
                        d.detail,
                        core.core(d),
                        CoreResolution.optionIds(d),
                        d.ksbMappingKnown,
                        d.ksbMappingKnown ? toKsbs(d.ksbs, core) : null))
                .toList();
    }

    public static List<OptionResponse> toOptions(StandardVersion v) {
        return v.options.stream().map(VersionMapper::toResponse).toList();
    }

    private static List<KsbResponse> toKsbs(Collection<Ksb> ksbs, CoreResolution core) {
        return ksbs.stream().sorted(CODE_ORDER).map(k -> toResponse(k, core)).toList();
    }

    private static KsbResponse toResponse(Ksb k, CoreResolution core) {
        return new KsbResponse(
                k.id,
                k.code(),
                k.kind.name(),
                k.detail,
                k.detail != null,
                k.detail != null && !k.detailTruncated,
                core.core(k),
                core.optionIds(k));
    }

    private static DutySummary toSummary(Duty d, CoreResolution core) {
        List<String> codes = d.ksbMappingKnown
                ? d.ksbs.stream().sorted(CODE_ORDER).map(Ksb::code).toList()
                : null;
        return new DutySummary(
                d.id, d.position, d.detail, core.core(d), CoreResolution.optionIds(d), d.ksbMappingKnown, codes);
    }

    private static OptionResponse toResponse(StandardOption o) {
        return new OptionResponse(o.id, o.position, o.title);
    }

    private static QualificationResponse toResponse(Qualification q) {
        return new QualificationResponse(q.id, q.position, q.title, q.level, q.additionalInformation);
    }

    static Completeness completeness(StandardVersion v) {
        KindCompleteness knowledge = completeness(v, KsbKind.K);
        KindCompleteness skills = completeness(v, KsbKind.S);
        KindCompleteness behaviours = completeness(v, KsbKind.B);
        int duties = v.expectedDuties != null ? v.expectedDuties : v.duties.size();
        boolean mapped = !v.duties.isEmpty() && v.duties.stream().allMatch(d -> d.ksbMappingKnown);
        DutyCompleteness duty = DutyCompleteness.of(
                duties, (int) v.duties.stream().filter(d -> d.detail != null).count(), mapped);
        return new Completeness(
                knowledge,
                skills,
                behaviours,
                duty,
                knowledge.complete() && skills.complete() && behaviours.complete() && duty.complete());
    }

    /**
     * Missing codes are those the source counts but gives no text for, whether or not it lists a placeholder
     * item for them.
     */
    private static KindCompleteness completeness(StandardVersion v, KsbKind kind) {
        Map<Integer, Ksb> byPosition = v.ksbs.stream()
                .filter(k -> k.kind == kind)
                .collect(Collectors.toMap(k -> k.position, Function.identity()));
        int expected = v.expected(kind) != null ? v.expected(kind) : byPosition.size();
        int last = Math.max(
                expected,
                byPosition.keySet().stream().mapToInt(Integer::intValue).max().orElse(0));
        List<String> missing = IntStream.rangeClosed(1, last)
                .filter(p -> byPosition.get(p) == null || byPosition.get(p).detail == null)
                .mapToObj(kind::code)
                .toList();
        List<String> truncated = byPosition.values().stream()
                .filter(k -> k.detailTruncated)
                .sorted(CODE_ORDER)
                .map(Ksb::code)
                .toList();
        int present =
                (int) byPosition.values().stream().filter(k -> k.detail != null).count();
        return KindCompleteness.of(expected, present, missing, truncated);
    }
}
