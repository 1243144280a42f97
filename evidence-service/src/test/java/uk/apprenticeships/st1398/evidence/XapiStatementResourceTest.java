package uk.apprenticeships.st1398.evidence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.evidence.xapi.StatementValidator;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/**
 * The Statement and About resources against xAPI 2.0's communication requirements ("xAPI-Communication.md" of
 * adlnet/xAPI-Spec; requirement names as in ADL's LRS conformance suite, adlnet/lrs-conformance-test-suite
 * test/v2_0). Each test issues its own provider's credential: the database is shared.
 */
@QuarkusTest
@QuarkusTestResource(value = StandardsServiceStub.class, restrictToAnnotatedClass = false)
class XapiStatementResourceTest {

    static final String STATEMENTS = "/xapi/statements";
    static final String VERSION = "X-Experience-API-Version";

    record Lms(String ukprn, String key, String secret) {
        RequestSpecification xapi() {
            return given().auth().preemptive().basic(key, secret).header(VERSION, "2.0.0");
        }
    }

    static Lms lms() {
        String ukprn = TestIds.ukprn();
        return lms(ukprn);
    }

    static Lms lms(String ukprn) {
        var answer = given().auth()
                .oauth2(Tokens.tutor(ukprn))
                .contentType("application/json")
                .body(Map.of("name", "Moodle"))
                .post("/api/v1/xapi-credentials")
                .then()
                .statusCode(201)
                .extract();
        return new Lms(ukprn, answer.path("key"), answer.path("secret"));
    }

    static String statement(String actorMbox, String verb, String activity) {
        return "{\"actor\":{\"objectType\":\"Agent\",\"name\":\"Learner\",\"mbox\":\"mailto:" + actorMbox + "\"},"
                + "\"verb\":{\"id\":\"" + verb + "\",\"display\":{\"en-GB\":\"completed\",\"fr\":\"terminé\"}},"
                + "\"object\":{\"objectType\":\"Activity\",\"id\":\"" + activity + "\"}}";
    }

    static String statement() {
        return statement(
                "learner@example.org", "http://adlnet.gov/expapi/verbs/completed", "http://example.org/course/1");
    }

    static String withId(String statement, String id) {
        return "{\"id\":\"" + id + "\"," + statement.substring(1);
    }

    static String voiding(String target) {
        return "{\"actor\":{\"mbox\":\"mailto:tutor@example.org\"},\"verb\":{\"id\":\"" + StatementValidator.VOIDED
                + "\"},\"object\":{\"objectType\":\"StatementRef\",\"id\":\"" + target + "\"}}";
    }

    static String post(Lms lms, String body) {
        return lms.xapi()
                .contentType("application/json")
                .body(body)
                .post(STATEMENTS)
                .then()
                .statusCode(200)
                .extract()
                .path("[0]");
    }

    // ------------------------------------------------------------------ Communication 3.3 versioning

    @Test
    void anLrsRejectsARequestWithoutTheVersionHeaderExceptToAbout_communication3_3() {
        Lms lms = lms();
        given().auth()
                .preemptive()
                .basic(lms.key(), lms.secret())
                .contentType("application/json")
                .body(statement())
                .post(STATEMENTS)
                .then()
                .spec(Problems.problem(400, "bad-request", "xapi-version-header-invalid"))
                .header(VERSION, "2.0.0");
        given().auth()
                .preemptive()
                .basic(lms.key(), lms.secret())
                .get(STATEMENTS)
                .then()
                .statusCode(400);
        given().get("/xapi/about")
                .then()
                .statusCode(200)
                .body("version", hasItem("2.0.0"))
                .header(VERSION, "2.0.0");
        lms.xapi().get(STATEMENTS).then().statusCode(200).body("statements", hasSize(0));
    }

    @Test
    void anLrsRejectsAVersionHeaderOtherThan2_0xOr1_0x_communication3_3() {
        Lms lms = lms();
        for (String version : List.of("0.95", "3.0.0", "2.1.0", "latest")) {
            given().auth()
                    .preemptive()
                    .basic(lms.key(), lms.secret())
                    .header(VERSION, version)
                    .get(STATEMENTS)
                    .then()
                    .spec(Problems.problem(400, "bad-request", "xapi-version-header-invalid"));
        }
        for (String version : List.of("2.0", "2.0.0", "2.0.7", "1.0", "1.0.3")) {
            given().auth()
                    .preemptive()
                    .basic(lms.key(), lms.secret())
                    .header(VERSION, version)
                    .get(STATEMENTS)
                    .then()
                    .statusCode(200)
                    .header(VERSION, version.startsWith("1.") ? "1.0.3" : "2.0.0");
        }
    }

    // ------------------------------------------------------------------ authentication (Communication 4)

    @Test
    void anLrsRejectsARequestWithoutValidCredentials_communication4_1() {
        given().header(VERSION, "2.0.0")
                .get(STATEMENTS)
                .then()
                .spec(Problems.problem(401, "unauthorized", "authentication-required"))
                .header("WWW-Authenticate", containsString("Basic"));
        given().auth()
                .preemptive()
                .basic("lms-AAAAAAAAAAAAAAAA", "wrong")
                .header(VERSION, "2.0.0")
                .get(STATEMENTS)
                .then()
                .spec(Problems.problem(401, "unauthorized", "xapi-credentials-invalid"));
        Lms lms = lms();
        given().auth()
                .preemptive()
                .basic(lms.key(), lms.secret() + "x")
                .header(VERSION, "2.0.0")
                .get(STATEMENTS)
                .then()
                .statusCode(401);
    }

