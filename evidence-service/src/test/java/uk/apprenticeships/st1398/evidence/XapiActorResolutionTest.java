package uk.apprenticeships.st1398.evidence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.evidence.XapiStatementResourceTest.Lms;
import uk.apprenticeships.st1398.evidence.repository.ApprenticeRepository;
import uk.apprenticeships.st1398.evidence.xapi.XapiPendingSweep;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/**
 * Actors resolve to apprentices (docs/xapi.md, "Actor → apprentice"): an account naming the ULN or the provider's
 * learner reference, or an mbox a tutor linked; statements about actors unknown on arrival become evidence once the
 * actor is linked (a tutor's link, an enrolment, or the apprentice gaining the reference: the sweep).
 */
@QuarkusTest
@QuarkusTestResource(value = StandardsServiceStub.class, restrictToAnnotatedClass = false)
class XapiActorResolutionTest {

    static final String COMPLETED = "http://adlnet.gov/expapi/verbs/completed";

    @Inject
    ApprenticeRepository apprentices;

    @Inject
    XapiPendingSweep sweep;

    @Inject
    uk.apprenticeships.st1398.testing.TestClock clock;

    @org.junit.jupiter.api.AfterEach
    void resetClock() {
        clock.reset();
    }

    static String by(String actor, String id) {
        return "{\"id\":\"" + id + "\",\"actor\":" + actor + ",\"verb\":{\"id\":\"" + COMPLETED + "\"},"
                + "\"object\":{\"id\":\"http://moodle.example.org/course/7\",\"definition\":{\"name\":{\"en-GB\":"
                + "\"Testing\"},\"extensions\":{" + XapiEvidenceTest.ksbs("K2") + "}}}}";
    }

    static String mbox(String address) {
        return "{\"mbox\":\"mailto:" + address + "\"}";
    }

    static String account(String name) {
        return "{\"account\":{\"homePage\":\"https://moodle.example.org\",\"name\":\"" + name + "\"}}";
    }

    static String sha1(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static io.restassured.response.ValidatableResponse link(String ukprn, String apprentice, Object actor) {
        return given().auth()
                .oauth2(Tokens.tutor(ukprn))
                .contentType("application/json")
                .body(Map.of("actor", actor))
                .post("/api/v1/apprentices/" + apprentice + "/xapi-actors")
                .then();
    }

    void setLearnerReference(String apprentice, String reference) {
        // The provider's learner reference, set as a provider sets it: PUT /api/v1/apprentices/{id}/identifiers.
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(Map.of("learnerReference", reference))
                .when()
                .put("/api/v1/apprentices/" + apprentice + "/identifiers")
                .then()
                .statusCode(200);
    }

    @Test
    void aRegisteredMboxResolvesToTheApprenticeAndItsWaitingStatementsConvertWhenATutorLinksIt() throws Exception {
        String ukprn = TestIds.ukprn();
        String apprentice = EvidenceResourceTest.enrol(TestIds.uln(), ukprn, TestIds.employerId(), "ST1398_1.0");
        Lms lms = XapiStatementResourceTest.lms(ukprn);
        String address = "sam." + UUID.randomUUID() + "@example.org";
        String before = UUID.randomUUID().toString();
        XapiEvidenceTest.send(lms, by(mbox(address), before), 200);
        XapiEvidenceTest.evidence(ukprn, apprentice).body("items", hasSize(0));

        link(ukprn, apprentice, Map.of("mbox", "mailto:" + address))
                .statusCode(201)
                .body("actorKey", equalTo("mbox:" + sha1("mailto:" + address)))
                .body("apprenticeId", equalTo(apprentice));
        XapiEvidenceTest.evidence(ukprn, apprentice).body("items.xapi.statementId", contains(before));

        // Afterwards, on arrival; mbox_sha1sum names the same person as the mbox.
        String after = UUID.randomUUID().toString();
        XapiEvidenceTest.send(lms, by("{\"mbox_sha1sum\":\"" + sha1("mailto:" + address) + "\"}", after), 200);
        XapiEvidenceTest.evidence(ukprn, apprentice).body("items", hasSize(2));
        given().auth()
                .oauth2(Tokens.tutor(ukprn))
                .get("/api/v1/apprentices/" + apprentice + "/xapi-actors")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].actor.mbox", equalTo("mailto:" + address));
    }

