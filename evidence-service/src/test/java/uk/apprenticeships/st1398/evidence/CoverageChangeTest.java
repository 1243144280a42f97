package uk.apprenticeships.st1398.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.evidence.repository.CoverageSummaryRepository.Contribution;
import uk.apprenticeships.st1398.evidence.repository.CoverageSummaryRepository.KsbTally;
import uk.apprenticeships.st1398.evidence.repository.CoverageSummaryRepository.Tally;

/**
 * One item's change applied to an apprentice's counts ({@link Tally#replace}), as a write to a fresh summary does
 * instead of counting the evidence again; and the cases where it must count again instead.
 */
class CoverageChangeTest {

    private static final Instant T1 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-01-02T10:00:00Z");

    private static Contribution draft(String... codes) {
        return new Contribution(List.of(codes), false, null);
    }

    private static Contribution accepted(Instant at, String... codes) {
        return new Contribution(List.of(codes), true, at);
    }

    /** K1 accepted twice (T1 and T2), S1 accepted at T1, K2 in progress. */
    private static Tally tally() {
        return Tally.EMPTY
                .replace(Contribution.NONE, accepted(T1, "K1", "S1"))
                .flatMap(t -> t.replace(Contribution.NONE, accepted(T2, "K1")))
                .flatMap(t -> t.replace(Contribution.NONE, draft("K2")))
                .orElseThrow();
    }

    @Test
    void addedItemsAreCountedAsTheEvidenceIs() {
        Tally t = tally();
        assertEquals(new KsbTally("K1", 2, 0, T2), t.ksbs().get("K1"));
        assertEquals(new KsbTally("S1", 1, 0, T1), t.ksbs().get("S1"));
        assertEquals(new KsbTally("K2", 0, 1, null), t.ksbs().get("K2"));
        assertEquals(Set.of("K1", "S1"), t.covered());
        assertEquals(Set.of("K1", "S1", "K2"), t.evidenced());
    }

    @Test
    void aStepMovesTheItemBetweenInProgressAndAccepted() {
        Tally t = tally().replace(draft("K2"), accepted(T2, "K2")).orElseThrow();
        assertEquals(new KsbTally("K2", 1, 0, T2), t.ksbs().get("K2"));
        assertEquals(Set.of("K1", "S1", "K2"), t.covered());
    }

    @Test
    void anAcceptanceThatIsNotACodesLatestIsTakenAwayAndOneThatIsTheLastEmptiesIt() {
        // The T1 item revised to a draft of other codes: K1 keeps T2; S1 has no acceptance left and is dropped.
        Tally t = tally().replace(accepted(T1, "K1", "S1"), draft("B1")).orElseThrow();
        assertEquals(new KsbTally("K1", 1, 0, T2), t.ksbs().get("K1"));
        assertEquals(Set.of("K1", "K2", "B1"), t.ksbs().keySet());
        assertEquals(Set.of("K1"), t.covered());
        // Withdrawing the only in-progress item of K2 leaves no entry for it, as a count would.
        assertEquals(
                Set.of("K1", "S1"),
                tally().replace(draft("K2"), Contribution.NONE)
                        .orElseThrow()
                        .ksbs()
                        .keySet());
    }

    @Test
    void aChangeThatCannotBeKnownWithoutCountingIsRefused() {
        // The T2 item held K1's latest acceptance and another accepted item maps K1: its acceptance is not known.
        assertEquals(Optional.empty(), tally().replace(accepted(T2, "K1"), draft("K1")));
        // Counts that do not hold what is taken away (a summary out of step with the evidence).
        assertEquals(Optional.empty(), tally().replace(draft("S2"), Contribution.NONE));
        assertEquals(Optional.empty(), tally().replace(accepted(T1, "K2"), Contribution.NONE));
        // Taking away and adding back the same thing changes nothing.
        assertTrue(tally().replace(draft("K2"), draft("K2")).orElseThrow().equals(tally()));
        assertEquals(
                Map.of(),
                Tally.EMPTY
                        .replace(Contribution.NONE, Contribution.NONE)
                        .orElseThrow()
                        .ksbs());
    }
}
