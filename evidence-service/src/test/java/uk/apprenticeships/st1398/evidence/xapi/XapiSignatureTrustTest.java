package uk.apprenticeships.st1398.evidence.xapi;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.apprenticeships.st1398.evidence.service.EvidenceError;
import uk.apprenticeships.st1398.platform.problem.ApiException;

/**
 * Signers' trust anchors (evidence.xapi.signature-trust-anchors). xAPI-Data.md 2.6.s5 requires the LRS to verify a
 * signature against the x5c certificate when there is one, and says this "is intended as a way to catch mistakes in
 * the signature, not as a security measure" (authenticating signers is outside the specification): so trusting
 * only certain signers is this LRS's option, off by default. The keys are the self-signed test certificates of
 * src/test/resources/xapi/*.p12 (keytool, password "changeit").
 */
class XapiSignatureTrustTest {

    static final String STATEMENT = "{\"id\":\"3e8b0a1c-6a2b-4a43-9f7c-2f4f6d5a1b10\",\"actor\":{\"mbox\":"
            + "\"mailto:signer@example.org\"},\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/passed\"},"
            + "\"object\":{\"id\":\"http://example.org/exam\"}}";

    @TempDir
    Path dir;

    record Signer(PrivateKey key, X509Certificate certificate) {}

    static Signer signer(String name) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = XapiSignatureTrustTest.class.getResourceAsStream("/xapi/xapi-" + name + ".p12")) {
            store.load(in, "changeit".toCharArray());
        }
        return new Signer((PrivateKey) store.getKey(name, "changeit".toCharArray()), (X509Certificate)
                store.getCertificate(name));
    }

    Path pem(X509Certificate... certificates) throws Exception {
        StringBuilder text = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            text.append("-----BEGIN CERTIFICATE-----\n")
                    .append(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(certificate.getEncoded()))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        Path file = dir.resolve("anchors.pem");
        Files.writeString(file, text);
        return file;
    }

    /** A signed statement as received: the statement plus its signature attachment, and the part's data. */
    record Signed(ObjectNode statement, XapiMultipart.Parts parts) {}

    static Signed signed(Signer signer, boolean withX5c) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(STATEMENT);
        jws.setAlgorithmHeaderValue("RS256");
        jws.setKey(signer.key());
        if (withX5c) {
            jws.setCertificateChainHeaderValue(signer.certificate());
        }
        byte[] data = jws.getCompactSerialization().getBytes(StandardCharsets.US_ASCII);
        String sha2 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        ObjectNode statement = (ObjectNode) XapiStatements.STRICT.readTree(STATEMENT);
        statement
                .putArray("attachments")
                .addObject()
                .put("usageType", XapiMultipart.SIGNATURE_USAGE)
                .put("contentType", "application/octet-stream")
                .put("length", data.length)
                .put("sha2", sha2)
                .putObject("display")
                .put("en", "signature");
        return new Signed(statement, new XapiMultipart.Parts(Set.of(sha2), Map.of(sha2, data)));
    }

    @Test
    void withoutTrustAnchorsAnX5cThatVerifiesTheSignatureIsEnough_data2_6() throws Exception {
        Signed signed = signed(signer("other"), true);
        assertDoesNotThrow(() -> XapiSignatures.check(signed.statement(), null, signed.parts(), Set.of()));
        Signed unsignedChain = signed(signer("other"), false);
        assertDoesNotThrow(
                () -> XapiSignatures.check(unsignedChain.statement(), null, unsignedChain.parts(), Set.of()));
    }

    @Test
    void withTrustAnchorsASignerWhoseChainReachesOneIsAccepted() throws Exception {
        Signer signer = signer("signer");
        Set<TrustAnchor> anchors = XapiSignatures.anchors(pem(signer.certificate()));
        Signed signed = signed(signer, true);
        assertDoesNotThrow(() -> XapiSignatures.check(signed.statement(), null, signed.parts(), anchors));
    }

    @Test
    void withTrustAnchorsAnotherSignerOrASignatureWithoutX5cIsRefused() throws Exception {
        Set<TrustAnchor> anchors = XapiSignatures.anchors(pem(signer("signer").certificate()));
        Signed other = signed(signer("other"), true);
        ApiException refused = assertThrows(
                ApiException.class, () -> XapiSignatures.check(other.statement(), null, other.parts(), anchors));
        assertEquals(EvidenceError.XAPI_SIGNATURE_INVALID, refused.code());
        assertTrue(refused.getMessage().contains("trust anchor"), refused.getMessage());
        Signed noChain = signed(signer("signer"), false);
        ApiException withoutX5c = assertThrows(
                ApiException.class, () -> XapiSignatures.check(noChain.statement(), null, noChain.parts(), anchors));
        assertEquals(EvidenceError.XAPI_SIGNATURE_INVALID, withoutX5c.code());
    }

    @Test
    void aTrustAnchorFileWithoutCertificatesStopsTheStart() throws Exception {
        Path empty = dir.resolve("empty.pem");
        Files.writeString(empty, "");
        assertThrows(IllegalStateException.class, () -> XapiSignatures.anchors(empty));
        assertThrows(IllegalStateException.class, () -> XapiSignatures.anchors(dir.resolve("missing.pem")));
    }
}
