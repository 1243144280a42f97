import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mixed integrator load of issue 16 through the gateway: clients each sending one request after another for a
 * fixed time, each request drawn from the mix (catalogue read, apprentice read, evidence create, one apprentice's KSB
 * coverage, the provider's cohort coverage). Prints requests/s and p50/p99 per kind and in all, and the target
 * (>= 500 requests/s with every p99 <= 250 ms). Run by bench/mixed-load.sh (which gets the token); JDK only.
 */
public class MixedLoadBench {

    enum Kind {
        CATALOGUE_READ("catalogue read", "GET /api/v1/standards/ST1398/versions/1.0"),
        APPRENTICE_READ("apprentice read", "GET /api/v1/apprentices/{id}"),
        EVIDENCE_CREATE("evidence create", "POST /api/v1/apprentices/{id}/evidence"),
        COVERAGE("coverage", "GET /api/v1/apprentices/{id}/coverage"),
        COHORT_COVERAGE("cohort coverage", "GET /api/v1/providers/{ukprn}/coverage?standardVersion=ST1398_1.0");

        final String label;
        final String route;

        Kind(String label, String route) {
            this.label = label;
            this.route = route;
        }
    }

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f]{24})\"");
    private static final Pattern TOTAL = Pattern.compile("\"totalItems\":(\\d+)");

    public static void main(String[] args) throws Exception {
        String gateway = env("BENCH_GATEWAY_URL", "http://localhost:8080");
        String token = System.getenv("BENCH_TOKEN");
        String provider = env("BENCH_PROVIDER", "10000001");
        int clients = Integer.parseInt(env("BENCH_CLIENTS", "16"));
        int seconds = Integer.parseInt(env("BENCH_SECONDS", "60"));
        int warmup = Integer.parseInt(env("BENCH_WARMUP_SECONDS", "10"));
        int sample = Integer.parseInt(env("BENCH_SAMPLE", "2000"));
        int[] weights = Arrays.stream(env("BENCH_MIX", "30,30,15,20,5").split(","))
                .mapToInt(w -> Integer.parseInt(w.trim()))
                .toArray();
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("BENCH_TOKEN (a tutor's bearer token) is required");
        }
        if (weights.length != Kind.values().length) {
            throw new IllegalArgumentException("BENCH_MIX needs " + Kind.values().length + " weights");
        }
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1)
                .build();

        // The provider's apprentices the per-apprentice requests pick from (the tutor sees their provider's only).
        List<String> ids = new ArrayList<>();
        long total = -1;
        for (int page = 0; ids.size() < sample; page++) {
            HttpResponse<String> list = http.send(
                    get(gateway + "/api/v1/apprentices?status=active&page=" + page + "&size=100", token),
                    HttpResponse.BodyHandlers.ofString());
            if (list.statusCode() != 200) {
                throw new IllegalStateException("listing apprentices answered " + list.statusCode() + ": "
                        + list.body());
            }
            Matcher t = TOTAL.matcher(list.body());
            if (total < 0 && t.find()) {
                total = Long.parseLong(t.group(1));
            }
            int before = ids.size();
            Matcher m = ID.matcher(list.body());
            while (m.find() && ids.size() < sample) {
                String id = m.group(1);
                if (!ids.contains(id)) { // the first id of an item is the apprentice's own
                    ids.add(id);
                }
            }
            if (ids.size() == before) {
                break;
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("the token's provider has no apprentices: load some first"
                    + " (./stack demo --apprentices N)");
        }
        HttpResponse<String> everyone = http.send(
                get(gateway + "/api/v1/apprentices?size=1", token), HttpResponse.BodyHandlers.ofString());
        Matcher everyoneTotal = TOTAL.matcher(everyone.body());
        System.out.printf(Locale.ROOT,
                "provider %s: %s apprentices, %d active (%d sampled); %d clients, %d s (after %d s warm-up)%n",
                provider, everyoneTotal.find() ? everyoneTotal.group(1) : "?", total, ids.size(), clients, seconds, warmup);

        run(http, gateway, token, provider, ids, weights, clients, warmup, false);
        long[][] latencies = run(http, gateway, token, provider, ids, weights, clients, seconds, true);

        System.out.printf(Locale.ROOT, "%n%-18s %8s %10s %9s %9s %7s%n", "kind", "requests", "requests/s", "p50 ms",
                "p99 ms", "errors");
        long all = 0;
        long errors = 0;
        boolean p99Met = true;
        List<Long> merged = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            long[] mine = latencies[kind.ordinal()];
            long failed = ERRORS[kind.ordinal()];
            all += mine.length;
            errors += failed;
            for (long l : mine) {
                merged.add(l);
            }
            double p99 = percentile(mine, 0.99);
            p99Met &= mine.length == 0 || p99 <= 250;
            System.out.printf(Locale.ROOT, "%-18s %8d %10.1f %9.1f %9.1f %7d%n", kind.label, mine.length,
                    mine.length / (double) seconds, percentile(mine, 0.50), p99, failed);
        }
        long[] everything = merged.stream().mapToLong(Long::longValue).toArray();
        double rate = all / (double) seconds;
        System.out.printf(Locale.ROOT, "%-18s %8d %10.1f %9.1f %9.1f %7d%n", "all", all, rate,
                percentile(everything, 0.50), percentile(everything, 0.99), errors);
        System.out.printf(Locale.ROOT, "%ntarget (issue 16): >= 500 requests/s with every p99 <= 250 ms: %s"
                        + " (%.0f requests/s, %.2f of the target rate; p99s %s)%n",
                rate >= 500 && p99Met && errors == 0 ? "MET" : "NOT MET", rate, rate / 500,
                p99Met ? "all within 250 ms" : "not all within 250 ms");
    }

    private static final long[] ERRORS = new long[Kind.values().length];

    /** Runs the mix; per kind, the latencies (ms) of the successful requests when recording. */
    private static long[][] run(HttpClient http, String gateway, String token, String provider, List<String> ids,
            int[] weights, int clients, int seconds, boolean record) throws InterruptedException {
        int sum = Arrays.stream(weights).sum();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicBoolean failed = new AtomicBoolean();
        List<List<long[]>> perClient = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long[][] errors = new long[clients][Kind.values().length];
        for (int c = 0; c < clients; c++) {
            List<long[]> mine = new ArrayList<>();
            perClient.add(mine);
            int client = c;
            Thread thread = new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                int n = 0;
                while (System.nanoTime() < end) {
                    int pick = random.nextInt(sum);
                    Kind kind = Kind.values()[0];
                    for (int k = 0; k < weights.length; k++) {
                        if (pick < weights[k]) {
                            kind = Kind.values()[k];
                            break;
                        }
                        pick -= weights[k];
                    }
                    String id = ids.get(random.nextInt(ids.size()));
                    HttpRequest request = switch (kind) {
                        case CATALOGUE_READ -> get(gateway + "/api/v1/standards/ST1398/versions/1.0", null);
                        case APPRENTICE_READ -> get(gateway + "/api/v1/apprentices/" + id, token);
                        case EVIDENCE_CREATE -> HttpRequest.newBuilder(
                                        URI.create(gateway + "/api/v1/apprentices/" + id + "/evidence"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(30))
                                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"reflection\",\"title\":"
                                        + "\"bench/mixed-load " + client + "-" + (n++) + "\",\"ksbCodes\":[\"K1\",\"S1\"],"
                                        + "\"text\":\"A note written by bench/mixed-load.sh.\"}"))
                                .build();
                        case COVERAGE -> get(gateway + "/api/v1/apprentices/" + id + "/coverage", token);
                        case COHORT_COVERAGE -> get(gateway + "/api/v1/providers/" + provider + "/coverage?standardVersion=ST1398_1.0", token);
                    };
                    long began = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        long ms = (System.nanoTime() - began) / 1_000_000;
                        int status = response.statusCode();
                        boolean ok = kind == Kind.EVIDENCE_CREATE ? status == 201 : status == 200;
                        if (ok) {
                            mine.add(new long[] {kind.ordinal(), ms});
                        } else {
                            errors[client][kind.ordinal()]++;
                            if (failed.compareAndSet(false, true)) {
                                System.err.println("[bench] " + kind.route + " answered " + status + ": "
                                        + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
                            }
                        }
                    } catch (Exception e) {
                        errors[client][kind.ordinal()]++;
                        if (failed.compareAndSet(false, true)) {
                            System.err.println("[bench] " + kind.route + " failed: " + e);
                        }
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long[][] byKind = new long[Kind.values().length][];
        for (Kind kind : Kind.values()) {
            byKind[kind.ordinal()] = perClient.stream()
                    .flatMap(List::stream)
                    .filter(r -> r[0] == kind.ordinal())
                    .mapToLong(r -> r[1])
                    .toArray();
            if (record) {
                for (long[] e : errors) {
                    ERRORS[kind.ordinal()] += e[kind.ordinal()];
                }
            }
        }
        return byKind;
    }

    private static HttpRequest get(String url, String token) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.build();
    }

    private static double percentile(long[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
