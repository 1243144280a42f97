package uk.apprenticeships.st1398.gateway.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.Unpooled;
import io.quarkus.logging.Log;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.streams.WriteStream;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import uk.apprenticeships.st1398.gateway.config.GatewayConfig;
import uk.apprenticeships.st1398.gateway.service.HopByHop;
import uk.apprenticeships.st1398.platform.http.EntityTags;

/**
 * A shared HTTP cache (RFC 9111) of public reads, in the gateway's memory, so that a catalogue read costs a lookup
 * here instead of a proxied call. It is one handler per cached route group, placed after the token check and the
 * rate limit and before the proxy, so everything the gateway does per request (access log, metrics, server span,
 * {@code X-Request-Id}, CORS, the rate limit and its {@code 429}) still happens on a hit.
 *
 * <p>What is stored (section 3): the answer to a {@code GET} with status 200, a {@code Content-Length} of at most
 * {@code gateway.response-cache.max-entry-bytes}, and {@code Cache-Control} saying {@code public} with a
 * {@code max-age} or {@code s-maxage} above 0; never one with {@code private}, {@code no-store} or {@code no-cache},
 * with {@code Set-Cookie}, or with a {@code Vary} naming anything but {@code Accept} and {@code Accept-Encoding}
 * (those two are always part of the key, with the path and query; {@code Vary: *} is never stored). A request saying
 * {@code no-store} is not stored. An entry is filled only from a {@code 200}. The body is copied as it streams to the first
 * caller ({@link TeeStream}); a larger answer, or one without a length, streams as before and is not kept.
 *
 * <p>A caller's conditional read ({@code If-None-Match}) for which nothing is held, or whose tags do not name the held
 * entry, fills the cache too: the gateway asks the service without the caller's validators ({@code If-None-Match},
 * {@code If-Modified-Since}), stores the {@code 200}, and answers the caller {@code 304} itself when its tags name the
 * answer's, else the {@code 200}. So clients that only ever revalidate (an LMS polling with the tag it holds) are served
 * from the cache after their first read, after a restart of the gateway or an eviction too; the service's answer is
 * what it would have been, one body more. An answer that may not be stored is relayed as the service sent it, except
 * that a {@code 200} whose tag the caller names becomes the {@code 304} the service would have sent (the body is read
 * and dropped). When the caller names the held (stale) entry's tag, its validators go to the service as they are,
 * and the service's {@code 304} makes the entry fresh again, as below.
 *
 * <p>What is served (section 4): a fresh entry, i.e. younger than the service's {@code s-maxage} or
 * {@code max-age} (capped by {@code gateway.response-cache.max-age-cap}), to {@code GET} and {@code HEAD}: the exact
 * bytes and headers the service sent, with {@code Age} (section 5.1) and {@code X-Cache: HIT}. An
 * {@code If-None-Match} naming the entry's tag (weak comparison, RFC 9110 section 13.1.2), or {@code *}, is answered
 * {@code 304} with the validator and caching headers and no body. A request with {@code Cache-Control: no-cache} or
 * {@code max-age=0} goes to the service and its answer replaces the entry; {@code max-age=N} accepts entries up to
 * N seconds old. A {@code 304} from the service with the entry's strong tag makes the entry fresh again (section
 * 4.3.4).
 *
 * <p>Requests with {@code Authorization} are served from and fill the cache only because the entries are
 * {@code public}: RFC 9111 section 3.5 lets a shared cache reuse a response to such a request only when its
 * {@code Cache-Control} allows it ({@code public}, {@code s-maxage} or {@code must-revalidate}), and every stored
 * entry says {@code public}. The token is still checked before the cache ({@code ProxyRoutes}): a bad one is a 401.
 *
 * <p>A write ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}) through the gateway to a cached route group
 * drops every entry of that group when its answer ends, and an answer to a read that was under way then is not
 * stored: a change made through the gateway is seen at once. A change made behind the gateway's back (directly at
 * the service, or by an import) is seen after at most the entry's lifetime.
 *
 * <p>Memory is bounded by {@code gateway.response-cache.max-bytes}: entries are weighed by their body, headers and
 * key in bytes, and Caffeine evicts the least useful first.
 */
@ApplicationScoped
public class ResponseCache {

    /** {@code HIT} on an answer from the cache, {@code MISS} on a read of a cached group that went to the service. */
    public static final String X_CACHE = "X-Cache";

    private static final Set<String> KEYED = Set.of("accept", "accept-encoding");

