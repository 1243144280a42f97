package uk.apprenticeships.st1398.evidence.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MimeTypes;

/**
 * Checks a file's declared content type against its leading bytes with Apache Tika core's magic-number detector
 * (no file name is given to it: names are the uploader's claim, not evidence). Tika core alone sees DOCX and XLSX
 * as ZIP containers, which is accepted for them.
 */
@ApplicationScoped
public class ContentSniffer {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** For each declared type, the detected types that are consistent with it. */
    private static final Map<String, Set<String>> CONSISTENT = Map.of(
            "application/pdf",
            Set.of("application/pdf"),
            "image/png",
            Set.of("image/png"),
            "image/jpeg",
            Set.of("image/jpeg"),
            DOCX,
            Set.of(DOCX, "application/zip", "application/x-tika-ooxml"),
            XLSX,
            Set.of(XLSX, "application/zip", "application/x-tika-ooxml"),
            "text/plain",
            Set.of("text/plain"),
            "text/csv",
            Set.of("text/plain", "text/csv"),
            "video/mp4",
            Set.of("video/mp4", "video/quicktime", "application/mp4", "video/x-m4v"));

    /** How many leading bytes are enough for every type above. */
    public static final int HEAD = 8192;

    private final MimeTypes types = MimeTypes.getDefaultMimeTypes();

    /** The type Tika detects from these leading bytes, without parameters. */
    public String detect(byte[] head) {
        try {
            return types.detect(new ByteArrayInputStream(head), new Metadata())
                    .getBaseType()
                    .toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean consistent(String declared, String detected) {
        return CONSISTENT.getOrDefault(declared, Set.of(declared)).contains(detected);
    }
}
