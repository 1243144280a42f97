package uk.apprenticeships.st1398.assessment.api;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import uk.apprenticeships.st1398.assessment.service.ReportService;

/**
 * Writes a report's rows as they come, as RFC 4180 CSV or as a JSON array of objects keyed by the column names, into
 * one buffer of {@value #CHUNK} bytes that goes to the response in whole chunks: the response stream sees a few large
 * writes, not one per value. The first row a report hands over is its header.
 */
abstract class ReportWriter implements ReportService.RowSink, AutoCloseable {

    /** Bytes handed to the response at a time. */
    static final int CHUNK = 64 * 1024;

    static ReportWriter csv(OutputStream out) {
        return new Csv(out);
    }

    static ReportWriter json(OutputStream out) throws IOException {
        return new Json(out);
    }

    /**
     * RFC 4180 CSV, byte for byte what commons-csv's {@code CSVPrinter} with {@code CSVFormat.RFC4180} writes (the
     * export's format before it was written here; ReportWriterTest compares the two): comma-separated, CRLF after
     * every row, a value in double quotes (inner quotes doubled) when it contains a comma, a quote, CR or LF, starts
     * with a character up to '#', ends with one up to ' ', or is empty and first in its row.
     */
    static final class Csv extends ReportWriter {
        private final OutputStream out;
        private final byte[] buffer = new byte[CHUNK];
        private int used;
        private int drains;
        // Per column, the last value written and where its bytes went: most columns repeat the same String (the
        // reporting date, the title, "-2", method names), whose bytes are then copied without being looked at again.
        private String[] lastValue = new String[0];
        private final int[] lastStart = new int[64];
        private final int[] lastLength = new int[64];

        Csv(OutputStream out) {
            this.out = out;
        }

        @Override
        public void row(String[] values) throws IOException {
            if (lastValue.length != values.length) {
                lastValue = new String[values.length];
            }
            boolean remember = values.length <= lastStart.length;
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    put((byte) ',');
                }
                String value = values[i] == null ? "" : values[i];
                if (remember && value == lastValue[i] && lastLength[i] <= buffer.length - used) {
                    System.arraycopy(buffer, lastStart[i], buffer, used, lastLength[i]);
                    lastStart[i] = used;
                    used += lastLength[i];
                    continue;
                }
                int drained = drains;
                int start = used;
                value(value, i == 0);
                if (remember) {
                    // Remembered only while the bytes are still in the buffer in one piece.
                    lastValue[i] = drains == drained ? value : null;
                    lastStart[i] = start;
                    lastLength[i] = used - start;
                }
            }
            put((byte) '\r');
            put((byte) '\n');
        }

        private void value(String value, boolean first) throws IOException {
            int length = value.length();
            boolean ascii = true;
            boolean quote = length == 0 ? first : value.charAt(0) <= '#' || value.charAt(length - 1) <= ' ';
            for (int i = 0; i < length; i++) {
                char c = value.charAt(i);
                if (c >= 0x80) {
                    ascii = false;
                } else if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                    quote = true;
                }
            }
            if (quote) {
                put((byte) '"');
                int from = 0;
                for (int q = value.indexOf('"'); q >= 0; q = value.indexOf('"', q + 1)) {
                    text(value, from, q + 1, ascii);
                    put((byte) '"');
                    from = q + 1;
                }
                text(value, from, length, ascii);
                put((byte) '"');
            } else {
                text(value, 0, length, ascii);
            }
        }

        private void text(String value, int from, int to, boolean ascii) throws IOException {
            if (!ascii) {
                bytes(value.substring(from, to).getBytes(StandardCharsets.UTF_8));
                return;
            }
            int length = to - from;
            if (length > buffer.length - used) {
                drain();
                if (length > buffer.length) {
                    bytes(value.substring(from, to).getBytes(StandardCharsets.US_ASCII));
                    return;
                }
            }
            value.getBytes(from, to, buffer, used); // ASCII only here: the low byte of each char is the char
            used += length;
        }

        private void bytes(byte[] bytes) throws IOException {
            if (bytes.length > buffer.length - used) {
                drain();
                if (bytes.length > buffer.length) {
                    out.write(bytes);
                    return;
                }
            }
            System.arraycopy(bytes, 0, buffer, used, bytes.length);
            used += bytes.length;
        }

        private void put(byte b) throws IOException {
            if (used == buffer.length) {
                drain();
            }
            buffer[used++] = b;
        }

        private void drain() throws IOException {
            if (used > 0) {
                out.write(buffer, 0, used);
                used = 0;
                drains++;
                Arrays.fill(lastValue, null);
            }
        }

        @Override
        public void close() throws IOException {
            drain();
            out.flush();
        }
    }

    /**
     * A JSON array of objects, one per row, each member named by the header's column and holding the value as a
     * string, in column order (Jackson's generator, as before; its output goes through a {@value #CHUNK}-byte buffer).
     */
    static final class Json extends ReportWriter {
        private final Chunks chunks;
        private final JsonGenerator json;
        private SerializedString[] names;

        Json(OutputStream out) throws IOException {
            this.chunks = new Chunks(out);
            this.json = new JsonFactory().createGenerator(chunks, JsonEncoding.UTF8);
            json.writeStartArray();
        }

        @Override
        public void row(String[] values) throws IOException {
            if (names == null) {
                names = new SerializedString[values.length];
                for (int i = 0; i < values.length; i++) {
                    names[i] = new SerializedString(values[i]);
                }
                return;
            }
            json.writeStartObject();
            for (int i = 0; i < values.length; i++) {
                json.writeFieldName(names[i]);
                json.writeString(values[i]);
            }
            json.writeEndObject();
        }

        @Override
        public void close() throws IOException {
            json.writeEndArray();
            json.close(); // flushes into chunks and closes it, which drains the rest
        }
    }

    /** A buffer of {@value #CHUNK} bytes in front of the response stream. */
    static final class Chunks extends OutputStream {
        private final OutputStream out;
        private final byte[] buffer = new byte[CHUNK];
        private int used;

        Chunks(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            if (used == buffer.length) {
                drain();
            }
            buffer[used++] = (byte) b;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (length > buffer.length - used) {
                drain();
                if (length > buffer.length) {
                    out.write(bytes, offset, length);
                    return;
                }
            }
            System.arraycopy(bytes, offset, buffer, used, length);
            used += length;
        }

        /** Intermediate flushes (Jackson's, whenever its own buffer fills) stay here; close() drains. */
        @Override
        public void flush() {}

        private void drain() throws IOException {
            if (used > 0) {
                out.write(buffer, 0, used);
                used = 0;
            }
        }

        @Override
        public void close() throws IOException {
            drain();
            out.flush();
        }
    }

    @Override
    public abstract void close() throws IOException;
}
