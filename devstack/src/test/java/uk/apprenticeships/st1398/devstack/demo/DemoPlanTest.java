package uk.apprenticeships.st1398.devstack.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.devstack.demo.DemoPlan.Person;
import uk.apprenticeships.st1398.devstack.demo.DemoPlan.Target;

/** The demo data set is a function of the seed and the day: what a re-run finds by its keys. */
class DemoPlanTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
    private static final List<String> KSBS =
            IntStream.rangeClosed(1, 20).mapToObj(i -> "K" + i).toList();

    private static List<Person> plan(long seed, int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> DemoPlan.person(seed, i, TODAY, KSBS))
                .toList();
    }

    @Test
    void theSameSeedAndDayGiveTheSameData() {
        assertEquals(plan(7, 300), plan(7, 300));
        assertNotEquals(plan(7, 50), plan(8, 50));
    }

    @Test
    void ulnsAreDistinctAndTheDevRealmsApprenticesComeFirst() {
        List<Person> people = plan(1398, 10_000);
        Set<String> ulns = new HashSet<>();
        people.forEach(p -> assertTrue(ulns.add(p.uln()), "duplicate ULN " + p.uln()));
        people.forEach(p -> assertTrue(p.uln().matches("^[1-9]\\d{9}$"), p.uln()));
        assertEquals("1234567890", people.get(0).uln());
        assertEquals("10000001", people.get(0).providerUkprn());
        assertEquals("2234567891", people.get(1).uln());
        assertEquals("10000002", people.get(1).providerUkprn());
    }

    @Test
    void learnerReferencesAreDistinctAndInTheIlrForm() {
        Set<String> references = new HashSet<>();
        List<Person> people = new java.util.ArrayList<>(plan(1398, 10_000));
        people.addAll(plan(7, 10_000).subList(2, 10_000)); // another seed (its first two are the realm's apprentices)
        for (Person p : people) {
            String reference = DemoPlan.learnerReference(p.uln());
            assertTrue(reference.matches("[A-Za-z0-9 ]{1,12}"), reference);
            assertTrue(references.add(reference), "duplicate learner reference " + reference);
        }
        assertEquals(Set.copyOf(DemoPlan.PROVIDERS), DemoPlan.PROVIDER_NAMES.keySet());
    }

    @Test
    void keysAreUniqueWithinAnApprenticeAndNothingIsDatedAfterYesterday() {
        for (Person p : plan(3, 400)) {
            assertEquals(
                    p.evidence().size(),
                    p.evidence().stream().map(e -> e.title()).distinct().count());
            assertEquals(
                    p.hours().size(),
                    p.hours().stream().map(h -> h.activity()).distinct().count());
            assertEquals(
                    p.reviews().size(),
                    p.reviews().stream().map(r -> r.summary()).distinct().count());
            p.hours().forEach(h -> assertFalse(h.date().isAfter(TODAY.minusDays(1))));
            p.hours().forEach(h -> assertFalse(h.date().isBefore(p.startDate())));
            p.reviews().forEach(r -> assertFalse(r.date().isAfter(TODAY.minusDays(1))));
            if (p.assessment() != null) {
                p.assessment().attempts().forEach(a -> assertFalse(a.date().isAfter(TODAY.minusDays(1))));
            }
        }
    }

    @Test
    void theSetHasEveryStateTheDashboardShows() {
        List<Person> people = plan(1398, 200);
        Set<Target> targets = new HashSet<>();
        people.forEach(p -> p.evidence().forEach(e -> targets.add(e.target())));
        assertEquals(Set.of(Target.values()), targets, "evidence in every workflow state");
        assertTrue(people.stream()
                .anyMatch(p -> p.assessment() != null && p.assessment().gatewayDate() == null));
        assertTrue(people.stream().anyMatch(Person::certificated));
        assertTrue(people.stream().anyMatch(p -> p.fate() == DemoPlan.Fate.WITHDRAWN));
        assertTrue(people.stream().anyMatch(p -> p.fate() == DemoPlan.Fate.BREAK));
        assertTrue(people.stream().anyMatch(p -> p.startDate().isAfter(TODAY.minusYears(2))));
    }

    @Test
    void optionsAreCheckedBeforeAnythingIsCalled() {
        assertEquals(60, DemoLoader.Options.parse().apprentices());
        assertEquals(10_000, DemoLoader.Options.parse("--apprentices", "10000").apprentices());
        assertThrows(IllegalArgumentException.class, () -> DemoLoader.Options.parse("--apprentices", "10001"));
        assertThrows(IllegalArgumentException.class, () -> DemoLoader.Options.parse("--apprentices", "0"));
        assertThrows(IllegalArgumentException.class, () -> DemoLoader.Options.parse("--concurrency", "0"));
        assertThrows(IllegalArgumentException.class, () -> DemoLoader.Options.parse("--colour", "red"));
        assertThrows(IllegalArgumentException.class, () -> DemoLoader.Options.parse("--seed"));
    }
}
