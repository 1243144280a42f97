package uk.apprenticeships.st1398.evidence;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.testing.Problems;

/**
 * The Activity Profile and Agent Profile resources against xAPI 2.0 ("xAPI-Communication.md" 2.6, 2.7 and 3.1
 * Concurrency, adlnet/xAPI-Spec; names as in adlnet/lrs-conformance-test-suite test/v2_0
 * 4.1.6.5-Agent-Profile-Resource.js and 4.1.6.6-Activity-Profile-Resource.js).
 */
@QuarkusTest
@QuarkusTestResource(value = StandardsServiceStub.class, restrictToAnnotatedClass = false)
class XapiProfileResourceTest {

    static final String ACTIVITY_PROFILE = "/xapi/activities/profile";
    static final String AGENT_PROFILE = "/xapi/agents/profile";

    static RequestSpecification activityProfile(XapiStatementResourceTest.Lms lms, String profileId) {
        RequestSpecification spec = lms.xapi().queryParam("activityId", "http://example.org/course/profile");
        return profileId == null ? spec : spec.queryParam("profileId", profileId);
    }

    static RequestSpecification agentProfile(XapiStatementResourceTest.Lms lms, String profileId) {
        RequestSpecification spec = lms.xapi().queryParam("agent", "{\"mbox\":\"mailto:learner@example.org\"}");
        return profileId == null ? spec : spec.queryParam("profileId", profileId);
    }

    @Test
    void aPutWithoutPreconditionOnAnExistingProfileAnswers409_communication3_1() {
        var lms = XapiStatementResourceTest.lms();
        for (boolean activity : new boolean[] {true, false}) {
            String path = activity ? ACTIVITY_PROFILE : AGENT_PROFILE;
            RequestSpecification first = activity ? activityProfile(lms, "p") : agentProfile(lms, "p");
            first.contentType("application/json")
                    .body("{\"v\":1}")
                    .put(path)
                    .then()
                    .statusCode(204);
            RequestSpecification again = activity ? activityProfile(lms, "p") : agentProfile(lms, "p");
            again.contentType("application/json")
                    .body("{\"v\":2}")
                    .put(path)
                    .then()
                    .spec(Problems.problem(409, "conflict", "xapi-document-conflict"));
            String etag = (activity ? activityProfile(lms, "p") : agentProfile(lms, "p"))
                    .get(path)
                    .then()
                    .statusCode(200)
                    .body("v", equalTo(1))
                    .extract()
                    .header("ETag");
            (activity ? activityProfile(lms, "p") : agentProfile(lms, "p"))
                    .header("If-Match", etag)
                    .contentType("application/json")
                    .body("{\"v\":2}")
                    .put(path)
                    .then()
                    .statusCode(204);
            (activity ? activityProfile(lms, "p") : agentProfile(lms, "p"))
                    .header("If-Match", etag)
                    .contentType("application/json")
                    .body("{\"v\":3}")
                    .put(path)
                    .then()
                    .spec(Problems.problem(412, "precondition-failed", "xapi-document-precondition-failed"));
            (activity ? activityProfile(lms, "p") : agentProfile(lms, "p"))
                    .get(path)
                    .then()
                    .body("v", equalTo(2));
        }
    }

    @Test
    void getWithoutProfileIdListsTheProfileIds_communication2_6_2_7() {
        var lms = XapiStatementResourceTest.lms();
        activityProfile(lms, "b")
                .contentType("text/plain")
                .body("x")
                .put(ACTIVITY_PROFILE)
                .then()
                .statusCode(204);
        activityProfile(lms, "a")
                .contentType("text/plain")
                .body("x")
                .put(ACTIVITY_PROFILE)
                .then()
                .statusCode(204);
        activityProfile(lms, null).get(ACTIVITY_PROFILE).then().statusCode(200).body("", contains("a", "b"));
        agentProfile(lms, "z")
                .contentType("text/plain")
                .body("x")
                .put(AGENT_PROFILE)
                .then()
                .statusCode(204);
        agentProfile(lms, null).get(AGENT_PROFILE).then().body("", contains("z"));
        activityProfile(lms, "a").delete(ACTIVITY_PROFILE).then().statusCode(204);
        activityProfile(lms, null).get(ACTIVITY_PROFILE).then().body("", contains("b"));
        // DELETE names one profile document.
        activityProfile(lms, null).delete(ACTIVITY_PROFILE).then().statusCode(400);
    }

    @Test
    void anLrsRejectsProfileRequestsWithMissingOrBadParameters_communication2_6_2_7() {
        var lms = XapiStatementResourceTest.lms();
        lms.xapi()
                .queryParam("profileId", "p")
                .get(ACTIVITY_PROFILE)
                .then()
                .spec(Problems.problem(400, "validation-failed", "xapi-parameter-invalid"));
        lms.xapi().queryParam("profileId", "p").get(AGENT_PROFILE).then().statusCode(400);
        activityProfile(lms, "p")
                .queryParam("agent", "{\"mbox\":\"mailto:a@example.org\"}")
                .get(ACTIVITY_PROFILE)
                .then()
                .statusCode(400);
        agentProfile(lms, null)
                .contentType("text/plain")
                .body("x")
                .put(AGENT_PROFILE)
                .then()
                .statusCode(400);
    }
}
