package uk.apprenticeships.st1398.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A relay round drains the outbox batch after batch while each batch is full, within its time bound. */
class OutboxRelayTest {

    private static final int BATCH = 100;

    @Test
    void aRoundSendsBatchesBackToBackWhileEachIsFullAndStopsAtTheFirstThatIsNot() {
        // An outbox of 345 events: three full batches, then 45, then nothing more.
        ScriptedRelay relay = new ScriptedRelay(config(Duration.ofSeconds(30), true), List.of(100, 100, 100, 45, 0));
        relay.round();
        assertEquals(List.of(100, 100, 100, 45), relay.sent, "the whole outbox in one round, not a batch a round");
    }

    @Test
    void aBatchOfMoreThanTheBatchSizeCountsAsFull() {
        // A document's events all go together: the evidence relay may send a few more than the batch size.
        ScriptedRelay relay = new ScriptedRelay(config(Duration.ofSeconds(30), true), List.of(103, 7, 0));
        relay.round();
        assertEquals(List.of(103, 7), relay.sent);
    }

    @Test
    void anEmptyOrPartlyFullOutboxTakesOneBatch() {
        ScriptedRelay empty = new ScriptedRelay(config(Duration.ofSeconds(30), true), List.of(0, 100));
        empty.round();
        assertEquals(List.of(0), empty.sent);
        ScriptedRelay partly = new ScriptedRelay(config(Duration.ofSeconds(30), true), List.of(99, 100));
        partly.round();
        assertEquals(List.of(99), partly.sent);
    }

    @Test
    void aRoundStopsAtItsTimeBoundAndTheNextRoundGoesOn() {
        // Full batches without end (a batch whose removal keeps failing is sent again and again).
        ScriptedRelay relay = new ScriptedRelay(config(Duration.ofMillis(50), true), null);
        relay.pause = Duration.ofMillis(10);
        relay.round();
        int first = relay.sent.size();
        assertTrue(first >= 2 && first <= 10, "bounded by 50 ms of 10 ms batches, was " + first);
        relay.round();
        assertTrue(relay.sent.size() > first, "the next round goes on");
    }

    @Test
    void aFailedBatchEndsTheRoundWithoutThrowingAndNothingRunsWhenSwitchedOff() {
        ScriptedRelay failing = new ScriptedRelay(config(Duration.ofSeconds(30), true), List.of(100, -1, 100));
        failing.round();
        assertEquals(List.of(100), failing.sent, "the round ends at the failure; the events stay for the next");
        ScriptedRelay off = new ScriptedRelay(config(Duration.ofSeconds(30), false), List.of(100));
        off.round();
        assertEquals(List.of(), off.sent);
    }

    /** Answers the scripted counts in turn (-1: throws; null script: always a full batch). */
    private static final class ScriptedRelay extends OutboxRelay {
        private final Deque<Integer> script;
        final List<Integer> sent = new java.util.ArrayList<>();
        Duration pause = Duration.ZERO;

        ScriptedRelay(RelayConfig config, List<Integer> script) {
            super(config, new ObjectMapper(), Clock.systemUTC());
            this.script = script == null ? null : new ArrayDeque<>(script);
        }

        @Override
        public int relay(EventIngestClient to) throws Exception {
            Thread.sleep(pause.toMillis());
            int count = script == null ? BATCH : script.removeFirst();
            if (count < 0) {
                throw new java.io.IOException("hub unreachable");
            }
            sent.add(count);
            return count;
        }
    }

    private static RelayConfig config(Duration drainFor, boolean enabled) {
        RelayConfig.Relay relay = new RelayConfig.Relay() {
            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public String every() {
                return "1s";
            }

            @Override
            public int batchSize() {
                return BATCH;
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(5);
            }

            @Override
            public Duration drainFor() {
                return drainFor;
            }
        };
        return new RelayConfig() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public String hubUrl() {
                return "http://localhost:1";
            }

            @Override
            public Optional<String> ingestSecret() {
                return Optional.of("whsec_ZGV2LW9ubHktZXZlbnRzLWluZ2VzdC1zZWNyZXQtMDE=");
            }

            @Override
            public Relay relay() {
                return relay;
            }
        };
    }
}
