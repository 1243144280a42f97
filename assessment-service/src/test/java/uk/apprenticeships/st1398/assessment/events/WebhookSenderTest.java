package uk.apprenticeships.st1398.assessment.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.assessment.StandardsPlanStub;
import uk.apprenticeships.st1398.platform.events.WebhookSignatures;

/**
 * One delivery attempt's outbound rules (issue 12: "time out, and do not follow redirects") and the retry waits
 * ("exponential backoff and jitter for about 24 hours"), each seen at work.
 */
@QuarkusTest
@QuarkusTestResource(value = StandardsPlanStub.class, restrictToAnnotatedClass = false)
class WebhookSenderTest {

    @Inject
    WebhookSender sender;

    @ConfigProperty(name = "events.delivery.timeout")
    Duration timeout;

    @Test
    void aRedirectIsNotFollowedAndASilentReceiverTimesOut() throws Exception {
        AtomicInteger redirectTargetHits = new AtomicInteger();
        HttpServer server = onLoopback();
        server.createContext("/moved", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Location", "/target");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/target", exchange -> {
            redirectTargetHits.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext("/silent", exchange -> {
            try {
                Thread.sleep(timeout.toMillis() + 3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        String secret = WebhookSignatures.newSecret();
        try {
            WebhookSender.Outcome moved = sender.send(base + "/moved", secret, "msg_1", "{}");
            assertFalse(moved.delivered());
            assertEquals(302, moved.statusCode());
            assertEquals(0, redirectTargetHits.get(), "the Location was not followed");

            WebhookSender.Outcome silent = sender.send(base + "/silent", secret, "msg_2", "{}");
            assertFalse(silent.delivered());
            assertNull(silent.statusCode());
            assertTrue(silent.error().contains("no answer within"), silent.error());
        } finally {
            server.stop(0);
        }
    }

    /**
     * Workers call {@link WebhookSender#sendAsync} from their own threads, a batch at a time. Every answer must reach
     * its attempt: CI saw a delivery that the receiver had answered recorded as "no answer within" the timeout (and
     * sent again). Sending this many from plain threads lost an answer in every run before the sender moved its
     * exchange onto a Vert.x context (about one in 5,000 requests).
     */
    @Test
    void everyAnswerReachesItsAttemptWhenWorkersSendBatchesFromTheirOwnThreads() throws Exception {
        AtomicInteger answered = new AtomicInteger();
        HttpServer server = onLoopback();
        server.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            answered.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        String secret = WebhookSignatures.newSecret();
        int workers = 3;
        int batches = 400;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<List<WebhookSender.Outcome>>> runs = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int worker = w;
                runs.add(pool.submit(() -> {
                    Random random = new Random(worker);
                    List<WebhookSender.Outcome> outcomes = new ArrayList<>();
                    for (int b = 0; b < batches; b++) {
                        List<CompletableFuture<WebhookSender.Outcome>> batch = new ArrayList<>();
                        for (int i = 0; i < 10; i++) {
                            batch.add(sender.sendAsync(url, secret, "msg_" + worker + "_" + b + "_" + i, "{}"));
                        }
                        batch.forEach(f -> outcomes.add(f.join()));
                        if (random.nextInt(50) == 0) {
                            // a worker that found nothing due waits for its next round while the others send
                            Thread.sleep(random.nextInt(1000));
                        }
                    }
                    return outcomes;
                }));
            }
            List<WebhookSender.Outcome> outcomes = new ArrayList<>();
            for (Future<List<WebhookSender.Outcome>> run : runs) {
                outcomes.addAll(run.get());
            }
            assertEquals(workers * batches * 10, outcomes.size());
            List<String> lost = outcomes.stream()
                    .filter(o -> !o.delivered())
                    .map(WebhookSender.Outcome::error)
                    .toList();
            assertEquals(List.of(), lost, "every attempt got the receiver's 204");
            assertEquals(outcomes.size(), answered.get());
        } finally {
            pool.shutdown();
            server.stop(0);
        }
    }

    /** A receiver on a free loopback port, each request on its own thread; started once its contexts are added. */
    private static HttpServer onLoopback() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        return server;
    }

    @Test
    void retryWaitsAreJitteredWithinTheirBoundsAndTheDefaultScheduleSpansAboutADay() throws Exception {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            long ms = DeliveryStore.jittered(Duration.ofMinutes(5), 0.2).toMillis();
            assertTrue(ms >= 240_000 && ms <= 360_000, "within 5 min ± 20%: " + ms);
            seen.add(ms);
        }
        assertTrue(seen.size() > 1, "the waits vary");
        assertEquals(Duration.ofMinutes(5), DeliveryStore.jittered(Duration.ofMinutes(5), 0));

        // The production schedule (application.properties; EventsConfig's @WithDefault is the same): growing, ~24 h.
        Properties properties = new Properties();
        try (InputStream in = WebhookSenderTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        List<Duration> schedule = Arrays.stream(
                        properties.getProperty("events.delivery.retry-schedule").split(","))
                .map(Duration::parse)
                .toList();
        for (int i = 1; i < schedule.size(); i++) {
            assertTrue(schedule.get(i).compareTo(schedule.get(i - 1)) >= 0, "waits never shrink");
        }
        Duration total = schedule.stream().reduce(Duration.ZERO, Duration::plus);
        assertTrue(
                total.compareTo(Duration.ofHours(20)) > 0 && total.compareTo(Duration.ofHours(28)) < 0,
                "about 24 hours: " + total);
    }
}
