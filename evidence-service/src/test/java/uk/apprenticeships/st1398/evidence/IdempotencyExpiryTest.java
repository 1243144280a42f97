package uk.apprenticeships.st1398.evidence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.evidence.service.IdempotencyCleanUp;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/** Idempotency keys expire after evidence.idempotency.retention (24 hours). Provider 10000044. */
@QuarkusTest
@QuarkusTestResource(value = StandardsServiceStub.class, restrictToAnnotatedClass = false)
class IdempotencyExpiryTest {

    /** Fresh ids for this class's records: the database is shared, so no two test classes meet. */
    static final String EMPLOYER_1 = TestIds.employerId();

    static final String UKPRN_1 = TestIds.ukprn();
    static final String ULN_1 = TestIds.uln();

    static final String CALLER = "tutor-" + UKPRN_1 + "-subject";

    @Inject
    MongoClient mongo;

    @Inject
    IdempotencyCleanUp cleanUp;

    MongoCollection<Document> keys() {
        return mongo.getDatabase("evidence").getCollection("idempotency_keys");
    }

    /** A record as the service writes it, created {@code age} ago, pointing at an evidence id that exists nowhere. */
    ObjectId insert(String key, Duration age) {
        ObjectId id = new ObjectId();
        keys().insertOne(new Document("_id", id)
                .append("caller", CALLER)
                .append("key", key)
                .append("requestHash", "0".repeat(64))
                .append("evidenceId", new ObjectId())
                .append("response", "{\"id\":\"000000000000000000000000\"}")
                .append("createdAt", Date.from(Instant.now().minus(age))));
        return id;
    }

    @Test
    void anExpiredKeyIsIgnoredAndCanBeUsedAgain() {
        String a = EvidenceResourceTest.enrol(ULN_1, UKPRN_1, EMPLOYER_1, "ST1398_1.0");
        ObjectId old = insert("expired-key", Duration.ofHours(25));
        // Within the retention the stored (different) request would make this a 422; expired, it is a new create.
        String created = given().auth()
                .oauth2(Tokens.tutor(UKPRN_1))
                .header("Idempotency-Key", "expired-key")
                .contentType("application/json")
                .body(EvidenceResourceTest.reflection("K1"))
                .when()
                .post(EvidenceResourceTest.evidencePath(a))
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", (String) null)
                .body("id", not(equalTo("000000000000000000000000")))
                .extract()
                .path("id");
        assertNull(keys().find(new Document("_id", old)).first());
        Document fresh = keys().find(new Document("caller", CALLER).append("key", "expired-key"))
                .first();
        assertEquals(created, fresh.getObjectId("evidenceId").toHexString());
        assertEquals(1, EvidenceResourceTest.count(a));

        // A key still within the retention is remembered: the same request replays.
        given().auth()
                .oauth2(Tokens.tutor(UKPRN_1))
                .header("Idempotency-Key", "expired-key")
                .contentType("application/json")
                .body(EvidenceResourceTest.reflection("K1"))
                .when()
                .post(EvidenceResourceTest.evidencePath(a))
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(created));
        assertEquals(1, EvidenceResourceTest.count(a));
    }

    @Test
    void theCleanUpDeletesOnlyExpiredKeys() {
        ObjectId expired = insert("clean-up-old", Duration.ofHours(24).plusMinutes(1));
        ObjectId recent = insert("clean-up-recent", Duration.ofHours(23));
        cleanUp.cleanUp();
        assertNull(keys().find(new Document("_id", expired)).first());
        assertEquals(recent, keys().find(new Document("_id", recent)).first().getObjectId("_id"));
    }
}
