package uk.apprenticeships.st1398.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.redis.client.Redis;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.testing.Problems;

/**
 * With {@code gateway.rate-limit.store=redis}, replicas share one limit: the gateway under test and a second limiter
 * (another replica, its own Redis connection and HTTP server) count the same client against one Redis started here.
 */
@QuarkusTest
@TestProfile(SharedRateLimitTest.SharedCounters.class)
class SharedRateLimitTest {

    public static class SharedCounters implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "gateway.rate-limit.store", "redis",
                    "gateway.rate-limit.groups.assessment.requests", "5",
                    "gateway.rate-limit.groups.assessment.window", "PT1H");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RedisServer.class));
        }
    }

    @Inject
    RateLimitConfig config;

    private Vertx vertx;
    private HttpServer replica;

    @BeforeEach
    void startSecondReplica() throws Exception {
        vertx = Vertx.vertx();
        RateLimiter limiter = new RateLimiter(
                config,
                Clock.systemUTC(),
                new RedisCounters(Redis.createClient(vertx, RedisServer.url), config.redisKeyPrefix()));
        Router router = Router.router(vertx);
        router.route("/api/v1/certificates/*")
                .handler(limiter.forGroup("assessment"))
                .handler(ctx -> ctx.response().end("replica 2"));
        replica = vertx.createHttpServer()
                .requestHandler(router)
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stopSecondReplica() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private String viaReplica() throws Exception {
        HttpClient client = vertx.createHttpClient();
        HttpClientResponse response = client.request(
                        HttpMethod.GET, replica.actualPort(), "127.0.0.1", "/api/v1/certificates/.well-known/jwks.json")
                .compose(r -> r.send())
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        return response.statusCode() + " " + response.getHeader(RateLimiter.REMAINING);
    }

    @Test
    void twoReplicasEnforceOneLimit() throws Exception {
        // the same anonymous caller (127.0.0.1): 3 requests through replica 2, then the gateway under test
        assertEquals("200 4", viaReplica());
        assertEquals("200 3", viaReplica());
        assertEquals("200 2", viaReplica());
        given().when()
                .get("/api/v1/certificates/.well-known/jwks.json")
                .then()
                .statusCode(201)
                .header(RateLimiter.LIMIT, "5")
                .header(RateLimiter.REMAINING, "1");
        given().when()
                .get("/api/v1/certificates/.well-known/jwks.json")
                .then()
                .statusCode(201)
                .header(RateLimiter.REMAINING, "0");
        given().when()
                .get("/api/v1/certificates/.well-known/jwks.json")
                .then()
                .spec(Problems.problem(429, "too-many-requests", "rate-limited"));
        assertEquals("429 0", viaReplica());
    }
}
