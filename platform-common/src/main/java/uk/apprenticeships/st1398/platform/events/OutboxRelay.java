package uk.apprenticeships.st1398.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import java.time.Clock;

/**
 * The one relay round every service's outbox uses: the signed ingest client built from {@link RelayConfig}, nothing
 * done without a secret or with the relay switched off, and a failed round logged and left for the next (the events
 * stay in the outbox; the hub stores each event id once, so a repeat is harmless). A service supplies only how it
 * reads and removes its outbox ({@link #relay}) and schedules {@link #round()} with
 * {@code @Scheduled(every = "${events.relay.every:1s}")}. Subclasses are {@code @Singleton} beans (no client proxy,
 * so no no-args constructor is needed).
 */
public abstract class OutboxRelay {

    protected final RelayConfig config;
    protected final ObjectMapper json;
    private final EventIngestClient client;

    protected OutboxRelay(RelayConfig config, ObjectMapper json, Clock clock) {
        this.config = config;
        this.json = json;
        this.client = config.ingestSecret()
                .map(secret -> new EventIngestClient(
                        config.hubUrl(), secret, config.relay().timeout(), json, clock))
                .orElse(null);
    }

    /**
     * One scheduled round; never throws. It sends batch after batch while each is full (the outbox held more than a
     * batch), for at most {@link RelayConfig.Relay#drainFor()}, as the hub's sequencer drains its own outbox. One
     * batch per round capped a service at {@code batchSize} events per {@code every} (100 a second): under a write
     * load above that the outbox grew without bound, every event arrived later than the one before, and each round's
     * read of the waiting documents grew with the backlog (bench/README.md, "The event relay drains its outbox").
     * The time bound leaves the rest to the next round, so a batch whose removal keeps failing is not sent in a
     * tight loop.
     */
    protected void round() {
        if (client == null || !config.relay().enabled()) {
            return;
        }
        long deadline = System.nanoTime() + config.relay().drainFor().toNanos();
        int full = Math.max(1, config.relay().batchSize()); // an empty outbox never counts as a full batch
        try {
            while (relay(client) >= full && System.nanoTime() < deadline) {
                Log.debug("Event relay: more events waiting");
            }
        } catch (Exception e) {
            Log.warnf("Event relay round failed (the events stay in the outbox and are sent again): %s", e.toString());
        }
    }

    /**
     * Sends up to about one batch of what waits in the outbox (oldest first), removes exactly what was sent; answers
     * how many it sent ({@link #round()} calls it again while that is a full batch).
     */
    public abstract int relay(EventIngestClient to) throws Exception;

    /** An outbox entry back as the event it records. */
    protected DomainEvent read(String text) {
        try {
            return json.readValue(text, DomainEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An outbox entry is not a DomainEvent", e);
        }
    }
}
