package uk.apprenticeships.st1398.standards.mapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import uk.apprenticeships.st1398.standards.domain.Duty;
import uk.apprenticeships.st1398.standards.domain.Ksb;
import uk.apprenticeships.st1398.standards.domain.StandardOption;
import uk.apprenticeships.st1398.standards.domain.StandardVersion;

/**
 * Core versus option for the KSBs of one version, resolved from the duties as the feed defines it: a KSB is core
 * when a core duty maps it, option-only when only option duties do. A version without options has only core KSBs.
 * Where the source gives too little to tell (no mapping, core not stated), the answer is null rather than a guess.
 */
final class CoreResolution {

    private final StandardVersion version;
    private final Map<UUID, List<Duty>> dutiesByKsb = new HashMap<>();

    private CoreResolution(StandardVersion version) {
        this.version = version;
        for (Duty duty : version.duties) {
            duty.ksbs.forEach(ksb ->
                    dutiesByKsb.computeIfAbsent(ksb.id, id -> new ArrayList<>()).add(duty));
        }
    }

    static CoreResolution of(StandardVersion version) {
        return new CoreResolution(version);
    }

    private boolean withoutOptions() {
        return Boolean.FALSE.equals(version.coreAndOptions);
    }

    Boolean core(Duty duty) {
        return duty.core == null && withoutOptions() ? Boolean.TRUE : duty.core;
    }

    Boolean core(Ksb ksb) {
        if (withoutOptions()) {
            return true;
        }
        List<Duty> duties = dutiesByKsb.getOrDefault(ksb.id, List.of());
        if (duties.stream().anyMatch(d -> Boolean.TRUE.equals(d.core))) {
            return true;
        }
        boolean onlyOptionDuties = !duties.isEmpty() && duties.stream().allMatch(d -> Boolean.FALSE.equals(d.core));
        return onlyOptionDuties ? Boolean.FALSE : null;
    }

    /** The options that need an option-only KSB; empty for core (or unresolved) KSBs. */
    List<UUID> optionIds(Ksb ksb) {
        if (!Boolean.FALSE.equals(core(ksb))) {
            return List.of();
        }
        return dutiesByKsb.get(ksb.id).stream()
                .flatMap(d -> d.options.stream())
                .distinct()
                .sorted(Comparator.comparingInt(o -> o.position))
                .map(o -> o.id)
                .toList();
    }

    static List<UUID> optionIds(Duty duty) {
        return duty.options.stream()
                .sorted(Comparator.comparingInt((StandardOption o) -> o.position))
                .map(o -> o.id)
                .toList();
    }
}
