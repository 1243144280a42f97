package uk.apprenticeships.st1398.gateway.ratelimit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real Redis for the tests: Debian's {@code redis-server} (.ci/run installs it when missing) on a free port,
 * nothing persisted, stopped after the tests.
 */
public class RedisServer implements QuarkusTestResourceLifecycleManager {

    static String url;
    private Process process;

    @Override
    public Map<String, String> start() {
        String binary = Files.isExecutable(Path.of("/usr/bin/redis-server")) ? "/usr/bin/redis-server" : "redis-server";
        int port = freePort();
        try {
            process = new ProcessBuilder(
                            binary,
                            "--port",
                            String.valueOf(port),
                            "--bind",
                            "127.0.0.1",
                            "--save",
                            "",
                            "--appendonly",
                            "no")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "These tests need Debian's redis-server (apt-get install -y redis-server; .ci/run does it)", e);
        }
        waitFor(port);
        url = "redis://127.0.0.1:" + port;
        return Map.of("quarkus.redis.hosts", url);
    }

    private void waitFor(int port) {
        for (int i = 0; i < 100; i++) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("redis-server exited with " + process.exitValue());
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(ie);
                }
            }
        }
        throw new IllegalStateException("redis-server did not listen on " + port);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
        }
    }
}
