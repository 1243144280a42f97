package uk.apprenticeships.st1398.standards.mapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import uk.apprenticeships.st1398.standards.domain.Duty;
import uk.apprenticeships.st1398.standards.domain.Ksb;
import uk.apprenticeships.st1398.standards.domain.KsbKind;
import uk.apprenticeships.st1398.standards.domain.Standard;
import uk.apprenticeships.st1398.standards.domain.StandardVersion;
import uk.apprenticeships.st1398.standards.mapping.feed.FeedBehaviour;
import uk.apprenticeships.st1398.standards.mapping.feed.FeedDuty;
import uk.apprenticeships.st1398.standards.mapping.feed.FeedEqaProvider;
import uk.apprenticeships.st1398.standards.mapping.feed.FeedFundingBand;
import uk.apprenticeships.st1398.standards.mapping.feed.FeedKnowledge;
import uk.apprenticeships.st1398.standards.mapping.feed.FeedKsb;
import uk.apprenticeships.st1398.standards.mapping.feed.FeedOption;
import uk.apprenticeships.st1398.standards.mapping.feed.FeedQualification;
import uk.apprenticeships.st1398.standards.mapping.feed.FeedRegulationDetail;
import uk.apprenticeships.st1398.standards.mapping.feed.FeedSkill;
import uk.apprenticeships.st1398.standards.mapping.feed.FeedStandardVersion;

/**
 * Stored versions to the Skills England feed format and back to a canonical form. The canonical form of a feed item
 * is exactly what exporting it would give once stored (only the fields we keep, lists in the standard's order,
 * absent lists that we cannot tell from empty ones as empty), so "unchanged" is a plain equality test.
 */
public final class FeedMapper {

    private FeedMapper() {}

    /** The stored version in the feed format: KSB, duty and option ids as stored, null texts stay null. */
    public static FeedStandardVersion toFeed(StandardVersion v) {
        Standard s = v.standard;
        List<FeedOption> options = v.options.stream()
                .sorted(Comparator.comparingInt(o -> o.position))
                .map(o -> new FeedOption(o.id, o.title))
                .toList();
        List<FeedDuty> duties = v.duties.stream()
                .sorted(Comparator.comparingInt(d -> d.position))
                .map(FeedMapper::toFeed)
                .toList();
        List<FeedQualification> qualifications = v.qualifications.stream()
                .sorted(Comparator.comparingInt(q -> q.position))
                .map(q -> new FeedQualification(q.id, q.title, q.level, q.additionalInformation))
                .toList();
        return new FeedStandardVersion(
                s.reference,
                s.title,
                s.level,
                v.versionNumber,
                v.status,
                s.larsCode,
                s.route,
                v.approvedForDelivery,
                v.earliestStartDate,
                v.latestStartDate,
                v.latestEndDate,
                s.typicalDurationMonths,
                s.maxFunding,
                eqa(s.eqaProvider),
                s.regulatedBody,
                s.overview,
                s.standardPageUrl,
                v.coreAndOptions,
                options,
                v.expectedDuties == null && duties.isEmpty() ? null : duties,
                ksbs(v, KsbKind.K, k -> new FeedKnowledge(k.id, k.detail)),
                ksbs(v, KsbKind.S, k -> new FeedSkill(k.id, k.detail)),
                ksbs(v, KsbKind.B, k -> new FeedBehaviour(k.id, k.detail)),
                qualifications,
                List.copyOf(s.typicalJobTitles),
                v.assessmentPlanUrl,
                copy(v.keywords),
                v.regulated,
                v.regulationDetail == null
                        ? null
                        : v.regulationDetail.stream()
                                .map(r -> new FeedRegulationDetail(r.name(), r.approved(), r.webLink()))
                                .toList(),
                funding(s));
    }

    /** The standard's funding bands, oldest first. */
    public static List<FeedFundingBand> funding(Standard s) {
        return s.fundingBands.stream()
                .sorted(Comparator.comparing(b -> b.effectiveFrom))
                .map(b -> new FeedFundingBand(b.effectiveFrom, b.effectiveTo, b.maxEmployerLevyCap, b.durationMonths))
                .toList();
    }

    /** A list absent from the source (no count, no items) stays absent; otherwise the items in code order. */
    private static <T> List<T> ksbs(StandardVersion v, KsbKind kind, Function<Ksb, T> mapper) {
        List<T> items = v.ksbs.stream()
                .filter(k -> k.kind == kind)
                .sorted(Comparator.comparingInt(k -> k.position))
                .map(mapper)
                .toList();
        return v.expected(kind) == null && items.isEmpty() ? null : items;
    }

    private static FeedDuty toFeed(Duty d) {
        List<UUID> options = d.options.stream()
                .sorted(Comparator.comparingInt(o -> o.position))
                .map(o -> o.id)
                .toList();
        Integer core = d.core == null ? null : d.core ? 1 : 0;
        if (!d.ksbMappingKnown) {
            return new FeedDuty(d.id, d.detail, core, null, null, null, options);
        }
        return new FeedDuty(
                d.id, d.detail, core, mapped(d, KsbKind.K), mapped(d, KsbKind.S), mapped(d, KsbKind.B), options);
    }

    private static List<UUID> mapped(Duty d, KsbKind kind) {
        return d.ksbs.stream()
                .filter(k -> k.kind == kind)
                .sorted(Comparator.comparingInt(k -> k.position))
                .map(k -> k.id)
                .toList();
    }

    private static FeedEqaProvider eqa(String name) {
        return name == null ? null : new FeedEqaProvider(name, null, null, null, null);
    }

