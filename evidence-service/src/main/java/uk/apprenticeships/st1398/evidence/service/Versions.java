package uk.apprenticeships.st1398.evidence.service;

import uk.apprenticeships.st1398.platform.problem.ApiException;

/** Optimistic concurrency: documents carry a version, and a client may say which version its change is based on. */
final class Versions {

    private Versions() {}

    /**
     * The version read, after checking it against the one the client says it last saw (409 if they differ).
     *
     * @param what the document as the problem names it, e.g. "Evidence 665f..."
     */
    static long expect(String what, long current, Long clientVersion) {
        if (clientVersion != null && clientVersion != current) {
            throw ApiException.of(
                            EvidenceError.VERSION_MISMATCH,
                            what + " is at version " + current + ", not " + clientVersion
                                    + ": someone changed it since you read it. Read it again and retry.")
                    .with("currentVersion", current);
        }
        return current;
    }
}
