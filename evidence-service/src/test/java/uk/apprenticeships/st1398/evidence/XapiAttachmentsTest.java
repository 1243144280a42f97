package uk.apprenticeships.st1398.evidence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.evidence.XapiStatementResourceTest.Lms;

/**
 * Attachments (xAPI 2.0 Communication 1.5.2, Data 2.4.11) and signed statements (Data 2.6), from the
 * specification's text ("xAPI-Communication.md" / "xAPI-Data.md" of adlnet/xAPI-Spec; its multipart example is the
 * shape of every body here). Multipart bodies are sent with the JDK's HttpClient, byte for byte as built. The
 * signing keys are self-signed test certificates made with keytool (src/test/resources/xapi/*.p12, password
 * "changeit").
 */
@QuarkusTest
@QuarkusTestResource(value = StandardsServiceStub.class, restrictToAnnotatedClass = false)
class XapiAttachmentsTest {

    static final String BOUNDARY = "abcABC0123'()+_,-./:=?";
    static final String SIGNATURE = "http://adlnet.gov/expapi/attachments/signature";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestHTTPResource("/")
    URL root;

    record Part(String headers, byte[] data) {}

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Part attachmentPart(byte[] data) {
        return new Part(
                "Content-Type: text/plain\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: "
                        + sha256(data) + "\r\n",
                data);
    }

    static String attachment(String usageType, String contentType, byte[] data, String fileUrl) {
        return "{\"usageType\":\"" + usageType + "\",\"display\":{\"en-US\":\"A test attachment\"},\"contentType\":\""
                + contentType + "\",\"length\":" + data.length + ",\"sha2\":\"" + sha256(data) + "\""
                + (fileUrl == null ? "" : ",\"fileUrl\":\"" + fileUrl + "\"") + "}";
    }

    static String statement(String id, String... attachments) {
        return "{\"id\":\"" + id + "\",\"actor\":{\"mbox\":\"mailto:sample.agent@example.com\",\"name\":\"Sample"
                + " Agent\",\"objectType\":\"Agent\"},\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/answered\","
                + "\"display\":{\"en-US\":\"answered\"}},\"object\":{\"id\":"
                + "\"http://www.example.com/tincan/activities/multipart\",\"objectType\":\"Activity\"}"
                + (attachments.length == 0 ? "" : ",\"attachments\":[" + String.join(",", attachments) + "]") + "}";
    }