    @Test
    void aRevokedCredentialAuthenticatesNothing() {
        Lms lms = lms();
        lms.xapi().get(STATEMENTS).then().statusCode(200);
        given().auth()
                .oauth2(Tokens.tutor(lms.ukprn()))
                .delete("/api/v1/xapi-credentials/" + lms.key())
                .then()
                .statusCode(204);
        lms.xapi().get(STATEMENTS).then().spec(Problems.problem(401, "unauthorized", "xapi-credentials-invalid"));
    }

    @Test
    void credentialsAreIssuedByTheProvidersTutorsAndTheSecretIsShownOnce() {
        String ukprn = TestIds.ukprn();
        Lms lms = lms(ukprn);
        given().auth()
                .oauth2(Tokens.tutor(ukprn))
                .get("/api/v1/xapi-credentials")
                .then()
                .statusCode(200)
                .body("items.key", contains(lms.key()))
                .body("items[0].secret", nullValue())
                .body("items[0].createdBy", notNullValue());
        // Another provider's tutor sees none of them and cannot revoke them.
        String other = TestIds.ukprn();
        given().auth()
                .oauth2(Tokens.tutor(other))
                .get("/api/v1/xapi-credentials")
                .then()
                .body("items", hasSize(0));
        given().auth()
                .oauth2(Tokens.tutor(other))
                .delete("/api/v1/xapi-credentials/" + lms.key())
                .then()
                .spec(Problems.problem(404, "not-found", "xapi-credential-not-found"));
        given().auth()
                .oauth2(Tokens.employer("EMP" + TestIds.suffix()))
                .contentType("application/json")
                .body(Map.of("name", "x"))
                .post("/api/v1/xapi-credentials")
                .then()
                .spec(Problems.problem(403, "forbidden", "role-not-allowed"));
        given().auth()
                .oauth2(Tokens.tutor(ukprn))
                .contentType("application/json")
                .body(Map.of("name", " "))
                .post("/api/v1/xapi-credentials")
                .then()
                .spec(Problems.invalid("name"));
        given().auth()
                .oauth2(Tokens.admin())
                .contentType("application/json")
                .body(Map.of("name", "x"))
                .post("/api/v1/xapi-credentials")
                .then()
                .spec(Problems.invalid("providerUkprn"));
    }

    // ------------------------------------------------------------------ PUT and POST (Communication 2.1.1, 2.1.2)

    @Test
    void putStoresAStatementUnderStatementIdAndAnswers204_communication2_1_1() {
        Lms lms = lms();
        String id = UUID.randomUUID().toString();
        lms.xapi()
                .contentType("application/json")
                .body(statement())
                .queryParam("statementId", id)
                .put(STATEMENTS)
                .then()
                .statusCode(204)
                .header(VERSION, "2.0.0");
        lms.xapi()
                .queryParam("statementId", id)
                .get(STATEMENTS)
                .then()
                .statusCode(200)
                .header("X-Experience-API-Consistent-Through", notNullValue())
                .header("Last-Modified", notNullValue())
                .body("id", equalTo(id))
                .body("stored", notNullValue())
                .body("timestamp", notNullValue())
                .body("version", equalTo("2.0.0"))
                .body("authority.account.name", equalTo(lms.key()));
        lms.xapi()
                .contentType("application/json")
                .body(statement())
                .put(STATEMENTS)
                .then()
                .spec(Problems.problem(400, "validation-failed", "xapi-parameter-invalid"));
        lms.xapi()
                .contentType("application/json")
                .body(withId(statement(), UUID.randomUUID().toString()))
                .queryParam("statementId", id)
                .put(STATEMENTS)
                .then()
                .spec(Problems.problem(400, "validation-failed", "xapi-statement-invalid"));
    }

    @Test
    void anLrsAnswers204ToTheSameStatementAgainAnd409ToADifferentOneWithTheSameId_communication2_1_1() {
        Lms lms = lms();
        String id = UUID.randomUUID().toString();
        lms.xapi()
                .contentType("application/json")
                .body(statement())
                .queryParam("statementId", id)
                .put(STATEMENTS)
                .then()
                .statusCode(204);
        // The same statement, its id in upper case: the same statement (Data 2.3.1).
        lms.xapi()
                .contentType("application/json")
                .body(statement())
                .queryParam("statementId", id.toUpperCase())
                .put(STATEMENTS)
                .then()
                .statusCode(204);
        String different =
                statement("other@example.org", "http://adlnet.gov/expapi/verbs/completed", "http://example.org/c");
        lms.xapi()
                .contentType("application/json")
                .body(different)
                .queryParam("statementId", id)
                .put(STATEMENTS)
                .then()
                .spec(Problems.problem(409, "conflict", "xapi-statement-conflict"));
        lms.xapi()
                .contentType("application/json")
                .body(withId(different, id))
                .post(STATEMENTS)
                .then()
                .statusCode(409);
        // Stored statements are immutable: the first one is still there unchanged.
        lms.xapi()
                .queryParam("statementId", id)
                .get(STATEMENTS)
                .then()
                .body("actor.mbox", equalTo("mailto:learner@example.org"));
    }

