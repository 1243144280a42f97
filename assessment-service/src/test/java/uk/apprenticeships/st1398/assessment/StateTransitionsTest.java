package uk.apprenticeships.st1398.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.assessment.domain.AttemptKind;
import uk.apprenticeships.st1398.assessment.domain.BookingStatus;
import uk.apprenticeships.st1398.assessment.domain.CertificateStatus;
import uk.apprenticeships.st1398.assessment.domain.ComponentDecision;
import uk.apprenticeships.st1398.assessment.domain.EpaOutcome;
import uk.apprenticeships.st1398.assessment.domain.GatewayRecordKind;
import uk.apprenticeships.st1398.assessment.domain.GatewaySubmissionStatus;
import uk.apprenticeships.st1398.assessment.domain.ReadinessStatus;

/**
 * Each state machine's transition table, written out here once more: every allowed transition and, by difference,
 * every refused one (each pair of states is checked).
 */
class StateTransitionsTest {

    /** The pairs "from>to" a table allows, from every pair of values the enum has. */
    private static <E extends Enum<E>> Set<String> allowed(E[] values, java.util.function.BiPredicate<E, E> rule) {
        Set<String> pairs = new TreeSet<>();
        for (E from : values) {
            for (E to : values) {
                if (rule.test(from, to)) {
                    pairs.add(from + ">" + to);
                }
            }
        }
        return pairs;
    }

    @Test
    void certificateStatuses() {
        assertEquals(
                new TreeSet<>(Set.of(
                        "Draft>Ready",
                        "Draft>Submitted",
                        "Draft>Deleted",
                        "Ready>Draft",
                        "Ready>Submitted",
                        "Ready>Deleted",
                        "Submitted>Draft",
                        "Submitted>Approved",
                        "Submitted>Cancelled",
                        "Approved>Printed",
                        "Approved>Cancelled",
                        "Printed>Delivered",
                        "Printed>Cancelled")),
                allowed(CertificateStatus.values(), CertificateStatus::canMoveTo),
                "Delivered, Cancelled and Deleted are final; nothing moves back to Ready from Submitted");
    }

    @Test
    void bookingStatuses() {
        assertEquals(
                new TreeSet<>(Set.of("booked>cancelled", "booked>attended")),
                allowed(BookingStatus.values(), BookingStatus::canMoveTo));
    }

    @Test
    void gatewaySubmissionStatuses() {
        assertEquals(
                new TreeSet<>(Set.of("submitted>accepted", "submitted>rejected")),
                allowed(GatewaySubmissionStatus.values(), GatewaySubmissionStatus::canMoveTo));
        // Derived from the decisions: accepted when all are, rejected as soon as one is.
        assertEquals(GatewaySubmissionStatus.submitted, GatewaySubmissionStatus.of(2, List.of()));
        assertEquals(
                GatewaySubmissionStatus.submitted, GatewaySubmissionStatus.of(2, List.of(ComponentDecision.accepted)));
        assertEquals(
                GatewaySubmissionStatus.accepted,
                GatewaySubmissionStatus.of(2, List.of(ComponentDecision.accepted, ComponentDecision.accepted)));
        assertEquals(
                GatewaySubmissionStatus.rejected, GatewaySubmissionStatus.of(2, List.of(ComponentDecision.rejected)));
        assertEquals(GatewaySubmissionStatus.accepted, GatewaySubmissionStatus.of(0, List.of()));
    }

    @Test
    void attemptKinds() {
        Set<String> allowed = new TreeSet<>();
        for (AttemptKind next : AttemptKind.values()) {
            if (next.mayFollow(null, false)) {
                allowed.add("none>" + next);
            }
            for (AttemptKind latest : AttemptKind.values()) {
                for (boolean failed : new boolean[] {false, true}) {
                    if (next.mayFollow(latest, failed)) {
                        allowed.add(latest + (failed ? "(failed)" : "(passed)") + ">" + next);
                    }
                }
            }
        }
        Set<String> expected = new TreeSet<>(Set.of("none>first"));
        for (AttemptKind latest : AttemptKind.values()) {
            expected.add(latest + "(failed)>resit");
            expected.add(latest + "(failed)>retake");
        }
        assertEquals(expected, allowed);
    }

    @Test
    void epaOutcomes() {
        Set<String> allowed = new TreeSet<>();
        for (EpaOutcome previous : EpaOutcome.values()) {
            for (EpaOutcome next : EpaOutcome.values()) {
                for (boolean again : new boolean[] {false, true}) {
                    if (previous.mayBeFollowedBy(next, again)) {
                        allowed.add(previous + ">" + next + (again ? "(resit/retake)" : ""));
                    }
                }
            }
        }
        assertEquals(
                new TreeSet<>(Set.of("Fail>Pass(resit/retake)", "Fail>Fail(resit/retake)", "Fail>Withdrawn")), allowed);
        assertEquals(
                Set.of(EpaOutcome.Pass, EpaOutcome.Withdrawn),
                Set.of(EpaOutcome.values()).stream()
                        .filter(EpaOutcome::isFinal)
                        .collect(java.util.stream.Collectors.toSet()));
    }

    /** Enums whose wire and stored values are not Java names keep them exactly. */
    @Test
    void wireValuesAreUnchanged() {
        assertEquals(
                List.of("passed", "failed", "waived", "not-applicable"),
                Set.of(ReadinessStatus.values()).stream()
                        .sorted()
                        .map(ReadinessStatus::wire)
                        .toList());
        ReadinessStatus.Column readiness = new ReadinessStatus.Column();
        for (ReadinessStatus status : ReadinessStatus.values()) {
            assertEquals(status, ReadinessStatus.of(status.wire()));
            assertEquals(status, readiness.convertToEntityAttribute(readiness.convertToDatabaseColumn(status)));
        }
        GatewayRecordKind.Column kinds = new GatewayRecordKind.Column();
        assertEquals(
                List.of("waiver", "waiver-withdrawal", "declaration"),
                Set.of(GatewayRecordKind.values()).stream()
                        .sorted()
                        .map(kinds::convertToDatabaseColumn)
                        .toList());
        for (GatewayRecordKind kind : GatewayRecordKind.values()) {
            assertEquals(kind, kinds.convertToEntityAttribute(kind.wire()));
        }
    }
}
