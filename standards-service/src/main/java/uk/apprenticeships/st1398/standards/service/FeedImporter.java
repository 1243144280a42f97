package uk.apprenticeships.st1398.standards.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.standards.config.StandardsError;
import uk.apprenticeships.st1398.standards.domain.Duty;
import uk.apprenticeships.st1398.standards.domain.FundingBand;
import uk.apprenticeships.st1398.standards.domain.Ksb;
import uk.apprenticeships.st1398.standards.domain.KsbKind;
import uk.apprenticeships.st1398.standards.domain.Qualification;
import uk.apprenticeships.st1398.standards.domain.Standard;
import uk.apprenticeships.st1398.standards.domain.StandardOption;
import uk.apprenticeships.st1398.standards.domain.StandardVersion;
import uk.apprenticeships.st1398.standards.events.StandardsEvents;
import uk.apprenticeships.st1398.standards.mapping.StandardMapper;
import uk.apprenticeships.st1398.standards.mapping.feed.FeedDuty;
import uk.apprenticeships.st1398.standards.mapping.feed.FeedFundingBand;
import uk.apprenticeships.st1398.standards.mapping.feed.FeedKsb;
import uk.apprenticeships.st1398.standards.mapping.feed.FeedOption;
import uk.apprenticeships.st1398.standards.mapping.feed.FeedQualification;
import uk.apprenticeships.st1398.standards.mapping.feed.FeedStandardVersion;
import uk.apprenticeships.st1398.standards.repository.StandardRepository;
import uk.apprenticeships.st1398.standards.repository.StandardVersionRepository;

/**
 * Adds one feed document (a standard version in the Skills England format) to the catalogue without ever
 * overwriting: rows are matched on their natural keys (reference; version number; kind and position; position),
 * missing rows are inserted and empty (null) fields filled; nothing else changes and nothing is deleted. So loading
 * the same document twice changes nothing, and rows that already exist (from a migration or an admin) win.
 */
@ApplicationScoped
public class FeedImporter {

    private final StandardRepository standards;
    private final StandardVersionRepository versions;
    private final Clock clock;
    private final StandardsEvents events;

    public FeedImporter(
            StandardRepository standards, StandardVersionRepository versions, Clock clock, StandardsEvents events) {
        this.events = events;
        this.standards = standards;
        this.versions = versions;
        this.clock = clock;
    }

    @Transactional
    public ImportResult importVersion(FeedStandardVersion feed, SourceInfo source) {
        versions.lockForImport();
        Changes changes = new Changes();
        Standard standard = standard(feed, changes);
        boolean versionExisted = standard.versions.stream().anyMatch(v -> v.versionNumber.equals(feed.version()));
        StandardVersion version = version(standard, feed, source, changes);
        Map<UUID, Ksb> ksbs = mergeKsbs(version, feed, source.truncatedCodes(), changes);
        Map<UUID, StandardOption> options = mergeOptions(version, feed.optionsOrEmpty(), changes);
        mergeDuties(version, feed.dutiesOrEmpty(), ksbs, options, changes);
        mergeQualifications(version, feed.qualificationsOrEmpty(), changes);
        if (changes.inserted > 0 || changes.filled > 0) {
            // In this transaction, like the import's: a seed that inserts or fills anything records it.
            events.versionUpserted(version, !versionExisted, "seed");
        }
        ImportResult result = new ImportResult(version.key(), changes.inserted, changes.filled);
        Log.infof(
                "Imported %s from %s: %d rows inserted, %d empty fields filled",
                result.versionKey(), source.source(), result.inserted(), result.filled());
        return result;
    }

    // ------------------------------------------------------------------------------------------- standard

    private Standard standard(FeedStandardVersion feed, Changes changes) {
        Standard existing = standards.findById(feed.referenceNumber());
        if (existing == null) {
            Standard created = new Standard();
            created.reference = feed.referenceNumber();
            created.title = feed.title().strip();
            created.level = feed.level();
            fillStandard(created, feed, new Changes());
            created.createdAt = now();
            created.updatedAt = created.createdAt;
            standards.persist(created);
            changes.inserted++;
            return created;
        }
        int before = changes.filled;
        fillStandard(existing, feed, changes);
        if (changes.filled > before) {
            existing.updatedAt = now();
        }
        return existing;
    }

