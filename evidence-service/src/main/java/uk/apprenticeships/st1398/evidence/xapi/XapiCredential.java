package uk.apprenticeships.st1398.evidence.xapi;

import io.quarkus.mongodb.panache.common.MongoEntity;
import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;
import uk.apprenticeships.st1398.evidence.domain.StampDoc;

/**
 * An LMS connection's key and secret for HTTP Basic at /xapi: the secret is kept only as a PBKDF2 hash. Each
 * credential belongs to one training provider and sees only that provider's statements.
 */
@MongoEntity(collection = "xapi_credentials")
public class XapiCredential {

    /** The key (the Basic user name). */
    @BsonId
    public String key;

    public String providerUkprn;
    public String name;
    /** PBKDF2WithHmacSHA256 of the secret: salt, iteration count and derived key, Base64. */
    public String salt;

    public int iterations;
    public String hash;
    public Instant createdAt;
    public StampDoc createdBy;
    /** Set when revoked: the key then authenticates nothing. */
    public Instant revokedAt;

    public StampDoc revokedBy;
}
