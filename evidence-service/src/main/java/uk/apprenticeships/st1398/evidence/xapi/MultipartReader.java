package uk.apprenticeships.st1398.evidence.xapi;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@code multipart/mixed} body (RFC 2046 5.1) part by part as streams: a part's bytes are handed on as they
 * arrive, never held whole, so attachments of any size pass through a bounded buffer. A delimiter is CRLF, "--" and
 * the boundary (the CRLF before the first one is optional); the closing delimiter ends with "--"; whatever precedes
 * the first delimiter (preamble) or follows the last (epilogue) is ignored.
 */
final class MultipartReader {

    /** A malformed body (no delimiter, an unfinished part, oversized headers). */
    static final class Malformed extends IOException {
        Malformed(String message) {
            super(message);
        }
    }

    private static final int MAX_HEADER_BYTES = 16 * 1024;

    private final BufferedInputStream in;
    private final byte[] delimiter;
    private boolean finished;
    private PartStream current;

    MultipartReader(InputStream body, String boundary) throws IOException {
        this.in = new BufferedInputStream(body, 64 * 1024);
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        skipPreamble();
    }

    /** The boundary parameter of a {@code multipart/mixed} Content-Type, or null when there is none. */
    static String boundary(String contentType) {
        if (contentType == null) {
            return null;
        }
        String[] pieces = contentType.split(";", 2);
        if (pieces.length < 2) {
            return null;
        }
        String rest = pieces[1];
        int i = 0;
        while (i < rest.length()) {
            int eq = rest.indexOf('=', i);
            if (eq < 0) {
                return null;
            }
            String name = rest.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            int j = eq + 1;
            String value;
            if (j < rest.length() && rest.charAt(j) == '"') {
                int close = rest.indexOf('"', j + 1);
                if (close < 0) {
                    return null;
                }
                value = rest.substring(j + 1, close);
                int semi = rest.indexOf(';', close);
                i = semi < 0 ? rest.length() : semi + 1;
            } else {
                int semi = rest.indexOf(';', j);
                value = rest.substring(j, semi < 0 ? rest.length() : semi).trim();
                i = semi < 0 ? rest.length() : semi + 1;
            }
            if ("boundary".equals(name)) {
                return value.isEmpty() || value.length() > 70 ? null : value;
            }
        }
        return null;
    }

    /** A part: its headers (names in lower case) and its bytes, readable once before the next part is asked for. */
    record Part(Map<String, String> headers, InputStream body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** The next part, or null after the closing delimiter. */
    Part next() throws IOException {
        if (current != null) {
            current.transferTo(OutputStreamNull.INSTANCE);
            current = null;
        }
        if (finished) {
            return null;
        }
        Map<String, String> headers = headers();
        current = new PartStream();
        return new Part(headers, current);
    }

    private void skipPreamble() throws IOException {
        // The body may start with the delimiter itself (no CRLF before the first one).
        in.mark(delimiter.length);
        byte[] start = in.readNBytes(delimiter.length - 2);
        if (java.util.Arrays.equals(start, 0, start.length, delimiter, 2, delimiter.length)) {
            afterDelimiter();
            return;
        }
        in.reset();
        PartStream preamble = new PartStream();
        preamble.transferTo(OutputStreamNull.INSTANCE);
    }

    /** After a delimiter: "--" closes the body; otherwise transport padding and CRLF start a part. */
    private void afterDelimiter() throws IOException {
        int a = in.read();
        if (a == '-') {
            if (in.read() != '-') {
                throw new Malformed("a delimiter is followed by a single '-'");
            }
            finished = true;
            return;
        }
        int c = a;
        while (c == ' ' || c == '\t') {
            c = in.read();
        }
        if (c == '\r') {
            c = in.read();
        }
        if (c != '\n') {
            throw new Malformed("a delimiter line does not end with CRLF");
        }
    }

    private Map<String, String> headers() throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int total = 0;
        String last = null;
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new Malformed("the body ends inside a part's headers");
            }
            if (++total > MAX_HEADER_BYTES) {
                throw new Malformed("a part's headers are longer than " + MAX_HEADER_BYTES + " bytes");
            }
            if (c == '\r') {
                continue;
            }
            if (c != '\n') {
                line.write(c);
                continue;
            }
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            if (text.isEmpty()) {
                return headers;
            }
            if ((text.startsWith(" ") || text.startsWith("\t")) && last != null) {
                headers.put(last, headers.get(last) + " " + text.trim());
                continue;
            }
            int colon = text.indexOf(':');
            if (colon <= 0) {
                throw new Malformed("a part's header line has no name: " + text);
            }
            last = text.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            if (headers.containsKey(last)) {
                throw new Malformed("a part repeats the header " + last);
            }
            headers.put(last, text.substring(colon + 1).trim());
        }
    }

    /** The bytes up to the next delimiter. */
    private final class PartStream extends InputStream {
        private boolean ended;

        @Override
        public int read() throws IOException {
            if (ended) {
                return -1;
            }
            int c = in.read();
            if (c < 0) {
                throw new Malformed("the body ends before the closing delimiter");
            }
            if (c == delimiter[0]) {
                in.mark(delimiter.length);
                int i = 1;
                while (i < delimiter.length) {
                    int d = in.read();
                    if (d != delimiter[i]) {
                        break;
                    }
                    i++;
                }
                if (i == delimiter.length) {
                    ended = true;
                    afterDelimiter();
                    return -1;
                }
                in.reset();
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int n = 0;
            while (n < len) {
                int c = read();
                if (c < 0) {
                    return n == 0 ? -1 : n;
                }
                b[off + n++] = (byte) c;
                if (in.available() == 0 && n > 0) {
                    break;
                }
            }
            return n;
        }
    }

    private static final class OutputStreamNull extends java.io.OutputStream {
        static final OutputStreamNull INSTANCE = new OutputStreamNull();

        @Override
        public void write(int b) {}

        @Override
        public void write(byte[] b, int off, int len) {}
    }
}
