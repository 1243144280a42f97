package uk.apprenticeships.st1398.devstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The demo loader's only way in: the gateway's public API with real Keycloak tokens (the JDK HTTP client), as any
 * integrator would call it. Retries what a client may safely retry: {@code 429} after its {@code Retry-After};
 * reads also after {@code 502/503/504} or a broken or timed-out connection; writes only when they cannot have been
 * applied (the connection was refused, or a {@code 503} other than {@code database-unavailable}, which may come
 * after the write got through: that one is answered to the caller, and a re-run finds what was written), with a
 * growing pause.
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One answer: its status and body ({@link MissingNode} when it has none). */
    record Reply(int status, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        Reply expect(String what, int... statuses) {
            for (int s : statuses) {
                if (s == status) {
                    return this;
                }
            }
            throw new IllegalStateException(what + " answered " + status + ": " + body);
        }
    }

    private record Token(String value, Instant expires) {}

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final String gateway;
    private final String tokenEndpoint;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    final AtomicLong requests = new AtomicLong();
    final AtomicLong rateLimited = new AtomicLong();
    /** Where the time went: per method and path shape (ids as {id}), the calls and their summed wall time. */
    final Map<String, LongAdder[]> timings = new ConcurrentHashMap<>();

    private static final Pattern ID = Pattern.compile("/(?=[^/]*\\d)[0-9A-Za-z_.-]{6,}(?=/|$|\\?)");

    Api(String gateway, String realmUrl) {
        this.gateway = gateway.replaceAll("/+$", "");
        this.tokenEndpoint = realmUrl.replaceAll("/+$", "") + "/protocol/openid-connect/token";
    }

    /**
     * An access token for a demo user (password grant on the public client {@code platform-web}, password
     * {@code <user>-dev}) or for a machine client (client credentials, secret {@code <client>-dev-secret}); fetched
     * again a minute before it expires.
     */
    String token(String who) {
        Token current = tokens.get(who);
        if (current != null && Instant.now().isBefore(current.expires().minusSeconds(60))) {
            return current.value();
        }
        synchronized (tokens) {
            current = tokens.get(who);
            if (current != null && Instant.now().isBefore(current.expires().minusSeconds(60))) {
                return current.value();
            }
            Map<String, String> form = who.equals("lms-integration")
                    ? Map.of("grant_type", "client_credentials", "client_id", who, "client_secret", who + "-dev-secret")
                    : Map.of(
                            "grant_type",
                            "password",
                            "client_id",
                            "platform-web",
                            "username",
                            who,
                            "password",
                            who + "-dev",
                            "scope",
                            "openid");
            String body = form.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            HttpRequest request = HttpRequest.newBuilder(URI.create(tokenEndpoint))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            Reply reply = send(request);
            if (!reply.ok() || !reply.body().hasNonNull("access_token")) {
                throw new IllegalStateException("no token for " + who + " from " + tokenEndpoint + ": " + reply);
            }
            Token token = new Token(
                    reply.body().get("access_token").asText(),
                    Instant.now().plusSeconds(reply.body().path("expires_in").asLong(60)));
            tokens.put(who, token);
            return token.value();
        }
    }

    /** The {@code sub} claim of a user's access token (the assessor's registration needs it). */
    String subject(String who) {
        String payload = token(who).split("\\.")[1];
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(payload))
                    .path("sub")
                    .asText();
        } catch (IOException e) {
            throw new IllegalStateException("unreadable token of " + who, e);
        }
    }

    Reply get(String who, String path) {
        return call(who, "GET", path, null);
    }

    Reply post(String who, String path, Object body) {
        return call(who, "POST", path, body);
    }

    Reply put(String who, String path, Object body) {
        return call(who, "PUT", path, body);
    }

    Reply call(String who, String method, String path, Object body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(120))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token(who));
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            try {
                builder.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            } catch (IOException e) {
                throw new IllegalArgumentException(e);
            }
        }
        return send(builder.build());
    }

    private Reply send(HttpRequest request) {
        boolean read = request.method().equals("GET") || request.uri().getPath().endsWith("/token");
        long pause = 250;
        for (int attempt = 1; ; attempt++) {
            requests.incrementAndGet();
            long began = System.nanoTime();
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                time(request, began);
                int status = response.statusCode();
                if (status == 429) {
                    rateLimited.incrementAndGet();
                    long seconds = response.headers()
                            .firstValue("Retry-After")
                            .map(Long::parseLong)
                            .orElse(1L);
                    sleep(Math.max(1, seconds) * 1000);
                    continue;
                }
                if (status == 503 && !read && databaseUnavailable(response.body())) {
                    return new Reply(status, parse(response.body()));
                }
                if ((status == 503 || read && (status == 502 || status == 504)) && attempt < 6) {
                    sleep(pause);
                    pause *= 2;
                    continue;
                }
                byte[] bytes = response.body();
                JsonNode body = bytes.length == 0 ? MissingNode.getInstance() : parse(bytes);
                return new Reply(status, body);
            } catch (IOException e) {
                if (attempt >= 6 || !read && !(e instanceof java.net.ConnectException)) {
                    throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e, e);
                }
                sleep(pause);
                pause *= 2;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private static boolean databaseUnavailable(byte[] body) {
        return parse(body).path("code").asText().equals("database-unavailable");
    }

    private void time(HttpRequest request, long began) {
        String shape = request.uri().getPath().endsWith("/token")
                ? "POST token"
                : request.method() + " " + ID.matcher(request.uri().getPath()).replaceAll("/{id}");
        LongAdder[] t = timings.computeIfAbsent(shape, k -> new LongAdder[] {new LongAdder(), new LongAdder()});
        t[0].increment();
        t[1].add(System.nanoTime() - began);
    }

    private static JsonNode parse(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