    /** Never stored with an entry: per connection, per request, or recomputed on each hit. */
    private static final Set<String> NOT_REPLAYED = Set.of("x-request-id", "age", "x-cache");

    /** Sent with a 304 from the cache (RFC 9110 section 15.4.5, and the caching headers that refresh a client). */
    private static final Set<String> NOT_MODIFIED_HEADERS =
            Set.of("etag", "cache-control", "expires", "vary", "content-location", "date", "last-modified");

    /**
     * Names and values written on every hit, pre-encoded ({@link HttpHeaders#createOptimized}): Vert.x copies such a
     * header's bytes to the socket where it encodes a {@code String} character by character.
     */
    private static final CharSequence AGE = HttpHeaders.createOptimized("Age");

    private static final CharSequence X_CACHE_NAME = HttpHeaders.createOptimized(X_CACHE);
    private static final CharSequence HIT = HttpHeaders.createOptimized("HIT");
    private static final CharSequence MISS = HttpHeaders.createOptimized("MISS");

    private final boolean enabled;
    private final Set<String> groups;
    private final long maxEntryBytes;
    private final long maxAgeCapSeconds;
    private final Clock clock;
    private final Cache<String, Entry> entries;
    private final Map<String, Group> byName = new HashMap<>();

    private final MeterRegistry registry;

    @Inject
    public ResponseCache(ResponseCacheConfig config, GatewayConfig gateway, Clock clock, MeterRegistry registry) {
        this(
                config.enabled(),
                Set.copyOf(config.groups()),
                config.maxBytes().asLongValue(),
                config.maxEntryBytes().asLongValue(),
                config.maxAgeCap().toSeconds(),
                clock,
                registry);
        for (String group : groups) {
            if (!gateway.routes().containsKey(group)) {
                Log.warnf("gateway.response-cache.groups names %s, which is not a route group", group);
            }
        }
        Log.infof(
                "Response cache: %s for %s, %d bytes at most, entries up to %d bytes, fresh for %d s at most",
                enabled ? "on" : "off", groups, config.maxBytes().asLongValue(), maxEntryBytes, maxAgeCapSeconds);
    }

    /** A cache with the given settings and metrics of its own (tests). */
    public ResponseCache(
            boolean enabled,
            Set<String> groups,
            long maxBytes,
            long maxEntryBytes,
            long maxAgeCapSeconds,
            Clock clock) {
        this(enabled, groups, maxBytes, maxEntryBytes, maxAgeCapSeconds, clock, new SimpleMeterRegistry());
    }

