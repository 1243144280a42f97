package uk.apprenticeships.st1398.platform.events;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signing per the Standard Webhooks specification (standardwebhooks.com; the reference Java library is
 * standard-webhooks/standard-webhooks libraries/java): the signed content is {@code <webhook-id>.<webhook-timestamp>.<body>},
 * the signature {@code v1,<base64 HMAC-SHA256>} keyed with the base64-decoded part of a {@code whsec_<base64>}
 * secret, the timestamp in seconds since the epoch. Receivers verify with any Standard Webhooks library.
 */
public final class WebhookSignatures {

    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";
    public static final String SECRET_PREFIX = "whsec_";
    /** How far a timestamp may be from now for {@link #verify} (the specification's suggested tolerance). */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignatures() {}

    /** A new secret: {@code whsec_} and 32 random bytes in base64 (the specification allows 24 to 64). */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The {@code webhook-signature} value for a message: {@code v1,<base64 HMAC-SHA256>}. */
    public static String sign(String secret, String id, long timestampSeconds, String body) {
        return "v1," + Base64.getEncoder().encodeToString(mac(secret, id + "." + timestampSeconds + "." + body));
    }

    /**
     * Whether the headers carry a valid signature of the body with this secret, made within {@link #TOLERANCE} of
     * {@code now}. The signature header may list several space-separated signatures (during a secret rotation);
     * one valid {@code v1} signature is enough.
     */
    public static boolean verify(
            String secret, String id, String timestamp, String signatures, String body, Instant now) {
        if (id == null || timestamp == null || signatures == null || body == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            return false;
        }
        byte[] expected = mac(secret, id + "." + seconds + "." + body);
        for (String signature : signatures.strip().split(" +")) {
            int comma = signature.indexOf(',');
            if (comma < 0 || !"v1".equals(signature.substring(0, comma))) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(signature.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (MessageDigest.isEqual(expected, given)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] mac(String secret, String content) {
        String key = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(key), "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
