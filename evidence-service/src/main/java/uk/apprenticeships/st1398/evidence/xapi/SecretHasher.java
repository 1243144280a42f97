package uk.apprenticeships.st1398.evidence.xapi;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Secrets hashed with the JDK's PBKDF2WithHmacSHA256 (a 16-byte random salt per secret, 256-bit output), compared
 * in constant time. The iteration count is stored with each hash, so raising it later leaves old hashes valid.
 */
final class SecretHasher {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder();

    private SecretHasher() {}

    static byte[] salt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return salt;
    }

    /** A random token of {@code bytes} bytes, URL-safe Base64 without padding. */
    static String token(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    static String hash(String secret, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, 256);
        try {
            return B64.encodeToString(SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    static boolean matches(String secret, XapiCredential credential) {
        String computed = hash(secret, Base64.getDecoder().decode(credential.salt), credential.iterations);
        return MessageDigest.isEqual(computed.getBytes(), credential.hash.getBytes());
    }

    static String encode(byte[] bytes) {
        return B64.encodeToString(bytes);
    }
}
