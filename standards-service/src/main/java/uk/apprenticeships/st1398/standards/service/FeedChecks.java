package uk.apprenticeships.st1398.standards.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import uk.apprenticeships.st1398.standards.mapping.feed.FeedDuty;
import uk.apprenticeships.st1398.standards.mapping.feed.FeedFundingBand;
import uk.apprenticeships.st1398.standards.mapping.feed.FeedKsb;
import uk.apprenticeships.st1398.standards.mapping.feed.FeedOption;
import uk.apprenticeships.st1398.standards.mapping.feed.FeedQualification;
import uk.apprenticeships.st1398.standards.mapping.feed.FeedStandardVersion;

/**
 * The rules of one feed item that field constraints cannot express: ids are unique within the item, every id a
 * duty maps refers to an item of the right kind in the same version, and funding bands do not overlap. Needs no
 * database.
 */
final class FeedChecks {

    private FeedChecks() {}

    static List<String> reasons(FeedStandardVersion item) {
        List<String> reasons = new ArrayList<>();
        List<FeedKsb> allKsbs = new ArrayList<>();
        allKsbs.addAll(item.knowledgesOrEmpty());
        allKsbs.addAll(item.skillsOrEmpty());
        allKsbs.addAll(item.behavioursOrEmpty());
        unique("KSB", allKsbs, FeedKsb::id, reasons);
        unique("duty", item.dutiesOrEmpty(), FeedDuty::dutyId, reasons);
        unique("option", item.optionsOrEmpty(), FeedOption::optionId, reasons);
        unique("qualification", item.qualificationsOrEmpty(), FeedQualification::qualificationId, reasons);
        Set<UUID> knowledge = ids(item.knowledgesOrEmpty());
        Set<UUID> skills = ids(item.skillsOrEmpty());
        Set<UUID> behaviours = ids(item.behavioursOrEmpty());
        Set<UUID> options = new HashSet<>(
                item.optionsOrEmpty().stream().map(FeedOption::optionId).toList());
        List<FeedDuty> duties = item.dutiesOrEmpty();
        for (int i = 0; i < duties.size(); i++) {
            FeedDuty duty = duties.get(i);
            String at = "duties[" + i + "].";
            mapped(at + "mappedKnowledge", duty.mappedKnowledge(), knowledge, "knowledges", reasons);
            mapped(at + "mappedSkills", duty.mappedSkills(), skills, "skills", reasons);
            mapped(at + "mappedBehaviour", duty.mappedBehaviour(), behaviours, "behaviours", reasons);
            mapped(at + "mappedOptions", duty.mappedOptions(), options, "options", reasons);
        }
        funding(item.fundingOrEmpty(), reasons);
        return reasons;
    }

    /**
     * Bands must not overlap: each ends on or after it starts, and (in date order) starts after the one before
     * ends, so at most the last is open-ended. At most one band applies on any day.
     */
    private static void funding(List<FeedFundingBand> bands, List<String> reasons) {
        for (int i = 0; i < bands.size(); i++) {
            FeedFundingBand band = bands.get(i);
            if (band.effectiveTo() != null && band.effectiveTo().isBefore(band.effectiveFrom())) {
                reasons.add("apprenticeshipFunding[" + i + "].effectiveTo: " + band.effectiveTo()
                        + " is before its effectiveFrom " + band.effectiveFrom());
            }
        }
        List<FeedFundingBand> sorted = bands.stream()
                .sorted(Comparator.comparing(FeedFundingBand::effectiveFrom))
                .toList();
        for (int i = 1; i < sorted.size(); i++) {
            FeedFundingBand before = sorted.get(i - 1);
            FeedFundingBand band = sorted.get(i);
            if (before.effectiveTo() == null || !before.effectiveTo().isBefore(band.effectiveFrom())) {
                reasons.add("apprenticeshipFunding: the band from " + band.effectiveFrom()
                        + " overlaps the band from " + before.effectiveFrom() + " ("
                        + (before.effectiveTo() == null ? "open-ended" : "to " + before.effectiveTo())
                        + "); bands may not overlap");
            }
        }
    }

    private static Set<UUID> ids(List<? extends FeedKsb> ksbs) {
        Set<UUID> ids = new HashSet<>();
        ksbs.forEach(k -> ids.add(k.id()));
        return ids;
    }

    private static <T> void unique(String label, List<T> items, Function<T, UUID> id, List<String> reasons) {
        Set<UUID> seen = new HashSet<>();
        for (T item : items) {
            UUID value = id.apply(item);
            if (!seen.add(value)) {
                reasons.add("the " + label + " id " + value + " is used more than once in this version");
            }
        }
    }

    private static void mapped(String field, List<UUID> ids, Set<UUID> known, String listName, List<String> reasons) {
        for (UUID id : ids == null ? List.<UUID>of() : ids) {
            if (!known.contains(id)) {
                reasons.add(field + ": " + id + " is not among this version's " + listName);
            }
        }
    }
}
