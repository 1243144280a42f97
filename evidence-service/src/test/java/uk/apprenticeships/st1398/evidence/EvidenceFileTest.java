package uk.apprenticeships.st1398.evidence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.apprenticeships.st1398.evidence.EvidenceResourceTest.create;
import static uk.apprenticeships.st1398.evidence.EvidenceResourceTest.enrol;
import static uk.apprenticeships.st1398.evidence.EvidenceResourceTest.evidencePath;
import static uk.apprenticeships.st1398.evidence.EvidenceResourceTest.snapshot;
import static uk.apprenticeships.st1398.evidence.EvidenceResourceTest.step;

import com.mongodb.client.MongoClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import uk.apprenticeships.st1398.testing.Problems;
import uk.apprenticeships.st1398.testing.TestIds;
import uk.apprenticeships.st1398.testing.Tokens;

/** Evidence files; the test profile limits files to 25 MB ({@code %test.evidence.files.max-size}). */
@QuarkusTest
class EvidenceFileTest {

    /** Fresh ids for this class's records: the database is shared, so no two test classes meet. */
    static final String EMPLOYER_1 = TestIds.employerId();

    static final String EMPLOYER_2 = TestIds.employerId();
    static final String EMPLOYER_3 = TestIds.employerId();
    static final String EMPLOYER_4 = TestIds.employerId();
    static final String EMPLOYER_5 = TestIds.employerId();
    static final String EMPLOYER_6 = TestIds.employerId();
    static final String UKPRN_1 = TestIds.ukprn();
    static final String UKPRN_2 = TestIds.ukprn();
    static final String UKPRN_3 = TestIds.ukprn();
    static final String UKPRN_4 = TestIds.ukprn();
    static final String UKPRN_5 = TestIds.ukprn();
    static final String UKPRN_6 = TestIds.ukprn();
    static final String ULN_1 = TestIds.uln();
    static final String ULN_2 = TestIds.uln();
    static final String ULN_3 = TestIds.uln();
    static final String ULN_4 = TestIds.uln();
    static final String ULN_5 = TestIds.uln();

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Inject
    MongoClient mongo;

    @TestHTTPResource("/")
    URL base;