    /**
     * A cache with the given settings. Metrics: {@code gateway.response.cache.requests} (tags {@code group},
     * {@code result} = {@code hit} or {@code miss}: reads of a cached group answered here or sent to the service),
     * {@code gateway.response.cache.entries} and {@code gateway.response.cache.bytes} (the weighed size).
     */
    public ResponseCache(
            boolean enabled,
            Set<String> groups,
            long maxBytes,
            long maxEntryBytes,
            long maxAgeCapSeconds,
            Clock clock,
            MeterRegistry registry) {
        this.registry = registry;
        this.enabled = enabled;
        this.groups = groups;
        this.maxEntryBytes = Math.min(maxEntryBytes, Integer.MAX_VALUE - 8);
        this.maxAgeCapSeconds = maxAgeCapSeconds;
        this.clock = clock;
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, Entry entry) -> entry.weight(key))
                .build();
        if (enabled) {
            Gauge.builder("gateway.response.cache.entries", entries, Cache::estimatedSize)
                    .description("Answers held by the gateway's cache of public reads")
                    .register(registry);
            Gauge.builder("gateway.response.cache.bytes", entries, ResponseCache::weightedSize)
                    .description("Bytes held by the gateway's cache of public reads, as weighed for its bound")
                    .baseUnit("bytes")
                    .register(registry);
        }
    }

    private static double weightedSize(Cache<String, Entry> entries) {
        return entries.policy()
                .eviction()
                .map(eviction -> eviction.weightedSize().orElse(0L))
                .orElse(0L);
    }

    /** The handler for one route group; {@code null} when the cache is off or the group is not cached. */
    public synchronized Handler<RoutingContext> forGroup(String name) {
        if (!enabled || !groups.contains(name)) {
            return null;
        }
        Group group = byName.computeIfAbsent(name, Group::new);
        return ctx -> handle(ctx, group);
    }

    /** How many entries are held (tests, metrics). */
    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    private void handle(RoutingContext ctx, Group group) {
        HttpServerRequest request = ctx.request();
        HttpMethod method = request.method();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
            read(ctx, group, method);
        } else if (method != HttpMethod.OPTIONS) {
            ctx.addEndHandler(ended -> group.invalidate());
            ctx.next();
        } else {
            ctx.next();
        }
    }

    private void read(RoutingContext ctx, Group group, HttpMethod method) {
        HttpServerRequest request = ctx.request();
        CacheControl asked = CacheControl.parse(request.getHeader(HttpHeaders.CACHE_CONTROL));
        String key = key(request);
        long generation = group.generation.get();
        if (!asked.noCache() && asked.maxAge() != 0) {
            Entry entry = entries.getIfPresent(key);
            if (entry != null && entry.generation() == generation) {
                long age = entry.age(clock.millis());
                if (age < entry.lifetime() && (asked.maxAge() < 0 || age <= asked.maxAge())) {
                    group.hits.increment();
                    serve(ctx, entry, age, method);
                    return;
                }
            }
        }
        group.misses.increment();
        ctx.response().headers().set(X_CACHE_NAME, MISS);
        if (method == HttpMethod.GET && !asked.noStore()) {
            String tags = request.getHeader(HttpHeaders.IF_NONE_MATCH);
            if (tags != null && namesHeldEntry(tags, entries.getIfPresent(key), generation)) {
                tags = null; // the service's 304 to the caller's own validators makes the held entry fresh again
            }
            ctx.put(CacheFill.KEY, new Fill(group, key, generation, tags));
        }
        ctx.next();
    }

    private static boolean namesHeldEntry(String tags, Entry held, long generation) {
        return held != null && held.generation() == generation && noneMatch(tags, held.etag());
    }

    private static void serve(RoutingContext ctx, Entry entry, long age, HttpMethod method) {
        HttpServerResponse response = ctx.response();
        MultiMap headers = response.headers();
        if (noneMatch(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH), entry.etag())) {
            answerNotModified(response, entry.notModifiedHeaders(), age, HIT);
            return;
        }
        response.setStatusCode(200);
        entry.headers().addTo(headers);
        headers.set(AGE, Long.toString(age)).set(X_CACHE_NAME, HIT);
        if (method == HttpMethod.HEAD) {
            response.end();
        } else {
            response.end(entry.body());
        }
    }

    /** A 304 with the stored answer's validator and caching headers, its age and where it came from. */
    private static void answerNotModified(
            HttpServerResponse response, StoredHeaders stored, long age, CharSequence result) {
        response.setStatusCode(304);
        MultiMap headers = response.headers();
        stored.addTo(headers);
        headers.set(AGE, Long.toString(age)).set(X_CACHE_NAME, result);
        response.end();
    }

    /** The key: path and query as sent, with the request headers the service may vary on. */
    static String key(HttpServerRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        String encoding = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        if (accept == null && encoding == null) {
            return request.uri();
        }
        return request.uri() + '\n' + (accept == null ? "" : accept) + '\n' + (encoding == null ? "" : encoding);
    }

    /**
     * Whether {@code If-None-Match} names {@code etag}, by the weak comparison (RFC 9110 sections 13.1.2 and 8.8.3.2:
     * two tags match when their opaque parts are equal, {@code W/} or not), or is {@code *} (any stored answer).
     */
    static boolean noneMatch(String ifNoneMatch, String etag) {
        return EntityTags.noneMatchHits(ifNoneMatch, etag == null ? null : opaque(etag));
    }

    private static String opaque(String etag) {
        return etag.startsWith("W/") ? etag.substring(2) : etag;
    }

    /** Whether an answer to a GET may be stored (RFC 9111 section 3), and for how long it is fresh; -1 if not. */
    long storableFor(int status, MultiMap headers) {
        if (status != 200 || headers.contains(HttpHeaders.SET_COOKIE)) {
            return -1;
        }
        CacheControl control = CacheControl.parse(String.join(",", headers.getAll(HttpHeaders.CACHE_CONTROL)));
        if (!control.isPublic() || control.isPrivate() || control.noStore() || control.noCache()) {
            return -1;
        }
        long lifetime = Math.min(control.sharedLifetime(), maxAgeCapSeconds);
        if (lifetime <= 0) {
            return -1;
        }
        for (String vary : headers.getAll(HttpHeaders.VARY)) {
            for (String name : vary.split(",")) {
                String field = name.trim().toLowerCase(Locale.ROOT);
                if (!field.isEmpty() && !KEYED.contains(field)) {
                    return -1; // includes "*"
                }
            }
        }
        return lifetime;
    }

    /** The length the answer announces, if it is one the cache keeps; -1 otherwise. */
    private int storableLength(MultiMap headers) {
        String length = headers.get(HttpHeaders.CONTENT_LENGTH);
        if (length == null || headers.contains(HttpHeaders.TRANSFER_ENCODING)) {
            return -1;
        }
        try {
            long bytes = Long.parseLong(length.trim());
            return bytes >= 0 && bytes <= maxEntryBytes ? (int) bytes : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static List<Map.Entry<String, String>> replayed(MultiMap answer) {
        String connection = answer.get(HttpHeaders.CONNECTION);
        List<Map.Entry<String, String>> kept = new ArrayList<>();
        for (Map.Entry<String, String> header : answer) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!NOT_REPLAYED.contains(name) && !HopByHop.is(name, connection)) {
                kept.add(Map.entry(header.getKey(), header.getValue()));
            }
        }
        return kept;
    }

    private static long initialAge(MultiMap answer) {
        String age = answer.get(HttpHeaders.AGE);
        if (age == null) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(age.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** One route group's invalidation state. */
    private final class Group {
        final String name;
        final AtomicLong generation = new AtomicLong();
        final Counter hits;
        final Counter misses;

        Group(String name) {
            this.name = name;
            this.hits = requests(name, "hit");
            this.misses = requests(name, "miss");
        }

        private Counter requests(String group, String result) {
            return Counter.builder("gateway.response.cache.requests")
                    .description("Reads of a cached route group: answered by the gateway (hit) or sent on (miss)")
                    .tag("group", group)
                    .tag("result", result)
                    .register(registry);
        }

        /** Entries stored before now are no longer served; answers under way now are not stored. */
        void invalidate() {
            generation.incrementAndGet();
            entries.asMap().values().removeIf(entry -> entry.group() == this);
        }
    }

    /**
     * A read on its way to the service: stores the answer if it may. With {@code callerTags} (the caller's
     * {@code If-None-Match}, which names no held entry), the service is asked for the whole answer and the caller is
     * answered 304 here when its tags name the answer's.
     */
    private final class Fill implements CacheFill {
        private final Group group;
        private final String key;
        private final long generation;
        private final String callerTags;

        Fill(Group group, String key, long generation, String callerTags) {
            this.group = group;
            this.key = key;
            this.generation = generation;
            this.callerTags = callerTags;
        }

        @Override
        public void forwarding(MultiMap headers) {
            if (callerTags != null) {
                headers.remove(HttpHeaders.IF_NONE_MATCH).remove(HttpHeaders.IF_MODIFIED_SINCE);
            }
        }

        @Override
        public boolean answers(HttpClientResponse answer, HttpServerResponse response) {
            MultiMap headers = answer.headers();
            String etag = headers.get(HttpHeaders.ETAG);
            if (callerTags == null || answer.statusCode() != 200 || !noneMatch(callerTags, etag)) {
                return false; // relayed (and stored if it may be): the caller's copy is not the current one
            }
            long lifetime = storableFor(200, headers);
            int length = lifetime > 0 ? storableLength(headers) : -1;
            List<Map.Entry<String, String>> replay = replayed(headers);
            long initialAge = initialAge(headers);
            StoredHeaders notModifiedHeaders = StoredHeaders.of(notModifiedHeaders(replay));
            if (length < 0) {
                // Not kept: the caller still gets the 304 the service would have sent it; the body is dropped.
                answer.handler(ignored -> {});
                answerNotModified(response, notModifiedHeaders, initialAge, MISS);
                return true;
            }
            long storedAt = clock.millis();
            answer.body().onComplete(read -> {
                if (response.closed() || response.ended()) {
                    return;
                }
                if (read.failed() || read.result().length() != length) {
                    response.reset(); // as the relay does when the service's answer breaks off
                    return;
                }
                store(read.result(), replay, notModifiedHeaders, etag, storedAt, initialAge, lifetime);
                answerNotModified(response, notModifiedHeaders, initialAge, MISS);
            });
            return true;
        }

        @Override
        public WriteStream<Buffer> body(int status, MultiMap headers, HttpServerResponse response) {
            long lifetime = storableFor(status, headers);
            int length = lifetime > 0 ? storableLength(headers) : -1;
            if (length < 0) {
                return response;
            }
            List<Map.Entry<String, String>> replay = replayed(headers);
            long initialAge = initialAge(headers);
            long storedAt = clock.millis();
            String etag = headers.get(HttpHeaders.ETAG);
            return new TeeStream(
                    response,
                    length,
                    body -> store(
                            body,
                            replay,
                            StoredHeaders.of(notModifiedHeaders(replay)),
                            etag,
                            storedAt,
                            initialAge,
                            lifetime));
        }

        /** Stores a whole answer, unless a write to the group came since the read was sent. */
        private void store(
                Buffer body,
                List<Map.Entry<String, String>> replay,
                StoredHeaders notModifiedHeaders,
                String etag,
                long storedAt,
                long initialAge,
                long lifetime) {
            if (group.generation.get() == generation) {
                entries.put(
                        key,
                        new Entry(
                                group,
                                generation,
                                offHeap(body),
                                StoredHeaders.of(replay),
                                notModifiedHeaders,
                                etag,
                                storedAt,
                                initialAge,
                                lifetime));
            }
        }

        @Override
        public void notModified(MultiMap headers) {
            Entry entry = entries.getIfPresent(key);
            String etag = headers.get(HttpHeaders.ETAG);
            if (entry == null
                    || etag == null
                    || etag.startsWith("W/")
                    || !etag.equals(entry.etag())
                    || entry.generation() != generation
                    || group.generation.get() != generation) {
                return;
            }
            long lifetime = storableFor(200, headers);
            if (lifetime > 0) {
                entries.asMap()
                        .replace(
                                key,
                                entry,
                                new Entry(
                                        group,
                                        generation,
                                        entry.body(),
                                        entry.headers(),
                                        entry.notModifiedHeaders(),
                                        entry.etag(),
                                        clock.millis(),
                                        initialAge(headers),
                                        lifetime));
            }
        }
    }

    /**
     * The body kept outside the heap: a hit hands it to the socket as it is, where a heap buffer would be copied into
     * a direct one on every write. A JDK direct buffer (freed by the garbage collector once its entry is gone, and
     * counted in {@code -XX:MaxDirectMemorySize}) in a wrapper that writes cannot release.
     */
    static Buffer offHeap(Buffer body) {
        ByteBuffer direct = ByteBuffer.allocateDirect(body.length());
        direct.put(body.getBytes()).flip();
        return Buffer.buffer(Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(direct)));
    }

    /** The stored headers a 304 from the cache carries, picked once when the entry is stored. */
    private static List<Map.Entry<String, String>> notModifiedHeaders(List<Map.Entry<String, String>> stored) {
        return stored.stream()
                .filter(header -> NOT_MODIFIED_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT)))
                .toList();
    }

    /**
     * Headers kept with an entry, in their order, each name and value pre-encoded once
     * ({@link HttpHeaders#createOptimized}) so that a hit copies their bytes instead of encoding them again.
     */
    record StoredHeaders(CharSequence[] names, CharSequence[] values) {

        static StoredHeaders of(List<Map.Entry<String, String>> headers) {
            CharSequence[] names = new CharSequence[headers.size()];
            CharSequence[] values = new CharSequence[headers.size()];
            for (int i = 0; i < names.length; i++) {
                names[i] = HttpHeaders.createOptimized(headers.get(i).getKey());
                values[i] = HttpHeaders.createOptimized(headers.get(i).getValue());
            }
            return new StoredHeaders(names, values);
        }

        void addTo(MultiMap headers) {
            for (int i = 0; i < names.length; i++) {
                headers.add(names[i], values[i]);
            }
        }

        long weight() {
            long size = 0;
            for (int i = 0; i < names.length; i++) {
                size += 48L + names[i].length() + values[i].length();
            }
            return size;
        }
    }

    /** A stored answer: its exact body bytes, the headers to replay (all, and a 304's), and when it was stored. */
    private record Entry(
            Group group,
            long generation,
            Buffer body,
            StoredHeaders headers,
            StoredHeaders notModifiedHeaders,
            String etag,
            long storedAtMillis,
            long initialAge,
            long lifetime) {

        /** The current age in seconds (RFC 9111 section 4.2.3, with the response delay taken as nothing). */
        long age(long nowMillis) {
            return initialAge + Math.max(0, (nowMillis - storedAtMillis) / 1000);
        }

        int weight(String key) {
            long size = 128L + body.length() + 2L * key.length() + headers.weight() + notModifiedHeaders.weight();
            return (int) Math.min(Integer.MAX_VALUE, size);
        }
    }
}
