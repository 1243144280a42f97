package uk.apprenticeships.st1398.evidence.xapi;

import java.util.regex.Pattern;
import uk.apprenticeships.st1398.evidence.service.EvidenceError;
import uk.apprenticeships.st1398.platform.problem.ApiException;

/**
 * The version header (Communication 3.3): every request but About carries {@code X-Experience-API-Version}; this
 * LRS accepts 2.0 and 2.0.x, and 1.0 and 1.0.x for clients of xAPI 1.0.3, and answers with the latest patch of the
 * version asked for (2.0.0 or 1.0.3).
 */
final class XapiVersions {

    static final Pattern ACCEPTED = Pattern.compile("^(?:2\\.0|1\\.0)(?:\\.\\d+)?$");

    private XapiVersions() {}

    static void require(String version) {
        if (version == null || version.isBlank()) {
            throw ApiException.of(
                            EvidenceError.XAPI_VERSION_HEADER_INVALID,
                            "Every xAPI request but GET /xapi/about carries the header X-Experience-API-Version"
                                    + " (2.0.0, or 1.0.3 for older clients).")
                    .with("header", XapiResource.VERSION_HEADER);
        }
        if (!ACCEPTED.matcher(version.trim()).matches()) {
            throw ApiException.of(
                            EvidenceError.XAPI_VERSION_HEADER_INVALID,
                            "X-Experience-API-Version " + version + " is not supported; this LRS accepts 2.0.x and"
                                    + " 1.0.x.")
                    .with("header", XapiResource.VERSION_HEADER)
                    .with("supportedVersions", java.util.List.of("2.0.0", "1.0.3"));
        }
    }

    /** Whether the client speaks xAPI 1.0.x (it receives statements as 1.0.3 has them: StatementFormats.legacy). */
    static boolean legacy(String requested) {
        return requested != null && requested.trim().startsWith("1.0");
    }

    /** The version to answer with: 1.0.3 to a 1.0.x client, 2.0.0 otherwise. */
    static String answer(String requested) {
        return requested != null && requested.trim().startsWith("1.0") ? "1.0.3" : "2.0.0";
    }
}