    static byte[] pdf(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        byte[] header = "%PDF-1.7\n%\u00e2\u00e3\n".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(header, 0, bytes, 0, header.length);
        return bytes;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static String filePath(String apprenticeId, String evidenceId) {
        return evidencePath(apprenticeId) + "/" + evidenceId + "/file";
    }

    static ValidatableResponse upload(String token, String a, String id, String type, byte[] body, String name) {
        return given().auth()
                .oauth2(token)
                .contentType(type)
                .queryParam("filename", name)
                .body(body)
                .when()
                .put(filePath(a, id))
                .then();
    }

    long storedFiles(String evidenceId) {
        return mongo.getDatabase("evidence")
                .getCollection("evidence_files.files")
                .countDocuments(new Document("metadata.evidenceId", new org.bson.types.ObjectId(evidenceId)));
    }

    URI uri(String path) {
        return URI.create(base.toString().replaceAll("/$", "") + path);
    }

    HttpResponse<String> http(String token, String path, Map<String, String> headers, HttpRequest.BodyPublisher body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + token)
                .PUT(body);
        headers.forEach(request::header);
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A PDF-looking body of {@code size} bytes generated on the fly (no large array in the test JVM). */
    HttpResponse<String> send(String token, String path, long size, boolean declareLength) throws Exception {
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        java.util.function.Supplier<InputStream> body = () -> new InputStream() {
            long position;

            @Override
            public int read() {
                return position < size
                        ? (position < header.length ? header[(int) position++] : (int) (position++ & 0x7F))
                        : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position >= size) {
                    return -1;
                }
                int n = (int) Math.min(len, size - position);
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) read();
                }
                return n;
            }
        };
        HttpRequest.BodyPublisher publisher = declareLength
                ? HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(body), size)
                : HttpRequest.BodyPublishers.ofInputStream(body);
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/pdf")
                        .PUT(publisher)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static Map<String, Object> fileEvidence(String code) {
        return Map.of("kind", "file", "title", "Pipeline design", "ksbCodes", List.of(code));
    }

    @Test
    void twentyMegabytesRoundTripWithDigestAndRanges() throws Exception {
        String a = enrol(ULN_1, UKPRN_1, EMPLOYER_1, "ST1398_1.0");
        String tutor = Tokens.tutor(UKPRN_1);
        String id = create(tutor, a, fileEvidence("K1"));
        step(tutor, a, id, "submit", null).spec(Problems.problem(409, "conflict", "evidence-file-missing"));

        // Large bodies go through java.net.http: REST Assured keeps a text copy of every body for its
        // log-if-validation-fails, which a 20 MB body turns into hundreds of MB of heap.
        byte[] bytes = pdf(20 * 1024 * 1024, 30);
        String sha = sha256(bytes);
        HttpResponse<String> uploaded = http(
                tutor,
                filePath(a, id) + "?filename=Pipeline%20design.pdf",
                Map.of("Content-Type", "application/pdf"),
                HttpRequest.BodyPublishers.ofByteArray(bytes));
        assertEquals(200, uploaded.statusCode(), uploaded.body());
        io.restassured.path.json.JsonPath json = io.restassured.path.json.JsonPath.from(uploaded.body());
        assertEquals(sha, json.getString("file.sha256"));
        assertEquals(bytes.length, json.getInt("file.size"));
        assertEquals("application/pdf", json.getString("file.contentType"));
        assertEquals("Pipeline design.pdf", json.getString("file.filename"));
        assertEquals(2, json.getInt("version"));
        assertEquals("file-uploaded", json.getString("history[1].action"));
        assertEquals(1, storedFiles(id));
        bytes = null;

        HttpResponse<InputStream> whole = CLIENT.send(
                HttpRequest.newBuilder(uri(filePath(a, id)))
                        .header("Authorization", "Bearer " + Tokens.apprentice(ULN_1, UKPRN_1, EMPLOYER_1))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, whole.statusCode());
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        long received;
        try (InputStream in = whole.body()) {
            received = in.transferTo(new java.security.DigestOutputStream(OutputStream.nullOutputStream(), digest));
        }
        assertEquals(20 * 1024 * 1024, received);
        assertEquals(sha, HexFormat.of().formatHex(digest.digest()));
        assertEquals(
                "application/pdf", whole.headers().firstValue("Content-Type").orElse(""));
        assertEquals(
                String.valueOf(received),
                whole.headers().firstValue("Content-Length").orElse(""));
        assertEquals("bytes", whole.headers().firstValue("Accept-Ranges").orElse(""));
        assertEquals(
                "nosniff", whole.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals(
                "attachment; filename=\"Pipeline design.pdf\"; filename*=UTF-8''Pipeline%20design.pdf",
                whole.headers().firstValue("Content-Disposition").orElse(""));
        String b64 = java.util.Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha));
        assertEquals(
                "sha-256=:" + b64 + ":",
                whole.headers().firstValue("Repr-Digest").orElse(""));
        assertEquals("SHA-256=" + b64, whole.headers().firstValue("Digest").orElse(""));
        bytes = pdf(20 * 1024 * 1024, 30);

        byte[] range = given().auth()
                .oauth2(tutor)
                .header("Range", "bytes=1000-1999")
                .when()
                .get(filePath(a, id))
                .then()
                .statusCode(206)
                .header("Content-Range", "bytes 1000-1999/" + bytes.length)
                .header("Content-Length", "1000")
                .extract()
                .asByteArray();
        assertArrayEquals(Arrays.copyOfRange(bytes, 1000, 2000), range);
        byte[] tail = given().auth()
                .oauth2(tutor)
                .header("Range", "bytes=-10")
                .when()
                .get(filePath(a, id))
                .then()
                .statusCode(206)
                .extract()
                .asByteArray();
        assertArrayEquals(Arrays.copyOfRange(bytes, bytes.length - 10, bytes.length), tail);
        given().auth()
                .oauth2(tutor)
                .header("Range", "bytes=" + bytes.length + "-")
                .when()
                .get(filePath(a, id))
                .then()
                .spec(Problems.problem(416, "http-error", "range-not-satisfiable"))
                .header("Content-Range", "bytes */" + bytes.length);
        HttpResponse<Void> multi = CLIENT.send(
                HttpRequest.newBuilder(uri(filePath(a, id)))
                        .header("Authorization", "Bearer " + tutor)
                        .header("Range", "bytes=0-1,5-6")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(200, multi.statusCode());
        assertEquals(
                String.valueOf(bytes.length),
                multi.headers().firstValue("Content-Length").orElse(""));
        bytes = null;

        step(tutor, a, id, "submit", null).statusCode(200);
        upload(tutor, a, id, "application/pdf", pdf(1000, 31), "late.pdf")
                .spec(Problems.problem(409, "conflict", "evidence-submitted-locked"));
        step(tutor, a, id, "accept", null).statusCode(200);
        // Accepted evidence keeps its file; a new upload starts revision 2.
        byte[] second = pdf(5000, 32);
        upload(tutor, a, id, "application/pdf", second, "v2.pdf")
                .statusCode(200)
                .body("revision", equalTo(2))
                .body("status", equalTo("draft"))
                .body("file.sha256", equalTo(sha256(second)));
        given().auth()
                .oauth2(tutor)
                .when()
                .get(evidencePath(a) + "/" + id + "/revisions/1")
                .then()
                .statusCode(200)
                .body("file.sha256", equalTo(sha))
                .body("status", equalTo("accepted"));
        assertEquals(2, storedFiles(id));
    }

    @Test
    void oversizeFilesAreRefusedAndLeaveNothing() throws Exception {
        String a = enrol(ULN_2, UKPRN_2, EMPLOYER_2, "ST1398_1.0");
        String tutor = Tokens.tutor(UKPRN_2);
        String id = create(tutor, a, fileEvidence("K2"));
        String before = snapshot(a, id);
        long tooBig = 25L * 1024 * 1024 + 1;

        // Declared too large: refused before anything is read.
        HttpResponse<String> declared = send(tutor, filePath(a, id), tooBig, true);
        assertEquals(413, declared.statusCode(), declared.body());
        assertTrue(declared.body().contains("payload-too-large"), declared.body());
        // Without Content-Length (chunked): counted while streaming, aborted, the partial file deleted.
        HttpResponse<String> chunked = send(tutor, filePath(a, id), tooBig, false);
        assertEquals(413, chunked.statusCode(), chunked.body());
        assertTrue(chunked.body().contains("payload-too-large"), chunked.body());
        assertEquals(
                "application/problem+json",
                chunked.headers().firstValue("Content-Type").orElse(""));

        assertEquals(0, storedFiles(id));
        assertEquals(before, snapshot(a, id));
        given().auth().oauth2(tutor).when().get(filePath(a, id)).then().spec(Problems.problem(404, "not-found"));
    }

    @Test
    void contentMustBeAllowedAndMatchItsBytes() {
        String a = enrol(ULN_3, UKPRN_3, EMPLOYER_3, "ST1398_1.0");
        String tutor = Tokens.tutor(UKPRN_3);
        String id = create(tutor, a, fileEvidence("K3"));
        String before = snapshot(a, id);
        byte[] pdf = pdf(4000, 34);
        byte[] png = Arrays.copyOf(PNG_MAGIC, 4000);

        upload(tutor, a, id, "image/png", pdf, "x.png")
                .spec(Problems.problem(415, "unsupported-media-type", "file-content-mismatch"))
                .body("declaredContentType", equalTo("image/png"))
                .body("detectedContentType", equalTo("application/pdf"));
        upload(tutor, a, id, "text/plain", png, "x.txt")
                .spec(Problems.problem(415, "unsupported-media-type", "file-content-mismatch"));
        upload(tutor, a, id, "application/x-msdownload", pdf, "x.exe")
                .spec(Problems.problem(415, "unsupported-media-type", "file-type-unsupported"))
                .body("allowedContentTypes[0]", equalTo("application/pdf"));
        upload(tutor, a, id, "application/pdf", new byte[0], "x.pdf")
                .spec(Problems.problem(400, "bad-request", "file-empty"));
        assertEquals(0, storedFiles(id));
        assertEquals(before, snapshot(a, id));

        upload(tutor, a, id, "image/png", png, "shot.png")
                .statusCode(200)
                .body("file.contentType", equalTo("image/png"));
        upload(tutor, a, id, "text/csv; charset=utf-8", "ksb,hours\nK3,4\n".getBytes(StandardCharsets.UTF_8), "log.csv")
                .statusCode(200)
                .body("file.contentType", equalTo("text/csv"));
        // The replaced draft file is not kept.
        assertEquals(1, storedFiles(id));
    }

    @Test
    void fileNamesAreSanitisedAndEncoded() {
        String a = enrol(ULN_4, UKPRN_4, EMPLOYER_4, "ST1398_1.0");
        String tutor = Tokens.tutor(UKPRN_4);
        String id = create(tutor, a, fileEvidence("K4"));
        upload(
                        tutor,
                        a,
                        id,
                        "text/plain",
                        "hello".getBytes(StandardCharsets.UTF_8),
                        "../../etc/Pr\u00fcfung \"final\"\r\nSet-Cookie: x.txt")
                .statusCode(200)
                .body("file.filename", equalTo("Pr\u00fcfung _final_Set-Cookie_ x.txt"));
        given().auth()
                .oauth2(tutor)
                .when()
                .get(filePath(a, id))
                .then()
                .statusCode(200)
                .header(
                        "Content-Disposition",
                        equalTo("attachment; filename=\"Pr_fung _final_Set-Cookie_ x.txt\"; "
                                + "filename*=UTF-8''Pr%C3%BCfung%20_final_Set-Cookie_%20x.txt"))
                .header("Set-Cookie", nullValue());
        String noName = create(tutor, a, fileEvidence("K4"));
        given().auth()
                .oauth2(tutor)
                .contentType("text/plain")
                .body("hi")
                .when()
                .put(filePath(a, noName))
                .then()
                .statusCode(200)
                .body("file.filename", equalTo("evidence-file"));
    }

    @Test
    void anotherTenantsFilesAreNotFound() {
        String a = enrol(ULN_5, UKPRN_5, EMPLOYER_5, "ST1398_1.0");
        String tutor = Tokens.tutor(UKPRN_5);
        String id = create(tutor, a, fileEvidence("K5"));
        upload(tutor, a, id, "text/plain", "mine".getBytes(StandardCharsets.UTF_8), "m.txt")
                .statusCode(200);
        String before = snapshot(a, id);
        String stranger = Tokens.tutor(UKPRN_6);
        upload(stranger, a, id, "text/plain", "theirs".getBytes(StandardCharsets.UTF_8), "t.txt")
                .spec(Problems.problem(404, "not-found"));
        given().auth().oauth2(stranger).when().get(filePath(a, id)).then().spec(Problems.problem(404, "not-found"));
        given().auth()
                .oauth2(Tokens.employer(EMPLOYER_6))
                .when()
                .get(filePath(a, id))
                .then()
                .spec(Problems.problem(404, "not-found"));
        upload(Tokens.employer(EMPLOYER_5), a, id, "text/plain", "x".getBytes(StandardCharsets.UTF_8), "e.txt")
                .spec(Problems.problem(403, "forbidden"));
        assertEquals(before, snapshot(a, id));
        assertEquals(1, storedFiles(id));
        given().auth()
                .oauth2(tutor)
                .when()
                .get(filePath(a, id))
                .then()
                .statusCode(200)
                .body(containsString("mine"));
    }
}
