package uk.apprenticeships.st1398.evidence.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import uk.apprenticeships.st1398.evidence.domain.StampDoc;
import uk.apprenticeships.st1398.platform.security.Caller;
import uk.apprenticeships.st1398.platform.security.CurrentCaller;
import uk.apprenticeships.st1398.platform.security.Stamp;

/** The request's caller, "now" from the injected clock, and the stamps every change records. */
@ApplicationScoped
public class Stamps {

    /** "Today" for date rules: English apprenticeships run on London time. */
    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final CurrentCaller current;
    private final Clock clock;

    public Stamps(CurrentCaller current, Clock clock) {
        this.current = current;
        this.clock = clock;
    }

    public Caller caller() {
        return current.get();
    }

    /** BSON dates hold milliseconds; truncating makes responses equal every later read. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LONDON);
    }

    /** The caller's stamp at {@code at} (one change records one time everywhere). */
    public StampDoc stamp(Instant at) {
        Caller c = current.get();
        return StampDoc.of(new Stamp(c.subject(), c.displayName(), c.primaryRole(), c.onBehalfOf(), c.requestId(), at));
    }

    public StampDoc stamp() {
        return stamp(now());
    }
}
