package uk.apprenticeships.st1398.assessment;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/** A webhook receiver on loopback for tests: records every request; answers 204, or 503 while told to fail. */
final class WebhookReceiver implements AutoCloseable {

    record Received(String id, String timestamp, String signature, String body, int answered) {}

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile boolean down;

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = down || failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 204;
            synchronized (received) {
                received.add(new Received(
                        exchange.getRequestHeaders().getFirst("webhook-id"),
                        exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        exchange.getRequestHeaders().getFirst("webhook-signature"),
                        body,
                        status));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    void failNext(int n) {
        failuresLeft.set(n);
    }

    void down(boolean down) {
        this.down = down;
    }

    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** The requests answered 2xx, in arrival order. */
    List<Received> accepted() {
        return received().stream().filter(r -> r.answered() / 100 == 2).toList();
    }

    /**
     * Waits (up to 60 s) until the condition holds; fails the test otherwise. 20 s was too short once in CI (6
     * December 2026): a subscription whose four failing attempts take a second or two was disabled only 28 s after
     * the event, as if attempts had waited for the 10 s delivery timeout (they had: the sender sometimes lost an
     * answer, fixed since in WebhookSender.sendAsync). A wait, not a measure of speed: it returns as soon as the
     * condition holds.
     */
    static void await(String what, BooleanSupplier condition) {
        long until = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static List<String> ids(List<Received> list) {
        List<String> ids = new ArrayList<>();
        list.forEach(r -> ids.add(r.id()));
        return ids;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
