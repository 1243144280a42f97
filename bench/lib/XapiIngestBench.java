/*
 * The measuring half of bench/xapi-ingest.sh (run there with `java -cp <MongoDB driver jars> XapiIngestBench.java`;
 * read that script's head first). Java rather than Python so that the MongoDB side uses the same driver as
 * evidence-service, and no package needs installing.
 *
 *   1. LRS ingest: N statements POSTed to /xapi/statements in batches of 50 by C concurrent LMS connections (HTTP
 *      Basic with the credential given), through the gateway; statements/s.
 *   2. Direct insert: the same number of documents of the very shape the LRS stores (copied from what it stored in
 *      step 1, new _ids) inserted straight into the store (insertMany of 50, C threads) into a scratch collection;
 *      statements/s. Only the inserts are timed.
 *   3. Store size: when BENCH_STORE_SIZE is above N, the provider's statements are topped up to it with copies of
 *      what the LRS stored (new _ids, insertMany of 1000, not part of either rate), so that the queries run over a
 *      store of that size without sending all of it through the LRS.
 *   4. Filtered query: Q sequential GET /xapi/statements?agent=<one learner>&verb=<one verb>&limit=10 through the
 *      gateway, and the same filter, sort and limit as a find() straight on the store; p50 / p99 of each.
 *
 * Prints a table and the ratios LRS/direct. Exit 1 if any request fails.
 */
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.bson.conversions.Bson;

public class XapiIngestBench {

    static final int BATCH = 50;
    static final String[] VERBS = {
        "http://adlnet.gov/expapi/verbs/completed",
        "http://adlnet.gov/expapi/verbs/attempted",
        "http://adlnet.gov/expapi/verbs/passed",
        "http://adlnet.gov/expapi/verbs/experienced"
    };

