package uk.apprenticeships.st1398.evidence.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import uk.apprenticeships.st1398.evidence.service.EvidenceError;
import uk.apprenticeships.st1398.platform.problem.ApiException;
import uk.apprenticeships.st1398.platform.problem.PlatformError;

/**
 * Statement requests of type {@code multipart/mixed} (Communication 1.5.2): the first part holds the statements
 * ({@code application/json}), each further part the raw data of one attachment, with {@code X-Experience-API-Hash}
 * (its SHA-2) and {@code Content-Transfer-Encoding: binary}. The statements are validated from the first part before
 * any attachment is read; every part is streamed into GridFS as it arrives and matched to the statements by hash
 * only; anything refused deletes what was uploaded, so nothing of the request stays.
 */
@ApplicationScoped
public class XapiMultipart {

    public static final String MEDIA_TYPE = "multipart/mixed";
    static final String HASH = "X-Experience-API-Hash";
    static final String SIGNATURE_USAGE = "http://adlnet.gov/expapi/attachments/signature";
    /** The statements part is parsed in memory; attachments are not. */
    static final int MAX_STATEMENTS_BYTES = 5 * 1024 * 1024;
    /** A signature part is read whole to verify it; a JWS of a statement is far smaller. */
    static final int MAX_SIGNATURE_BYTES = 1024 * 1024;

    private final XapiStatements statements;
    private final XapiAttachments attachments;

    public XapiMultipart(XapiStatements statements, XapiAttachments attachments) {
        this.statements = statements;
        this.attachments = attachments;
    }

    /** The attachment data a request carried: the hashes received, and the signatures' bytes. */
    public record Parts(Set<String> hashes, Map<String, byte[]> signatures) {
        public static final Parts NONE = new Parts(Set.of(), Map.of());

        boolean has(String sha2) {
            return hashes.contains(sha2.toLowerCase(Locale.ROOT));
        }

        byte[] signature(String sha2) {
            return signatures.get(sha2.toLowerCase(Locale.ROOT));
        }
    }

