package uk.apprenticeships.st1398.standards.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.apprenticeships.st1398.standards.api.ImportReport.Outcome;
import uk.apprenticeships.st1398.standards.domain.Duty;
import uk.apprenticeships.st1398.standards.domain.FundingBand;
import uk.apprenticeships.st1398.standards.domain.Ksb;
import uk.apprenticeships.st1398.standards.domain.KsbKind;
import uk.apprenticeships.st1398.standards.domain.Qualification;
import uk.apprenticeships.st1398.standards.domain.RegulationDetail;
import uk.apprenticeships.st1398.standards.domain.Standard;
import uk.apprenticeships.st1398.standards.domain.StandardOption;
import uk.apprenticeships.st1398.standards.domain.StandardVersion;
import uk.apprenticeships.st1398.standards.events.StandardsEvents;
import uk.apprenticeships.st1398.standards.mapping.FeedMapper;
import uk.apprenticeships.st1398.standards.mapping.StandardMapper;
import uk.apprenticeships.st1398.standards.mapping.feed.FeedDuty;
import uk.apprenticeships.st1398.standards.mapping.feed.FeedFundingBand;
import uk.apprenticeships.st1398.standards.mapping.feed.FeedKsb;
import uk.apprenticeships.st1398.standards.mapping.feed.FeedOption;
import uk.apprenticeships.st1398.standards.mapping.feed.FeedQualification;
import uk.apprenticeships.st1398.standards.mapping.feed.FeedRegulationDetail;
import uk.apprenticeships.st1398.standards.mapping.feed.FeedStandardVersion;
import uk.apprenticeships.st1398.standards.repository.StandardRepository;
import uk.apprenticeships.st1398.standards.repository.StandardVersionRepository;

/**
 * Stores one valid import item in its own transaction, replacing the version's data with the item's (unlike the
 * seed loader, which only fills gaps). Rows keep their identity where the item keeps their id: a KSB, duty, option
 * or qualification whose id is in the item is updated in place (moved, re-worded), one whose id is not is removed.
 *
 * <p>Standard-level fields (title, level, funding, funding bands, ...) are shared by all versions; they are taken from
 * an item only when it is the standard's newest version, so importing older versions (in any order, any number of
 * times) never flips them back and forth. Funding bands are not in the Skills England feed: an item without
 * {@code apprenticeshipFunding} keeps the stored bands; one with it (even empty) replaces them.
 */
@ApplicationScoped
public class FeedUpserter {

    /** Where imported content comes from, for {@code source} on the version. */
    static final String SOURCE = "Skills England feed import";
    /** Rows are parked this far up while positions are rewritten, so (version, position) stays unique. */
    private static final int PARKED = 1_000_000;

    private final StandardRepository standards;
    private final StandardVersionRepository versions;
    private final Clock clock;

    private final StandardsEvents events;

    public FeedUpserter(
            StandardRepository standards, StandardVersionRepository versions, Clock clock, StandardsEvents events) {
        this.events = events;
        this.standards = standards;
        this.versions = versions;
        this.clock = clock;
    }