    static byte[] multipart(String statements, Part... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Type:application/json\r\n\r\n" + statements)
                .getBytes(StandardCharsets.UTF_8));
        for (Part part : parts) {
            out.writeBytes(("\r\n--" + BOUNDARY + "\r\n" + part.headers() + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(part.data());
        }
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    HttpResponse<byte[]> send(Lms lms, String method, String query, byte[] body) throws Exception {
        return send(lms, method, query, HttpRequest.BodyPublishers.ofByteArray(body));
    }

    HttpResponse<byte[]> send(Lms lms, String method, String query, HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(root + "xapi/statements" + query))
                .header("Authorization", basic(lms))
                .header("X-Experience-API-Version", "2.0.0")
                .header("Content-Type", "multipart/mixed; boundary=\"" + BOUNDARY + "\"")
                .method(method, body)
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    static String basic(Lms lms) {
        return "Basic "
                + Base64.getEncoder().encodeToString((lms.key() + ":" + lms.secret()).getBytes(StandardCharsets.UTF_8));
    }

    static JsonPath json(HttpResponse<byte[]> response) {
        return JsonPath.from(new String(response.body(), StandardCharsets.UTF_8));
    }

    static void assertProblem(HttpResponse<byte[]> response, String code) {
        assertEquals(400, response.statusCode(), () -> new String(response.body(), StandardCharsets.UTF_8));
        assertEquals(code, json(response).getString("code"));
    }

    static void assertNotStored(Lms lms, String id) {
        lms.xapi().queryParam("statementId", id).get("/xapi/statements").then().statusCode(404);
    }

    // ------------------------------------------------------------------ Communication 1.5.2 multipart/mixed

    @Test
    void anLrsAcceptsMultipartStatementsWithAttachmentsAndReturnsTheirRawDataWithAttachmentsTrue_communication1_5_2()
            throws Exception {
        Lms lms = XapiStatementResourceTest.lms();
        byte[] data = "here is a simple attachment".getBytes(StandardCharsets.US_ASCII);
        String id = UUID.randomUUID().toString();
        HttpResponse<byte[]> posted = send(
                lms,
                "POST",
                "",
                multipart(
                        statement(id, attachment("http://example.com/attachment-usage/test", "text/plain", data, null)),
                        attachmentPart(data)));
        assertEquals(200, posted.statusCode(), new String(posted.body(), StandardCharsets.UTF_8));
        assertEquals(List.of(id), json(posted).getList("$"));

        // attachments=false (the default): JSON, the statement only.
        lms.xapi()
                .queryParam("statementId", id)
                .get("/xapi/statements")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("attachments[0].sha2", equalTo(sha256(data)));
        // attachments=true: multipart/mixed, the statement then the raw bytes with their hash.
        var answer = lms.xapi()
                .queryParam("statementId", id)
                .queryParam("attachments", true)
                .get("/xapi/statements")
                .then()
                .statusCode(200)
                .extract();
        String type = answer.contentType();
        assertTrue(type.startsWith("multipart/mixed"), type);
        String boundary = type.replaceAll(".*boundary=\"?([^\";]+)\"?.*", "$1");
        String body = new String(answer.asByteArray(), StandardCharsets.UTF_8);
        String[] parts = body.split("\r\n--" + java.util.regex.Pattern.quote(boundary));
        assertTrue(parts[0].startsWith("--" + boundary + "\r\nContent-Type: application/json"), parts[0]);
        assertTrue(parts[0].contains("\"id\":\"" + id + "\""), parts[0]);
        assertTrue(parts[1].contains("X-Experience-API-Hash: " + sha256(data)), parts[1]);
        assertTrue(parts[1].contains("Content-Transfer-Encoding: binary"), parts[1]);
        assertTrue(parts[1].endsWith("\r\n\r\nhere is a simple attachment"), parts[1]);
        assertEquals("--\r\n", parts[2]);
        // A query page with attachments=true answers the same way.
        var page = lms.xapi()
                .queryParam("attachments", true)
                .get("/xapi/statements")
                .then()
                .statusCode(200)
                .extract();
        assertTrue(page.contentType().startsWith("multipart/mixed"));
        assertTrue(page.asString().contains("here is a simple attachment"));
    }

    @Test
    void anLrsStreamsAttachmentsLargerThanTheStatementsLimitIntoStorageAndBackUnchanged_communication1_5_2()
            throws Exception {
        Lms lms = XapiStatementResourceTest.lms();
        int size = 12 * 1024 * 1024; // over the 5 MB the statements part may have: attachments are not held whole
        byte[] data = new byte[size];
        new java.util.Random(7).nextBytes(data);
        String id = UUID.randomUUID().toString();
        String head = "--" + BOUNDARY + "\r\nContent-Type: application/json\r\n\r\n"
                + statement(id, attachment("http://example.com/usage/video", "video/mp4", data, null))
                + "\r\n--" + BOUNDARY + "\r\nContent-Type: video/mp4\r\nContent-Transfer-Encoding: binary\r\n"
                + "X-Experience-API-Hash: " + sha256(data) + "\r\n\r\n";
        InputStream stream = new SequenceInputStream(
                new SequenceInputStream(
                        new java.io.ByteArrayInputStream(head.getBytes(StandardCharsets.UTF_8)),
                        new java.io.ByteArrayInputStream(data)),
                new java.io.ByteArrayInputStream(("\r\n--" + BOUNDARY + "--").getBytes(StandardCharsets.UTF_8)));
        HttpResponse<byte[]> posted = send(lms, "POST", "", HttpRequest.BodyPublishers.ofInputStream(() -> stream));
        assertEquals(200, posted.statusCode(), new String(posted.body(), StandardCharsets.UTF_8));
        byte[] answer = lms.xapi()
                .queryParam("statementId", id)
                .queryParam("attachments", true)
                .get("/xapi/statements")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        byte[] marker = ("X-Experience-API-Hash: " + sha256(data)).getBytes(StandardCharsets.UTF_8);
        int at = indexOf(answer, marker);
        int start = indexOf(answer, "\r\n\r\n".getBytes(StandardCharsets.UTF_8), at) + 4;
        byte[] returned = java.util.Arrays.copyOfRange(answer, start, start + size);
        assertArrayEquals(data, returned);
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        return indexOf(haystack, needle, 0);
    }

    static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void anLrsAcceptsAPutWithAttachments_communication1_5_2() throws Exception {
        Lms lms = XapiStatementResourceTest.lms();
        byte[] data = "put attachment".getBytes(StandardCharsets.UTF_8);
        String id = UUID.randomUUID().toString();
        HttpResponse<byte[]> put = send(
                lms,
                "PUT",
                "?statementId=" + id,
                multipart(
                        statement(id, attachment("http://example.com/usage/x", "text/plain", data, null)),
                        attachmentPart(data)));
        assertEquals(204, put.statusCode(), new String(put.body(), StandardCharsets.UTF_8));
    }

    @Test
    void anLrsRejectsAnAttachmentPartWithoutTheXExperienceApiHashHeader_communication1_5_2() throws Exception {
        Lms lms = XapiStatementResourceTest.lms();
        byte[] data = "no hash header".getBytes(StandardCharsets.UTF_8);
        String id = UUID.randomUUID().toString();
        assertProblem(
                send(
                        lms,
                        "POST",
                        "",
                        multipart(
                                statement(id, attachment("http://example.com/u", "text/plain", data, null)),
                                new Part("Content-Type: text/plain\r\nContent-Transfer-Encoding: binary\r\n", data))),
                "xapi-attachment-invalid");
        assertNotStored(lms, id);
    }

    @Test
    void anLrsRejectsAnAttachmentPartWithoutContentTransferEncodingBinary_communication1_5_2() throws Exception {
        Lms lms = XapiStatementResourceTest.lms();
        byte[] data = "no encoding header".getBytes(StandardCharsets.UTF_8);
        String id = UUID.randomUUID().toString();
        for (String encoding : List.of("", "Content-Transfer-Encoding: base64\r\n")) {
            assertProblem(
                    send(
                            lms,
                            "POST",
                            "",
                            multipart(
                                    statement(id, attachment("http://example.com/u", "text/plain", data, null)),
                                    new Part(
                                            "Content-Type: text/plain\r\n" + encoding + "X-Experience-API-Hash: "
                                                    + sha256(data) + "\r\n",
                                            data))),
                    "xapi-attachment-invalid");
        }
        assertNotStored(lms, id);
    }

    @Test
    void anLrsMatchesAttachmentsByHashOnlyAndRejectsDataThatDoesNotHashToItsHeader_communication1_5_2()
            throws Exception {
        Lms lms = XapiStatementResourceTest.lms();
        byte[] data = "the declared data".getBytes(StandardCharsets.UTF_8);
        String id = UUID.randomUUID().toString();
        assertProblem(
                send(
                        lms,
                        "POST",
                        "",
                        multipart(
                                statement(id, attachment("http://example.com/u", "text/plain", data, null)),
                                new Part(
                                        "Content-Type: text/plain\r\nContent-Transfer-Encoding: binary\r\n"
                                                + "X-Experience-API-Hash: " + sha256(data) + "\r\n",
                                        "other data".getBytes(StandardCharsets.UTF_8)))),
                "xapi-attachment-invalid");
        assertNotStored(lms, id);
    }

    /**
     * xAPI-Communication.md 1.5.2.s2.b2.b7: where a part's parameter has a corresponding property of the attachment
     * object (the table of xAPI-Data.md 2.4.11: Content-Type for contentType, Content-Length for length) and both
     * are given, they must match.
     */
    @Test
    void anLrsRejectsAPartWhoseContentTypeDiffersFromTheAttachmentsContentType_communication1_5_2() throws Exception {
        Lms lms = XapiStatementResourceTest.lms();
        byte[] data = "a picture, supposedly".getBytes(StandardCharsets.UTF_8);
        String id = UUID.randomUUID().toString();
        HttpResponse<byte[]> response = send(
                lms,
                "POST",
                "",
                multipart(
                        statement(id, attachment("http://example.com/u", "image/png", data, null)),
                        attachmentPart(data)));
        assertProblem(response, "xapi-attachment-invalid");
        assertEquals("attachments[0].contentType", json(response).getString("property"));
        assertNotStored(lms, id);
        // The specification's own example: contentType "text/plain; charset=ascii", part "text/plain" (a parameter
        // only one side gives is no mismatch; type and subtype compare case-insensitively).
        String example = UUID.randomUUID().toString();
        assertEquals(
                200,
                send(
                                lms,
                                "POST",
                                "",
                                multipart(
                                        statement(
                                                example,
                                                attachment(
                                                        "http://example.com/u",
                                                        "Text/Plain; charset=ascii",
                                                        data,
                                                        null)),
                                        attachmentPart(data)))
                        .statusCode());
        // The same parameter with different values is a mismatch.
        String charset = UUID.randomUUID().toString();
        assertProblem(
                send(
                        lms,
                        "POST",
                        "",
                        multipart(
                                statement(
                                        charset,
                                        attachment("http://example.com/u", "text/plain; charset=utf-8", data, null)),
                                new Part(
                                        "Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding:"
                                                + " binary\r\nX-Experience-API-Hash: " + sha256(data) + "\r\n",
                                        data))),
                "xapi-attachment-invalid");
        assertNotStored(lms, charset);
    }

    @Test
    void anLrsRejectsAPartWhoseContentLengthDiffersFromTheAttachmentsLength_communication1_5_2() throws Exception {
        Lms lms = XapiStatementResourceTest.lms();
        byte[] data = "twenty-seven octets of data".getBytes(StandardCharsets.US_ASCII);
        String id = UUID.randomUUID().toString();
        HttpResponse<byte[]> response = send(
                lms,
                "POST",
                "",
                multipart(
                        statement(id, attachment("http://example.com/u", "text/plain", data, null)),
                        new Part(
                                "Content-Type: text/plain\r\nContent-Length: " + (data.length + 1)
                                        + "\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: "
                                        + sha256(data) + "\r\n",
                                data)));
        assertProblem(response, "xapi-attachment-invalid");
        assertEquals("attachments[0].length", json(response).getString("property"));
        assertNotStored(lms, id);
        // With the right Content-Length the same request is stored.
        assertEquals(
                200,
                send(
                                lms,
                                "POST",
                                "",
                                multipart(
                                        statement(id, attachment("http://example.com/u", "text/plain", data, null)),
                                        new Part(
                                                "Content-Type: text/plain\r\nContent-Length: " + data.length
                                                        + "\r\nContent-Transfer-Encoding: binary\r\n"
                                                        + "X-Experience-API-Hash: " + sha256(data) + "\r\n",
                                                data)))
                        .statusCode());
    }

    /** xAPI-Data.md 2.4.11: length is "the length of the Attachment data in octets". */
    @Test
    void anLrsRejectsAnAttachmentWhoseLengthIsNotThatOfItsData_data2_4_11() throws Exception {
        Lms lms = XapiStatementResourceTest.lms();
        byte[] data = "some data".getBytes(StandardCharsets.UTF_8);
        String id = UUID.randomUUID().toString();
        String wrongLength = attachment("http://example.com/u", "text/plain", data, null)
                .replace("\"length\":" + data.length, "\"length\":" + (data.length + 100));
        HttpResponse<byte[]> response =
                send(lms, "POST", "", multipart(statement(id, wrongLength), attachmentPart(data)));
        assertProblem(response, "xapi-attachment-invalid");
        assertEquals("attachments[0].length", json(response).getString("property"));
        assertNotStored(lms, id);
    }

    @Test
    void anLrsRejectsMultipartStatementsWhoseAttachmentsNeitherHaveAFileUrlNorMatchAPart_communication1_5_2()
            throws Exception {
        Lms lms = XapiStatementResourceTest.lms();
        byte[] data = "never sent".getBytes(StandardCharsets.UTF_8);
        String id = UUID.randomUUID().toString();
        HttpResponse<byte[]> response = send(
                lms,
                "POST",
                "",
                multipart(statement(id, attachment("http://example.com/u", "text/plain", data, null))));
        assertProblem(response, "xapi-attachment-invalid");
        assertEquals("attachments[0].sha2", json(response).getString("property"));
        assertNotStored(lms, id);
    }

    @Test
    void anLrsRejectsAPartThatIsNoAttachmentOfTheStatements_communication1_5_2() throws Exception {
        Lms lms = XapiStatementResourceTest.lms();
        String id = UUID.randomUUID().toString();
        assertProblem(
                send(
                        lms,
                        "POST",
                        "",
                        multipart(statement(id), attachmentPart("stray".getBytes(StandardCharsets.UTF_8)))),
                "xapi-attachment-invalid");
        assertNotStored(lms, id);
    }

    @Test
    void anLrsRejectsAMultipartBodyWhoseFirstPartIsNotJson_communication1_5_2() throws Exception {
        Lms lms = XapiStatementResourceTest.lms();
        byte[] body = ("--" + BOUNDARY + "\r\nContent-Type: text/plain\r\n\r\n"
                        + statement(UUID.randomUUID().toString()) + "\r\n--" + BOUNDARY + "--")
                .getBytes(StandardCharsets.UTF_8);
        assertProblem(send(lms, "POST", "", body), "xapi-attachment-invalid");
        assertProblem(
                send(lms, "POST", "", "no delimiter at all".getBytes(StandardCharsets.UTF_8)),
                "xapi-attachment-invalid");
    }

    @Test
    void anLrsAcceptsMultipartStatementsWithoutAttachmentsOrWithFileUrlOnly_communication1_5_2() throws Exception {
        Lms lms = XapiStatementResourceTest.lms();
        byte[] data = "elsewhere".getBytes(StandardCharsets.UTF_8);
        String plain = UUID.randomUUID().toString();
        String withUrl = UUID.randomUUID().toString();
        HttpResponse<byte[]> response = send(
                lms,
                "POST",
                "",
                multipart("[" + statement(plain) + ","
                        + statement(
                                withUrl,
                                attachment("http://example.com/u", "text/plain", data, "https://files.example.com/a"))
                        + "]"));
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        assertEquals(List.of(plain, withUrl), json(response).getList("$"));
    }

    @Test
    void anLrsAcceptsJsonStatementsWhoseAttachmentsAllHaveAFileUrl_communication1_5_1() {
        Lms lms = XapiStatementResourceTest.lms();
        byte[] data = "hosted".getBytes(StandardCharsets.UTF_8);
        String id = UUID.randomUUID().toString();
        lms.xapi()
                .contentType("application/json")
                .body(statement(
                        id, attachment("http://example.com/u", "text/plain", data, "https://files.example.com/b")))
                .post("/xapi/statements")
                .then()
                .statusCode(200);
        lms.xapi()
                .contentType("application/json")
                .body(statement(
                        UUID.randomUUID().toString(), attachment("http://example.com/u", "text/plain", data, null)))
                .post("/xapi/statements")
                .then()
                .statusCode(400)
                .body("code", equalTo("xapi-statement-invalid"));
    }

    @Test
    void anotherProvidersCredentialGetsNoneOfTheAttachmentData() throws Exception {
        Lms lms = XapiStatementResourceTest.lms();
        Lms other = XapiStatementResourceTest.lms();
        byte[] data = ("secret of " + lms.ukprn()).getBytes(StandardCharsets.UTF_8);
        String id = UUID.randomUUID().toString();
        assertEquals(
                200,
                send(
                                lms,
                                "POST",
                                "",
                                multipart(
                                        statement(id, attachment("http://example.com/u", "text/plain", data, null)),
                                        attachmentPart(data)))
                        .statusCode());
        // The other provider sends a statement naming the same hash, without data (fileUrl): its query answers no
        // data for it, since the bytes are the first provider's.
        String theirs = UUID.randomUUID().toString();
        other.xapi()
                .contentType("application/json")
                .body(statement(theirs, attachment("http://example.com/u", "text/plain", data, "https://x.example/a")))
                .post("/xapi/statements")
                .then()
                .statusCode(200);
        String answer = other.xapi()
                .queryParam("statementId", theirs)
                .queryParam("attachments", true)
                .get("/xapi/statements")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(!answer.contains("secret of"), answer);
    }

    @Test
    void attachmentsAreKeptOnceTheirStatementsAreStoredEvenWhenTheConversionFails() throws Exception {
        // ST0503 1.0's catalogue is unreachable in the standards stub: the statement is stored, its conversion
        // fails (503), and its attachment's data must stay with it (a resend or the sweep converts it later).
        String ukprn = uk.apprenticeships.st1398.testing.TestIds.ukprn();
        String uln = uk.apprenticeships.st1398.testing.TestIds.uln();
        EvidenceResourceTest.enrol(uln, ukprn, uk.apprenticeships.st1398.testing.TestIds.employerId(), "ST0503_1.0");
        Lms lms = XapiStatementResourceTest.lms(ukprn);
        byte[] data = ("evidence of " + uln).getBytes(StandardCharsets.UTF_8);
        String id = UUID.randomUUID().toString();
        String statement = XapiEvidenceTest.about(
                        uln, id, "http://adlnet.gov/expapi/verbs/completed", XapiEvidenceTest.ksbs("K1"), null)
                .replaceFirst(
                        "\\}$",
                        ",\"attachments\":[" + attachment("http://example.com/u", "text/plain", data, null) + "]}");
        HttpResponse<byte[]> response = send(lms, "POST", "", multipart(statement, attachmentPart(data)));
        assertEquals(503, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        String answer = lms.xapi()
                .queryParam("statementId", id)
                .queryParam("attachments", true)
                .get("/xapi/statements")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(answer.contains("evidence of " + uln), answer);
    }

    @jakarta.inject.Inject
    uk.apprenticeships.st1398.evidence.xapi.XapiAttachments store;

    @jakarta.inject.Inject
    uk.apprenticeships.st1398.evidence.xapi.XapiPendingSweep sweep;

    @jakarta.inject.Inject
    uk.apprenticeships.st1398.testing.TestClock clock;

    @org.junit.jupiter.api.AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void uploadsWhoseStatementsWereNeverStoredAreDeletedByTheSweepAfterTheGrace() throws Exception {
        // What a request leaves when it dies between uploading a part and storing its statements: an uncommitted
        // file. A committed one (its statements stored) stays, and so does a recent uncommitted one (a request may
        // still be running).
        String provider = uk.apprenticeships.st1398.testing.TestIds.ukprn();
        byte[] orphanData = ("orphan " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        byte[] keptData = ("kept " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        var orphan =
                store.upload(provider, sha256(orphanData), "text/plain", new java.io.ByteArrayInputStream(orphanData));
        var kept = store.upload(provider, sha256(keptData), "text/plain", new java.io.ByteArrayInputStream(keptData));
        store.commit(provider, kept);
        sweep.deleteUncommittedAttachments();
        assertTrue(exists(orphan.fileId()), "a recent upload is left to its request");

        clock.fix(java.time.Instant.now().plus(java.time.Duration.ofHours(2)));
        assertTrue(sweep.deleteUncommittedAttachments() >= 1);
        assertTrue(!exists(orphan.fileId()), "the orphan upload is deleted");
        assertTrue(store.find(provider, sha256(keptData)).isPresent(), "committed data stays");
    }

    boolean exists(org.bson.types.ObjectId id) throws IOException {
        try (var in = new ByteArrayOutputStream()) {
            store.copy(id, in);
            return true;
        } catch (com.mongodb.MongoGridFSException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ Data 2.6 signed statements

    record Signer(PrivateKey key, X509Certificate certificate) {}

    static Signer signer(String name) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = XapiAttachmentsTest.class.getResourceAsStream("/xapi/xapi-" + name + ".p12")) {
            store.load(in, "changeit".toCharArray());
        }
        return new Signer((PrivateKey) store.getKey(name, "changeit".toCharArray()), (X509Certificate)
                store.getCertificate(name));
    }

    static String jws(String payload, String algorithm, Signer signer, X509Certificate x5c) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(payload);
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setKey(signer.key());
        if (x5c != null) {
            jws.setCertificateChainHeaderValue(x5c);
        }
        return jws.getCompactSerialization();
    }

    HttpResponse<byte[]> sendSigned(Lms lms, String id, String signedPayload, String jws, String contentType)
            throws Exception {
        byte[] signature = jws.getBytes(StandardCharsets.US_ASCII);
        String statement = statement(id, attachment(SIGNATURE, contentType, signature, null));
        return send(
                lms,
                "POST",
                "",
                multipart(
                        statement,
                        new Part(
                                "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: binary\r\n"
                                        + "X-Experience-API-Hash: " + sha256(signature) + "\r\n",
                                signature)));
    }

    @Test
    void anLrsAcceptsASignedStatementWhosePayloadIsTheStatementAndWhoseX5cVerifiesIt_data2_6() throws Exception {
        Lms lms = XapiStatementResourceTest.lms();
        Signer signer = signer("signer");
        for (String algorithm : List.of("RS256", "RS384", "RS512")) {
            String id = UUID.randomUUID().toString();
            String payload = statement(id);
            HttpResponse<byte[]> response = sendSigned(
                    lms,
                    id,
                    payload,
                    jws(payload, algorithm, signer, signer.certificate()),
                    "application/octet-stream");
            assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        }
        // Without x5c the LRS has no key to verify with, and checks the rest.
        String id = UUID.randomUUID().toString();
        assertEquals(
                200,
                sendSigned(
                                lms,
                                id,
                                statement(id),
                                jws(statement(id), "RS256", signer, null),
                                "application/octet-stream")
                        .statusCode());
    }

    @Test
    void anLrsRejectsASignedStatementWhosePayloadDiffersFromTheStatement_data2_6() throws Exception {
        Lms lms = XapiStatementResourceTest.lms();
        Signer signer = signer("signer");
        String id = UUID.randomUUID().toString();
        String tampered = statement(id).replace("answered", "passed");
        HttpResponse<byte[]> response = sendSigned(
                lms, id, tampered, jws(tampered, "RS256", signer, signer.certificate()), "application/octet-stream");
        assertProblem(response, "xapi-signature-invalid");
        assertNotStored(lms, id);
    }

    @Test
    void anLrsRejectsASignatureNotMadeWithRs256Rs384OrRs512_data2_6() throws Exception {
        Lms lms = XapiStatementResourceTest.lms();
        String id = UUID.randomUUID().toString();
        JsonWebSignature hs = new JsonWebSignature();
        hs.setPayload(statement(id));
        hs.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        hs.setKey(new HmacKey(new byte[32]));
        assertProblem(
                sendSigned(lms, id, statement(id), hs.getCompactSerialization(), "application/octet-stream"),
                "xapi-signature-invalid");
        assertNotStored(lms, id);
    }

    @Test
    void anLrsRejectsASignatureThatDoesNotVerifyWithItsX5cCertificate_data2_6() throws Exception {
        Lms lms = XapiStatementResourceTest.lms();
        String id = UUID.randomUUID().toString();
        // Signed with one key, presenting another's certificate.
        String jws =
                jws(statement(id), "RS256", signer("signer"), signer("other").certificate());
        assertProblem(sendSigned(lms, id, statement(id), jws, "application/octet-stream"), "xapi-signature-invalid");
        assertNotStored(lms, id);
    }

    @Test
    void anLrsRejectsASignatureThatIsNotAJwsInCompactSerialization_data2_6() throws Exception {
        Lms lms = XapiStatementResourceTest.lms();
        String id = UUID.randomUUID().toString();
        assertProblem(
                sendSigned(lms, id, statement(id), "not-a-jws", "application/octet-stream"), "xapi-signature-invalid");
        assertProblem(
                sendSigned(lms, id, statement(id), "eyJhbGciOiJSUzI1NiJ9.!!!.x", "application/octet-stream"),
                "xapi-signature-invalid");
        assertNotStored(lms, id);
    }

    @Test
    void anLrsRejectsASignatureAttachmentWhoseContentTypeIsNotApplicationOctetStream_data2_6() throws Exception {
        Lms lms = XapiStatementResourceTest.lms();
        Signer signer = signer("signer");
        String id = UUID.randomUUID().toString();
        HttpResponse<byte[]> response = sendSigned(
                lms, id, statement(id), jws(statement(id), "RS256", signer, signer.certificate()), "application/jose");
        assertProblem(response, "xapi-statement-invalid");
        assertNotStored(lms, id);
    }

    @Test
    void anLrsRejectsASignatureSentOnlyByFileUrl_data2_6() {
        Lms lms = XapiStatementResourceTest.lms();
        String id = UUID.randomUUID().toString();
        lms.xapi()
                .contentType("application/json")
                .body(statement(
                        id,
                        attachment(
                                SIGNATURE,
                                "application/octet-stream",
                                "x".getBytes(StandardCharsets.UTF_8),
                                "https://files.example.com/sig")))
                .post("/xapi/statements")
                .then()
                .statusCode(400)
                .body("code", equalTo("xapi-signature-invalid"));
        assertNotStored(lms, id);
    }

    @Test
    void signedStatementsAreReturnedWithTheirSignatureAttachment() throws Exception {
        Lms lms = XapiStatementResourceTest.lms();
        Signer signer = signer("signer");
        String id = UUID.randomUUID().toString();
        String jws = jws(statement(id), "RS256", signer, signer.certificate());
        assertEquals(
                200,
                sendSigned(lms, id, statement(id), jws, "application/octet-stream")
                        .statusCode());
        String answer = lms.xapi()
                .queryParam("statementId", id)
                .queryParam("attachments", true)
                .get("/xapi/statements")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(answer.contains(jws), answer);
        given().get("/xapi/about").then().statusCode(200);
    }

    static byte[] read(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
