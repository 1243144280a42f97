package uk.apprenticeships.st1398.platform.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Entity tags (RFC 9110 §8.8.3) for response bodies, and the If-None-Match test (§13.1.2): the services' conditional
 * reads and the gateway's cache of public reads use the same comparison.
 */
public final class EntityTags {

    private EntityTags() {}

    /** A strong tag: the same bytes always give the same tag, different bytes (practically) never do. */
    public static String of(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /**
     * Whether an If-None-Match value matches the current tag: {@code *}, or any listed tag equal under weak
     * comparison (a {@code W/} prefix is ignored). A malformed value matches nothing, so the client simply gets
     * the full response, as the RFC lets a server ignore a field it cannot parse.
     */
    public static boolean noneMatchHits(String ifNoneMatch, String currentTag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        if (ifNoneMatch.strip().equals("*")) {
            return true;
        }
        return parse(ifNoneMatch).contains(currentTag);
    }

    /** The quoted opaque tags of a comma-separated list; parsing stops at the first malformed element. */
    static List<String> parse(String header) {
        List<String> tags = new ArrayList<>();
        int i = 0;
        while (i < header.length()) {
            char c = header.charAt(i);
            if (c == ' ' || c == '\t' || c == ',') {
                i++;
                continue;
            }
            if (header.startsWith("W/", i)) {
                i += 2;
            }
            int end = i < header.length() && header.charAt(i) == '"' ? header.indexOf('"', i + 1) : -1;
            if (end < 0) {
                break;
            }
            tags.add(header.substring(i, end + 1));
            i = end + 1;
        }
        return tags;
    }
}
