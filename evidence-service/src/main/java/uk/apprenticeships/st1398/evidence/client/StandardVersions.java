package uk.apprenticeships.st1398.evidence.client;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import uk.apprenticeships.st1398.evidence.service.EvidenceError;
import uk.apprenticeships.st1398.platform.client.Downstreams;
import uk.apprenticeships.st1398.platform.problem.ApiException;

/**
 * Whether a standard-version key such as {@code ST1398_1.0} names a version in the standards catalogue. Asked
 * on every enrolment (rare, and a version can be added at any time), so nothing is cached.
 */
@ApplicationScoped
public class StandardVersions {

    private final StandardsClient client;
    private final Downstreams downstreams;

    public StandardVersions(@RestClient StandardsClient client, Downstreams downstreams) {
        this.client = client;
        this.downstreams = downstreams;
    }

    /** 422 naming the key when the catalogue does not know it; 503/504 when the catalogue cannot be asked. */
    public void requireExists(String standardVersion) {
        int split = standardVersion.indexOf('_');
        if (downstreams
                .readOptional(
                        KsbCatalogue.DOWNSTREAM,
                        () -> client.version(standardVersion.substring(0, split), standardVersion.substring(split + 1)))
                .isEmpty()) {
            throw ApiException.of(
                            EvidenceError.STANDARD_VERSION_UNKNOWN,
                            "Standard version " + standardVersion
                                    + " is not in the standards catalogue; nothing was created.")
                    .with("standardVersion", standardVersion);
        }
    }
}
