package uk.apprenticeships.st1398.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An LMS feeds the e-portfolio through the real gateway (docs/xapi.md): a tutor issues an LMS credential with a real
 * Keycloak token; the LMS sends statements with HTTP Basic to /xapi/ (the gateway passes Basic on that prefix only,
 * evidence-service checks the key and secret); draft evidence and a pending off-the-job entry appear for the right
 * apprentice and nowhere else; another provider's credential sees none of it. tutor1 and tutor2 are the demo
 * realm's tutors of providers 10000001 and 10000002 (identity/st1398-realm.json).
 */
@ExtendWith(Stack.class)
class XapiEndToEndTest {

    static final String VERSION = "X-Experience-API-Version";
    static final String KSBS = "https://st1398.apprenticeships.uk/xapi/extensions/ksbs";
    static final String OFF_THE_JOB = "https://st1398.apprenticeships.uk/xapi/extensions/off-the-job";

    record Lms(String key, String secret) {
        RequestSpecification xapi() {
            return given().auth().preemptive().basic(key, secret).header(VERSION, "2.0.0");
        }

        String basic() {
            return "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
        }
    }

    @BeforeAll
    static void gateway() {
        RestAssured.baseURI = Stack.GATEWAY;
    }

    static String uln() {
        return String.valueOf(7_000_000_000L + (System.nanoTime() / 1000) % 1_000_000_000L);
    }

