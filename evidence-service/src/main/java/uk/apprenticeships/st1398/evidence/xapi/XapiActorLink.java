package uk.apprenticeships.st1398.evidence.xapi;

import io.quarkus.mongodb.panache.common.MongoEntity;
import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.types.ObjectId;
import uk.apprenticeships.st1398.evidence.domain.StampDoc;

/**
 * A tutor's statement that an xAPI actor of their provider's LMS is one of their apprentices (docs/xapi.md): for
 * actors no ULN or learner reference identifies, such as an {@code mbox}.
 */
@MongoEntity(collection = "xapi_actor_links")
public class XapiActorLink {

    /** The hex SHA-256 of {@code providerUkprn|actorKey} (XapiActors.keys), 32 digits: one per actor and provider. */
    @BsonId
    public String id;

    public String providerUkprn;
    /** The actor's key: {@code mbox:<sha1>}, {@code openid:<IRI>} or {@code account:<name>}. */
    public String actorKey;
    /** The Agent as the tutor gave it. */
    public String actor;

    public ObjectId apprenticeId;
    public Instant linkedAt;
    public StampDoc linkedBy;

    static String idOf(String providerUkprn, String actorKey) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest((providerUkprn + "|" + actorKey).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