    @Test
    void postStoresABatchAndAnswersTheIdsInOrder_communication2_1_2() {
        Lms lms = lms();
        String given = UUID.randomUUID().toString();
        List<String> ids = lms.xapi()
                .contentType("application/json")
                .body("[" + withId(statement(), given) + "," + statement() + "]")
                .post(STATEMENTS)
                .then()
                .statusCode(200)
                .extract()
                .path("");
        assertEquals(2, ids.size());
        assertEquals(given, ids.get(0));
        lms.xapi().queryParam("statementId", ids.get(1)).get(STATEMENTS).then().statusCode(200);
    }

    @Test
    void aBatchWithOneInvalidStatementStoresNothing_communication2_1_2() {
        Lms lms = lms();
        String good = UUID.randomUUID().toString();
        lms.xapi()
                .contentType("application/json")
                .body("[" + withId(statement(), good) + ",{\"actor\":{\"mbox\":\"mailto:a@example.org\"}}]")
                .post(STATEMENTS)
                .then()
                .spec(Problems.problem(400, "validation-failed", "xapi-statement-invalid"))
                .body("statementIndex", equalTo(1))
                .body("property", equalTo("statement.verb"));
        lms.xapi()
                .queryParam("statementId", good)
                .get(STATEMENTS)
                .then()
                .spec(Problems.problem(404, "not-found", "xapi-statement-not-found"));
    }

    @Test
    void aBatchRepeatingAnIdIsRejected_communication2_1_2() {
        Lms lms = lms();
        String id = UUID.randomUUID().toString();
        lms.xapi()
                .contentType("application/json")
                .body("[" + withId(statement(), id) + "," + withId(statement(), id) + "]")
                .post(STATEMENTS)
                .then()
                .statusCode(400);
    }

    @Test
    void malformedJsonIsRejected_communication3_2() {
        Lms lms = lms();
        for (String body : List.of("{", "[1]", "\"statement\"", "{\"actor\":{},\"actor\":{}}")) {
            lms.xapi()
                    .contentType("application/json")
                    .body(body)
                    .post(STATEMENTS)
                    .then()
                    .spec(Problems.problem(400, "validation-failed", "xapi-statement-invalid"));
        }
    }

    // ------------------------------------------------------------------ voiding (Data 2.3.2, Communication 2.1.3)

    @Test
    void aVoidedStatementIsOnlyReturnedByVoidedStatementId_data2_3_2() {
        Lms lms = lms();
        String target = post(lms, statement());
        String voidingId = post(lms, voiding(target));
        lms.xapi()
                .queryParam("statementId", target)
                .get(STATEMENTS)
                .then()
                .spec(Problems.problem(404, "not-found", "xapi-statement-not-found"));
        lms.xapi()
                .queryParam("voidedStatementId", target)
                .get(STATEMENTS)
                .then()
                .statusCode(200)
                .body("id", equalTo(target));
        lms.xapi()
                .queryParam("voidedStatementId", voidingId)
                .get(STATEMENTS)
                .then()
                .statusCode(404);
        List<String> listed =
                lms.xapi().get(STATEMENTS).then().statusCode(200).extract().path("statements.id");
        assertEquals(List.of(voidingId), listed);
    }

    @Test
    void aVoidingStatementCannotTargetAVoidingStatement_data2_3_2() {
        Lms lms = lms();
        String target = post(lms, statement());
        String voidingId = post(lms, voiding(target));
        lms.xapi()
                .contentType("application/json")
                .body(voiding(voidingId))
                .post(STATEMENTS)
                .then()
                .spec(Problems.problem(400, "validation-failed", "xapi-statement-invalid"));
    }

    @Test
    void aStatementVoidedBeforeItArrivesIsVoided_data2_3_2() {
        Lms lms = lms();
        String target = UUID.randomUUID().toString();
        post(lms, voiding(target));
        post(lms, withId(statement(), target));
        lms.xapi().queryParam("statementId", target).get(STATEMENTS).then().statusCode(404);
        lms.xapi()
                .queryParam("voidedStatementId", target)
                .get(STATEMENTS)
                .then()
                .statusCode(200);
    }

    // ------------------------------------------------------------------ GET (Communication 2.1.3)

