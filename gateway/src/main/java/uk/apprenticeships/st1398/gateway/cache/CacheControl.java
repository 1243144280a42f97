package uk.apprenticeships.st1398.gateway.cache;

import java.util.Locale;

/**
 * The {@code Cache-Control} directives the cache acts on (RFC 9111 section 5.2), parsed from one header value.
 * Unknown directives are ignored, as section 5.2 requires; a malformed {@code max-age} counts as absent.
 *
 * @param isPublic {@code public}
 * @param isPrivate {@code private}
 * @param noStore {@code no-store}
 * @param noCache {@code no-cache} (with or without field names: either way the cache does not store it)
 * @param maxAge {@code max-age} in seconds, -1 when absent
 * @param sharedMaxAge {@code s-maxage} in seconds, -1 when absent (it overrides {@code max-age} for a shared cache)
 */
record CacheControl(
        boolean isPublic, boolean isPrivate, boolean noStore, boolean noCache, long maxAge, long sharedMaxAge) {

    static final CacheControl NONE = new CacheControl(false, false, false, false, -1, -1);

    static CacheControl parse(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        boolean isPublic = false;
        boolean isPrivate = false;
        boolean noStore = false;
        boolean noCache = false;
        long maxAge = -1;
        long sharedMaxAge = -1;
        for (String part : value.split(",")) {
            String directive = part.trim();
            int eq = directive.indexOf('=');
            String name =
                    (eq < 0 ? directive : directive.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            String argument =
                    eq < 0 ? null : unquote(directive.substring(eq + 1).trim());
            switch (name) {
                case "public" -> isPublic = true;
                case "private" -> isPrivate = true;
                case "no-store" -> noStore = true;
                case "no-cache" -> noCache = true;
                case "max-age" -> maxAge = seconds(argument);
                case "s-maxage" -> sharedMaxAge = seconds(argument);
                default -> {
                    // other directives do not change what this cache does
                }
            }
        }
        return new CacheControl(isPublic, isPrivate, noStore, noCache, maxAge, sharedMaxAge);
    }

    /** The freshness lifetime for a shared cache (section 4.2.1): {@code s-maxage}, else {@code max-age}; -1 none. */
    long sharedLifetime() {
        return sharedMaxAge >= 0 ? sharedMaxAge : maxAge;
    }

    private static String unquote(String argument) {
        if (argument.length() >= 2 && argument.startsWith("\"") && argument.endsWith("\"")) {
            return argument.substring(1, argument.length() - 1);
        }
        return argument;
    }

    /** A delta-seconds value (section 1.2.2); a number too large for a long is as good as forever. */
    private static long seconds(String argument) {
        if (argument == null || argument.isEmpty()) {
            return -1;
        }
        for (int i = 0; i < argument.length(); i++) {
            if (!Character.isDigit(argument.charAt(i))) {
                return -1;
            }
        }
        try {
            return Long.parseLong(argument);
        } catch (NumberFormatException tooLarge) {
            return Integer.MAX_VALUE;
        }
    }
}
