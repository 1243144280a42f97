package uk.apprenticeships.st1398.evidence.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ClockProvider;
import java.time.Clock;

/**
 * Bean Validation's "now" ({@code @PastOrPresent} on request dates) is the injected clock too, so a request is
 * judged by the same today as the service rules (and tests move both together).
 */
@ApplicationScoped
public class ValidationClock implements ClockProvider {

    private final Clock clock;

    public ValidationClock(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Clock getClock() {
        return clock;
    }
}
