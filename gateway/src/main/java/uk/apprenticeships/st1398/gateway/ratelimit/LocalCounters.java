package uk.apprenticeships.st1398.gateway.ratelimit;

import io.vertx.core.Future;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counters in this gateway's memory: one entry per client and route group, replaced when its window is over. */
public final class LocalCounters implements Counters {

    private static final int SWEEP_ABOVE = 100_000;

    private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();

    private record Counter(long window, AtomicLong count) {}

    @Override
    public Future<Long> increment(String key, long window, long windowMillis) {
        Counter counter = counters.get(key);
        if (counter == null || counter.window() != window) {
            counter = counters.compute(
                    key,
                    (k, old) -> old != null && old.window() == window ? old : new Counter(window, new AtomicLong()));
            if (counters.size() > SWEEP_ABOVE) {
                counters.values().removeIf(c -> c.window() < window);
            }
        }
        return Future.succeededFuture(counter.count().incrementAndGet());
    }

    int size() {
        return counters.size();
    }
}
