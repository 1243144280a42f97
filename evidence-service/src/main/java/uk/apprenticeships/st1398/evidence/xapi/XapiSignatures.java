package uk.apprenticeships.st1398.evidence.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;
import uk.apprenticeships.st1398.evidence.service.EvidenceError;
import uk.apprenticeships.st1398.platform.problem.ApiException;

/**
 * Signed statements (Data 2.6): a signature is an attachment with usageType
 * {@code http://adlnet.gov/expapi/attachments/signature} and contentType {@code application/octet-stream}, whose
 * data is a JWS (RFC 7515) in compact serialization, signed with RS256, RS384 or RS512, whose payload is the
 * statement as it was before the signature attachment was added. The LRS decodes it, checks that the payload is
 * the received statement (compared as Data 2.3.1 compares statements, the signature attachment left out), and, when
 * the JWS header carries an X.509 chain ({@code x5c}), verifies the signature with its first certificate. Anything
 * else is a malformed signature: 400, nothing stored. JOSE parsing and verification: jose4j.
 */
final class XapiSignatures {

    static final Set<String> ALGORITHMS = Set.of("RS256", "RS384", "RS512");

    private XapiSignatures() {}

    /**
     * @param anchors the CAs a signer's x5c chain must validate to (PKIX); empty: any x5c (only its first
     *     certificate's key is checked against the signature, as Data 2.6 requires)
     */
    static void check(ObjectNode statement, String putId, XapiMultipart.Parts parts, Set<TrustAnchor> anchors) {
        JsonNode attachments = statement.path("attachments");
        for (int i = 0; i < attachments.size(); i++) {
            JsonNode attachment = attachments.get(i);
            if (XapiMultipart.SIGNATURE_USAGE.equals(
                    attachment.path("usageType").asText())) {
                verify(
                        statement,
                        putId,
                        parts.signature(attachment.path("sha2").asText()),
                        "attachments[" + i + "]",
                        anchors);
            }
        }
    }

    private static void verify(ObjectNode statement, String putId, byte[] data, String path, Set<TrustAnchor> anchors) {
        if (data == null) {
            throw invalid(
                    path,
                    "is a signature, whose JWS the LRS must check: send it as a part of a multipart/mixed request"
                            + " (Data 2.6)");
        }
        String compact = new String(data, StandardCharsets.UTF_8).trim();
        if (compact.split("\\.", -1).length != 3) {
            throw invalid(path, "is not a JWS in compact serialization (three base64url parts joined by dots)");
        }
        JsonWebSignature jws = new JsonWebSignature();
        String payload;
        try {
            jws.setCompactSerialization(compact);
            String algorithm = jws.getAlgorithmHeaderValue();
            if (!ALGORITHMS.contains(algorithm)) {
                throw invalid(path, "is signed with " + algorithm + "; a signature uses RS256, RS384 or RS512");
            }
            payload = jws.getUnverifiedPayload();
            List<X509Certificate> chain = jws.getCertificateChainHeaderValue();
            if (chain != null && !chain.isEmpty()) {
                jws.setAlgorithmConstraints(new AlgorithmConstraints(
                        AlgorithmConstraints.ConstraintType.PERMIT, ALGORITHMS.toArray(String[]::new)));
                jws.setKey(chain.get(0).getPublicKey());
                if (!jws.verifySignature()) {
                    throw invalid(path, "does not verify with the certificate of its x5c header");
                }
                if (!anchors.isEmpty()) {
                    trusted(chain, anchors, path);
                }
            } else if (!anchors.isEmpty()) {
                throw invalid(
                        path,
                        "has no x5c certificate chain; this LRS accepts signatures by signers whose certificates"
                                + " chain to its configured trust anchors only");
            }
        } catch (JoseException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw invalid(path, "is not a well-formed JWS: " + e.getMessage());
        }
        JsonNode signed;
        try {
            signed = XapiStatements.STRICT.readTree(payload);
        } catch (Exception e) {
            throw invalid(path, "has a payload that is not a JSON statement");
        }
        if (signed == null || !signed.isObject()) {
            throw invalid(path, "has a payload that is not a JSON statement");
        }
        if (!StatementFormats.same(signed, unsigned(statement, putId, signed))) {
            throw invalid(
                    path,
                    "signs a statement that differs from the one sent (the payload is the statement before its"
                            + " signature attachment was added, Data 2.6)");
        }
    }

    /** The x5c chain validates (PKIX, no revocation checking) to one of the configured anchors. */
    private static void trusted(List<X509Certificate> chain, Set<TrustAnchor> anchors, String path) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            CertPath certPath = factory.generateCertPath(chain);
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
        } catch (CertPathValidatorException e) {
            throw invalid(
                    path,
                    "is signed by a certificate that does not chain to a trust anchor of this LRS (" + e.getMessage()
                            + ")");
        } catch (GeneralSecurityException e) {
            throw invalid(path, "has an x5c chain that cannot be validated: " + e.getMessage());
        }
    }

    /** The certificates of a PEM file as trust anchors (evidence.xapi.signature-trust-anchors). */
    static Set<TrustAnchor> anchors(java.nio.file.Path pem) {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(pem)) {
            Set<TrustAnchor> anchors = new java.util.HashSet<>();
            for (java.security.cert.Certificate certificate :
                    CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                anchors.add(new TrustAnchor((X509Certificate) certificate, null));
            }
            if (anchors.isEmpty()) {
                throw new IllegalStateException("no certificate in " + pem);
            }
            return Set.copyOf(anchors);
        } catch (java.io.IOException | GeneralSecurityException e) {
            throw new IllegalStateException("evidence.xapi.signature-trust-anchors: cannot read " + pem, e);
        }
    }

    /** The received statement without its signature attachments, as it was signed. */
    private static ObjectNode unsigned(ObjectNode statement, String putId, JsonNode signed) {
        ObjectNode copy = statement.deepCopy();
        ArrayNode kept = copy.arrayNode();
        copy.path("attachments").forEach(a -> {
            if (!XapiMultipart.SIGNATURE_USAGE.equals(a.path("usageType").asText())) {
                kept.add(a);
            }
        });
        if (kept.isEmpty()) {
            copy.remove("attachments");
        } else {
            copy.set("attachments", kept);
        }
        if (!copy.has("id") && putId != null && signed.has("id")) {
            copy.put("id", putId);
        }
        return copy;
    }

    private static ApiException invalid(String path, String message) {
        return ApiException.of(
                        EvidenceError.XAPI_SIGNATURE_INVALID,
                        "The statement's " + path + " " + message + ". Nothing was stored.")
                .with("property", path);
    }
}