    @Test
    void getFiltersByAgentVerbActivityAndRegistration_communication2_1_3() {
        Lms lms = lms();
        String registration = UUID.randomUUID().toString();
        String a = post(
                lms, statement("ann@example.org", "http://adlnet.gov/expapi/verbs/completed", "http://example.org/a"));
        String b = post(
                lms, statement("bob@example.org", "http://adlnet.gov/expapi/verbs/passed", "http://example.org/b"));
        String c = post(
                lms,
                "{\"actor\":{\"mbox\":\"mailto:ann@example.org\"},\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/attempted\"},"
                        + "\"object\":{\"id\":\"http://example.org/c\"},\"context\":{\"registration\":\"" + registration
                        + "\","
                        + "\"instructor\":{\"mbox\":\"mailto:teacher@example.org\"},"
                        + "\"contextActivities\":{\"parent\":{\"id\":\"http://example.org/a\"}}}}");
        lms.xapi()
                .queryParam("agent", "{\"mbox\":\"mailto:ann@example.org\",\"name\":\"any name\"}")
                .get(STATEMENTS)
                .then()
                .body("statements.id", contains(c, a));
        lms.xapi()
                .queryParam("verb", "http://adlnet.gov/expapi/verbs/passed")
                .get(STATEMENTS)
                .then()
                .body("statements.id", contains(b));
        lms.xapi()
                .queryParam("activity", "http://example.org/a")
                .get(STATEMENTS)
                .then()
                .body("statements.id", contains(a));
        lms.xapi()
                .queryParam("activity", "http://example.org/a")
                .queryParam("related_activities", "true")
                .get(STATEMENTS)
                .then()
                .body("statements.id", contains(c, a));
        lms.xapi()
                .queryParam("agent", "{\"mbox\":\"mailto:teacher@example.org\"}")
                .get(STATEMENTS)
                .then()
                .body("statements", hasSize(0));
        lms.xapi()
                .queryParam("agent", "{\"mbox\":\"mailto:teacher@example.org\"}")
                .queryParam("related_agents", "true")
                .get(STATEMENTS)
                .then()
                .body("statements.id", contains(c));
        lms.xapi()
                .queryParam("registration", registration)
                .get(STATEMENTS)
                .then()
                .body("statements.id", contains(c));
        lms.xapi().queryParam("ascending", "true").get(STATEMENTS).then().body("statements.id", contains(a, b, c));
        // The context activity given as one object is returned as an array of one (Data 2.4.6.2).
        lms.xapi()
                .queryParam("statementId", c)
                .get(STATEMENTS)
                .then()
                .body("context.contextActivities.parent", hasSize(1));
    }

    @Test
    void aStatementReferringToAMatchingStatementMatchesTheFilter_communication2_1_3() {
        Lms lms = lms();
        String target = post(
                lms, statement("ref@example.org", "http://adlnet.gov/expapi/verbs/passed", "http://example.org/r"));
        String referring = post(
                lms,
                "{\"actor\":{\"mbox\":\"mailto:tutor@example.org\"},\"verb\":{\"id\":\"http://example.org/verbs/commented\"},"
                        + "\"object\":{\"objectType\":\"StatementRef\",\"id\":\"" + target + "\"}}");
        lms.xapi()
                .queryParam("activity", "http://example.org/r")
                .get(STATEMENTS)
                .then()
                .body("statements.id", contains(referring, target));
    }

    /**
     * xAPI-Communication.md 2.1.3, the agent parameter: "For the purposes of this filter, Groups that have members
     * which match the specified Agent based on their Inverse Functional Identifier as described above are considered
     * a match" (actor, object and, with related_agents, team, instructor and authority).
     */
    @Test
    void theAgentFilterMatchesGroupsWithAMatchingMember_communication2_1_3() {
        Lms lms = lms();
        String member = "member-" + UUID.randomUUID() + "@example.org";
        String coach = "coach-" + UUID.randomUUID() + "@example.org";
        String byGroup = post(
                lms,
                "{\"actor\":{\"objectType\":\"Group\",\"member\":[{\"mbox\":\"mailto:" + member + "\"},"
                        + "{\"mbox\":\"mailto:other@example.org\"}]},\"verb\":{\"id\":\"http://example.org/v\"},"
                        + "\"object\":{\"id\":\"http://example.org/group-work\"}}");
        String byTeam = post(
                lms,
                "{\"actor\":{\"mbox\":\"mailto:lead@example.org\"},\"verb\":{\"id\":\"http://example.org/v\"},"
                        + "\"object\":{\"id\":\"http://example.org/group-work\"},\"context\":{\"team\":{"
                        + "\"objectType\":\"Group\",\"mbox\":\"mailto:team@example.org\",\"member\":[{\"mbox\":"
                        + "\"mailto:" + coach + "\"}]}}}");
        lms.xapi()
                .queryParam("agent", "{\"mbox\":\"mailto:" + member + "\"}")
                .get(STATEMENTS)
                .then()
                .body("statements.id", contains(byGroup));
        lms.xapi()
                .queryParam("agent", "{\"mbox\":\"mailto:" + coach + "\"}")
                .get(STATEMENTS)
                .then()
                .body("statements", hasSize(0));
        lms.xapi()
                .queryParam("agent", "{\"mbox\":\"mailto:" + coach + "\"}")
                .queryParam("related_agents", "true")
                .get(STATEMENTS)
                .then()
                .body("statements.id", contains(byTeam));
    }

    /**
     * xAPI-Communication.md 2.1.3, the format parameter: canonical returns Activity objects "populated with the
     * canonical definition of the Activity Objects [...] as determined by the LRS", then one language per map
     * (2.1.3.s4); exact returns them as received.
     */
    @Test
    void formatCanonicalPopulatesActivitiesWithTheCanonicalDefinition_communication2_1_3() {
        Lms lms = lms();
        String activity = "http://example.org/activities/" + UUID.randomUUID();
        String first = post(
                lms,
                "{\"actor\":{\"mbox\":\"mailto:a@example.org\"},\"verb\":{\"id\":\"http://example.org/v\"},"
                        + "\"object\":{\"id\":\"" + activity + "\",\"definition\":{\"name\":{\"en\":\"Old\"}}}}");
        post(
                lms,
                "{\"actor\":{\"mbox\":\"mailto:b@example.org\"},\"verb\":{\"id\":\"http://example.org/v\"},"
                        + "\"object\":{\"id\":\"" + activity + "\",\"definition\":{\"name\":{\"en\":\"New\","
                        + "\"fr\":\"Nouveau\"}}}}");
        lms.xapi()
                .header("Accept-Language", "fr")
                .queryParam("statementId", first)
                .queryParam("format", "canonical")
                .get(STATEMENTS)
                .then()
                .statusCode(200)
                .body("object.definition.name.fr", equalTo("Nouveau"))
                .body("object.definition.name.en", nullValue());
        lms.xapi()
                .header("Accept-Language", "en")
                .queryParam("activity", activity)
                .queryParam("format", "canonical")
                .get(STATEMENTS)
                .then()
                .body("statements.object.definition.name.en", contains("New", "New"));
        lms.xapi()
                .queryParam("statementId", first)
                .get(STATEMENTS)
                .then()
                .body("object.definition.name.en", equalTo("Old"));
    }