    @Test
    void anAccountNamingTheProvidersLearnerReferenceResolvesToTheApprentice() {
        String ukprn = TestIds.ukprn();
        String apprentice = EvidenceResourceTest.enrol(TestIds.uln(), ukprn, TestIds.employerId(), "ST1398_1.0");
        String reference = "MIS" + UUID.randomUUID().toString().substring(0, 8);
        setLearnerReference(apprentice, reference);
        Lms lms = XapiStatementResourceTest.lms(ukprn);
        String id = UUID.randomUUID().toString();
        XapiEvidenceTest.send(lms, by(account(reference), id), 200);
        XapiEvidenceTest.evidence(ukprn, apprentice).body("items.xapi.statementId", contains(id));
    }

    @Test
    void statementsAboutAnUnknownLearnerReferenceBecomeEvidenceOnceTheApprenticeGainsIt() {
        String ukprn = TestIds.ukprn();
        String apprentice = EvidenceResourceTest.enrol(TestIds.uln(), ukprn, TestIds.employerId(), "ST1398_1.0");
        String reference = "MIS" + UUID.randomUUID().toString().substring(0, 8);
        Lms lms = XapiStatementResourceTest.lms(ukprn);
        String id = UUID.randomUUID().toString();
        XapiEvidenceTest.send(lms, by(account(reference), id), 200);
        XapiEvidenceTest.evidence(ukprn, apprentice).body("items", hasSize(0));
        setLearnerReference(apprentice, reference);
        sweep.sweep();
        XapiEvidenceTest.evidence(ukprn, apprentice).body("items.xapi.statementId", contains(id));
    }

    @Test
    void anotherProvidersLearnerReferenceAndLinksResolveNothing() {
        String ukprn = TestIds.ukprn();
        String otherUkprn = TestIds.ukprn();
        String theirs = EvidenceResourceTest.enrol(TestIds.uln(), otherUkprn, TestIds.employerId(), "ST1398_1.0");
        String reference = "MIS" + UUID.randomUUID().toString().substring(0, 8);
        setLearnerReference(theirs, reference);
        String address = "x." + UUID.randomUUID() + "@example.org";
        link(otherUkprn, theirs, Map.of("mbox", "mailto:" + address)).statusCode(201);
        Lms lms = XapiStatementResourceTest.lms(ukprn);
        XapiEvidenceTest.send(lms, by(account(reference), UUID.randomUUID().toString()), 200);
        XapiEvidenceTest.send(lms, by(mbox(address), UUID.randomUUID().toString()), 200);
        sweep.sweep();
        XapiEvidenceTest.evidence(otherUkprn, theirs).body("items", hasSize(0));
    }

    @Test
    void aTutorLinksActorsOfTheirOwnApprenticesOnly() {
        String ukprn = TestIds.ukprn();
        String apprentice = EvidenceResourceTest.enrol(TestIds.uln(), ukprn, TestIds.employerId(), "ST1398_1.0");
        link(TestIds.ukprn(), apprentice, Map.of("mbox", "mailto:a@example.org"))
                .spec(Problems.problem(404, "not-found", "apprentice-not-found"));
        given().auth()
                .oauth2(Tokens.tutor(ukprn))
                .get("/api/v1/apprentices/" + apprentice + "/xapi-actors")
                .then()
                .body("items", hasSize(0));
    }

    @Test
    void aLinkNeedsAnAgentWithExactlyOneIdentifierAndChangesNothingOtherwise() {
        String ukprn = TestIds.ukprn();
        String apprentice = EvidenceResourceTest.enrol(TestIds.uln(), ukprn, TestIds.employerId(), "ST1398_1.0");
        for (Object actor : List.of(
                Map.of("mbox", "mailto:a@example.org", "openid", "https://id.example.org/a"),
                Map.of("name", "No identifier"),
                Map.of("mbox", "a@example.org"),
                Map.of("objectType", "Group", "mbox", "mailto:g@example.org"))) {
            link(ukprn, apprentice, actor)
                    .statusCode(400)
                    .body("type", org.hamcrest.Matchers.endsWith("validation-failed"));
        }
        given().auth()
                .oauth2(Tokens.tutor(ukprn))
                .get("/api/v1/apprentices/" + apprentice + "/xapi-actors")
                .then()
                .body("items", hasSize(0));
    }

