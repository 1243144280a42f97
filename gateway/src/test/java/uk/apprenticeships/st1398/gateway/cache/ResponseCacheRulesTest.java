package uk.apprenticeships.st1398.gateway.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What may be stored and for how long (RFC 9111 section 3), and the weak comparison of If-None-Match. */
class ResponseCacheRulesTest {

    private final ResponseCache cache =
            new ResponseCache(true, Set.of("standards"), 1 << 20, 4096, 600, Clock.systemUTC());

    private static MultiMap headers(String... pairs) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        for (int i = 0; i < pairs.length; i += 2) {
            headers.add(pairs[i], pairs[i + 1]);
        }
        return headers;
    }

    @Test
    void publicWithAMaxAgeIsStoredForThatLong() {
        assertEquals(300, cache.storableFor(200, headers("Cache-Control", "public, max-age=300")));
        assertEquals(300, cache.storableFor(200, headers("cache-control", "Public, Max-Age=\"300\"")));
        assertEquals(60, cache.storableFor(200, headers("Cache-Control", "public, max-age=5, s-maxage=60")));
        assertEquals(300, cache.storableFor(200, headers("Cache-Control", "public", "Cache-Control", "max-age=300")));
        assertEquals(300, cache.storableFor(200, headers("Cache-Control", PUBLIC, "Vary", "Accept, accept-encoding")));
    }

    private static final String PUBLIC = "public, max-age=300";

    @Test
    void theGatewaysCapShortensTheServicesMaxAge() {
        assertEquals(600, cache.storableFor(200, headers("Cache-Control", "public, max-age=86400")));
        ResponseCache capped = new ResponseCache(true, Set.of("standards"), 1 << 20, 4096, 60, Clock.systemUTC());
        assertEquals(60, capped.storableFor(200, headers("Cache-Control", PUBLIC)));
        assertEquals(
                -1,
                new ResponseCache(true, Set.of(), 1 << 20, 4096, 0, Clock.systemUTC())
                        .storableFor(200, headers("Cache-Control", PUBLIC)),
                "a cap of 0 stores nothing");
    }

    @Test
    void nothingElseIsStored() {
        assertEquals(-1, cache.storableFor(200, headers()));
        assertEquals(-1, cache.storableFor(200, headers("Cache-Control", "max-age=300")), "not public");
        assertEquals(-1, cache.storableFor(200, headers("Cache-Control", "public")), "no lifetime");
        assertEquals(-1, cache.storableFor(200, headers("Cache-Control", "public, max-age=0")));
        assertEquals(-1, cache.storableFor(200, headers("Cache-Control", "public, max-age=abc")));
        assertEquals(-1, cache.storableFor(200, headers("Cache-Control", "public, private, max-age=300")));
        assertEquals(-1, cache.storableFor(200, headers("Cache-Control", "public, no-store, max-age=300")));
        assertEquals(-1, cache.storableFor(200, headers("Cache-Control", "public, no-cache, max-age=300")));
        assertEquals(-1, cache.storableFor(200, headers("Cache-Control", PUBLIC, "Set-Cookie", "a=b")));
        assertEquals(-1, cache.storableFor(200, headers("Cache-Control", PUBLIC, "Vary", "*")));
        assertEquals(-1, cache.storableFor(200, headers("Cache-Control", PUBLIC, "Vary", "Accept, Origin")));
        for (int status : new int[] {201, 203, 204, 206, 301, 304, 404, 410, 500}) {
            assertEquals(-1, cache.storableFor(status, headers("Cache-Control", PUBLIC)), Integer.toString(status));
        }
    }

    @Test
    void ifNoneMatchUsesTheWeakComparison() {
        assertTrue(ResponseCache.noneMatch("\"a\"", "\"a\""));
        assertTrue(ResponseCache.noneMatch("W/\"a\"", "\"a\""));
        assertTrue(ResponseCache.noneMatch("\"a\"", "W/\"a\""));
        assertTrue(ResponseCache.noneMatch("\"x\", W/\"a\"", "\"a\""));
        assertTrue(ResponseCache.noneMatch("\"x,y\",\"a\"", "\"a\""), "a comma inside a tag is part of it");
        assertTrue(ResponseCache.noneMatch("*", "\"a\""));
        assertTrue(ResponseCache.noneMatch(" * ", null), "* matches any stored answer, tagged or not");
        assertFalse(ResponseCache.noneMatch(null, "\"a\""));
        assertFalse(ResponseCache.noneMatch("\"ab\"", "\"a\""));
        assertFalse(ResponseCache.noneMatch("\"a", "\"a\""));
        assertFalse(ResponseCache.noneMatch("a", "\"a\""), "not an entity tag");
        assertFalse(ResponseCache.noneMatch("\"a\"", null));
    }

    @Test
    void cacheControlIsParsedLeniently() {
        CacheControl control = CacheControl.parse(" PUBLIC ,max-age=10, x-ext=\"a,b\", s-maxage=99999999999999999999");
        assertTrue(control.isPublic());
        assertEquals(10, control.maxAge());
        assertEquals(Integer.MAX_VALUE, control.sharedMaxAge());
        assertEquals(-1, CacheControl.parse(null).maxAge());
        assertEquals(-1, CacheControl.parse("max-age=-1").maxAge());
        assertEquals(-1, CacheControl.parse("max-age=").maxAge());
    }

    @Test
    void itsSizeIsAGaugeAndItsRequestsCounters() {
        io.micrometer.core.instrument.simple.SimpleMeterRegistry registry =
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        ResponseCache measured =
                new ResponseCache(true, Set.of("standards"), 1 << 20, 4096, 60, Clock.systemUTC(), registry);
        measured.forGroup("standards");
        assertEquals(0.0, registry.get("gateway.response.cache.entries").gauge().value());
        assertEquals(0.0, registry.get("gateway.response.cache.bytes").gauge().value());
        assertEquals(
                0.0,
                registry.get("gateway.response.cache.requests")
                        .tag("group", "standards")
                        .tag("result", "hit")
                        .counter()
                        .count());
    }

    @Test
    void onlyConfiguredGroupsGetAHandler() {
        assertNotNull(cache.forGroup("standards"));
        assertNull(cache.forGroup("evidence"));
        assertNull(new ResponseCache(false, Set.of("standards"), 1 << 20, 4096, 60, Clock.systemUTC())
                .forGroup("standards"));
    }
}