    private static void fillStandard(Standard s, FeedStandardVersion feed, Changes c) {
        s.route = c.fill(s.route, feed.route());
        s.larsCode = c.fill(s.larsCode, feed.larsCode());
        s.typicalDurationMonths = c.fill(s.typicalDurationMonths, feed.typicalDuration());
        s.maxFunding = c.fill(s.maxFunding, feed.maxFunding());
        s.eqaProvider = c.fill(
                s.eqaProvider,
                feed.eqaProvider() == null ? null : feed.eqaProvider().providerName());
        s.regulatedBody = c.fill(s.regulatedBody, feed.regulatedBody());
        s.overview = c.fill(s.overview, feed.overviewOfRole());
        s.standardPageUrl = c.fill(s.standardPageUrl, feed.standardPageUrl());
        if (s.typicalJobTitles.isEmpty()
                && feed.typicalJobTitles() != null
                && !feed.typicalJobTitles().isEmpty()) {
            s.typicalJobTitles = new ArrayList<>(feed.typicalJobTitles());
            c.filled++;
        }
        if (s.fundingBands.isEmpty() && !feed.fundingOrEmpty().isEmpty()) {
            for (FeedFundingBand item : feed.fundingOrEmpty()) {
                FundingBand band = new FundingBand();
                band.standard = s;
                band.effectiveFrom = item.effectiveFrom();
                band.effectiveTo = item.effectiveTo();
                band.maxEmployerLevyCap = item.maxEmployerLevyCap();
                band.durationMonths = item.duration();
                s.fundingBands.add(band);
            }
            c.filled++;
        }
    }

    // -------------------------------------------------------------------------------------------- version

    private StandardVersion version(Standard standard, FeedStandardVersion feed, SourceInfo source, Changes changes) {
        StandardVersion version = standard.versions.stream()
                .filter(v -> v.versionNumber.equals(feed.version()))
                .findFirst()
                .orElse(null);
        if (version == null) {
            requireNoOtherApproved(standard, feed);
            version = new StandardVersion();
            version.standard = standard;
            version.versionNumber = feed.version();
            version.status = feed.status();
            fillVersion(version, feed, source, new Changes());
            standard.versions.add(version);
            versions.persist(version);
            changes.inserted++;
            return version;
        }
        fillVersion(version, feed, source, changes);
        return version;
    }

    /** The database refuses a second approved version too; this says why in words an importer can act on. */
    private static void requireNoOtherApproved(Standard standard, FeedStandardVersion feed) {
        if (!StandardMapper.APPROVED.equals(feed.status())) {
            return;
        }
        standard.versions.stream()
                .filter(v -> StandardMapper.APPROVED.equals(v.status))
                .findFirst()
                .ifPresent(v -> {
                    throw ApiException.of(
                            StandardsError.VERSION_ALREADY_APPROVED,
                            v.key() + " is already approved for delivery; only one version of "
                                    + "a standard may be approved at a time.");
                });
    }

    private static void fillVersion(StandardVersion v, FeedStandardVersion feed, SourceInfo source, Changes c) {
        v.approvedForDelivery = c.fill(v.approvedForDelivery, feed.approvedForDelivery());
        v.earliestStartDate = c.fill(v.earliestStartDate, feed.earliestStartDate());
        v.latestStartDate = c.fill(v.latestStartDate, feed.latestStartDate());
        v.latestEndDate = c.fill(v.latestEndDate, feed.latestEndDate());
        v.source = c.fill(v.source, source.source());
        v.sourceNote = c.fill(v.sourceNote, source.note());
        v.coreAndOptions = c.fill(v.coreAndOptions, feed.coreAndOptions());
        v.assessmentPlanUrl = c.fill(v.assessmentPlanUrl, feed.assessmentPlanUrl());
        v.keywords = c.fill(v.keywords, feed.keywords() == null ? null : new ArrayList<>(feed.keywords()));
        v.regulated = c.fill(v.regulated, feed.regulated());
        v.regulationDetail = c.fill(v.regulationDetail, FeedUpserter.regulationDetail(feed.regulationDetail()));
        SourceInfo.ExpectedCounts given =
                source.expected() != null ? source.expected() : new SourceInfo.ExpectedCounts(null, null, null, null);
        v.expectedKnowledge = c.fill(v.expectedKnowledge, expected(given.knowledge(), feed.knowledges()));
        v.expectedSkills = c.fill(v.expectedSkills, expected(given.skills(), feed.skills()));
        v.expectedBehaviours = c.fill(v.expectedBehaviours, expected(given.behaviours(), feed.behaviours()));
        v.expectedDuties = c.fill(v.expectedDuties, expected(given.duties(), feed.duties()));
    }

