package uk.apprenticeships.st1398.standards.mapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Function;
import uk.apprenticeships.st1398.standards.api.VersionDiff;
import uk.apprenticeships.st1398.standards.api.VersionDiff.Change;
import uk.apprenticeships.st1398.standards.api.VersionDiff.Changes;
import uk.apprenticeships.st1398.standards.api.VersionDiff.DutySide;
import uk.apprenticeships.st1398.standards.api.VersionDiff.KsbSide;
import uk.apprenticeships.st1398.standards.domain.Duty;
import uk.apprenticeships.st1398.standards.domain.Ksb;
import uk.apprenticeships.st1398.standards.domain.StandardVersion;

/**
 * Compares two versions of a standard. KSBs are matched by code (K3 in one is K3 in the other), duties by position
 * (D2 is the second duty). A KSB whose text changes, appears or disappears is "changed", as is a
 * duty whose text, core flag or mapped KSB codes differ. Ids are not compared: each version has its own.
 */
public final class DiffMapper {

    private static final Comparator<Ksb> CODE_ORDER =
            Comparator.comparing((Ksb k) -> k.kind).thenComparingInt(k -> k.position);

    private DiffMapper() {}

    public static VersionDiff diff(StandardVersion from, StandardVersion to) {
        return new VersionDiff(
                from.standard.reference,
                from.versionNumber,
                to.versionNumber,
                compare(ksbs(from), ksbs(to), KsbSide::code, DiffMapper::sameKsb),
                compare(duties(from), duties(to), DutySide::code, DiffMapper::sameDuty));
    }

    private static Map<String, KsbSide> ksbs(StandardVersion v) {
        Map<String, KsbSide> byCode = new LinkedHashMap<>();
        v.ksbs.stream()
                .sorted(CODE_ORDER)
                .forEach(k -> byCode.put(
                        k.code(),
                        new KsbSide(
                                k.id, k.code(), k.detail, k.detail != null, k.detail != null && !k.detailTruncated)));
        return byCode;
    }

    /** Keyed by position (D1, D2...): ids are unique across the catalogue, so two versions never share one. */
    private static Map<String, DutySide> duties(StandardVersion v) {
        Map<String, DutySide> byKey = new LinkedHashMap<>();
        v.duties.stream()
                .sorted(Comparator.comparingInt(d -> d.position))
                .forEach(d -> byKey.put("D" + d.position, side(d)));
        return byKey;
    }

    private static DutySide side(Duty d) {
        List<String> codes = d.ksbMappingKnown
                ? d.ksbs.stream().sorted(CODE_ORDER).map(Ksb::code).toList()
                : null;
        return new DutySide(d.id, "D" + d.position, d.position, d.detail, d.core, d.ksbMappingKnown, codes);
    }

    private static boolean sameKsb(KsbSide a, KsbSide b) {
        return Objects.equals(a.detail(), b.detail()) && a.textComplete() == b.textComplete();
    }

    private static boolean sameDuty(DutySide a, DutySide b) {
        return Objects.equals(a.detail(), b.detail())
                && Objects.equals(a.core(), b.core())
                && Objects.equals(a.ksbCodes(), b.ksbCodes());
    }

    private static <T> Changes<T> compare(
            Map<String, T> from, Map<String, T> to, Function<T, String> code, BiPredicate<T, T> same) {
        List<T> added = new ArrayList<>();
        List<T> removed = new ArrayList<>();
        List<Change<T>> changed = new ArrayList<>();
        from.forEach((key, before) -> {
            T after = to.get(key);
            if (after == null) {
                removed.add(before);
            } else if (!same.test(before, after)) {
                changed.add(new Change<>(code.apply(after), before, after));
            }
        });
        to.forEach((key, after) -> {
            if (!from.containsKey(key)) {
                added.add(after);
            }
        });
        return new Changes<>(added, removed, changed);
    }
}