    /** @throws ItemRejected when the item conflicts with what is stored; nothing of it is then kept */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Outcome upsert(FeedStandardVersion item) {
        versions.lockForImport();
        Standard standard = standards.findById(item.referenceNumber());
        StandardVersion version = standard == null
                ? null
                : standard.versions.stream()
                        .filter(v -> v.versionNumber.equals(item.version()))
                        .findFirst()
                        .orElse(null);
        boolean newest = standard == null
                || standard.versions.stream()
                        .allMatch(v -> FeedMapper.compareVersions(v.versionNumber, item.version()) <= 0);
        FeedStandardVersion target = FeedMapper.canonical(item);
        if (!newest) {
            target = FeedMapper.withStandardFieldsOf(target, standard);
        } else if (target.apprenticeshipFunding() == null) {
            // The feed never carries funding bands: an item without them keeps the stored ones.
            target = FeedMapper.withFunding(target, standard == null ? List.of() : FeedMapper.funding(standard));
        }
        if (version != null && FeedMapper.toFeed(version).equals(target)) {
            return Outcome.UNCHANGED;
        }
        List<String> reasons = new ArrayList<>();
        requireNoOtherApproved(standard, version, target, reasons);
        requireIdsFree(version, target, reasons);
        if (!reasons.isEmpty()) {
            throw new ItemRejected(reasons);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (standard == null) {
            standard = new Standard();
            standard.reference = target.referenceNumber();
            standard.createdAt = now;
            applyStandard(standard, target, now);
            standards.persist(standard);
        } else if (newest) {
            applyStandard(standard, target, now);
        }
        Outcome outcome = version == null ? Outcome.CREATED : Outcome.UPDATED;
        if (version == null) {
            version = new StandardVersion();
            version.standard = standard;
            version.versionNumber = target.version();
            standard.versions.add(version);
            applyVersion(version, target);
            versions.persist(version);
        } else {
            applyVersion(version, target);
        }
        applyContent(version, target);
        events.versionUpserted(version, outcome == Outcome.CREATED, "import");
        return outcome;
    }

    // ------------------------------------------------------------------------------------------------ checks

    private static void requireNoOtherApproved(
            Standard standard, StandardVersion version, FeedStandardVersion target, List<String> reasons) {
        if (standard == null || !StandardMapper.APPROVED.equals(target.status())) {
            return;
        }
        standard.versions.stream()
                .filter(v -> v != version && StandardMapper.APPROVED.equals(v.status))
                .findFirst()
                .ifPresent(v -> reasons.add("status: " + v.key() + " is already approved for delivery; "
                        + "only one version of a standard may be approved at a time (retire it first)"));
    }

    /** Feed ids are global: one that already belongs to another version would otherwise be a bare key error. */
    private void requireIdsFree(StandardVersion version, FeedStandardVersion target, List<String> reasons) {
        List<UUID> ksbIds = new ArrayList<>();
        target.knowledgesOrEmpty().forEach(k -> ksbIds.add(k.id()));
        target.skillsOrEmpty().forEach(k -> ksbIds.add(k.id()));
        target.behavioursOrEmpty().forEach(k -> ksbIds.add(k.id()));
        requireFree("Ksb", "KSB", ksbIds, version, reasons);
        requireFree(
                "Duty",
                "duty",
                target.dutiesOrEmpty().stream().map(FeedDuty::dutyId).toList(),
                version,
                reasons);
        requireFree(
                "StandardOption",
                "option",
                target.optionsOrEmpty().stream().map(FeedOption::optionId).toList(),
                version,
                reasons);
        requireFree(
                "Qualification",
                "qualification",
                target.qualificationsOrEmpty().stream()
                        .map(FeedQualification::qualificationId)
                        .toList(),
                version,
                reasons);
    }

    private void requireFree(
            String entity, String label, List<UUID> ids, StandardVersion version, List<String> reasons) {
        if (ids.isEmpty()) {
            return;
        }
        List<Object[]> owners = em().createQuery(
                        "select e.id, e.version.standard.reference, e.version.versionNumber, " + "e.version.id from "
                                + entity + " e where e.id in :ids",
                        Object[].class)
                .setParameter("ids", ids)
                .getResultList();
        for (Object[] owner : owners) {
            if (version == null || !Objects.equals(owner[3], version.id)) {
                reasons.add("the " + label + " id " + owner[0] + " already belongs to " + owner[1] + "_" + owner[2]
                        + "; feed ids are unique across the catalogue");
            }
        }
    }

    // ------------------------------------------------------------------------------------------- apply

    private static void applyStandard(Standard s, FeedStandardVersion f, OffsetDateTime now) {
        s.title = f.title();
        s.level = f.level();
        s.route = f.route();
        s.larsCode = f.larsCode();
        s.typicalDurationMonths = f.typicalDuration();
        s.maxFunding = f.maxFunding();
        s.eqaProvider = f.eqaProvider() == null ? null : f.eqaProvider().providerName();
        s.regulatedBody = f.regulatedBody();
        s.overview = f.overviewOfRole();
        s.standardPageUrl = f.standardPageUrl();
        s.typicalJobTitles = new ArrayList<>(f.typicalJobTitles());
        applyFunding(s, f.fundingOrEmpty());
        s.updatedAt = now;
    }

    /** Bands are matched on their start date (unique per standard), so no two rows ever share one. */
    private static void applyFunding(Standard s, List<FeedFundingBand> items) {
        Map<LocalDate, FeedFundingBand> byStart =
                items.stream().collect(Collectors.toMap(FeedFundingBand::effectiveFrom, Function.identity()));
        s.fundingBands.removeIf(b -> !byStart.containsKey(b.effectiveFrom));
        Map<LocalDate, FundingBand> existing =
                s.fundingBands.stream().collect(Collectors.toMap(b -> b.effectiveFrom, Function.identity()));
        for (FeedFundingBand item : items) {
            FundingBand band = existing.get(item.effectiveFrom());
            if (band == null) {
                band = new FundingBand();
                band.standard = s;
                band.effectiveFrom = item.effectiveFrom();
                s.fundingBands.add(band);
            }
            band.effectiveTo = item.effectiveTo();
            band.maxEmployerLevyCap = item.maxEmployerLevyCap();
            band.durationMonths = item.duration();
        }
    }

    private static void applyVersion(StandardVersion v, FeedStandardVersion f) {
        v.status = f.status();
        v.approvedForDelivery = f.approvedForDelivery();
        v.earliestStartDate = f.earliestStartDate();
        v.latestStartDate = f.latestStartDate();
        v.latestEndDate = f.latestEndDate();
        v.coreAndOptions = f.coreAndOptions();
        v.assessmentPlanUrl = f.assessmentPlanUrl();
        v.keywords = f.keywords() == null ? null : new ArrayList<>(f.keywords());
        v.regulated = f.regulated();
        v.regulationDetail = regulationDetail(f.regulationDetail());
        v.source = SOURCE;
        v.sourceNote = null;
        v.expectedKnowledge = f.knowledges() == null ? null : f.knowledges().size();
        v.expectedSkills = f.skills() == null ? null : f.skills().size();
        v.expectedBehaviours = f.behaviours() == null ? null : f.behaviours().size();
        v.expectedDuties = f.duties() == null ? null : f.duties().size();
    }

    static List<RegulationDetail> regulationDetail(List<FeedRegulationDetail> items) {
        return items == null
                ? null
                : new ArrayList<>(items.stream()
                        .map(r -> new RegulationDetail(r.name(), r.approved(), r.webLink()))
                        .toList());
    }

    /**
     * Two steps, each flushed: first drop the duty links and the rows the item no longer has, and park the rest
     * out of the way; then write every row at its final position and re-link. The unique (version, position)
     * constraints never see two rows in one place.
     */
    private void applyContent(StandardVersion v, FeedStandardVersion f) {
        for (Duty duty : v.duties) {
            duty.ksbs.clear();
            duty.options.clear();
        }
        em().flush();
        Set<UUID> ksbIds = new HashSet<>();
        f.knowledgesOrEmpty().forEach(k -> ksbIds.add(k.id()));
        f.skillsOrEmpty().forEach(k -> ksbIds.add(k.id()));
        f.behavioursOrEmpty().forEach(k -> ksbIds.add(k.id()));
        Set<UUID> dutyIds = f.dutiesOrEmpty().stream().map(FeedDuty::dutyId).collect(Collectors.toSet());
        Set<UUID> optionIds =
                f.optionsOrEmpty().stream().map(FeedOption::optionId).collect(Collectors.toSet());
        Set<UUID> qualificationIds = f.qualificationsOrEmpty().stream()
                .map(FeedQualification::qualificationId)
                .collect(Collectors.toSet());
        v.ksbs.removeIf(k -> !ksbIds.contains(k.id));
        v.duties.removeIf(d -> !dutyIds.contains(d.id));
        v.options.removeIf(o -> !optionIds.contains(o.id));
        v.qualifications.removeIf(q -> !qualificationIds.contains(q.id));
        v.ksbs.forEach(k -> k.position += PARKED);
        v.duties.forEach(d -> d.position += PARKED);
        v.options.forEach(o -> o.position += PARKED);
        v.qualifications.forEach(q -> q.position += PARKED);
        em().flush();

        Map<UUID, Ksb> ksbs = new HashMap<>();
        applyKsbs(v, KsbKind.K, f.knowledgesOrEmpty(), ksbs);
        applyKsbs(v, KsbKind.S, f.skillsOrEmpty(), ksbs);
        applyKsbs(v, KsbKind.B, f.behavioursOrEmpty(), ksbs);
        Map<UUID, StandardOption> options = applyOptions(v, f.optionsOrEmpty());
        applyDuties(v, f.dutiesOrEmpty(), ksbs, options);
        applyQualifications(v, f.qualificationsOrEmpty());
    }

    private static void applyKsbs(StandardVersion v, KsbKind kind, List<? extends FeedKsb> items, Map<UUID, Ksb> byId) {
        Map<UUID, Ksb> existing = v.ksbs.stream().collect(Collectors.toMap(k -> k.id, Function.identity()));
        for (int i = 0; i < items.size(); i++) {
            FeedKsb item = items.get(i);
            Ksb ksb = existing.get(item.id());
            if (ksb == null) {
                ksb = new Ksb();
                ksb.id = item.id();
                ksb.version = v;
                v.ksbs.add(ksb);
            }
            // The feed cannot say a text is cut off: the mark stays only while the text is the one it was set for.
            ksb.detailTruncated = ksb.detailTruncated && Objects.equals(ksb.detail, item.detail());
            ksb.kind = kind;
            ksb.position = i + 1;
            ksb.detail = item.detail();
            byId.put(ksb.id, ksb);
        }
    }

    private static Map<UUID, StandardOption> applyOptions(StandardVersion v, List<FeedOption> items) {
        Map<UUID, StandardOption> existing =
                v.options.stream().collect(Collectors.toMap(o -> o.id, Function.identity()));
        Map<UUID, StandardOption> byId = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            FeedOption item = items.get(i);
            StandardOption option = existing.get(item.optionId());
            if (option == null) {
                option = new StandardOption();
                option.id = item.optionId();
                option.version = v;
                v.options.add(option);
            }
            option.position = i + 1;
            option.title = item.title();
            byId.put(option.id, option);
        }
        return byId;
    }

