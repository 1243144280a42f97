package uk.apprenticeships.st1398.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The one source of "now": every service injects {@link Clock} instead of reading the system clock, so date rules
 * are tested by moving a clock (platform-testing's {@code TestClock}) rather than by waiting.
 */
@Singleton
public class Clocks {

    @Produces
    @DefaultBean
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
