package uk.apprenticeships.st1398.assessment.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

/**
 * The report's own CSV and JSON writers against the libraries that wrote the reports before (commons-csv's
 * CSVPrinter with CSVFormat.RFC4180; Jackson's generator with one writeStringField per column): the same bytes for
 * values with commas, quotes, CR/LF, leading and trailing spaces and control characters, '#' and other leading
 * characters CSVPrinter quotes, empty values, non-ASCII text and values longer than the writer's buffer.
 */
class ReportWriterTest {

    private static final String[] PIECES = {
        "a",
        "Z",
        "0",
        "-2",
        ",",
        "\"",
        "\r",
        "\n",
        "\r\n",
        " ",
        "\t",
        "#",
        "!",
        "$",
        "'",
        "\u0000",
        "\u001f",
        "é",
        "€",
        "\uD83D\uDE00",
        "ST1398",
        "Reporting, Assessments Ltd",
        "2026-01-01",
        "\\",
        "/",
        "\u2028",
        "\u007f"
    };

    private static List<String[]> rows(long seed, int count, int columns) {
        Random random = new Random(seed);
        List<String[]> rows = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            String[] row = new String[columns];
            for (int c = 0; c < columns; c++) {
                StringBuilder value = new StringBuilder();
                int pieces = random.nextInt(5); // 0: an empty value
                for (int p = 0; p < pieces; p++) {
                    value.append(PIECES[random.nextInt(PIECES.length)]);
                }
                row[c] = value.toString();
            }
            rows.add(row);
        }
        return rows;
    }

    private static byte[] commonsCsv(List<String[]> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            for (String[] row : rows) {
                printer.printRecord((Object[]) row);
            }
        }
        return out.toByteArray();
    }

    private static byte[] jacksonJson(List<String[]> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartArray();
            for (String[] row : rows.subList(1, rows.size())) {
                json.writeStartObject();
                for (int i = 0; i < row.length; i++) {
                    json.writeStringField(rows.get(0)[i], row[i]);
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        return out.toByteArray();
    }

    private static byte[] written(List<String[]> rows, boolean json) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ReportWriter writer = json ? ReportWriter.json(out) : ReportWriter.csv(out)) {
            for (String[] row : rows) {
                writer.row(row);
            }
        }
        return out.toByteArray();
    }

    @Test
    void csvIsByteForByteWhatCsvPrinterWrites() throws IOException {
        for (long seed = 1; seed <= 20; seed++) {
            List<String[]> rows = rows(seed, 2_000, 1 + (int) (seed % 11));
            assertArrayEquals(commonsCsv(rows), written(rows, false), "seed " + seed);
        }
    }

    @Test
    void csvQuotesWhereRfc4180NeedsIt() throws IOException {
        List<String[]> rows = List.of(
                new String[] {"Smith, Jones & Co", "say \"pass\"", "two\nlines", "cr\rhere", "plain"},
                new String[] {"", "", " lead", "trail ", "#hash"},
                new String[] {"Zoë", "€5", "-2", "2026-06-30", "x"});
        String csv = new String(written(rows, false), StandardCharsets.UTF_8);
        assertEquals(
                "\"Smith, Jones & Co\",\"say \"\"pass\"\"\",\"two\nlines\",\"cr\rhere\",plain\r\n"
                        + "\"\",,\" lead\",\"trail \",\"#hash\"\r\n"
                        + "Zoë,€5,-2,2026-06-30,x\r\n",
                csv);
        assertArrayEquals(commonsCsv(rows), csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void valuesLongerThanTheBufferAndManyRowsCrossChunksIntact() throws IOException {
        String ascii = "x".repeat(ReportWriter.CHUNK * 2 + 7);
        String quoted = "a,\"b\"".repeat(ReportWriter.CHUNK / 2);
        String unicode = "é€".repeat(ReportWriter.CHUNK);
        List<String[]> rows = new ArrayList<>(List.<String[]>of(
                new String[] {"h1", "h2", "h3"}, new String[] {ascii, quoted, unicode}, new String[] {"a", ascii, "b"
                }));
        rows.addAll(rows(99, 20_000, 3));
        assertArrayEquals(commonsCsv(rows), written(rows, false));
        assertArrayEquals(jacksonJson(rows), written(rows, true));
    }

    @Test
    void jsonIsByteForByteWhatTheGeneratorWroteAndParsesBackToTheValues() throws IOException {
        for (long seed = 1; seed <= 10; seed++) {
            List<String[]> rows = rows(seed, 2_000, 5);
            rows.set(0, new String[] {"ReportingDate", "AwardingOrganisation", "ULN", "Method1Grade", "OverallGrade"});
            byte[] json = written(rows, true);
            assertArrayEquals(jacksonJson(rows), json, "seed " + seed);
            List<?> parsed = new ObjectMapper().readValue(json, List.class);
            assertEquals(rows.size() - 1, parsed.size());
            Map<?, ?> first = (Map<?, ?>) parsed.get(0);
            assertEquals(rows.get(1)[3], first.get("Method1Grade"));
        }
    }

    @Test
    void aHeaderAloneIsAHeaderLineOrAnEmptyArray() throws IOException {
        List<String[]> header = List.<String[]>of(new String[] {"ULN", "EventType"});
        assertEquals("ULN,EventType\r\n", new String(written(header, false), StandardCharsets.UTF_8));
        assertEquals("[]", new String(written(header, true), StandardCharsets.UTF_8));
    }
}