    private static void applyDuties(
            StandardVersion v, List<FeedDuty> items, Map<UUID, Ksb> ksbs, Map<UUID, StandardOption> options) {
        Map<UUID, Duty> existing = v.duties.stream().collect(Collectors.toMap(d -> d.id, Function.identity()));
        for (int i = 0; i < items.size(); i++) {
            FeedDuty item = items.get(i);
            Duty duty = existing.computeIfAbsent(item.dutyId(), id -> newDuty(v, id));
            duty.position = i + 1;
            duty.detail = item.dutyDetail();
            duty.core = item.core();
            duty.ksbMappingKnown = item.mappingKnown();
            if (item.mappingKnown()) {
                link(duty, item.mappedKnowledge(), ksbs);
                link(duty, item.mappedSkills(), ksbs);
                link(duty, item.mappedBehaviour(), ksbs);
            }
            item.mappedOptions().forEach(id -> duty.options.add(options.get(id)));
        }
    }

    private static Duty newDuty(StandardVersion v, UUID id) {
        Duty duty = new Duty();
        duty.id = id;
        duty.version = v;
        v.duties.add(duty);
        return duty;
    }

    /** Ids were checked against the item's own KSBs before the transaction started. */
    private static void link(Duty duty, List<UUID> ids, Map<UUID, Ksb> ksbs) {
        ids.forEach(id -> duty.ksbs.add(ksbs.get(id)));
    }

    private static void applyQualifications(StandardVersion v, List<FeedQualification> items) {
        Map<UUID, Qualification> existing =
                v.qualifications.stream().collect(Collectors.toMap(q -> q.id, Function.identity()));
        for (int i = 0; i < items.size(); i++) {
            FeedQualification item = items.get(i);
            Qualification q = existing.get(item.qualificationId());
            if (q == null) {
                q = new Qualification();
                q.id = item.qualificationId();
                q.version = v;
                v.qualifications.add(q);
            }
            q.position = i + 1;
            q.title = item.title();
            q.level = item.level();
            q.additionalInformation = item.anyAdditionalInformation();
        }
    }

    private EntityManager em() {
        return versions.getEntityManager();
    }
}