    /**
     * What {@link #toFeed} would give after storing this (valid) item: only the EQA provider's name is kept, the
     * title is stripped, mapped ids are in the standard's order without repeats, and options, qualifications and
     * job titles that the item leaves out are empty.
     */
    public static FeedStandardVersion canonical(FeedStandardVersion f) {
        Map<UUID, Integer> order = new HashMap<>();
        index(order, f.knowledgesOrEmpty(), FeedKsb::id);
        index(order, f.skillsOrEmpty(), FeedKsb::id);
        index(order, f.behavioursOrEmpty(), FeedKsb::id);
        index(order, f.optionsOrEmpty(), FeedOption::optionId);
        List<FeedDuty> duties = f.duties() == null
                ? null
                : f.duties().stream().map(d -> canonical(d, order)).toList();
        return new FeedStandardVersion(
                f.referenceNumber(),
                f.title().strip(),
                f.level(),
                f.version(),
                f.status(),
                f.larsCode(),
                f.route(),
                f.approvedForDelivery(),
                f.earliestStartDate(),
                f.latestStartDate(),
                f.latestEndDate(),
                f.typicalDuration(),
                f.maxFunding(),
                eqa(f.eqaProvider() == null ? null : f.eqaProvider().providerName()),
                f.regulatedBody(),
                f.overviewOfRole(),
                f.standardPageUrl(),
                f.coreAndOptions(),
                List.copyOf(f.optionsOrEmpty()),
                duties,
                copy(f.knowledges()),
                copy(f.skills()),
                copy(f.behaviours()),
                List.copyOf(f.qualificationsOrEmpty()),
                f.typicalJobTitles() == null ? List.of() : List.copyOf(f.typicalJobTitles()),
                f.assessmentPlanUrl(),
                copy(f.keywords()),
                f.regulated(),
                copy(f.regulationDetail()),
                f.apprenticeshipFunding() == null
                        ? null
                        : f.apprenticeshipFunding().stream()
                                .sorted(Comparator.comparing(FeedFundingBand::effectiveFrom))
                                .toList());
    }

    /**
     * The item with these funding bands. An item without {@code apprenticeshipFunding} (the feed never has it)
     * leaves the stored bands as they are, so its canonical form carries the stored ones.
     */
    public static FeedStandardVersion withFunding(FeedStandardVersion f, List<FeedFundingBand> funding) {
        return new FeedStandardVersion(
                f.referenceNumber(),
                f.title(),
                f.level(),
                f.version(),
                f.status(),
                f.larsCode(),
                f.route(),
                f.approvedForDelivery(),
                f.earliestStartDate(),
                f.latestStartDate(),
                f.latestEndDate(),
                f.typicalDuration(),
                f.maxFunding(),
                f.eqaProvider(),
                f.regulatedBody(),
                f.overviewOfRole(),
                f.standardPageUrl(),
                f.coreAndOptions(),
                f.options(),
                f.duties(),
                f.knowledges(),
                f.skills(),
                f.behaviours(),
                f.qualifications(),
                f.typicalJobTitles(),
                f.assessmentPlanUrl(),
                f.keywords(),
                f.regulated(),
                f.regulationDetail(),
                List.copyOf(funding));
    }

    /**
     * The item with the standard-level fields (title, level, funding and funding bands...) as the stored standard
     * has them.
     */
    public static FeedStandardVersion withStandardFieldsOf(FeedStandardVersion f, Standard s) {
        return new FeedStandardVersion(
                f.referenceNumber(),
                s.title,
                s.level,
                f.version(),
                f.status(),
                s.larsCode,
                s.route,
                f.approvedForDelivery(),
                f.earliestStartDate(),
                f.latestStartDate(),
                f.latestEndDate(),
                s.typicalDurationMonths,
                s.maxFunding,
                eqa(s.eqaProvider),
                s.regulatedBody,
                s.overview,
                s.standardPageUrl,
                f.coreAndOptions(),
                f.options(),
                f.duties(),
                f.knowledges(),
                f.skills(),
                f.behaviours(),
                f.qualifications(),
                List.copyOf(s.typicalJobTitles),
                f.assessmentPlanUrl(),
                f.keywords(),
                f.regulated(),
                f.regulationDetail(),
                funding(s));
    }

    private static FeedDuty canonical(FeedDuty d, Map<UUID, Integer> order) {
        List<UUID> options = ordered(d.mappedOptions(), order);
        if (!d.mappingKnown()) {
            return new FeedDuty(d.dutyId(), d.dutyDetail(), d.isThisACoreDuty(), null, null, null, options);
        }
        return new FeedDuty(
                d.dutyId(),
                d.dutyDetail(),
                d.isThisACoreDuty(),
                ordered(d.mappedKnowledge(), order),
                ordered(d.mappedSkills(), order),
                ordered(d.mappedBehaviour(), order),
                options);
    }

    private static List<UUID> ordered(List<UUID> ids, Map<UUID, Integer> order) {
        if (ids == null) {
            return List.of();
        }
        List<UUID> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        distinct.sort(Comparator.comparingInt(id -> order.getOrDefault(id, Integer.MAX_VALUE)));
        return List.copyOf(distinct);
    }

    private static <T> void index(Map<UUID, Integer> order, List<T> items, Function<T, UUID> id) {
        for (int i = 0; i < items.size(); i++) {
            order.putIfAbsent(id.apply(items.get(i)), i);
        }
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? null : List.copyOf(list);
    }

    /** Numeric order of version numbers (2.0 before 10.0). */
    public static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        int major = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
        return major != 0 ? major : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
    }
}
