package uk.apprenticeships.st1398.evidence.service;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One byte range of a representation (RFC 9110 §14). Only single ranges are served; others get the whole file. */
public record ByteRange(long start, long length, boolean partial) {

    private static final Pattern SINGLE = Pattern.compile("^bytes=(\\d{0,18})-(\\d{0,18})$");

    /** Thrown when the range cannot be satisfied (416). */
    public static class Unsatisfiable extends RuntimeException {

        private final long size;

        public Unsatisfiable(long size) {
            super(null, null, false, false);
            this.size = size;
        }

        public long size() {
            return size;
        }
    }

    /**
     * The range a {@code Range} header asks for in a representation of {@code size} bytes. A missing, malformed
     * or multi-range header selects the whole representation (servers may ignore Range); a well-formed range
     * that starts beyond the end is {@link Unsatisfiable}.
     */
    public static ByteRange of(String header, long size) {
        ByteRange whole = new ByteRange(0, size, false);
        if (header == null) {
            return whole;
        }
        Matcher m = SINGLE.matcher(header.strip());
        if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
            return whole;
        }
        if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            if (suffix == 0 || size == 0) {
                throw new Unsatisfiable(size);
            }
            long length = Math.min(suffix, size);
            return new ByteRange(size - length, length, true);
        }
        long first = Long.parseLong(m.group(1));
        long last = m.group(2).isEmpty() ? Long.MAX_VALUE : Long.parseLong(m.group(2));
        if (last < first) {
            return whole;
        }
        if (first >= size) {
            throw new Unsatisfiable(size);
        }
        last = Math.min(last, size - 1);
        return new ByteRange(first, last - first + 1, true);
    }

    public String contentRange(long size) {
        return "bytes " + start + "-" + (start + length - 1) + "/" + size;
    }
}
