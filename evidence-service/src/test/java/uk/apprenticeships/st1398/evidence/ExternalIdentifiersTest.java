package uk.apprenticeships.st1398.evidence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.mongodb.client.MongoClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.platform.security.Roles;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/**
 * External identifiers (issue 12): the provider's learner reference (validated as the ILR's LearnRefNumber, ESFA
 * ILR specification: 1 to 12 of A-Z, a-z, 0-9 and space) and one id per integrating client, unique per provider
 * (and client), searchable and settable under the tenancy rules; lookup by ULN.
 */
@QuarkusTest
class ExternalIdentifiersTest {

    private static final String PATH = "/api/v1/apprentices";

    @Inject
    MongoClient mongo;

    private static Map<String, Object> apprentice(String uln, String ukprn) {
        return new HashMap<>(Map.of(
                "uln", uln,
                "givenName", "Ada",
                "familyName", "Lovelace",
                "dateOfBirth", "2001-12-10",
                "providerUkprn", ukprn,
                "employerId", "EMP-X" + ukprn,
                "standardVersion", "ST1398_1.0",
                "startDate", "2025-09-01",
                "plannedEndDate", "2027-09-01"));
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    /** An LMS client's token, as Keycloak issues it: its client id in {@code azp}. */
    static String lms(String ukprn, String clientId) {
        return Tokens.token(
                "service-account-" + clientId,
                Set.of(Roles.LMS_INTEGRATION),
                Map.of("provider_ukprn", ukprn, "azp", clientId));
    }

    private static ValidatableResponse post(String token, Object body) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .when()
                .post(PATH)
                .then();
    }