    static String enrol(String tutor, String ukprn, String uln) {
        String location = given().auth()
                .oauth2(Stack.token(tutor))
                .contentType("application/json")
                .body(Map.of(
                        "uln", uln,
                        "givenName", "Grace",
                        "familyName", "Hopper",
                        "dateOfBirth", "2002-12-09",
                        "providerUkprn", ukprn,
                        "employerId", "EMP0001",
                        "standardVersion", "ST1398_1.0",
                        "startDate", "2025-09-01",
                        "plannedEndDate", "2027-09-01"))
                .post("/api/v1/apprentices")
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    static Lms credential(String tutor) {
        var answer = given().auth()
                .oauth2(Stack.token(tutor))
                .contentType("application/json")
                .body(Map.of("name", "Moodle (end to end)"))
                .post("/api/v1/xapi-credentials")
                .then()
                .statusCode(201)
                .extract();
        return new Lms(answer.path("key"), answer.path("secret"));
    }

    static String statement(String id, String uln, String extensions, String result) {
        return "{\"id\":\"" + id + "\",\"actor\":{\"account\":{\"homePage\":\"https://moodle.example.org\",\"name\":\""
                + uln + "\"}},\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/completed\",\"display\":{\"en-GB\":"
                + "\"completed\"}},\"object\":{\"id\":\"https://moodle.example.org/course/e2e-" + id + "\","
                + "\"definition\":{\"name\":{\"en-GB\":\"Model evaluation\"},\"extensions\":{" + extensions + "}}}"
                + (result == null ? "" : ",\"result\":" + result) + ",\"timestamp\":\"2026-03-02T10:00:00Z\"}";
    }

    static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    @Test
    void anLmsCredentialFeedsTheRightApprenticesEPortfolioThroughTheGatewayAndNoOtherProviderSeesIt() throws Exception {
        String uln = uln();
        String apprentice = enrol("tutor1", "10000001", uln);
        String neighbour = enrol("tutor1", "10000001", uln());
        Lms lms = credential("tutor1");
        Lms otherLms = credential("tutor2");

        // Without credentials, or with a wrong secret: 401 (the gateway, then evidence-service).
        given().header(VERSION, "2.0.0").get("/xapi/statements").then().statusCode(401);
        new Lms(lms.key(), "wrong").xapi().get("/xapi/statements").then().statusCode(401);

        String evidential = UUID.randomUUID().toString();
        String offTheJob = UUID.randomUUID().toString();
        String batch = "["
                + statement(evidential, uln, "\"" + KSBS + "\":[\"K1\",\"S1\"]", "{\"completion\":true}") + ","
                + statement(offTheJob, uln, "\"" + OFF_THE_JOB + "\":true", "{\"duration\":\"PT1H30M\"}") + "]";
        lms.xapi()
                .contentType("application/json")
                .body(batch)
                .post("/xapi/statements")
                .then()
                .statusCode(200)
                .header(VERSION, "2.0.0")
                .body("$", contains(evidential, offTheJob));

        // Draft evidence and a pending off-the-job entry, for this apprentice only.
        given().auth()
                .oauth2(Stack.token("tutor1"))
                .get("/api/v1/apprentices/" + apprentice + "/evidence?size=100")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].kind", equalTo("xapi-statement"))
                .body("items[0].status", equalTo("draft"))
                .body("items[0].ksbCodes", contains("K1", "S1"))
                .body("items[0].xapi.statementId", equalTo(evidential));
        given().auth()
                .oauth2(Stack.token("tutor1"))
                .get("/api/v1/apprentices/" + apprentice + "/off-the-job?size=100")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].status", equalTo("pending"));
        given().auth()
                .oauth2(Stack.token("tutor1"))
                .get("/api/v1/apprentices/" + neighbour + "/evidence?size=100")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        given().auth()
                .oauth2(Stack.token("tutor1"))
                .get("/api/v1/apprentices/" + neighbour + "/off-the-job?size=100")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));

        // The LMS reads its statements back.
        lms.xapi()
                .queryParam("statementId", evidential)
                .get("/xapi/statements")
                .then()
                .statusCode(200)
                .body("actor.account.name", equalTo(uln));

        // Another provider's credential sees none of it, cannot reuse the ids, and cannot write about the apprentice.
        otherLms.xapi()
                .queryParam("statementId", evidential)
                .get("/xapi/statements")
                .then()
                .statusCode(404);
        otherLms.xapi()
                .queryParam("activity", "https://moodle.example.org/course/e2e-" + evidential)
                .get("/xapi/statements")
                .then()
                .statusCode(200)
                .body("statements", hasSize(0));
        otherLms.xapi()
                .contentType("application/json")
                .body(statement(UUID.randomUUID().toString(), uln, "\"" + KSBS + "\":[\"K2\"]", null))
                .post("/xapi/statements")
                .then()
                .statusCode(403)
                .body("code", equalTo("xapi-learner-of-another-provider"));
        given().auth()
                .oauth2(Stack.token("tutor2"))
                .get("/api/v1/apprentices/" + apprentice + "/evidence?size=100")
                .then()
                .statusCode(404);

        // An attachment through the gateway: multipart/mixed in, and back with attachments=true.
        byte[] data = "certificate of completion".getBytes(StandardCharsets.UTF_8);
        String withAttachment = UUID.randomUUID().toString();
        String boundary = "e2e-boundary-" + UUID.randomUUID();
        String json = statement(withAttachment, uln, "", null)
                .replaceFirst(
                        "\\}$",
                        ",\"attachments\":[{\"usageType\":\"http://example.com/usage/certificate\","
                                + "\"display\":{\"en-GB\":\"Certificate\"},\"contentType\":\"text/plain\","
                                + "\"length\":" + data.length + ",\"sha2\":\"" + sha256(data) + "\"}]}");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Type: application/json\r\n\r\n" + json + "\r\n--" + boundary
                        + "\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: "
                        + sha256(data) + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(data);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> posted = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(Stack.GATEWAY + "/xapi/statements"))
                                .header("Authorization", lms.basic())
                                .header(VERSION, "2.0.0")
                                .header("Content-Type", "multipart/mixed; boundary=\"" + boundary + "\"")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertTrue(posted.statusCode() == 200, posted.statusCode() + " " + posted.body());
        var answer = lms.xapi()
                .queryParam("statementId", withAttachment)
                .queryParam("attachments", true)
                .get("/xapi/statements")
                .then()
                .statusCode(200)
                .extract();
        assertTrue(answer.contentType().startsWith("multipart/mixed"), answer.contentType());
        assertTrue(answer.asString().contains("certificate of completion"), answer.asString());
        otherLms.xapi()
                .queryParam("statementId", withAttachment)
                .queryParam("attachments", true)
                .get("/xapi/statements")
                .then()
                .statusCode(404);
    }
}