    static String referringTo(String target) {
        return "{\"actor\":{\"mbox\":\"mailto:tutor@example.org\"},\"verb\":{\"id\":\"http://example.org/verbs/commented\"},"
                + "\"object\":{\"objectType\":\"StatementRef\",\"id\":\"" + target + "\"}}";
    }

    /**
     * xAPI-Communication.md 2.1.3.s3 "Filter Conditions for StatementRefs": a targeting statement meets the agent,
     * verb, activity and registration filters its target meets, recursively; nothing there depends on the order
     * in which they were stored (conformance suite test/v2_0/H.Communication2.1-StatementResource.js).
     */
    @Test
    void aStatementStoredBeforeItsTargetMatchesTheTargetsFilters_communication2_1_3_s3() {
        Lms lms = lms();
        String registration = UUID.randomUUID().toString();
        String target = UUID.randomUUID().toString();
        String middle = UUID.randomUUID().toString();
        // c -> b -> a, stored c, b, then a: the chain is complete only when a arrives.
        String outer = post(lms, referringTo(middle));
        post(lms, withId(referringTo(target), middle));
        post(
                lms,
                "{\"id\":\"" + target + "\",\"actor\":{\"mbox\":\"mailto:late@example.org\"},\"verb\":{\"id\":"
                        + "\"http://adlnet.gov/expapi/verbs/passed\"},\"object\":{\"id\":\"http://example.org/late\"},"
                        + "\"context\":{\"registration\":\"" + registration + "\"}}");
        lms.xapi()
                .queryParam("activity", "http://example.org/late")
                .get(STATEMENTS)
                .then()
                .body("statements.id", contains(target, middle, outer));
        lms.xapi()
                .queryParam("agent", "{\"mbox\":\"mailto:late@example.org\"}")
                .get(STATEMENTS)
                .then()
                .body("statements.id", contains(target, middle, outer));
        lms.xapi()
                .queryParam("verb", "http://adlnet.gov/expapi/verbs/passed")
                .get(STATEMENTS)
                .then()
                .body("statements.id", contains(target, middle, outer));
        lms.xapi()
                .queryParam("registration", registration)
                .get(STATEMENTS)
                .then()
                .body("statements.id", contains(target, middle, outer));
        // The time and sequence parameters still apply to the targeting statement itself (2.1.3.s3).
        lms.xapi()
                .queryParam("activity", "http://example.org/late")
                .queryParam("limit", "1")
                .queryParam("ascending", "true")
                .get(STATEMENTS)
                .then()
                .body("statements.id", contains(outer));
        // The statements themselves never change (Data 2.3.1).
        lms.xapi()
                .queryParam("statementId", outer)
                .get(STATEMENTS)
                .then()
                .body("object.id", equalTo(middle))
                .body("verb.id", equalTo("http://example.org/verbs/commented"));
    }

    @Test
    void aStatementReferringToOneLaterInTheSameBatchMatchesItsFilters_communication2_1_3_s3() {
        Lms lms = lms();
        String target = UUID.randomUUID().toString();
        String referring = UUID.randomUUID().toString();
        lms.xapi()
                .contentType("application/json")
                .body("[" + withId(referringTo(target), referring) + ","
                        + withId(
                                statement(
                                        "batch@example.org",
                                        "http://adlnet.gov/expapi/verbs/passed",
                                        "http://example.org/batch"),
                                target)
                        + "]")
                .post(STATEMENTS)
                .then()
                .statusCode(200);
        lms.xapi()
                .queryParam("agent", "{\"mbox\":\"mailto:batch@example.org\"}")
                .get(STATEMENTS)
                .then()
                .body("statements.id", hasItem(referring))
                .body("statements", hasSize(2));
        // Another provider's statement with the target's id never lends its values (each provider its own).
        Lms other = lms();
        String foreignTarget = UUID.randomUUID().toString();
        String foreignReferrer = post(other, referringTo(foreignTarget));
        post(
                lms,
                withId(
                        statement(
                                "foreign@example.org", "http://adlnet.gov/expapi/verbs/passed", "http://example.org/f"),
                        foreignTarget));
        other.xapi()
                .queryParam("agent", "{\"mbox\":\"mailto:foreign@example.org\"}")
                .get(STATEMENTS)
                .then()
                .body("statements", hasSize(0));
        other.xapi()
                .queryParam("statementId", foreignReferrer)
                .get(STATEMENTS)
                .then()
                .statusCode(200);
    }

