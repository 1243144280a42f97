package uk.apprenticeships.st1398.evidence.xapi;

import static uk.apprenticeships.st1398.evidence.service.EvidencePermissions.SEE_ALL;

import io.quarkus.cache.CacheInvalidateAll;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import uk.apprenticeships.st1398.evidence.service.EvidenceError;
import uk.apprenticeships.st1398.evidence.service.Stamps;
import uk.apprenticeships.st1398.platform.api.PageRequest;
import uk.apprenticeships.st1398.platform.api.PageResponse;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.platform.security.Caller;

/**
 * LMS credentials: issued by a provider's tutors (or an admin, naming the provider), the secret shown once and
 * stored as a PBKDF2 hash; verified on each Basic-authenticated request, with verified key/secret pairs cached
 * briefly so a stream of batches does not pay the hash each time (revocation clears the cache).
 */
@ApplicationScoped
public class XapiCredentials {

    private final XapiCredentialRepository repository;
    private final Stamps stamps;
    private final XapiConfig config;

    public XapiCredentials(XapiCredentialRepository repository, Stamps stamps, XapiConfig config) {
        this.repository = repository;
        this.stamps = stamps;
        this.config = config;
    }

    public record Issued(XapiCredential credential, String secret) {}

    public Issued issue(String name, String providerUkprn) {
        Caller caller = stamps.caller();
        String provider = providerFor(caller, providerUkprn);
        XapiCredential credential = new XapiCredential();
        credential.key = "lms-" + SecretHasher.token(12);
        String secret = SecretHasher.token(32);
        byte[] salt = SecretHasher.salt();
        credential.salt = SecretHasher.encode(salt);
        credential.iterations = config.secretIterations();
        credential.hash = SecretHasher.hash(secret, salt, credential.iterations);
        credential.providerUkprn = provider;
        credential.name = name;
        credential.createdAt = stamps.now();
        credential.createdBy = stamps.stamp(credential.createdAt);
        repository.persist(credential);
        return new Issued(credential, secret);
    }

    public PageResponse<XapiCredential> list(String providerUkprn, PageRequest page) {
        String provider = providerFor(stamps.caller(), providerUkprn);
        var query = repository.find("providerUkprn", Sort.ascending("createdAt", "_id"), provider);
        List<XapiCredential> items = query.page(page.page(), page.size()).list();
        return PageResponse.of(items, c -> c, page, query.count());
    }

    @CacheInvalidateAll(cacheName = "xapi-credentials")
    public XapiCredential revoke(String key) {
        Caller caller = stamps.caller();
        XapiCredential credential = repository
                .findByIdOptional(key)
                .filter(c -> caller.may(SEE_ALL) || caller.actsForProvider(c.providerUkprn))
                .orElseThrow(() -> ApiException.of(
                                EvidenceError.XAPI_CREDENTIAL_NOT_FOUND,
                                "Your provider has no LMS credential " + key + ".")
                        .with("key", key));
        if (credential.revokedAt == null) {
            credential.revokedAt = stamps.now();
            credential.revokedBy = stamps.stamp(credential.revokedAt);
            repository.update(credential);
        }
        return credential;
    }

    private static String providerFor(Caller caller, String providerUkprn) {
        if (caller.isAdmin()) {
            if (providerUkprn == null) {
                throw ApiException.invalid("providerUkprn", "an administrator names the training provider");
            }
            return providerUkprn;
        }
        String own = caller.requireProviderUkprn();
        if (providerUkprn != null && !providerUkprn.equals(own)) {
            throw ApiException.of(EvidenceError.PROVIDER_NOT_FOUND, "You act for provider " + own + " only.")
                    .with("providerUkprn", providerUkprn);
        }
        return own;
    }
}