    /** The source's own count when it gives one (it may show fewer items), else what the document lists. */
    private static Integer expected(Integer given, List<?> listed) {
        return given != null ? given : listed == null ? null : listed.size();
    }

    // ----------------------------------------------------------------------------------------------- KSBs

    /** Returns the version's KSBs keyed by the ids the feed uses, so duties can be linked by those ids. */
    private Map<UUID, Ksb> mergeKsbs(
            StandardVersion version, FeedStandardVersion feed, Set<String> truncated, Changes changes) {
        Map<UUID, Ksb> byFeedId = new HashMap<>();
        mergeKind(version, KsbKind.K, feed.knowledgesOrEmpty(), truncated, byFeedId, changes);
        mergeKind(version, KsbKind.S, feed.skillsOrEmpty(), truncated, byFeedId, changes);
        mergeKind(version, KsbKind.B, feed.behavioursOrEmpty(), truncated, byFeedId, changes);
        return byFeedId;
    }

    private void mergeKind(
            StandardVersion version,
            KsbKind kind,
            List<? extends FeedKsb> items,
            Set<String> truncated,
            Map<UUID, Ksb> byFeedId,
            Changes changes) {
        Map<Integer, Ksb> existing = version.ksbs.stream()
                .filter(k -> k.kind == kind)
                .collect(Collectors.toMap(k -> k.position, Function.identity()));
        for (int i = 0; i < items.size(); i++) {
            FeedKsb item = items.get(i);
            int position = i + 1;
            boolean cutOff = item.detail() != null && truncated.contains(kind.code(position));
            Ksb ksb = existing.get(position);
            if (ksb == null) {
                ksb = newKsb(version, kind, position, item, cutOff);
                version.ksbs.add(ksb);
                changes.inserted++;
            } else if (ksb.detail == null && item.detail() != null) {
                ksb.detail = item.detail();
                ksb.detailTruncated = cutOff;
                changes.filled++;
            }
            if (byFeedId.put(item.id(), ksb) != null) {
                throw unprocessable("The id " + item.id() + " is used by more than one KSB.");
            }
        }
    }

    private Ksb newKsb(StandardVersion version, KsbKind kind, int position, FeedKsb item, boolean cutOff) {
        requireUnused(Ksb.class, item.id());
        Ksb ksb = new Ksb();
        ksb.id = item.id();
        ksb.version = version;
        ksb.kind = kind;
        ksb.position = position;
        ksb.detail = item.detail();
        ksb.detailTruncated = cutOff;
        return ksb;
    }

    // -------------------------------------------------------------------------------- options and duties