    private static ValidatableResponse put(String token, String id, Object body) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .when()
                .put(PATH + "/" + id + "/identifiers")
                .then();
    }

    private static ValidatableResponse search(String token, String query) {
        return given().auth().oauth2(token).when().get(PATH + "?" + query).then();
    }

    @Test
    void enrolWithIdentifiersAndFindByEach() {
        String ukprn = TestIds.ukprn();
        String uln = TestIds.uln();
        String ref = "LRN" + TestIds.suffix();
        String lms = lms(ukprn, "acme-lms");
        String id = post(lms, with(with(apprentice(uln, ukprn), "learnerReference", ref), "externalId", "a-1"))
                .statusCode(201)
                .body("learnerReference", equalTo(ref))
                .body("externalIds.acme-lms", equalTo("a-1"))
                .extract()
                .path("id");

        search(lms, "learnerReference=" + ref).statusCode(200).body("items.id", contains(id));
        search(lms, "externalId=a-1").statusCode(200).body("items.id", contains(id));
        search(lms, "uln=" + uln).statusCode(200).body("items.id", contains(id));
        search(Tokens.tutor(ukprn), "uln=" + uln + "&learnerReference=" + ref)
                .statusCode(200)
                .body("items.id", contains(id));
        // Another client of the same provider does not know the apprentice by that id.
        search(lms(ukprn, "other-lms"), "externalId=a-1").statusCode(200).body("totalItems", equalTo(0));
        // Another provider's staff never reach it, by any identifier.
        String stranger = lms(TestIds.ukprn(), "acme-lms");
        search(stranger, "learnerReference=" + ref).statusCode(200).body("totalItems", equalTo(0));
        search(stranger, "externalId=a-1").statusCode(200).body("totalItems", equalTo(0));
        search(stranger, "uln=" + uln).statusCode(200).body("totalItems", equalTo(0));
        // The apprentice finds themself by their ULN, and nobody else by another.
        String self = Tokens.apprentice(uln, ukprn, "EMP-X" + ukprn);
        search(self, "uln=" + uln).statusCode(200).body("items.id", contains(id));
        search(self, "uln=" + TestIds.uln()).statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void learnerReferenceIsUniquePerProviderOnly() {
        String ukprn = TestIds.ukprn();
        String ref = "R " + TestIds.suffix();
        String tutor = Tokens.tutor(ukprn);
        post(tutor, with(apprentice(TestIds.uln(), ukprn), "learnerReference", ref))
                .statusCode(201);
        String uln = TestIds.uln();
        post(tutor, with(apprentice(uln, ukprn), "learnerReference", ref))
                .spec(Problems.problem(409, "conflict", "learner-reference-taken"))
                .body("learnerReference", equalTo(ref));
        search(Tokens.admin(), "uln=" + uln).body("totalItems", equalTo(0));
        // Another provider may use the same reference: the 409 never tells one provider about another's.
        String other = TestIds.ukprn();
        post(Tokens.tutor(other), with(apprentice(TestIds.uln(), other), "learnerReference", ref))
                .statusCode(201);
        // Apprentices without identifiers do not collide (the unique index is sparse): they leave the key field out
        // altogether (an explicit null would be indexed by a real MongoDB's sparse index and collide there).
        String plain = post(tutor, apprentice(TestIds.uln(), ukprn))
                .statusCode(201)
                .body("$", not(hasKey("learnerReference")))
                .extract()
                .path("id");
        post(tutor, apprentice(TestIds.uln(), ukprn)).statusCode(201);
        Document stored = mongo.getDatabase("evidence")
                .getCollection("apprentices")
                .find(new Document("_id", new ObjectId(plain)))
                .first();
        assertFalse(stored.containsKey("identifierKeys"), stored.toJson());
        assertFalse(stored.containsKey("learnerReference"), stored.toJson());
    }

    @Test
    void externalIdIsUniquePerProviderAndClient() {
        String ukprn = TestIds.ukprn();
        String acme = lms(ukprn, "acme-lms");
        post(acme, with(apprentice(TestIds.uln(), ukprn), "externalId", "x-7")).statusCode(201);
        String uln = TestIds.uln();
        post(acme, with(apprentice(uln, ukprn), "externalId", "x-7"))
                .spec(Problems.problem(409, "conflict", "external-id-taken"))
                .body("externalId", equalTo("x-7"));
        search(Tokens.admin(), "uln=" + uln).body("totalItems", equalTo(0));
        // The same id from another client, or at another provider, is another apprentice's id.
        post(lms(ukprn, "other-lms"), with(apprentice(TestIds.uln(), ukprn), "externalId", "x-7"))
                .statusCode(201);
        String elsewhere = TestIds.ukprn();
        post(lms(elsewhere, "acme-lms"), with(apprentice(TestIds.uln(), elsewhere), "externalId", "x-7"))
                .statusCode(201);
    }

    @Test
    void updateReplacesOwnIdsKeepsOthersAndRefusesDuplicates() {
        String ukprn = TestIds.ukprn();
        String acme = lms(ukprn, "acme-lms");
        String other = lms(ukprn, "other-lms");
        String id = post(acme, with(apprentice(TestIds.uln(), ukprn), "externalId", "a-1"))
                .statusCode(201)
                .extract()
                .path("id");
        put(other, id, Map.of("learnerReference", "MIS1", "externalId", "o-1"))
                .statusCode(200)
                .body("learnerReference", equalTo("MIS1"))
                .body("externalIds.acme-lms", equalTo("a-1"))
                .body("externalIds.other-lms", equalTo("o-1"));
        search(other, "externalId=o-1").body("items.id", contains(id));

        String second = post(acme, with(apprentice(TestIds.uln(), ukprn), "learnerReference", "MIS2"))
                .statusCode(201)
                .extract()
                .path("id");
        put(acme, second, Map.of("learnerReference", "MIS1"))
                .spec(Problems.problem(409, "conflict", "learner-reference-taken"));
        put(other, second, Map.of("learnerReference", "MIS2", "externalId", "o-1"))
                .spec(Problems.problem(409, "conflict", "external-id-taken"));
        // Nothing changed by either refusal.
        given().auth()
                .oauth2(acme)
                .get(PATH + "/" + second)
                .then()
                .body("learnerReference", equalTo("MIS2"))
                .body("externalIds", anEmptyMap());

        // Leaving members out clears the reference and this client's id only.
        put(acme, id, Map.of("externalId", "a-1")).statusCode(200).body("externalIds.acme-lms", equalTo("a-1"));
        put(acme, id, Map.of())
                .statusCode(200)
                .body("$", not(hasKey("learnerReference")))
                .body("externalIds.acme-lms", nullValue())
                .body("externalIds.other-lms", equalTo("o-1"));
        // The cleared reference is free again.
        put(acme, second, Map.of("learnerReference", "MIS1")).statusCode(200);
    }

    @Test
    void badIdentifiersAre400AndChangeNothing() {
        String ukprn = TestIds.ukprn();
        String acme = lms(ukprn, "acme-lms");
        for (String bad : new String[] {"", "ABCDEFGHIJKLM", "A-1", "Zoë"}) {
            String uln = TestIds.uln();
            post(acme, with(apprentice(uln, ukprn), "learnerReference", bad))
                    .spec(Problems.problem(400, "validation-failed", "validation-failed"))
                    .body("violations.field", contains("learnerReference"));
            search(Tokens.admin(), "uln=" + uln).body("totalItems", equalTo(0));
        }
        for (String bad : new String[] {"", " a", "a ", "x".repeat(101), "tab\there"}) {
            post(acme, with(apprentice(TestIds.uln(), ukprn), "externalId", bad))
                    .spec(Problems.problem(400, "validation-failed", "validation-failed"))
                    .body("violations.field", contains("externalId"));
        }
        String id = post(acme, with(apprentice(TestIds.uln(), ukprn), "learnerReference", "KEEP"))
                .statusCode(201)
                .extract()
                .path("id");
        put(acme, id, Map.of("learnerReference", "no-dashes"))
                .spec(Problems.problem(400, "validation-failed", "validation-failed"));
        given().auth().oauth2(acme).get(PATH + "/" + id).then().body("learnerReference", equalTo("KEEP"));
        search(acme, "learnerReference=a-b").spec(Problems.problem(400, "validation-failed", "validation-failed"));
        search(acme, "uln=123").spec(Problems.problem(400, "validation-failed", "validation-failed"));
        // A token that names no client has no external ids to set or search.
        String noClient = Tokens.tutor(ukprn);
        post(noClient, with(apprentice(TestIds.uln(), ukprn), "externalId", "n-1"))
                .spec(Problems.problem(400, "validation-failed", "validation-failed"));
        search(noClient, "externalId=n-1").spec(Problems.problem(400, "validation-failed", "validation-failed"));
    }

    @Test
    void tenancyAndViewsOfIdentifiers() {
        String ukprn = TestIds.ukprn();
        String epao = TestIds.epaoId();
        String uln = TestIds.uln();
        String acme = lms(ukprn, "acme-lms");
        String id = post(
                        acme,
                        with(
                                with(with(apprentice(uln, ukprn), "learnerReference", "V1"), "externalId", "v-1"),
                                "assessmentOrganisationId",
                                epao))
                .statusCode(201)
                .extract()
                .path("id");
        // Another provider cannot change them (404, as if absent); an assessor or employer may not (403).
        put(lms(TestIds.ukprn(), "acme-lms"), id, Map.of("learnerReference", "X"))
                .spec(Problems.problem(404, "not-found", "apprentice-not-found"));
        put(Tokens.assessor(epao), id, Map.of("learnerReference", "X"))
                .spec(Problems.problem(403, "forbidden", "role-not-allowed"));
        // The assessor view carries the learner reference (the DfE learner answer needs it), not the clients' ids.
        given().auth()
                .oauth2(Tokens.assessor(epao))
                .get(PATH + "/" + id)
                .then()
                .statusCode(200)
                .body("learnerReference", equalTo("V1"))
                .body("$", not(hasKey("externalIds")));
        given().auth()
                .oauth2(Tokens.employer("EMP-X" + ukprn))
                .get(PATH + "/" + id)
                .then()
                .statusCode(200)
                .body("$", not(hasKey("learnerReference")))
                .body("$", not(hasKey("externalIds")));
    }
}
