package uk.apprenticeships.st1398.evidence.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each state machine, every pair of states: the allowed moves exactly, everything else refused. */
class TransitionTablesTest {

    static <E extends Enum<E>> void check(
            Class<E> type, Map<E, Set<E>> allowed, java.util.function.BiPredicate<E, E> canMove) {
        for (E from : type.getEnumConstants()) {
            for (E to : type.getEnumConstants()) {
                assertEquals(
                        allowed.getOrDefault(from, Set.of()).contains(to),
                        canMove.test(from, to),
                        type.getSimpleName() + " " + from + " -> " + to);
            }
        }
    }

    @Test
    void evidenceWorkflow() {
        check(
                EvidenceStatus.class,
                Map.of(
                        EvidenceStatus.DRAFT, EnumSet.of(EvidenceStatus.SUBMITTED),
                        EvidenceStatus.SUBMITTED, EnumSet.of(EvidenceStatus.ACCEPTED, EvidenceStatus.REFERRED_BACK),
                        EvidenceStatus.REFERRED_BACK, EnumSet.of(EvidenceStatus.SUBMITTED),
                        EvidenceStatus.ACCEPTED, EnumSet.of(EvidenceStatus.DRAFT)),
                EvidenceStatus::canMoveTo);
    }

    @Test
    void apprenticeStatus() {
        check(
                ApprenticeStatus.class,
                Map.of(
                        ApprenticeStatus.ACTIVE,
                                EnumSet.of(
                                        ApprenticeStatus.BREAK_IN_LEARNING,
                                        ApprenticeStatus.WITHDRAWN,
                                        ApprenticeStatus.COMPLETED),
                        ApprenticeStatus.BREAK_IN_LEARNING,
                                EnumSet.of(ApprenticeStatus.ACTIVE, ApprenticeStatus.WITHDRAWN)),
                ApprenticeStatus::canMoveTo);
        assertEquals(
                EnumSet.of(ApprenticeStatus.WITHDRAWN, ApprenticeStatus.COMPLETED),
                EnumSet.copyOf(java.util.Arrays.stream(ApprenticeStatus.values())
                        .filter(ApprenticeStatus::closed)
                        .toList()));
    }

    @Test
    void offTheJobApproval() {
        check(
                OffTheJobStatus.class,
                Map.of(OffTheJobStatus.PENDING, EnumSet.of(OffTheJobStatus.APPROVED, OffTheJobStatus.REJECTED)),
                OffTheJobStatus::canMoveTo);
    }

    @Test
    void wireAndStoredValuesAreTheStringsTheyAlwaysWere() {
        assertEquals("referred-back", EvidenceStatus.REFERRED_BACK.value());
        assertEquals("break-in-learning", ApprenticeStatus.BREAK_IN_LEARNING.value());
        assertEquals("witness-statement", EvidenceKind.WITNESS_STATEMENT.value());
        assertEquals("file-uploaded", WorkflowAction.FILE_UPLOADED.value());
        assertEquals("in-progress", KsbCoverage.IN_PROGRESS.value());
        assertEquals(EvidenceStatus.REFERRED_BACK, EvidenceStatus.of("referred-back"));
        assertEquals(OffTheJobStatus.APPROVED, OffTheJobStatus.of("approved"));
    }
}
