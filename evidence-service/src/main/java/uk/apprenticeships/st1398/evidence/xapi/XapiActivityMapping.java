package uk.apprenticeships.st1398.evidence.xapi;

import io.quarkus.mongodb.panache.common.MongoEntity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;
import uk.apprenticeships.st1398.evidence.domain.StampDoc;

/**
 * A provider's alignment of one LMS activity (by its IRI) to KSB codes and/or off-the-job training, used when the
 * activity's definition carries no alignment extension (docs/xapi.md).
 */
@MongoEntity(collection = "xapi_activity_mappings")
public class XapiActivityMapping {

    /** {@code providerUkprn|activityId}: one mapping per provider and activity. */
    @BsonId
    public String id;

    public String providerUkprn;
    public String activityId;
    public List<String> ksbCodes = new ArrayList<>();
    public boolean offTheJob;
    public Instant updatedAt;
    public StampDoc updatedBy;

    static String idOf(String providerUkprn, String activityId) {
        return providerUkprn + "|" + activityId;
    }
}