    public static void main(String[] args) throws Exception {
        String gateway = env("BENCH_GATEWAY_URL", "http://localhost:8080").replaceAll("/$", "");
        String key = System.getenv("BENCH_KEY");
        String secret = System.getenv("BENCH_SECRET");
        String provider = System.getenv("BENCH_PROVIDER");
        int statements = Integer.parseInt(env("BENCH_STATEMENTS", "1000000"));
        int concurrency = Integer.parseInt(env("BENCH_CONCURRENCY", "4"));
        int queries = Integer.parseInt(env("BENCH_QUERIES", "200"));
        int learners = Integer.parseInt(env("BENCH_LEARNERS", "1000"));
        long storeSize = Long.parseLong(env("BENCH_STORE_SIZE", String.valueOf(statements)));
        String mongoUrl = env("BENCH_MONGODB_URL", "mongodb://localhost:17017");
        String database = env("BENCH_MONGODB_DATABASE", "evidence");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String basic = "Basic "
                + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try (MongoClient mongo = MongoClients.create(mongoUrl)) {
            // The bench provider is the bench's alone: what an interrupted run left of it goes first, unless
            // BENCH_REUSE_STORE=1 keeps it as part of the store the queries run over (statements of the same shape).
            long left = "1".equals(System.getenv("BENCH_REUSE_STORE"))
                    ? 0
                    : mongo.getDatabase(database)
                            .getCollection("xapi_statements")
                            .deleteMany(Filters.eq("provider", provider))
                            .getDeletedCount();
            if (left > 0) {
                System.err.printf("[bench] deleted %d statements an earlier run left for provider %s%n", left, provider);
            }
        }

        // ---------------------------------------------------------------- 1. ingest through the LRS
        int batches = (statements + BATCH - 1) / BATCH;
        AtomicLong next = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long t0 = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            work.add(pool.submit(() -> {
                Random random = new Random();
                long b;
                while ((b = next.getAndIncrement()) < batches) {
                    int size = (int) Math.min(BATCH, statements - b * BATCH);
                    StringBuilder body = new StringBuilder("[");
                    for (int i = 0; i < size; i++) {
                        long n = b * BATCH + i;
                        body.append(i == 0 ? "" : ",").append(statement(run, n, learners, random));
                    }
                    body.append(']');
                    HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/xapi/statements"))
                            .header("Authorization", basic)
                            .header("X-Experience-API-Version", "2.0.0")
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(120))
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                            .build();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(
                                "POST /xapi/statements answered " + response.statusCode() + ": " + response.body());
                    }
                    if (b > 0 && b % 200 == 0) {
                        System.err.printf("[bench] %d of %d statements sent%n", b * BATCH, statements);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        double lrsSeconds = (System.nanoTime() - t0) / 1e9;

        try (MongoClient mongo = MongoClients.create(mongoUrl)) {
            MongoCollection<Document> stored = mongo.getDatabase(database).getCollection("xapi_statements");
            MongoCollection<Document> direct = mongo.getDatabase(database).getCollection("bench_xapi_direct_" + run);

            // ------------------------------------------------------------ 2. the same documents, straight in
            // This run's statements, learner by learner (an equality on provider and agent: on the dev stack's wire
            // server a read of the provider's statements with a sort would sort all of them, a million in a big run).
            List<Document> shapes = new ArrayList<>();
            for (int l = 0; l < learners && shapes.size() < Math.min(statements, 5000); l++) {
                stored.find(Filters.and(
                                Filters.eq("provider", provider),
                                Filters.eq("agents", "mbox|mailto:learner-" + run + "-" + l + "@bench.example.org")))
                        .limit(Math.min(statements, 5000) - shapes.size())
                        .into(shapes);
            }
            if (shapes.isEmpty()) {
                throw new IllegalStateException("no statement of provider " + provider + " found in " + mongoUrl);
            }
            AtomicLong nextDirect = new AtomicLong();
            AtomicLong insertNanos = new AtomicLong();
            List<Future<?>> inserts = new ArrayList<>();
            long d0 = System.nanoTime();
            for (int c = 0; c < concurrency; c++) {
                inserts.add(pool.submit(() -> {
                    long b;
                    while ((b = nextDirect.getAndIncrement()) < batches) {
                        int size = (int) Math.min(BATCH, statements - b * BATCH);
                        List<Document> docs = new ArrayList<>(size);
                        for (int i = 0; i < size; i++) {
                            Document copy = new Document(shapes.get((int) ((b * BATCH + i) % shapes.size())));
                            copy.put("_id", UUID.randomUUID().toString());
                            docs.add(copy);
                        }
                        long s = System.nanoTime();
                        direct.insertMany(docs);
                        insertNanos.addAndGet(System.nanoTime() - s);
                    }
                    return null;
                }));
            }
            for (Future<?> f : inserts) {
                f.get();
            }
            double directSeconds = (System.nanoTime() - d0) / 1e9;
            // Printed now too, so that a run stopped later (top-up, queries) keeps its ingest figures.
            System.err.printf(
                    "[bench] ingest: LRS %.0f statements/s, direct %.0f statements/s, ratio %.3f%n",
                    statements / lrsSeconds, statements / directSeconds, directSeconds / lrsSeconds);

            // ------------------------------------------------------------ 3. the store's size for the queries
            long before = stored.countDocuments(Filters.eq("provider", provider));
            long copied = 0;
            long c0 = System.nanoTime();
            while (before + copied < storeSize) {
                int size = (int) Math.min(1000, storeSize - before - copied);
                List<Document> docs = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    Document copy = new Document(shapes.get((int) ((copied + i) % shapes.size())));
                    copy.put("_id", UUID.randomUUID().toString());
                    docs.add(copy);
                }
                stored.insertMany(docs);
                copied += size;
                if (copied % 100000 == 0) {
                    System.err.printf("[bench] %d of %d statements copied into the store%n", copied, storeSize - before);
                }
            }
            double copySeconds = (System.nanoTime() - c0) / 1e9;

            // ------------------------------------------------------------ 4. a filtered query
            Random random = new Random(42);
            List<Double> lrsMillis = new ArrayList<>();
            List<Double> storeMillis = new ArrayList<>();
            // q = -1: one query of each kind first, not timed (on the dev stack's wire server the first query of its
            // kind fills the in-memory two-key index it is served by: devstack LeadingKeyIndex).
            for (int q = -1; q < queries; q++) {
                String mbox = "mailto:learner-" + run + "-" + random.nextInt(learners) + "@bench.example.org";
                String verb = VERBS[random.nextInt(VERBS.length)];
                Bson filter = Filters.and(
                        Filters.eq("provider", provider),
                        Filters.ne("voided", true),
                        Filters.eq("agents", "mbox|" + mbox),
                        Filters.eq("verbs", verb));
                if (q < 0) {
                    // The store first, with no time limit: on the dev stack's wire server this fills the two-key
                    // indexes, which on a million statements takes longer than evidence-service waits for an answer.
                    long w = System.nanoTime();
                    stored.find(filter).sort(Sorts.descending("stored", "_id")).limit(11).into(new ArrayList<>());
                    System.err.printf("[bench] first query on the store (not timed): %.1f s%n", (System.nanoTime() - w) / 1e9);
                }
                String url = gateway + "/xapi/statements?agent="
                        + URLEncoder.encode("{\"mbox\":\"" + mbox + "\"}", StandardCharsets.UTF_8) + "&verb="
                        + URLEncoder.encode(verb, StandardCharsets.UTF_8) + "&limit=10";
                HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", basic)
                        .header("X-Experience-API-Version", "2.0.0")
                        .timeout(q < 0 ? Duration.ofMinutes(30) : Duration.ofSeconds(120))
                        .GET()
                        .build();
                long s = System.nanoTime();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (q >= 0) {
                    lrsMillis.add((System.nanoTime() - s) / 1e6);
                } else {
                    System.err.printf("[bench] first query through the LRS (not timed): %.1f s%n", (System.nanoTime() - s) / 1e9);
                }
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("GET answered " + response.statusCode() + ": " + response.body());
                }
                s = System.nanoTime();
                stored.find(filter)
                        .sort(Sorts.descending("stored", "_id"))
                        .limit(11)
                        .into(new ArrayList<>());
                if (q >= 0) {
                    storeMillis.add((System.nanoTime() - s) / 1e6);
                }
            }
            pool.shutdown();
            long storedCount = stored.countDocuments(Filters.eq("provider", provider));
            direct.drop();
            if (!"1".equals(System.getenv("BENCH_KEEP"))) {
                // The bench provider exists for this script only: its statements go, unless kept for another run.
                stored.deleteMany(Filters.eq("provider", provider));
            }

            double lrsRate = statements / lrsSeconds;
            double directRate = statements / directSeconds;
            System.out.printf("%nstatements sent: %d in batches of %d, %d connections; the provider now has %d stored"
                    + " statements%n", statements, BATCH, concurrency, storedCount);
            if (copied > 0) {
                System.out.printf("the store was topped up to %d with %d copies of what the LRS stored (%.0f/s with"
                        + " insertMany of 1000, not part of either rate)%n", before + copied, copied, copied / copySeconds);
            }
            System.out.printf("queries: %d of each, over %d stored statements of the provider%n", queries, storedCount);
            System.out.printf("%-44s %14s %10s %10s%n", "scenario", "statements/s", "p50 ms", "p99 ms");
            System.out.printf("%-44s %14.0f %10s %10s%n", "LRS POST /xapi/statements (gateway)", lrsRate, "-", "-");
            System.out.printf("%-44s %14.0f %10s %10s%n", "direct insertMany into the store", directRate, "-", "-");
            System.out.printf(
                    "%-44s %14s %10.1f %10.1f%n",
                    "LRS GET agent+verb, limit 10 (gateway)",
                    "-",
                    pct(lrsMillis, 50),
                    pct(lrsMillis, 99));
            System.out.printf(
                    "%-44s %14s %10.1f %10.1f%n",
                    "direct find() with the same filter",
                    "-",
                    pct(storeMillis, 50),
                    pct(storeMillis, 99));
            System.out.printf("%nratio ingest LRS/direct : %.3f (direct %.1fx faster)%n", lrsRate / directRate,
                    directRate / lrsRate);
            System.out.printf("ratio query p99 LRS/direct : %.2f (the LRS adds %.1f ms at p99)%n",
                    pct(lrsMillis, 99) / Math.max(pct(storeMillis, 99), 0.001),
                    pct(lrsMillis, 99) - pct(storeMillis, 99));
            System.out.printf("(the direct inserts' own time: %.1f s of %.1f s wall)%n", insertNanos.get() / 1e9 / concurrency,
                    directSeconds);
        }
    }

    static String statement(String run, long n, int learners, Random random) {
        int learner = (int) (n % learners);
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"actor\":{\"objectType\":\"Agent\",\"name\":\"Learner " + learner
                + "\",\"mbox\":\"mailto:learner-" + run + "-" + learner + "@bench.example.org\"},\"verb\":{\"id\":\""
                + VERBS[random.nextInt(VERBS.length)] + "\",\"display\":{\"en-GB\":\"did\"}},\"object\":{\"id\":"
                + "\"https://lms.bench.example.org/activity/" + random.nextInt(200) + "\",\"definition\":{\"name\":"
                + "{\"en-GB\":\"Bench activity\"},\"type\":\"http://adlnet.gov/expapi/activities/lesson\"}},"
                + "\"result\":{\"score\":{\"scaled\":" + (random.nextInt(101) / 100.0) + "},\"duration\":\"PT"
                + (1 + random.nextInt(59)) + "M\"},\"context\":{\"registration\":\"" + UUID.randomUUID()
                + "\",\"platform\":\"bench\"},\"timestamp\":\"" + Instant.now() + "\"}";
    }

    static double pct(List<Double> values, int percentile) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
