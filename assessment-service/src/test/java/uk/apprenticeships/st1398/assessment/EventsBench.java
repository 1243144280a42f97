package uk.apprenticeships.st1398.assessment;

import static uk.apprenticeships.st1398.assessment.AssessmentApi.as;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/**
 * The measurements of bench/events.sh, shared by {@link EventsBenchTest} (events recorded and delivered) and
 * {@link EventsBenchReferenceTest} (the same writes with events.enabled=false), run in one Maven run. Results go to
 * target/bench-events.txt as key=value lines; the script prints them and the ratios. Never part of the normal
 * build (-Dbench=true enables it).
 */
final class EventsBench {

    static final Path RESULTS = Path.of("target/bench-events.txt");

    private EventsBench() {}

    static int size(String name, int fallback) {
        return Integer.getInteger(name, fallback);
    }

    /** Registers {@code n} learners one after another; answers each write's latency in microseconds. */
    static List<Long> writes(String epaoId, String ukprn, int n) {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String uln = TestIds.uln();
            long start = System.nanoTime();
            as(Tokens.admin())
                    .body(Map.of(
                            "uln",
                            uln,
                            "familyName",
                            "Bench",
                            "standardVersion",
                            "ST1398_1.0",
                            "providerUkprn",
                            ukprn,
                            "employerId",
                            "EMP-" + uln,
                            "epaoId",
                            epaoId))
                    .when()
                    .post("/api/v1/assessments")
                    .then()
                    .statusCode(201);
            micros.add((System.nanoTime() - start) / 1000);
        }
        return micros;
    }

    static long percentile(List<Long> values, double p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    static double mean(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).average().orElse(0);
    }

    static void record(String run, String key, double value) throws IOException {
        Files.writeString(
                RESULTS,
                run + "." + key + "=" + String.format(Locale.ROOT, "%.1f", value) + "\n",
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    static void recordWrites(String run, List<Long> micros) throws IOException {
        record(run, "writes", micros.size());
        record(run, "write_mean_ms", mean(micros) / 1000);
        record(run, "write_p50_ms", percentile(micros, 0.50) / 1000.0);
        record(run, "write_p95_ms", percentile(micros, 0.95) / 1000.0);
    }
}
