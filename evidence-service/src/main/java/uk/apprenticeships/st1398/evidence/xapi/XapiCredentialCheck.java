package uk.apprenticeships.st1398.evidence.xapi;

import io.quarkus.cache.CacheKey;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import uk.apprenticeships.st1398.evidence.service.EvidenceError;
import uk.apprenticeships.st1398.platform.problem.ApiException;

/**
 * Verifies a Basic key and secret against the stored PBKDF2 hash. A verified pair is cached (keyed by the key and
 * the secret's SHA-256, never the secret) for {@code quarkus.cache.caffeine."xapi-credentials".expire-after-write},
 * so a stream of batches pays the hash once; revoking a credential clears the cache. Failures are never cached.
 */
@ApplicationScoped
public class XapiCredentialCheck {

    /** Who a verified key belongs to. */
    public record Verified(String key, String providerUkprn, String name) {}

    private final XapiCredentialRepository repository;

    public XapiCredentialCheck(XapiCredentialRepository repository) {
        this.repository = repository;
    }

    public Verified verify(String key, String secret) {
        return self().verify(key, sha256(secret), secret);
    }

    private XapiCredentialCheck self() {
        return io.quarkus.arc.Arc.container()
                .instance(XapiCredentialCheck.class)
                .get();
    }

    /**
     * 401 {@code xapi-credentials-invalid} unless the pair names an active credential. Callers pass
     * {@link #sha256(String)} of the secret as {@code secretDigest}: the cache key, so the secret itself is never one.
     */
    @CacheResult(cacheName = "xapi-credentials")
    public Verified verify(@CacheKey String key, @CacheKey String secretDigest, String secret) {
        XapiCredential credential = repository.findByIdOptional(key).orElse(null);
        if (credential == null || credential.revokedAt != null || !SecretHasher.matches(secret, credential)) {
            throw ApiException.of(
                    EvidenceError.XAPI_CREDENTIALS_INVALID,
                    "The key and secret do not name an active LMS credential; ask your provider's tutor for a new"
                            + " one.");
        }
        return new Verified(credential.key, credential.providerUkprn, credential.name);
    }

    public static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
