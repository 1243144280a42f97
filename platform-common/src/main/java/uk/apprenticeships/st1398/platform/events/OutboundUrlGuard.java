package uk.apprenticeships.st1398.platform.events;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Which URLs the platform may call on a subscriber's behalf: http or https only, with a host and no user info; and,
 * unless private targets are allowed (development and tests), only hosts all of whose addresses are public: no
 * loopback, private (RFC 1918), link-local (169.254/16, cloud metadata), unique-local (fc00::/7), carrier-grade
 * NAT, multicast or unspecified address. The check resolves the name, so a public name pointing at an internal
 * address is refused too; the caller connects to the addresses checked ({@link #check} answers them).
 */
public final class OutboundUrlGuard {

    private final boolean allowPrivate;

    public OutboundUrlGuard(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Why the URL's shape is refused, or null when it is acceptable (no DNS look-up). */
    public static String shapeProblem(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            return "is not a valid URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "must be an http or https URL";
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return "must name a host";
        }
        if (uri.getRawUserInfo() != null) {
            return "must not carry user information";
        }
        if (uri.getRawFragment() != null) {
            return "must not have a fragment";
        }
        return null;
    }

    /**
     * The host's addresses, all allowed; throws {@link Refused} naming why not (shape, unknown host, an internal
     * address).
     */
    public List<InetAddress> check(String url) {
        String shape = shapeProblem(url);
        if (shape != null) {
            throw new Refused("The URL " + shape + ".");
        }
        String host = URI.create(url).getHost();
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw new Refused("The host " + host + " does not resolve.");
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (isInternal(address)) {
                    throw new Refused("The host " + host + " resolves to an internal address ("
                            + address.getHostAddress() + "); only public addresses are called.");
                }
            }
        }
        return List.of(addresses);
    }

    /** Loopback, private, link-local, unique-local, CGNAT, multicast, unspecified or IPv4-mapped such address. */
    public static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return true; // fc00::/7 unique local
            }
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isInternal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
            return false;
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0
                || (first == 100 && second >= 64 && second <= 127)
                || (first == 198 && (second == 18 || second == 19));
    }

    /** An outbound URL the guard refuses. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }
}