    @Test
    void aConversionThatFailedIsRetriedByTheSweepOnceTheCauseIsGone() {
        // ST0503 1.0's KSBs are unreachable in the standards stub: the LMS gets 503 and the statement stays stored.
        String ukprn = TestIds.ukprn();
        String uln = TestIds.uln();
        String apprentice = EvidenceResourceTest.enrol(uln, ukprn, TestIds.employerId(), "ST0503_1.0");
        Lms lms = XapiStatementResourceTest.lms(ukprn);
        String id = UUID.randomUUID().toString();
        XapiEvidenceTest.send(lms, by(account(uln), id), 503);
        lms.xapi().queryParam("statementId", id).get("/xapi/statements").then().statusCode(200);
        // The cause goes (here: the apprentice moves to a version whose catalogue answers); within the grace period
        // the sweep leaves the statement to the request that stored it, after it converts it.
        apprentices
                .mongoCollection()
                .updateOne(Filters.eq("_id", new ObjectId(apprentice)), Updates.set("standardVersion", "ST1398_1.0"));
        sweep.retryFailedConversions();
        XapiEvidenceTest.evidence(ukprn, apprentice).body("items", hasSize(0));
        clock.advance(java.time.Duration.ofMinutes(3));
        sweep.retryFailedConversions();
        XapiEvidenceTest.evidence(ukprn, apprentice).body("items.xapi.statementId", contains(id));
    }

    /**
     * xAPI-Communication.md 2.4 (Agents Resource): a Person object joins the identities the LRS knows belong to one
     * person, each property an array; joining needs an explicit permission (2.4.s3.b1: xapi-mappings:manage, held by
     * tutors and admins); without it, or for an agent the LRS does not know, the Person holds the agent given only
     * (2.4.s3.b3). Conformance suite: test/v2_0/H.Communication2.4-AgentsResource.js.
     */
    @Test
    void thePersonObjectJoinsTheIdentitiesLinkedToTheSameApprentice_communication2_4() {
        String ukprn = TestIds.ukprn();
        String uln = TestIds.uln();
        String apprentice = EvidenceResourceTest.enrol(uln, ukprn, TestIds.employerId(), "ST1398_1.0");
        String address = "pat." + UUID.randomUUID() + "@example.org";
        link(ukprn, apprentice, Map.of("mbox", "mailto:" + address, "name", "Pat"))
                .statusCode(201);
        link(ukprn, apprentice, Map.of("openid", "https://id.example.org/pat-" + address))
                .statusCode(201);
        link(ukprn, apprentice, Map.of("account", Map.of("homePage", "https://lms.example.org", "name", "pat-7")))
                .statusCode(201);
        java.util.function.Function<String, io.restassured.response.ValidatableResponse> asTutor =
                agent -> given().auth()
                        .oauth2(Tokens.tutor(ukprn))
                        .header("X-Experience-API-Version", "2.0.0")
                        .queryParam("agent", agent)
                        .get("/xapi/agents")
                        .then()
                        .statusCode(200);
        // By the linked mbox: the other links join it.
        asTutor.apply("{\"mbox\":\"mailto:" + address + "\",\"name\":\"P. Smith\"}")
                .body("objectType", equalTo("Person"))
                .body("name", contains("P. Smith", "Pat"))
                .body("mbox", contains("mailto:" + address))
                .body("openid", contains("https://id.example.org/pat-" + address))
                .body("account.name", contains("pat-7"))
                .body("account.homePage", contains("https://lms.example.org"));
        // By an account naming the ULN (the platform's own identification): the same person.
        asTutor.apply(account(uln))
                .body("mbox", contains("mailto:" + address))
                .body("account.name", contains(uln, "pat-7"));
        // An agent the LRS does not know: itself only.
        asTutor.apply(mbox("nobody-" + UUID.randomUUID() + "@example.org"))
                .body("mbox", hasSize(1))
                .body("openid", org.hamcrest.Matchers.nullValue());
        // An LMS credential holds no permission to join identities: the agent given only.
        Lms lms = XapiStatementResourceTest.lms(ukprn);
        lms.xapi()
                .queryParam("agent", mbox(address))
                .get("/xapi/agents")
                .then()
                .statusCode(200)
                .body("mbox", contains("mailto:" + address))
                .body("openid", org.hamcrest.Matchers.nullValue())
                .body("account", org.hamcrest.Matchers.nullValue());
        // Another provider's tutor: links are per provider.
        given().auth()
                .oauth2(Tokens.tutor(TestIds.ukprn()))
                .header("X-Experience-API-Version", "2.0.0")
                .queryParam("agent", mbox(address))
                .get("/xapi/agents")
                .then()
                .statusCode(200)
                .body("openid", org.hamcrest.Matchers.nullValue());
    }
}
