package uk.apprenticeships.st1398.testing;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clock every {@code @QuarkusTest} runs with (it replaces platform-common's system clock): it follows the
 * system clock until a test fixes it ({@link #fix}) or moves it ({@link #advance}); {@link #reset} returns to the
 * system clock. Inject it with {@code @Inject TestClock clock} and reset it in {@code @AfterEach}.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    private final AtomicReference<Instant> fixed = new AtomicReference<>();

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        Instant at = fixed.get();
        return at != null ? at : Instant.now();
    }

    public void fix(Instant at) {
        fixed.set(at);
    }

    public void advance(Duration by) {
        fixed.set(instant().plus(by));
    }

    public void reset() {
        fixed.set(null);
    }
}
