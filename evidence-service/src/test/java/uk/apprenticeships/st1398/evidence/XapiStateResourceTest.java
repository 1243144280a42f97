package uk.apprenticeships.st1398.evidence;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.testing.Problems;

/**
 * The State Resource against xAPI 2.0 ("xAPI-Communication.md" 2.3 State Resource, 3.1 Concurrency, of
 * adlnet/xAPI-Spec; names as in adlnet/lrs-conformance-test-suite test/v2_0/4.1.6.2-State-Resource.js).
 */
@QuarkusTest
@QuarkusTestResource(value = StandardsServiceStub.class, restrictToAnnotatedClass = false)
class XapiStateResourceTest {

    static final String STATE = "/xapi/activities/state";
    static final String ACTIVITY = "http://example.org/course/state";
    static final String AGENT = "{\"objectType\":\"Agent\",\"mbox\":\"mailto:learner@example.org\"}";

    static RequestSpecification state(XapiStatementResourceTest.Lms lms, String stateId) {
        RequestSpecification spec =
                lms.xapi().queryParam("activityId", ACTIVITY).queryParam("agent", AGENT);
        return stateId == null ? spec : spec.queryParam("stateId", stateId);
    }

    @Test
    void anLrsStoresAndReturnsAStateDocumentWithItsEtag_communication2_3() {
        var lms = XapiStatementResourceTest.lms();
        state(lms, "bookmark")
                .contentType("text/plain")
                .body("page 7")
                .put(STATE)
                .then()
                .statusCode(204);
        state(lms, "bookmark")
                .get(STATE)
                .then()
                .statusCode(200)
                .contentType("text/plain")
                .body(equalTo("page 7"))
                .header("ETag", notNullValue())
                .header("X-Experience-API-Version", "2.0.0");
        state(lms, "nothing").get(STATE).then().spec(Problems.problem(404, "not-found", "xapi-document-not-found"));
    }

    @Test
    void postMergesJsonObjectsAndRefusesOtherDocuments_communication2_3() {
        var lms = XapiStatementResourceTest.lms();
        state(lms, "progress")
                .contentType("application/json")
                .body("{\"a\":1,\"b\":1}")
                .post(STATE)
                .then()
                .statusCode(204);
        state(lms, "progress")
                .contentType("application/json")
                .body("{\"b\":2,\"c\":3}")
                .post(STATE)
                .then()
                .statusCode(204);
        state(lms, "progress")
                .get(STATE)
                .then()
                .body("a", equalTo(1))
                .body("b", equalTo(2))
                .body("c", equalTo(3));
        state(lms, "progress")
                .contentType("application/json")
                .body("[1]")
                .post(STATE)
                .then()
                .spec(Problems.problem(400, "bad-request", "xapi-document-not-json"));
        state(lms, "text").contentType("text/plain").body("x").put(STATE).then().statusCode(204);
        state(lms, "text")
                .contentType("application/json")
                .body("{\"a\":1}")
                .post(STATE)
                .then()
                .statusCode(400);
        state(lms, "text").get(STATE).then().body(equalTo("x"));
    }

    @Test
    void ifMatchAndIfNoneMatchAreHonoured_communication3_1() {
        var lms = XapiStatementResourceTest.lms();
        state(lms, "s")
                .header("If-None-Match", "*")
                .contentType("text/plain")
                .body("one")
                .put(STATE)
                .then()
                .statusCode(204);
        String etag = state(lms, "s").get(STATE).then().extract().header("ETag");
        state(lms, "s")
                .header("If-None-Match", "*")
                .contentType("text/plain")
                .body("two")
                .put(STATE)
                .then()
                .spec(Problems.problem(412, "precondition-failed", "xapi-document-precondition-failed"));
        state(lms, "s")
                .header("If-Match", "\"0000\"")
                .contentType("text/plain")
                .body("two")
                .put(STATE)
                .then()
                .statusCode(412);
        state(lms, "s")
                .header("If-Match", etag)
                .contentType("text/plain")
                .body("two")
                .put(STATE)
                .then()
                .statusCode(204);
        state(lms, "s").get(STATE).then().body(equalTo("two"));
        state(lms, "s").header("If-Match", etag).delete(STATE).then().statusCode(412);
    }

    @Test
    void getWithoutStateIdListsTheIdsAndDeleteWithoutStateIdDeletesThemAll_communication2_3() {
        var lms = XapiStatementResourceTest.lms();
        String registration = UUID.randomUUID().toString();
        state(lms, "b").contentType("text/plain").body("1").put(STATE).then().statusCode(204);
        state(lms, "a").contentType("text/plain").body("1").put(STATE).then().statusCode(204);
        state(lms, "r")
                .queryParam("registration", registration)
                .contentType("text/plain")
                .body("1")
                .put(STATE)
                .then()
                .statusCode(204);
        state(lms, null).get(STATE).then().statusCode(200).body("", contains("a", "b"));
        state(lms, null)
                .queryParam("registration", registration)
                .get(STATE)
                .then()
                .body("", contains("r"));
        state(lms, null).delete(STATE).then().statusCode(204);
        state(lms, null).get(STATE).then().body("", hasSize(0));
        state(lms, null)
                .queryParam("registration", registration)
                .get(STATE)
                .then()
                .body("", contains("r"));
    }

    @Test
    void anLrsRejectsStateRequestsWithMissingOrBadParameters_communication2_3() {
        var lms = XapiStatementResourceTest.lms();
        lms.xapi()
                .queryParam("agent", AGENT)
                .queryParam("stateId", "s")
                .contentType("text/plain")
                .body("x")
                .put(STATE)
                .then()
                .spec(Problems.problem(400, "validation-failed", "xapi-parameter-invalid"));
        lms.xapi()
                .queryParam("activityId", ACTIVITY)
                .queryParam("stateId", "s")
                .get(STATE)
                .then()
                .statusCode(400);
        state(lms, null).contentType("text/plain").body("x").put(STATE).then().statusCode(400);
        state(lms, "s").queryParam("registration", "nope").get(STATE).then().statusCode(400);
        state(lms, "s")
                .queryParam("agent", "{\"name\":\"x\"}")
                .get(STATE)
                .then()
                .statusCode(400);
        state(lms, "s").queryParam("StateId", "s").get(STATE).then().statusCode(400);
        io.restassured.RestAssured.given()
                .auth()
                .preemptive()
                .basic(lms.key(), lms.secret())
                .queryParam("activityId", ACTIVITY)
                .queryParam("agent", AGENT)
                .queryParam("stateId", "s")
                .header("X-Experience-API-Version", "0.9")
                .get(STATE)
                .then()
                .statusCode(400);
    }

    @Test
    void eachProviderHasItsOwnStateDocuments() {
        var ours = XapiStatementResourceTest.lms();
        var theirs = XapiStatementResourceTest.lms();
        state(ours, "mine")
                .contentType("text/plain")
                .body("x")
                .put(STATE)
                .then()
                .statusCode(204);
        state(theirs, "mine").get(STATE).then().statusCode(404);
        state(theirs, null).get(STATE).then().body("", hasSize(0));
    }
}