    /** PUT (putId set) or POST of a multipart/mixed body; the ids stored, as for JSON. */
    public List<String> receive(
            String contentType, InputStream body, String putId, XapiAccess.Principal principal, String version) {
        String boundary = MultipartReader.boundary(contentType);
        if (boundary == null) {
            throw invalid("The Content-Type multipart/mixed needs a boundary parameter (RFC 2046 5.1.1).");
        }
        List<XapiAttachments.Upload> uploads = new ArrayList<>();
        List<String> ids;
        try {
            MultipartReader reader = new MultipartReader(body, boundary);
            MultipartReader.Part first = reader.next();
            if (first == null) {
                throw invalid("The body has no parts: the first part holds the statements.");
            }
            String firstType = first.header("Content-Type");
            if (firstType == null || !"application/json".equalsIgnoreCase(baseType(firstType))) {
                throw invalid("The first part holds the statements, with Content-Type application/json"
                        + " (Communication 1.5.2).");
            }
            byte[] json = first.body().readNBytes(MAX_STATEMENTS_BYTES + 1);
            if (json.length > MAX_STATEMENTS_BYTES) {
                throw ApiException.of(
                        PlatformError.PAYLOAD_TOO_LARGE,
                        "The statements part is larger than " + MAX_STATEMENTS_BYTES + " bytes.");
            }
            List<ObjectNode> batch = statements.parseBatch(new String(json, StandardCharsets.UTF_8), putId);
            // The LRS decides on the statements from the first part, before reading any attachment (1.5.2.s1.b3).
            statements.validateAll(batch, true);
            Set<String> wanted = new HashSet<>();
            Set<String> signatureHashes = new HashSet<>();
            Map<String, List<Declared>> declaredBy = new HashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                ObjectNode statement = batch.get(i);
                String prefix = batch.size() > 1 ? "[" + i + "]." : "";
                collect(statement.get("attachments"), prefix + "attachments", wanted, signatureHashes, declaredBy);
                collect(
                        statement.path("object").get("attachments"),
                        prefix + "object.attachments",
                        wanted,
                        signatureHashes,
                        declaredBy);
            }
            Set<String> received = new HashSet<>();
            Map<String, byte[]> signatures = new HashMap<>();
            MultipartReader.Part part;
            int index = 1;
            while ((part = reader.next()) != null) {
                String declared = part.header(HASH);
                if (declared == null || declared.isBlank()) {
                    throw invalid("Part " + index + " has no " + HASH + " header (Communication 1.5.2).")
                            .with("part", index);
                }
                declared = declared.trim().toLowerCase(Locale.ROOT);
                String encoding = part.header("Content-Transfer-Encoding");
                if (encoding == null || !"binary".equalsIgnoreCase(encoding.trim())) {
                    throw invalid("Part " + index + " needs Content-Transfer-Encoding: binary (Communication 1.5.2).")
                            .with("part", index);
                }
                if (XapiAttachments.digestFor(declared) == null) {
                    throw invalid("Part " + index + "'s " + HASH + " is not the hex SHA-2 (224, 256, 384 or 512) of"
                                    + " its data.")
                            .with("part", index);
                }
                if (!wanted.contains(declared)) {
                    throw invalid("Part " + index + " is no attachment of the statements: no attachment has the sha2 "
                                    + declared + ".")
                            .with("part", index);
                }
                // Content-Type and Content-Length are the parameters of contentType and length: where both are
                // given they must match (Data 2.4.11 table, Communication 1.5.2.s2.b2.b7).
                String partType = part.header("Content-Type");
                Long partLength = contentLength(part.header("Content-Length"), index);
                for (Declared attachment : declaredBy.get(declared)) {
                    if (partType != null && !sameMediaType(partType, attachment.contentType())) {
                        throw invalid("Part " + index + " has Content-Type " + partType + " but " + attachment.path()
                                        + ".contentType is " + attachment.contentType() + "; where both are given"
                                        + " they must match (Communication 1.5.2).")
                                .with("part", index)
                                .with("property", attachment.path() + ".contentType");
                    }
                    if (partLength != null && partLength != attachment.length()) {
                        throw invalid("Part " + index + " has Content-Length " + partLength + " but "
                                        + attachment.path() + ".length is " + attachment.length() + "; where both are"
                                        + " given they must match (Communication 1.5.2).")
                                .with("part", index)
                                .with("property", attachment.path() + ".length");
                    }
                }
                if (!received.add(declared)) {
                    index++;
                    continue; // the same data again: one copy is kept
                }
                InputStream data = part.body();
                if (signatureHashes.contains(declared)) {
                    byte[] bytes = data.readNBytes(MAX_SIGNATURE_BYTES + 1);
                    if (bytes.length > MAX_SIGNATURE_BYTES) {
                        throw StatementValidator.invalid(
                                "attachments", "a signature part is larger than " + MAX_SIGNATURE_BYTES + " bytes");
                    }
                    signatures.put(declared, bytes);
                    data = new ByteArrayInputStream(bytes);
                }
                XapiAttachments.Upload upload = attachments.upload(principal.providerUkprn(), declared, partType, data);
                uploads.add(upload);
                if (!upload.sha2().equals(declared)) {
                    throw invalid("Part " + index + "'s data does not hash to its " + HASH + " (" + declared
                                    + "); the LRS matches attachments by hash only (Communication 1.5.2).")
                            .with("part", index);
                }
                for (Declared attachment : declaredBy.get(declared)) {
                    if (upload.length() != attachment.length()) {
                        throw invalid("Part " + index + " holds " + upload.length() + " octets but "
                                        + attachment.path() + ".length is " + attachment.length() + " (the length of"
                                        + " the attachment data in octets, Data 2.4.11).")
                                .with("part", index)
                                .with("property", attachment.path() + ".length");
                    }
                }
                index++;
            }
            ids = statements.store(batch, putId, principal, new Parts(received, signatures), version, () -> {
                // The statements are stored: from here on their attachments' data is kept.
                while (!uploads.isEmpty()) {
                    attachments.commit(principal.providerUkprn(), uploads.remove(uploads.size() - 1));
                }
            });
        } catch (MultipartReader.Malformed e) {
            uploads.forEach(u -> attachments.delete(u.fileId()));
            throw invalid("The multipart/mixed body is malformed: " + e.getMessage() + ".");
        } catch (IOException e) {
            uploads.forEach(u -> attachments.delete(u.fileId()));
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            uploads.forEach(u -> attachments.delete(u.fileId()));
            throw e;
        }
        return ids;
    }

    /** An attachment object of the statements: where it is, and what it declares of its data. */
    record Declared(String path, String contentType, long length) {}

    private static void collect(
            JsonNode list,
            String path,
            Set<String> wanted,
            Set<String> signatures,
            Map<String, List<Declared>> declaredBy) {
        if (list == null || !list.isArray()) {
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode attachment = list.get(i);
            String sha2 = attachment.path("sha2").asText().toLowerCase(Locale.ROOT);
            wanted.add(sha2);
            declaredBy
                    .computeIfAbsent(sha2, k -> new ArrayList<>())
                    .add(new Declared(
                            path + "[" + i + "]",
                            attachment.path("contentType").asText(),
                            attachment.path("length").asLong()));
            if (SIGNATURE_USAGE.equals(attachment.path("usageType").asText())) {
                signatures.add(sha2);
            }
        }
    }

    /** A part's Content-Length header, if it has one; one that is not a number is a malformed part. */
    private static Long contentLength(String header, int index) {
        if (header == null) {
            return null;
        }
        try {
            long length = Long.parseLong(header.trim());
            if (length >= 0) {
                return length;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid("Part " + index + "'s Content-Length is not a number of octets.")
                .with("part", index);
    }

    /**
     * Whether a part's Content-Type matches an attachment's contentType: the same type/subtype (case-insensitive,
     * RFC 2045 5.1), and the same value for each parameter both give. The specification's own example (Communication
     * 1.5.2, "Example") sends contentType {@code text/plain; charset=ascii} with a part of type {@code text/plain},
     * so a parameter only one side gives is no mismatch.
     */
    static boolean sameMediaType(String partType, String contentType) {
        if (!baseType(partType).equalsIgnoreCase(baseType(contentType))) {
            return false;
        }
        Map<String, String> a = parameters(partType);
        Map<String, String> b = parameters(contentType);
        for (Map.Entry<String, String> entry : a.entrySet()) {
            String other = b.get(entry.getKey());
            if (other != null && !other.equalsIgnoreCase(entry.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> parameters(String contentType) {
        Map<String, String> parameters = new HashMap<>();
        String[] pieces = contentType.split(";");
        for (int i = 1; i < pieces.length; i++) {
            int eq = pieces[i].indexOf('=');
            if (eq > 0) {
                String value = pieces[i].substring(eq + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                parameters.put(pieces[i].substring(0, eq).trim().toLowerCase(Locale.ROOT), value);
            }
        }
        return parameters;
    }

    static String baseType(String contentType) {
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim();
    }

    static ApiException invalid(String detail) {
        return ApiException.of(EvidenceError.XAPI_ATTACHMENT_INVALID, detail + " Nothing was stored.");
    }
}