    private Map<UUID, StandardOption> mergeOptions(StandardVersion version, List<FeedOption> items, Changes changes) {
        Map<Integer, StandardOption> existing =
                version.options.stream().collect(Collectors.toMap(o -> o.position, Function.identity()));
        Map<UUID, StandardOption> byFeedId = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            FeedOption item = items.get(i);
            StandardOption option = existing.get(i + 1);
            if (option == null) {
                option = newOption(version, i + 1, item);
                version.options.add(option);
                changes.inserted++;
            }
            byFeedId.put(item.optionId(), option);
        }
        return byFeedId;
    }

    private StandardOption newOption(StandardVersion version, int position, FeedOption item) {
        requireUnused(StandardOption.class, item.optionId());
        StandardOption option = new StandardOption();
        option.id = item.optionId();
        option.version = version;
        option.position = position;
        option.title = item.title();
        return option;
    }

    private void mergeDuties(
            StandardVersion version,
            List<FeedDuty> items,
            Map<UUID, Ksb> ksbs,
            Map<UUID, StandardOption> options,
            Changes changes) {
        Map<Integer, Duty> existing =
                version.duties.stream().collect(Collectors.toMap(d -> d.position, Function.identity()));
        for (int i = 0; i < items.size(); i++) {
            FeedDuty item = items.get(i);
            Duty duty = existing.get(i + 1);
            if (duty == null) {
                version.duties.add(newDuty(version, i + 1, item, ksbs, options));
                changes.inserted++;
                continue;
            }
            duty.detail = changes.fill(duty.detail, item.dutyDetail());
            duty.core = changes.fill(duty.core, item.core());
            if (!duty.ksbMappingKnown && item.mappingKnown()) {
                link(duty, item, ksbs, options);
                changes.filled++;
            }
        }
    }

    private Duty newDuty(
            StandardVersion version,
            int position,
            FeedDuty item,
            Map<UUID, Ksb> ksbs,
            Map<UUID, StandardOption> options) {
        requireUnused(Duty.class, item.dutyId());
        Duty duty = new Duty();
        duty.id = item.dutyId();
        duty.version = version;
        duty.position = position;
        duty.detail = item.dutyDetail();
        duty.core = item.core();
        if (item.mappingKnown()) {
            link(duty, item, ksbs, options);
        }
        return duty;
    }

    private static void link(Duty duty, FeedDuty item, Map<UUID, Ksb> ksbs, Map<UUID, StandardOption> options) {
        duty.ksbMappingKnown = true;
        duty.ksbs.addAll(resolve(duty, KsbKind.K, item.mappedKnowledge(), ksbs));
        duty.ksbs.addAll(resolve(duty, KsbKind.S, item.mappedSkills(), ksbs));
        duty.ksbs.addAll(resolve(duty, KsbKind.B, item.mappedBehaviour(), ksbs));
        for (UUID id : item.mappedOptions() == null ? List.<UUID>of() : item.mappedOptions()) {
            StandardOption option = options.get(id);
            if (option == null) {
                throw unprocessable("Duty " + duty.position + " maps option " + id + ", which is not among the "
                        + "version's options.");
            }
            duty.options.add(option);
        }
    }

    private static List<Ksb> resolve(Duty duty, KsbKind kind, List<UUID> ids, Map<UUID, Ksb> ksbs) {
        List<Ksb> resolved = new ArrayList<>();
        for (UUID id : ids == null ? List.<UUID>of() : ids) {
            Ksb ksb = ksbs.get(id);
            if (ksb == null || ksb.kind != kind) {
                throw unprocessable("Duty " + duty.position + " maps " + kind.label() + " id " + id
                        + ", which is not among the version's " + kind.label() + ".");
            }
            resolved.add(ksb);
        }
        return resolved;
    }

    // ------------------------------------------------------------------------------------- qualifications

    private void mergeQualifications(StandardVersion version, List<FeedQualification> items, Changes changes) {
        Map<Integer, Qualification> existing =
                version.qualifications.stream().collect(Collectors.toMap(q -> q.position, Function.identity()));
        for (int i = 0; i < items.size(); i++) {
            FeedQualification item = items.get(i);
            Qualification qualification = existing.get(i + 1);
            if (qualification == null) {
                version.qualifications.add(newQualification(version, i + 1, item));
                changes.inserted++;
                continue;
            }
            qualification.level = changes.fill(qualification.level, item.level());
            qualification.additionalInformation =
                    changes.fill(qualification.additionalInformation, item.anyAdditionalInformation());
        }
    }

    private Qualification newQualification(StandardVersion version, int position, FeedQualification item) {
        requireUnused(Qualification.class, item.qualificationId());
        Qualification qualification = new Qualification();
        qualification.id = item.qualificationId();
        qualification.version = version;
        qualification.position = position;
        qualification.title = item.title();
        qualification.level = item.level();
        qualification.additionalInformation = item.anyAdditionalInformation();
        return qualification;
    }

    // --------------------------------------------------------------------------------------------- helpers

    /** Feed ids are global; one reused by another version would otherwise surface as a bare key violation. */
    private void requireUnused(Class<?> type, UUID id) {
        if (versions.getEntityManager().find(type, id) != null) {
            throw unprocessable("The id " + id + " is already in use; feed ids are unique across the catalogue.");
        }
    }

    private static ApiException unprocessable(String detail) {
        return ApiException.of(StandardsError.FEED_INCONSISTENT, detail);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** Counts what an import changes; {@link #fill} is the only way a field of an existing row may change. */
    private static final class Changes {
        int inserted;
        int filled;

        <T> T fill(T current, T incoming) {
            if (current == null && incoming != null) {
                filled++;
                return incoming;
            }
            return current;
        }
    }
}
