package uk.apprenticeships.st1398.gateway.service;

import java.util.Locale;
import java.util.Set;

/**
 * The headers meaningful for one connection only (RFC 9110 section 7.6.1): never forwarded by the proxy, never
 * replayed by the cache of public reads.
 */
public final class HopByHop {

    /** The fixed ones (lower case). */
    static final Set<String> HEADERS = Set.of(
            "connection",
            "keep-alive",
            "proxy-authenticate",
            "proxy-authorization",
            "proxy-connection",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade");

    private HopByHop() {}

    /** Whether the header is hop-by-hop: a fixed one, or one the message's {@code Connection} header names. */
    public static boolean is(String name, String connection) {
        if (HEADERS.contains(name) || HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (connection != null) {
            for (String token : connection.split(",")) {
                if (token.trim().equalsIgnoreCase(name)) {
                    return true;
                }
            }
        }
        return false;
    }
}
