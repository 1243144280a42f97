package uk.apprenticeships.st1398.standards.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import uk.apprenticeships.st1398.standards.config.StandardsConfig;

/**
 * Serialised catalogue reads (body bytes and strong ETag) by request URI, so repeated reads of reference data,
 * and {@code If-None-Match} revalidations above all, cost no database work. Any successful write in this
 * instance empties it at once; other instances catch up within {@code standards.read-cache.ttl}, which is
 * shorter than the {@code max-age} clients are already allowed to reuse a response for.
 */
@Singleton
public class ReadCache {

    /**
     * One cached 200 response: the body, its tag, and the response headers that describe the body (such as a
     * paging total), which must come back with it.
     */
    public record Entry(byte[] body, String etag, Map<String, String> headers) {

        public Entry(byte[] body, String etag) {
            this(body, etag, Map.of());
        }
    }

    private final boolean enabled;
    private final Cache<String, Entry> entries;
    private final AtomicLong generation = new AtomicLong();

    public ReadCache(StandardsConfig config) {
        this.enabled = config.readCache().enabled();
        this.entries = Caffeine.newBuilder()
                .maximumSize(config.readCache().maxEntries())
                .expireAfterWrite(config.readCache().ttl())
                .build();
    }

    public boolean enabled() {
        return enabled;
    }

    public Entry get(String uri) {
        return enabled ? entries.getIfPresent(uri) : null;
    }

    /** The generation a read starts in; a write bumps it, so a read that overlapped a write is not cached. */
    public long generation() {
        return generation.get();
    }

    public void put(String uri, Entry entry, long readStartedIn) {
        if (enabled && generation.get() == readStartedIn) {
            entries.put(uri, entry);
        }
    }

    public void invalidateAll() {
        generation.incrementAndGet();
        entries.invalidateAll();
    }
}
