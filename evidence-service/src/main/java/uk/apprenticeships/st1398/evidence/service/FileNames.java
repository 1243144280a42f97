package uk.apprenticeships.st1398.evidence.service;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/** File names are the uploader's text: made harmless on the way in and encoded per RFC 6266 on the way out. */
public final class FileNames {

    static final String FALLBACK = "evidence-file";
    private static final int MAX = 200;

    private FileNames() {}

    /**
     * Keeps the last path segment only, drops control and format characters, quotes, backslashes and
     * leading dots, collapses white space and bounds the length.
     */
    public static String sanitise(String name) {
        if (name == null) {
            return FALLBACK;
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFC);
        s = s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\')) + 1);
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (type == Character.CONTROL
                    || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR
                    || type == Character.SURROGATE
                    || type == Character.PRIVATE_USE
                    || type == Character.UNASSIGNED) {
                return;
            }
            if (cp == '"' || cp == '<' || cp == '>' || cp == ':' || cp == '|' || cp == '?' || cp == '*' || cp == ';') {
                sb.append('_');
            } else {
                sb.appendCodePoint(Character.isWhitespace(cp) ? ' ' : cp);
            }
        });
        s = sb.toString()
                .replaceAll(" +", " ")
                .strip()
                .replaceFirst("^\\.+", "")
                .strip();
        if (s.codePointCount(0, s.length()) > MAX) {
            s = s.substring(0, s.offsetByCodePoints(0, MAX));
        }
        return s.isEmpty() ? FALLBACK : s;
    }

    /** {@code attachment; filename="ascii fallback"; filename*=UTF-8''percent-encoded} (RFC 6266, RFC 8187). */
    public static String contentDisposition(String sanitised) {
        StringBuilder ascii = new StringBuilder();
        sanitised
                .codePoints()
                .forEach(cp -> ascii.append(cp >= 0x20 && cp < 0x7F && cp != '"' && cp != '\\' ? (char) cp : '_'));
        StringBuilder encoded = new StringBuilder();
        for (byte b : sanitised.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
