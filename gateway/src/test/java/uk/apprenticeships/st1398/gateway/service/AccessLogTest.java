package uk.apprenticeships.st1398.gateway.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static AccessLog.Entry entry(String uri, String requestId) {
        return new AccessLog.Entry(
                1_764_936_000_123L,
                "10.0.0.7",
                "GET",
                uri,
                "HTTP/1.1",
                200,
                16272,
                3,
                requestId,
                "4bf92f3577b34da6a3ce929d0e0e4736",
                "00f067aa0ba902b7",
                "vert.x-eventloop-thread-1");
    }

    @Test
    void aJsonLineHasTheLogFormatsFieldsAndTheServicesPattern() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AccessLog log = new AccessLog(true, true, out);
        log.add(entry("/api/v1/standards?q=\"x\"\\y", "rid-1"));
        log.drain();
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\n"));
        JsonNode line = JSON.readTree(text);
        assertEquals("2025-12-05T12:00:00.123Z", line.get("timestamp").asText());
        assertEquals("io.quarkus.http.access-log", line.get("loggerName").asText());
        assertEquals("INFO", line.get("level").asText());
        assertEquals(
                "10.0.0.7 \"GET /api/v1/standards?q=\"x\"\\y HTTP/1.1\" 200 16272 3 ms request-id=rid-1",
                line.get("message").asText());
        assertEquals("rid-1", line.at("/mdc/requestId").asText());
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", line.at("/mdc/traceId").asText());
        assertEquals("00f067aa0ba902b7", line.at("/mdc/spanId").asText());
        // operations.md: a request is found by grepping its id in this form
        assertTrue(text.contains("\"requestId\":\"rid-1\""));
    }

    @Test
    void controlCharactersAreEscaped() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AccessLog log = new AccessLog(true, true, out);
        log.add(entry("/a\u0001b\tc\u2028", "rid"));
        log.drain();
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, text.split("\n", -1).length - 1, "one line");
        assertTrue(JSON.readTree(text).get("message").asText().contains("/a\u0001b\tc\u2028"), "and it reads back");
    }

    @Test
    void timestampsCarryMillisecondsAcrossSecondsAndDays() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AccessLog log = new AccessLog(true, true, out);
        long midnight = 1_764_979_200_000L; // 2025-12-06T00:00:00Z
        for (long at : new long[] {midnight - 1, midnight, midnight + 7, midnight + 1_040, midnight - 86_400_000L}) {
            log.add(entryAt(at));
        }
        log.drain();
        List<String> stamps = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            stamps.add(JSON.readTree(line).get("timestamp").asText());
        }
        assertEquals(
                List.of(
                        "2025-12-05T23:59:59.999Z",
                        "2025-12-06T00:00:00.000Z",
                        "2025-12-06T00:00:00.007Z",
                        "2025-12-06T00:00:01.040Z",
                        "2025-12-05T00:00:00.000Z"),
                stamps);
    }

    private static AccessLog.Entry entryAt(long epochMillis) {
        AccessLog.Entry e = entry("/", "rid");
        return new AccessLog.Entry(
                epochMillis,
                e.remote(),
                e.method(),
                e.uri(),
                e.version(),
                e.status(),
                e.bytes(),
                e.millis(),
                e.requestId(),
                e.traceId(),
                e.spanId(),
                e.thread());
    }

    @Test
    void everyCharacterJsonReservesIsEscapedAndTheRestIsKept() throws Exception {
        String tricky = "a\"b\\c\nd\re\tf\u0000g\u001fh\u2028i\u2029j é ü 😀 k";
        StringBuilder to = new StringBuilder("\"");
        AccessLog.escaped(tricky, to);
        to.append('"');
        assertEquals(tricky, JSON.readTree(to.toString()).asText());
        assertEquals("\"a\\\"b\\\\c\\nd\\re\\tf\\u0000g\\u001fh\\u2028i\\u2029j é ü 😀 k\"", to.toString());
    }

    @Test
    void plainLinesWithoutJsonLogs() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AccessLog log = new AccessLog(true, false, out);
        log.add(entry("/q/health/ready", null));
        log.drain();
        assertEquals(
                "10.0.0.7 \"GET /q/health/ready HTTP/1.1\" 200 16272 3 ms request-id=-\n",
                out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void linesAreWrittenInBatchesOfWholeLinesThatAPipeTakesAtOnce() throws Exception {
        List<byte[]> writes = new ArrayList<>();
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) {
                throw new UnsupportedOperationException("byte by byte");
            }

            @Override
            public void write(byte[] b, int off, int len) {
                writes.add(java.util.Arrays.copyOfRange(b, off, off + len));
            }
        };
        AccessLog log = new AccessLog(true, true, out);
        for (int i = 0; i < 500; i++) {
            log.add(entry("/api/v1/standards/" + i, "rid-" + i));
        }
        log.drain();
        assertTrue(writes.size() > 1 && writes.size() < 100, writes.size() + " writes for 500 lines");
        int lines = 0;
        for (byte[] write : writes) {
            assertTrue(write.length <= AccessLog.WRITE_BYTES, "at most PIPE_BUF bytes per write");
            String text = new String(write, StandardCharsets.UTF_8);
            assertTrue(text.endsWith("\n"), "whole lines only");
            for (String line : text.split("\n")) {
                JSON.readTree(line);
                lines++;
            }
        }
        assertEquals(500, lines);
    }
}