    @Test
    void sinceIsExclusiveUntilInclusiveAndLimitPagesWithMore_communication2_1_3() {
        Lms lms = lms();
        String first = post(lms, statement());
        String stored = lms.xapi()
                .queryParam("statementId", first)
                .get(STATEMENTS)
                .then()
                .extract()
                .path("stored");
        String second = post(lms, statement());
        String third = post(lms, statement());
        lms.xapi()
                .queryParam("since", stored)
                .queryParam("ascending", "true")
                .get(STATEMENTS)
                .then()
                .body("statements.id", not(hasItem(first)));
        lms.xapi().queryParam("until", stored).get(STATEMENTS).then().body("statements.id", hasItem(first));
        String more = lms.xapi()
                .queryParam("limit", "2")
                .get(STATEMENTS)
                .then()
                .body("statements.id", contains(third, second))
                .body("more", not(emptyString()))
                .extract()
                .path("more");
        lms.xapi()
                .urlEncodingEnabled(false)
                .get(more)
                .then()
                .statusCode(200)
                .body("statements.id", contains(first))
                .body("more", equalTo(""));
    }

    @Test
    void formatIdsAndCanonicalReduceTheStatement_communication2_1_3() {
        Lms lms = lms();
        String id = post(lms, statement());
        lms.xapi()
                .queryParam("statementId", id)
                .queryParam("format", "ids")
                .get(STATEMENTS)
                .then()
                .body("actor.name", nullValue())
                .body("actor.mbox", equalTo("mailto:learner@example.org"))
                .body("verb.display", nullValue());
        lms.xapi()
                .queryParam("statementId", id)
                .queryParam("format", "canonical")
                .header("Accept-Language", "fr")
                .get(STATEMENTS)
                .then()
                .body("verb.display", equalTo(Map.of("fr", "terminé")));
        lms.xapi()
                .queryParam("statementId", id)
                .queryParam("format", "exact")
                .get(STATEMENTS)
                .then()
                .body("verb.display.size()", equalTo(2));
    }

    @Test
    void headAnswersAsGetWithoutABody_communication1_1() {
        Lms lms = lms();
        String id = post(lms, statement());
        lms.xapi()
                .queryParam("statementId", id)
                .head(STATEMENTS)
                .then()
                .statusCode(200)
                .header(VERSION, "2.0.0")
                .body(emptyString());
    }

    @Test
    void anLrsRejectsBadOrUnknownQueryParameters_communication3_2() {
        Lms lms = lms();
        for (Map.Entry<String, String> bad : Map.of(
                        "statementid", UUID.randomUUID().toString(),
                        "agent", "{\"name\":\"no ifi\"}",
                        "verb", "completed",
                        "registration", "nope",
                        "since", "yesterday",
                        "limit", "-1",
                        "ascending", "yes",
                        "format", "full",
                        "attachments", "maybe",
                        "more", "not-a-cursor")
                .entrySet()) {
            lms.xapi()
                    .queryParam(bad.getKey(), bad.getValue())
                    .get(STATEMENTS)
                    .then()
                    .spec(Problems.problem(400, "validation-failed", "xapi-parameter-invalid"))
                    .body("parameter", equalTo(bad.getKey()));
        }
        lms.xapi()
                .queryParam("statementId", UUID.randomUUID().toString())
                .queryParam("verb", "http://example.org/v")
                .get(STATEMENTS)
                .then()
                .statusCode(400);
    }

    // ------------------------------------------------------------------ tenancy

