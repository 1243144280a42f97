package uk.apprenticeships.st1398.gateway.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.gateway.cache.ResponseCache;
import uk.apprenticeships.st1398.gateway.ratelimit.RateLimitConfig;
import uk.apprenticeships.st1398.gateway.ratelimit.RateLimiter;
import uk.apprenticeships.st1398.testing.TestClock;

/**
 * The shared cache of public reads ({@link ResponseCache}) in the gateway's handler chain: the access log first,
 * then the group's rate limit, the cache, and the {@link StreamingProxy} to a Vert.x backend that counts what
 * reaches it (no Quarkus: as {@link StreamingProxyTest}). Time is the test's {@link TestClock}.
 */
class ResponseCacheTest {

    private static final String PUBLIC = "public, max-age=300";
    private static final int MAX_ENTRY_BYTES = 4096;

    private static Vertx vertx;
    private static HttpClient caller;
    private static io.vertx.core.Context callerContext;
    private static final TestClock clock = new TestClock();
    private static ResponseCache cache;
    private static final ByteArrayOutputStream accessLogOut = new ByteArrayOutputStream();
    private static AccessLog accessLog;

    /** Requests that reached the backend, by method and path. */
    private static final Map<String, AtomicInteger> reached = new ConcurrentHashMap<>();
    /** The If-None-Match each GET or HEAD brought to the backend, by path ("" for none): the last one. */
    private static final Map<String, String> validatorsSeen = new ConcurrentHashMap<>();
    /** The backend's data version: a write through the gateway, or behind its back, changes it. */
    private static final AtomicInteger version = new AtomicInteger(1);

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        int backendPort = await(vertx.createHttpServer()
                        .requestHandler(ResponseCacheTest::backend)
                        .listen(0))
                .actualPort();
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true));
        StreamingProxy proxy = new StreamingProxy(
                client,
                "standards",
                SocketAddress.inetSocketAddress(backendPort, "localhost"),
                5000,
                W3CTraceContextPropagator.getInstance());
        cache = new ResponseCache(true, Set.of("standards", "limited"), 1 << 20, MAX_ENTRY_BYTES, 3600, clock);
        RateLimiter limiter = new RateLimiter(new Limits(), clock, null);
        accessLog = new AccessLog(true, false, accessLogOut);
        Router router = Router.router(vertx);
        accessLog.install(router);
        for (String group : new String[] {"standards", "limited"}) {
            router.route("/" + group + "/*")
                    .handler(limiter.forGroup(group))
                    .handler(cache.forGroup(group))
                    .handler(proxy::handle);
        }
        router.route("/uncached/*").handler(proxy::handle);
        int frontPort =
                await(vertx.createHttpServer().requestHandler(router).listen(0)).actualPort();
        callerContext = vertx.getOrCreateContext();
        caller = vertx.createHttpClient(
                new HttpClientOptions().setDefaultPort(frontPort).setDefaultHost("localhost"));
    }

    @AfterAll
    static void stop() throws Exception {
        await(vertx.close());
    }

    @BeforeEach
    void fixTheClock() {
        // each test starts in a fresh rate-limit window and sees entries of its own only
        clock.fix(Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofHours(reached.size() + 1L)));
    }

    @AfterEach
    void resetTheClock() {
        clock.reset();
    }

    /** Rate limits: 1,000 a minute, and 3 a minute on the "limited" group. */
    private static final class Limits implements RateLimitConfig {
        @Override
        public boolean enabled() {
            return true;
        }

        @Override
        public Limit defaults() {
            return limit(1000);
        }

        @Override
        public Map<String, Limit> groups() {
            return Map.of("limited", limit(3));
        }

        @Override
        public Store store() {
            return Store.MEMORY;
        }

        @Override
        public String redisKeyPrefix() {
            return "test:";
        }

        private static Limit limit(int requests) {
            return new Limit() {
                @Override
                public int requests() {
                    return requests;
                }

                @Override
                public Duration window() {
                    return Duration.ofMinutes(1);
                }
            };
        }
    }

    /** The backend: the answer's caching headers are chosen by the last path segment. */
    private static void backend(HttpServerRequest request) {
        reached.computeIfAbsent(request.method().name() + " " + request.path(), k -> new AtomicInteger())
                .incrementAndGet();
        HttpServerResponse response = request.response();
        if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            version.incrementAndGet();
            response.setStatusCode(request.method() == HttpMethod.POST ? 201 : 204)
                    .end();
            return;
        }
        String path = request.path();
        validatorsSeen.put(
                path, String.valueOf(request.getHeader("If-None-Match")).replace("null", ""));
        String last = path.substring(path.lastIndexOf('/') + 1);
        String body = "{\"path\":\"" + path + "\",\"version\":" + version.get() + "}";
        String etag = "\"" + last + "-v" + version.get() + "\"";
        response.putHeader("Content-Type", "application/json;charset=UTF-8")
                .putHeader("ETag", etag)
                .putHeader("X-Total-Count", "1")
                .putHeader("X-Request-Id", "from-the-service");
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatusCode(304).putHeader("Cache-Control", PUBLIC).end();
            return;
        }
        switch (last) {
            case "private" -> response.putHeader("Cache-Control", "private, max-age=300");
            case "no-store" -> response.putHeader("Cache-Control", "no-store");
            case "no-cache" -> response.putHeader("Cache-Control", "public, no-cache, max-age=300");
            case "no-max-age" -> response.putHeader("Cache-Control", "public");
            case "no-caching-headers" -> {}
            case "cookie" -> response.putHeader("Cache-Control", PUBLIC).putHeader("Set-Cookie", "id=1");
            case "vary-origin" -> response.putHeader("Cache-Control", PUBLIC).putHeader("Vary", "Origin");
            case "vary-star" -> response.putHeader("Cache-Control", PUBLIC).putHeader("Vary", "*");
            case "vary-accept" -> response.putHeader("Cache-Control", PUBLIC).putHeader("Vary", "Accept");
            case "missing" -> response.setStatusCode(404).putHeader("Cache-Control", PUBLIC);
            case "short" -> response.putHeader("Cache-Control", "public, max-age=10");
            case "shared" -> response.putHeader("Cache-Control", "public, max-age=5, s-maxage=60");
            case "big" -> {
                response.putHeader("Cache-Control", PUBLIC);
                body = "x".repeat(MAX_ENTRY_BYTES + 1);
            }
            case "chunked" -> {
                response.putHeader("Cache-Control", PUBLIC).setChunked(true);
                response.write(body);
                response.end();
                return;
            }
            default -> response.putHeader("Cache-Control", PUBLIC);
        }
        response.end(body);
    }

    private static int reached(String method, String path) {
        AtomicInteger n = reached.get(method + " " + path);
        return n == null ? 0 : n.get();
    }

    @Test
    void aHitAfterAMissHasTheSameBytesAndHeadersAndAnAge() throws Exception {
        Answer miss = send(HttpMethod.GET, "/standards/hit", h -> {});
        assertEquals(200, miss.status());
        assertEquals("MISS", miss.header("X-Cache"));
        assertNull(miss.header("Age"));
        clock.advance(Duration.ofSeconds(7));
        Answer hit = send(HttpMethod.GET, "/standards/hit", h -> {});
        assertEquals(200, hit.status());
        assertEquals("HIT", hit.header("X-Cache"));
        assertEquals("7", hit.header("Age"), "RFC 9111 section 5.1: the entry's age in seconds");
        assertEquals(1, reached("GET", "/standards/hit"), "the hit never reached the service");
        assertArrayEquals(miss.body().getBytes(), hit.body().getBytes(), "the exact bytes");
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(
                    miss.body().getBytes(),
                    send(HttpMethod.GET, "/standards/hit", h -> {}).body().getBytes(),
                    "the stored (off-heap) body is written intact on every hit");
        }
        for (String name : new String[] {"Content-Type", "ETag", "Cache-Control", "Content-Length", "X-Total-Count"}) {
            assertNotNull(miss.header(name), name);
            assertEquals(
                    miss.response().headers().getAll(name),
                    hit.response().headers().getAll(name),
                    name);
        }
        assertNull(hit.header("X-Request-Id"), "the service's request id is not replayed");
        assertNull(hit.header("Transfer-Encoding"));
        assertNotNull(hit.header("RateLimit-Remaining"), "the rate limit counted the hit");
    }

    @Test
    void headIsAnsweredFromTheEntryWithoutABody() throws Exception {
        Answer get = send(HttpMethod.GET, "/standards/head", h -> {});
        Answer head = send(HttpMethod.HEAD, "/standards/head", h -> {});
        assertEquals(200, head.status());
        assertEquals("HIT", head.header("X-Cache"));
        assertEquals(get.header("Content-Length"), head.header("Content-Length"));
        assertEquals(get.header("ETag"), head.header("ETag"));
        assertEquals(0, head.body().length());
        assertEquals(0, reached("HEAD", "/standards/head"));
    }

    @Test
    void aMatchingIfNoneMatchIs304FromTheCacheWeakComparisonAndStarToo() throws Exception {
        Answer first = send(HttpMethod.GET, "/standards/conditional", h -> {});
        String etag = first.header("ETag");
        for (String ifNoneMatch :
                new String[] {etag, "W/" + etag, "\"other\", " + etag, "*", "\"a\" ,W/" + etag + ",\"b\""}) {
            Answer notModified =
                    send(HttpMethod.GET, "/standards/conditional", h -> h.add("If-None-Match", ifNoneMatch));
            assertEquals(304, notModified.status(), ifNoneMatch);
            assertEquals("HIT", notModified.header("X-Cache"));
            assertEquals(etag, notModified.header("ETag"));
            assertEquals(PUBLIC, notModified.header("Cache-Control"));
            assertNotNull(notModified.header("Age"));
            assertNull(notModified.header("Transfer-Encoding"));
            assertNull(notModified.header("Content-Type"), "no representation metadata on a 304");
            assertEquals(0, notModified.body().length());
        }
        Answer other = send(HttpMethod.GET, "/standards/conditional", h -> h.add("If-None-Match", "\"other\""));
        assertEquals(200, other.status());
        assertEquals("HIT", other.header("X-Cache"));
        assertArrayEquals(first.body().getBytes(), other.body().getBytes());
        assertEquals(1, reached("GET", "/standards/conditional"), "nothing reached the service after the miss");
    }

    @Test
    void aConditionalReadWithNothingHeldFillsTheCacheAndIsAnswered304ByTheGateway() throws Exception {
        String etag = "\"revalidating-v" + version.get() + "\"";
        Answer first = send(HttpMethod.GET, "/standards/revalidating", h -> h.add("If-None-Match", etag));
        assertEquals(304, first.status());
        assertEquals("MISS", first.header("X-Cache"));
        assertEquals(etag, first.header("ETag"));
        assertEquals(PUBLIC, first.header("Cache-Control"));
        assertEquals("0", first.header("Age"));
        assertNull(first.header("Content-Type"), "no representation metadata on a 304");
        assertEquals(0, first.body().length());
        assertEquals("", validatorsSeen.get("/standards/revalidating"), "the service was asked for the whole answer");
        clock.advance(Duration.ofSeconds(4));
        Answer second = send(HttpMethod.GET, "/standards/revalidating", h -> h.add("If-None-Match", "W/" + etag));
        assertEquals(304, second.status());
        assertEquals("HIT", second.header("X-Cache"));
        assertEquals("4", second.header("Age"));
        Answer plain = send(HttpMethod.GET, "/standards/revalidating", h -> {});
        assertEquals(200, plain.status());
        assertEquals("HIT", plain.header("X-Cache"));
        assertEquals(
                "{\"path\":\"/standards/revalidating\",\"version\":" + version.get() + "}",
                plain.body().toString(StandardCharsets.UTF_8),
                "the body stored while the caller got its 304");
        assertEquals(etag, plain.header("ETag"));
        assertEquals(1, reached("GET", "/standards/revalidating"), "one read reached the service");
    }

    @Test
    void aConditionalReadWithAnOutdatedTagGetsTheWholeAnswerAndFillsTheCache() throws Exception {
        Answer outdated = send(HttpMethod.GET, "/standards/outdated", h -> h.add("If-None-Match", "\"outdated-v0\""));
        assertEquals(200, outdated.status());
        assertEquals("MISS", outdated.header("X-Cache"));
        String etag = outdated.header("ETag");
        assertNotNull(outdated.header("Content-Type"));
        assertEquals(
                outdated.header("Content-Length"),
                Integer.toString(outdated.body().length()));
        Answer current = send(HttpMethod.GET, "/standards/outdated", h -> h.add("If-None-Match", etag));
        assertEquals(304, current.status());
        assertEquals("HIT", current.header("X-Cache"));
        assertEquals(1, reached("GET", "/standards/outdated"));
    }

    @Test
    void aConditionalReadOfAnAnswerThatMayNotBeStoredIsStill304AndStoresNothing() throws Exception {
        long entries = cache.size();
        for (String last : new String[] {"big", "private", "no-store", "chunked"}) {
            String path = "/standards/revalidated/" + last; // the backend answers by the last segment
            String etag = "\"" + last + "-v" + version.get() + "\"";
            for (int i = 1; i <= 2; i++) {
                Answer answer = send(HttpMethod.GET, path, h -> h.add("If-None-Match", etag));
                assertEquals(304, answer.status(), path);
                assertEquals("MISS", answer.header("X-Cache"), path);
                assertEquals(etag, answer.header("ETag"), path);
                assertEquals(0, answer.body().length(), path);
                assertNull(answer.header("Content-Length"), path);
                assertEquals(i, reached("GET", path), path + " went to the service each time");
            }
            Answer other = send(HttpMethod.GET, path, h -> h.add("If-None-Match", "\"other\""));
            assertEquals(200, other.status(), path);
            assertTrue(other.body().length() > 0, path);
        }
        assertEquals(entries, cache.size(), "nothing was stored");
        // the gateway is still answering on the same connections after the dropped bodies
        assertEquals(
                200, send(HttpMethod.GET, "/standards/revalidated/big", h -> {}).status());
    }

    @Test
    void aCallersNoStoreConditionalReadGoesToTheServiceAsItIs() throws Exception {
        String etag = "\"untouched-v" + version.get() + "\"";
        Answer answer = send(
                HttpMethod.GET,
                "/standards/untouched",
                h -> h.add("If-None-Match", etag).add("Cache-Control", "no-store"));
        assertEquals(304, answer.status());
        assertEquals(etag, validatorsSeen.get("/standards/untouched"), "the caller's validators went on");
        assertEquals(
                "MISS", send(HttpMethod.GET, "/standards/untouched", h -> {}).header("X-Cache"));
    }

    @Test
    void answersThatMayNotBeStoredAreNot() throws Exception {
        for (String last : new String[] {
            "private",
            "no-store",
            "no-cache",
            "no-max-age",
            "no-caching-headers",
            "cookie",
            "vary-origin",
            "vary-star",
            "missing"
        }) {
            String path = "/standards/" + last;
            Answer first = send(HttpMethod.GET, path, h -> {});
            Answer second = send(HttpMethod.GET, path, h -> {});
            assertEquals("MISS", first.header("X-Cache"), path);
            assertEquals("MISS", second.header("X-Cache"), path);
            assertEquals(first.status(), second.status(), path);
            assertEquals(2, reached("GET", path), path + " went to the service each time");
        }
        assertEquals("id=1", send(HttpMethod.GET, "/standards/cookie", h -> {}).header("Set-Cookie"));
    }

    @Test
    void aPostIsNeverAnsweredFromTheCacheAndAWriteDropsTheGroupsEntries() throws Exception {
        Answer before = send(HttpMethod.GET, "/standards/write/one", h -> {});
        send(HttpMethod.GET, "/standards/write/two", h -> {});
        assertEquals(
                "HIT", send(HttpMethod.GET, "/standards/write/one", h -> {}).header("X-Cache"));
        Answer post = send(HttpMethod.POST, "/standards/write/one", h -> {});
        assertEquals(201, post.status());
        assertNull(post.header("X-Cache"));
        assertEquals(201, send(HttpMethod.POST, "/standards/write/one", h -> {}).status());
        assertEquals(2, reached("POST", "/standards/write/one"), "every POST reaches the service");
        Answer after = send(HttpMethod.GET, "/standards/write/one", h -> {});
        assertEquals("MISS", after.header("X-Cache"), "the write dropped the entry");
        assertTrue(!after.header("ETag").equals(before.header("ETag")), "the change is seen at once");
        assertEquals(
                "MISS",
                send(HttpMethod.GET, "/standards/write/two", h -> {}).header("X-Cache"),
                "and every other entry of the group");
        for (HttpMethod method : new HttpMethod[] {HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE}) {
            assertEquals(
                    "HIT", send(HttpMethod.GET, "/standards/write/two", h -> {}).header("X-Cache"));
            send(method, "/standards/write/elsewhere", h -> {});
            assertEquals(
                    "MISS",
                    send(HttpMethod.GET, "/standards/write/two", h -> {}).header("X-Cache"),
                    method.name());
        }
    }

    @Test
    void anEntryExpiresAfterTheServicesMaxAge() throws Exception {
        send(HttpMethod.GET, "/standards/short", h -> {});
        clock.advance(Duration.ofSeconds(9));
        Answer fresh = send(HttpMethod.GET, "/standards/short", h -> {});
        assertEquals("HIT", fresh.header("X-Cache"));
        assertEquals("9", fresh.header("Age"));
        clock.advance(Duration.ofSeconds(1));
        Answer stale = send(HttpMethod.GET, "/standards/short", h -> {});
        assertEquals("MISS", stale.header("X-Cache"), "10 s old is no longer fresh for max-age=10");
        assertEquals(2, reached("GET", "/standards/short"));
        assertEquals("HIT", send(HttpMethod.GET, "/standards/short", h -> {}).header("X-Cache"), "stored afresh");
    }

    @Test
    void sharedMaxAgeOverridesMaxAge() throws Exception {
        send(HttpMethod.GET, "/standards/shared", h -> {});
        clock.advance(Duration.ofSeconds(30));
        assertEquals("HIT", send(HttpMethod.GET, "/standards/shared", h -> {}).header("X-Cache"));
    }

    @Test
    void aCallersNoCacheOrMaxAgeZeroGoesToTheServiceAndRefreshesTheEntry() throws Exception {
        Answer first = send(HttpMethod.GET, "/standards/refresh", h -> {});
        version.incrementAndGet(); // changed behind the gateway's back
        assertEquals(
                first.header("ETag"),
                send(HttpMethod.GET, "/standards/refresh", h -> {}).header("ETag"));
        Answer revalidated = send(HttpMethod.GET, "/standards/refresh", h -> h.add("Cache-Control", "no-cache"));
        assertEquals("MISS", revalidated.header("X-Cache"));
        assertTrue(!first.header("ETag").equals(revalidated.header("ETag")));
        Answer hit = send(HttpMethod.GET, "/standards/refresh", h -> {});
        assertEquals("HIT", hit.header("X-Cache"));
        assertEquals(revalidated.header("ETag"), hit.header("ETag"), "the entry was replaced");
        version.incrementAndGet();
        Answer maxAgeZero = send(HttpMethod.GET, "/standards/refresh", h -> h.add("Cache-Control", "max-age=0"));
        assertEquals("MISS", maxAgeZero.header("X-Cache"));
        assertEquals(
                maxAgeZero.header("ETag"),
                send(HttpMethod.GET, "/standards/refresh", h -> {}).header("ETag"));
        assertEquals(3, reached("GET", "/standards/refresh"));
    }

    @Test
    void aCallersMaxAgeAcceptsOnlyYoungerEntries() throws Exception {
        send(HttpMethod.GET, "/standards/young", h -> {});
        clock.advance(Duration.ofSeconds(20));
        assertEquals(
                "HIT",
                send(HttpMethod.GET, "/standards/young", h -> h.add("Cache-Control", "max-age=20"))
                        .header("X-Cache"));
        assertEquals(
                "MISS",
                send(HttpMethod.GET, "/standards/young", h -> h.add("Cache-Control", "max-age=19"))
                        .header("X-Cache"));
    }

    @Test
    void aNotModifiedFromTheServiceMakesAStaleEntryFreshAgain() throws Exception {
        Answer first = send(HttpMethod.GET, "/standards/revalidate", h -> {});
        clock.advance(Duration.ofSeconds(301));
        // stale: the caller's own conditional read goes to the service, which answers 304
        Answer notModified =
                send(HttpMethod.GET, "/standards/revalidate", h -> h.add("If-None-Match", first.header("ETag")));
        assertEquals(304, notModified.status());
        assertEquals("MISS", notModified.header("X-Cache"));
        assertEquals(first.header("ETag"), validatorsSeen.get("/standards/revalidate"), "the caller's own validators");
        Answer hit = send(HttpMethod.GET, "/standards/revalidate", h -> {});
        assertEquals("HIT", hit.header("X-Cache"), "RFC 9111 section 4.3.4: freshened by the 304");
        assertEquals("0", hit.header("Age"));
        assertArrayEquals(first.body().getBytes(), hit.body().getBytes());
        assertEquals(2, reached("GET", "/standards/revalidate"));
    }

    @Test
    void aRequestWithAuthorizationIsServedFromAPublicEntry() throws Exception {
        Answer anonymous = send(HttpMethod.GET, "/standards/authorized", h -> {});
        Answer withToken =
                send(HttpMethod.GET, "/standards/authorized", h -> h.add("Authorization", "Bearer a-checked-token"));
        assertEquals("HIT", withToken.header("X-Cache"), "RFC 9111 section 3.5: the entry is public");
        assertArrayEquals(anonymous.body().getBytes(), withToken.body().getBytes());
        assertEquals(1, reached("GET", "/standards/authorized"));
    }

    @Test
    void theAcceptedMediaTypesArePartOfTheKey() throws Exception {
        send(HttpMethod.GET, "/standards/vary-accept", h -> h.add("Accept", "application/json"));
        Answer sameAccept = send(HttpMethod.GET, "/standards/vary-accept", h -> h.add("Accept", "application/json"));
        assertEquals("HIT", sameAccept.header("X-Cache"), "Vary: Accept is stored: Accept is in the key");
        Answer otherAccept = send(HttpMethod.GET, "/standards/vary-accept", h -> h.add("Accept", "text/csv"));
        assertEquals("MISS", otherAccept.header("X-Cache"));
        assertEquals(2, reached("GET", "/standards/vary-accept"));
    }

    @Test
    void theRateLimitStillAnswers429OnHits() throws Exception {
        assertEquals("MISS", send(HttpMethod.GET, "/limited/catalogue", h -> {}).header("X-Cache"));
        Answer hit = send(HttpMethod.GET, "/limited/catalogue", h -> {});
        assertEquals("HIT", hit.header("X-Cache"));
        assertEquals("3", hit.header("RateLimit-Limit"));
        assertEquals("1", hit.header("RateLimit-Remaining"));
        assertEquals("HIT", send(HttpMethod.GET, "/limited/catalogue", h -> {}).header("X-Cache"));
        Answer limited = send(HttpMethod.GET, "/limited/catalogue", h -> {});
        assertEquals(429, limited.status());
        assertNull(limited.header("X-Cache"), "refused before the cache");
        assertNotNull(limited.header("Retry-After"));
        assertEquals("0", limited.header("RateLimit-Remaining"));
        assertEquals(1, reached("GET", "/limited/catalogue"));
    }

    @Test
    void aBodyOverTheEntryLimitOrWithoutALengthIsStreamedAndNotCached() throws Exception {
        long entries = cache.size();
        for (String path : new String[] {"/standards/big", "/standards/chunked"}) {
            Answer first = send(HttpMethod.GET, path, h -> {});
            Answer second = send(HttpMethod.GET, path, h -> {});
            assertEquals(200, second.status());
            assertEquals("MISS", second.header("X-Cache"), path);
            assertArrayEquals(first.body().getBytes(), second.body().getBytes());
            assertEquals(2, reached("GET", path));
        }
        assertEquals(
                MAX_ENTRY_BYTES + 1,
                send(HttpMethod.GET, "/standards/big", h -> {}).body().length());
        assertEquals(
                "chunked", send(HttpMethod.GET, "/standards/chunked", h -> {}).header("Transfer-Encoding"));
        assertEquals(entries, cache.size(), "nothing was stored");
    }

    @Test
    void aGroupThatIsNotCachedIsProxiedAsBefore() throws Exception {
        send(HttpMethod.GET, "/uncached/x", h -> {});
        Answer second = send(HttpMethod.GET, "/uncached/x", h -> {});
        assertNull(second.header("X-Cache"));
        assertEquals(2, reached("GET", "/uncached/x"));
    }

    @Test
    void theAccessLogWritesALineForAHit() throws Exception {
        send(HttpMethod.GET, "/standards/logged?q=1", h -> {});
        Answer hit = send(HttpMethod.GET, "/standards/logged?q=1", h -> {});
        Answer notModified =
                send(HttpMethod.GET, "/standards/logged?q=1", h -> h.add("If-None-Match", hit.header("ETag")));
        assertEquals("HIT", hit.header("X-Cache"));
        assertEquals("HIT", notModified.header("X-Cache"));
        String log = "";
        for (int i = 0; i < 100 && countLines(log, "\"GET /standards/logged?q=1 HTTP/1.1\"") < 3; i++) {
            // the line is queued when the response ends, on the server's event loop
            accessLog.drain();
            log = accessLogOut.toString(StandardCharsets.UTF_8);
            Thread.sleep(20);
        }
        assertEquals(2, countLines(log, "\"GET /standards/logged?q=1 HTTP/1.1\" 200"), log);
        assertEquals(1, countLines(log, "\"GET /standards/logged?q=1 HTTP/1.1\" 304"), log);
    }

    private static int countLines(String log, String needle) {
        int n = 0;
        for (String line : log.split("\n")) {
            if (line.contains(needle)) {
                n++;
            }
        }
        return n;
    }

    /** A response and its whole body. */
    private record Answer(HttpClientResponse response, Buffer body) {
        int status() {
            return response.statusCode();
        }

        String header(String name) {
            return response.getHeader(name);
        }
    }

    private static Answer send(HttpMethod method, String uri, Consumer<MultiMap> headers) throws Exception {
        MultiMap map = MultiMap.caseInsensitiveMultiMap();
        headers.accept(map);
        io.vertx.core.Promise<Answer> promise = io.vertx.core.Promise.promise();
        callerContext.runOnContext(v -> caller.request(
                        new RequestOptions().setMethod(method).setURI(uri).setHeaders(map))
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> new Answer(response, body)))
                .onComplete(promise));
        return await(promise.future());
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