    @Test
    void aCredentialSeesOnlyItsProvidersStatements() {
        Lms ours = lms();
        Lms theirs = lms();
        String id = post(ours, statement());
        theirs.xapi().queryParam("statementId", id).get(STATEMENTS).then().statusCode(404);
        theirs.xapi().get(STATEMENTS).then().body("statements", hasSize(0));
        // Their LMS cannot claim the id either.
        theirs.xapi()
                .contentType("application/json")
                .body(statement())
                .queryParam("statementId", id)
                .put(STATEMENTS)
                .then()
                .statusCode(409);
        // A tutor's token reads the provider's statements; an admin's reads all; neither writes.
        given().auth()
                .oauth2(Tokens.tutor(ours.ukprn()))
                .header(VERSION, "2.0.0")
                .queryParam("statementId", id)
                .get(STATEMENTS)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.tutor(theirs.ukprn()))
                .header(VERSION, "2.0.0")
                .queryParam("statementId", id)
                .get(STATEMENTS)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Tokens.admin())
                .header(VERSION, "2.0.0")
                .queryParam("statementId", id)
                .get(STATEMENTS)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.tutor(ours.ukprn()))
                .header(VERSION, "2.0.0")
                .contentType("application/json")
                .body(statement())
                .post(STATEMENTS)
                .then()
                .spec(Problems.problem(403, "forbidden", "xapi-write-forbidden"));
        given().auth()
                .oauth2(Tokens.employer("EMP" + TestIds.suffix()))
                .header(VERSION, "2.0.0")
                .get(STATEMENTS)
                .then()
                .spec(Problems.problem(403, "forbidden", "role-not-allowed"));
        String lmsToken =
                Tokens.token("lms-" + ours.ukprn(), Set.of("lms-integration"), Map.of("provider_ukprn", ours.ukprn()));
        given().auth()
                .oauth2(lmsToken)
                .header(VERSION, "2.0.0")
                .contentType("application/json")
                .body(statement())
                .post(STATEMENTS)
                .then()
                .statusCode(200);
    }

    @Test
    void statementsAboutAnotherProvidersApprenticeAreRefused() {
        Lms ours = lms();
        String otherProvider = TestIds.ukprn();
        String uln = TestIds.uln();
        EvidenceResourceTest.enrol(uln, otherProvider, "EMP" + TestIds.suffix(), "ST1398_2.0");
        String about = "{\"actor\":{\"account\":{\"homePage\":\"https://lms.example.org\",\"name\":\"" + uln + "\"}},"
                + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/completed\"},\"object\":{\"id\":\"http://example.org/a\"}}";
        String id = UUID.randomUUID().toString();
        ours.xapi()
                .contentType("application/json")
                .body(withId(about, id))
                .post(STATEMENTS)
                .then()
                .spec(Problems.problem(403, "forbidden", "xapi-learner-of-another-provider"));
        ours.xapi().queryParam("statementId", id).get(STATEMENTS).then().statusCode(404);
        // The apprentice's own provider may.
        lms(otherProvider)
                .xapi()
                .contentType("application/json")
                .body(about)
                .post(STATEMENTS)
                .then()
                .statusCode(200);
    }

    // ------------------------------------------------------------------ agents and activities (2.4, 2.5)

    @Test
    void theAgentsResourceAnswersAPersonObject_communication2_4() {
        Lms lms = lms();
        lms.xapi()
                .queryParam("agent", "{\"name\":\"Ann\",\"mbox\":\"mailto:ann@example.org\"}")
                .get("/xapi/agents")
                .then()
                .statusCode(200)
                .body("objectType", equalTo("Person"))
                .body("mbox", contains("mailto:ann@example.org"))
                .body("name", contains("Ann"));
        lms.xapi()
                .get("/xapi/agents")
                .then()
                .spec(Problems.problem(400, "validation-failed", "xapi-parameter-invalid"));
        lms.xapi()
                .queryParam("agent", "{\"name\":\"no ifi\"}")
                .get("/xapi/agents")
                .then()
                .statusCode(400);
    }

    @Test
    void theActivitiesResourceAnswersTheDefinitionItHolds_communication2_5() {
        Lms lms = lms();
        String activity = "http://example.org/activities/" + UUID.randomUUID();
        post(
                lms,
                "{\"actor\":{\"mbox\":\"mailto:a@example.org\"},\"verb\":{\"id\":\"http://example.org/v\"},"
                        + "\"object\":{\"id\":\"" + activity + "\",\"definition\":{\"name\":{\"en\":\"Pipelines\"}}}}");
        lms.xapi()
                .queryParam("activityId", activity)
                .get("/xapi/activities")
                .then()
                .statusCode(200)
                .body("id", equalTo(activity))
                .body("definition.name.en", equalTo("Pipelines"));
        // Another provider's statements are not its definitions; an unknown activity is still an Activity object.
        lms().xapi()
                .queryParam("activityId", activity)
                .get("/xapi/activities")
                .then()
                .statusCode(200)
                .body("id", equalTo(activity))
                .body("definition", nullValue());
        lms.xapi()
                .queryParam("activityId", "not an iri")
                .get("/xapi/activities")
                .then()
                .statusCode(400);
    }

    /**
     * xAPI-Data.md 2.4.4.1.s4.b3-b5 (LRS requirements on Activity Definitions) and xAPI-Communication.md 2.5: the
     * LRS keeps a canonical definition, updated from the definitions statements carry when it trusts their sender
     * (the provider's own LMS), accepting small corrections (language entries) and not significant changes (the
     * interaction, its correct responses).
     */
    @Test
    void anLrsKeepsACanonicalActivityDefinitionMergedFromItsStatements_data2_4_4_1() {
        Lms lms = lms();
        String activity = "http://example.org/activities/" + UUID.randomUUID();
        String parent = "http://example.org/activities/" + UUID.randomUUID();
        post(
                lms,
                "{\"actor\":{\"mbox\":\"mailto:a@example.org\"},\"verb\":{\"id\":\"http://example.org/v\"},"
                        + "\"object\":{\"id\":\"" + activity + "\",\"definition\":{\"name\":{\"en\":\"Pipelnes\"},"
                        + "\"type\":\"http://adlnet.gov/expapi/activities/cmi.interaction\",\"interactionType\":\"choice\","
                        + "\"correctResponsesPattern\":[\"a\"],\"choices\":[{\"id\":\"a\",\"description\":{\"en\":"
                        + "\"Alpah\"}},{\"id\":\"b\",\"description\":{\"en\":\"Beta\"}}]}},"
                        + "\"context\":{\"contextActivities\":{\"parent\":{\"id\":\"" + parent + "\",\"definition\":"
                        + "{\"name\":{\"en\":\"Course\"}}}}}}");
        // A later definition: a spelling fix, a new language, a description, an extension (accepted); another
        // interaction type and other correct responses (a significant change: not taken).
        post(
                lms,
                "{\"actor\":{\"mbox\":\"mailto:b@example.org\"},\"verb\":{\"id\":\"http://example.org/v\"},"
                        + "\"object\":{\"id\":\"" + activity + "\",\"definition\":{\"name\":{\"en\":\"Pipelines\","
                        + "\"fr\":\"Pipelines (fr)\"},\"description\":{\"en\":\"Build pipelines\"},"
                        + "\"interactionType\":\"true-false\",\"correctResponsesPattern\":[\"true\"],"
                        + "\"extensions\":{\"http://example.org/ext/level\":3}}}}");
        post(
                lms,
                "{\"actor\":{\"mbox\":\"mailto:c@example.org\"},\"verb\":{\"id\":\"http://example.org/v\"},"
                        + "\"object\":{\"id\":\"" + activity + "\",\"definition\":{\"interactionType\":\"choice\","
                        + "\"correctResponsesPattern\":[\"b\"],\"choices\":[{\"id\":\"a\",\"description\":{\"en\":"
                        + "\"Alpha\"}}]}}}");
        // A statement without a definition changes nothing.
        post(
                lms,
                "{\"actor\":{\"mbox\":\"mailto:d@example.org\"},\"verb\":{\"id\":\"http://example.org/v\"},"
                        + "\"object\":{\"id\":\"" + activity + "\"}}");
        lms.xapi()
                .queryParam("activityId", activity)
                .get("/xapi/activities")
                .then()
                .statusCode(200)
                .body("objectType", equalTo("Activity"))
                .body("id", equalTo(activity))
                .body("definition.name.en", equalTo("Pipelines"))
                .body("definition.name.fr", equalTo("Pipelines (fr)"))
                .body("definition.description.en", equalTo("Build pipelines"))
                .body("definition.type", equalTo("http://adlnet.gov/expapi/activities/cmi.interaction"))
                .body("definition.extensions.'http://example.org/ext/level'", equalTo(3))
                .body("definition.interactionType", equalTo("choice"))
                .body("definition.correctResponsesPattern", contains("a"))
                .body("definition.choices.id", contains("a", "b"))
                .body("definition.choices[0].description.en", equalTo("Alpha"));
        // Context activities' definitions are definitions too.
        lms.xapi()
                .queryParam("activityId", parent)
                .get("/xapi/activities")
                .then()
                .statusCode(200)
                .body("definition.name.en", equalTo("Course"));
        // The statements themselves keep what they were sent with (Data 2.3.1).
        lms.xapi()
                .queryParam("activity", activity)
                .queryParam("ascending", "true")
                .get(STATEMENTS)
                .then()
                .body("statements[0].object.definition.name.en", equalTo("Pipelnes"));
        // An admin reads every provider's definitions merged.
        given().auth()
                .oauth2(Tokens.admin())
                .header(VERSION, "2.0.0")
                .queryParam("activityId", activity)
                .get("/xapi/activities")
                .then()
                .statusCode(200)
                .body("definition.name.en", equalTo("Pipelines"));
    }

    // ------------------------------------------------------------------ 1.0.3 clients (Communication 3.3)

    static String with2_0Context(String id) {
        return "{\"id\":\"" + id + "\",\"actor\":{\"mbox\":\"mailto:learner@example.org\"},\"verb\":{\"id\":"
                + "\"http://adlnet.gov/expapi/verbs/completed\"},\"object\":{\"id\":\"http://example.org/c\"},"
                + "\"context\":{\"contextAgents\":[{\"objectType\":\"contextAgent\",\"agent\":{\"mbox\":"
                + "\"mailto:coach@example.org\"},\"relevantTypes\":[\"http://example.org/types/coach\"]}],"
                + "\"contextGroups\":[{\"objectType\":\"contextGroup\",\"group\":{\"objectType\":\"Group\","
                + "\"member\":[{\"mbox\":\"mailto:peer@example.org\"}]}}]}}";
    }

    @Test
    void anLrsAnswersA1_0_xClientWith1_0_3AndStatementsWithout2_0OnlyProperties_communication3_3() {
        Lms lms = lms();
        String id = UUID.randomUUID().toString();
        post(lms, with2_0Context(id));
        // A 2.0 client reads the statement as stored.
        lms.xapi()
                .queryParam("statementId", id)
                .get(STATEMENTS)
                .then()
                .statusCode(200)
                .header(VERSION, "2.0.0")
                .body("version", equalTo("2.0.0"))
                .body("context.contextAgents", hasSize(1))
                .body("context.contextGroups", hasSize(1));
        // A 1.0.3 client: the answer's version header is 1.0.3, and the statement is one 1.0.3 can hold.
        for (String version : List.of("1.0.3", "1.0", "1.0.1")) {
            given().auth()
                    .preemptive()
                    .basic(lms.key(), lms.secret())
                    .header(VERSION, version)
                    .queryParam("statementId", id)
                    .get(STATEMENTS)
                    .then()
                    .statusCode(200)
                    .header(VERSION, "1.0.3")
                    .body("version", equalTo("1.0.0"))
                    .body("context.contextAgents", nullValue())
                    .body("context.contextGroups", nullValue())
                    .body("actor.mbox", equalTo("mailto:learner@example.org"));
            given().auth()
                    .preemptive()
                    .basic(lms.key(), lms.secret())
                    .header(VERSION, version)
                    .get(STATEMENTS)
                    .then()
                    .statusCode(200)
                    .header(VERSION, "1.0.3")
                    .body("statements[0].context.contextAgents", nullValue());
        }
    }

    @Test
    void anLrsStoresAStatementFromA1_0_xClientWithoutAVersionAs1_0_0_communication3_3() {
        Lms lms = lms();
        String id = given().auth()
                .preemptive()
                .basic(lms.key(), lms.secret())
                .header(VERSION, "1.0.3")
                .contentType("application/json")
                .body(statement())
                .post(STATEMENTS)
                .then()
                .statusCode(200)
                .header(VERSION, "1.0.3")
                .extract()
                .path("[0]");
        lms.xapi().queryParam("statementId", id).get(STATEMENTS).then().body("version", equalTo("1.0.0"));
    }
}
